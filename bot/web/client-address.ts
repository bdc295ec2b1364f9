import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The client's address: the socket's, or, when the socket is a configured proxy, the nearest
 * address in X-Forwarded-For that is not one of the proxies (the header's left part is whatever the
 * client wrote, so it is read from the right).
 */
export function clientAddress(c: Context, trustedProxies: readonly string[] = []): string {
  let socket: string;
  try {
    socket = normaliseAddress(getConnInfo(c).remote.address ?? 'unknown');
  } catch (error) {
    // Outside a Node server (app.request in a test) there is no socket; throttle them as one address.
    if (error instanceof TypeError) return 'local';
    throw error;
  }
  const trusted = new Set(trustedProxies.map(normaliseAddress));
  if (!trusted.has(socket)) return socket;
  const hops = (c.req.header('x-forwarded-for') ?? '').split(',').map((a) => normaliseAddress(a.trim())).filter((a) => a !== '');
  for (let i = hops.length - 1; i >= 0; i--) if (!trusted.has(hops[i]!)) return hops[i]!;
  return socket;
}

/** "::ffff:127.0.0.1" and "127.0.0.1" are the same client. */
function normaliseAddress(address: string): string {
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}
