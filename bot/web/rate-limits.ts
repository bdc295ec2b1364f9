import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { rateLimiter } from 'hono-rate-limiter';
import type { Translator } from '../../src/i18n/translator.ts';
import { clientAddress } from './client-address.ts';

export interface RateLimitPolicy {
  /** Web chat messages per browser session (or per address before it has one) per minute. */
  readonly chatPerSession: number;
  /** Web chat messages from one address per minute (a whole office NAT shares it). */
  readonly chatPerAddress: number;
  /** Login form posts from one address per minute, before the login throttle's own limits. */
  readonly loginPerAddress: number;
  /** Webhook calls from one address per minute (the platforms send from few addresses, in bursts). */
  readonly webhookPerAddress: number;
  /** Photos and files per browser session per minute, on top of the chat's limits (each may be megabytes). */
  readonly uploadsPerSession?: number;
}

/**
 * Generous for a person (a message every two seconds), tight for a script. Webhooks carry every
 * user of a platform from a handful of its addresses: their limit (200 a second) only stops a flood
 * and sits above what one instance can answer (about 80 turns a second on two cores, npm run
 * chaos); 1,200 a minute throttled the platform itself at 20 messages a second.
 */
export const defaultRateLimits: RateLimitPolicy = { chatPerSession: 30, chatPerAddress: 240, loginPerAddress: 20, webhookPerAddress: 12_000 };

const minute = 60_000;

/**
 * Request-rate limits answering 429 with a polite, localised text and a Retry-After, built on
 * hono-rate-limiter with its in-memory store: each process counts its own requests, which bounds the
 * load one client puts on it; several instances each allow the limit (a shared store is a drop-in
 * change of `store`). Rejected requests never reach the engine, retrieval or the database.
 */
export function rateLimits(policy: RateLimitPolicy, options: { readonly trustedProxies: readonly string[]; readonly t: Translator }) {
  const address = (c: Context) => clientAddress(c, options.trustedProxies);
  const text = options.t.t('channels.web.rateLimited');
  const limiter = (limit: number, key: (c: Context) => string, kind: 'json' | 'text'): MiddlewareHandler =>
    rateLimiter({
      windowMs: minute,
      limit,
      standardHeaders: 'draft-6',
      keyGenerator: key,
      handler: (c) => (kind === 'json' ? c.json({ error: 'rate_limited', message: text }, 429) : c.text(text, 429)),
    });
  return {
    chat: [
      limiter(policy.chatPerAddress, (c) => `chat-ip:${address(c)}`, 'json'),
      limiter(policy.chatPerSession, (c) => `chat-session:${getCookie(c, 'bvntd_chat') ?? address(c)}`, 'json'),
    ] as const,
    login: limiter(policy.loginPerAddress, (c) => `login:${address(c)}`, 'text'),
    webhook: limiter(policy.webhookPerAddress, (c) => `webhook:${address(c)}`, 'json'),
    upload: limiter(policy.uploadsPerSession ?? 10, (c) => `upload-session:${getCookie(c, 'bvntd_chat') ?? address(c)}`, 'json'),
  };
}
