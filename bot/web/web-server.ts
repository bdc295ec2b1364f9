import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { Logger } from '../../src/shared/logger.ts';
import type { rateLimits } from './rate-limits.ts';
import { pageSecurityHeaders } from './security-headers.ts';

type RateLimits = ReturnType<typeof rateLimits>;

const publicDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'public');

const staticFiles: Record<string, string> = {
  '/': 'index.html',
  '/chat.js': 'chat.js',
  '/chat.css': 'chat.css',
  '/favicon.svg': 'favicon.svg',
};
const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

export interface WebServerOptions {
  readonly logger: Logger;
  /** Sub-applications mounted under a path: "/api/chat", "/staff", "/telegram", "/zalo". */
  readonly mounts: ReadonlyArray<{ readonly path: string; readonly app: Hono }>;
  readonly maxBodyBytes?: number;
  /**
   * Full paths whose route applies its own, larger body limit (the web chat's attachments, up to
   * UPLOAD_MAX_BYTES): the server-wide limit leaves them alone.
   */
  readonly ownBodyLimit?: readonly string[];
  /** Published over https (PUBLIC_URL): sends HSTS. */
  readonly https?: boolean;
  /** Request-rate limits (bot/web/rate-limits.ts); none when absent (tests that flood on purpose). */
  readonly limits?: RateLimits;
  /**
   * Whether this instance should get traffic (GET /readyz: 200 or 503): false while starting and
   * once shutting down, so a load balancer drains it before it stops. Always ready when absent.
   */
  readonly ready?: () => Promise<boolean>;
}

/**
 * The HTTP server every web-facing part shares: the web chat page, its API, channel webhooks and the
 * staff console. One error boundary turns any failure into a clean JSON error and a log line.
 */
export function createWebServer(options: WebServerOptions): Hono {
  const app = new Hono();
  const serverLimit = bodyLimit({ maxSize: options.maxBodyBytes ?? 256 * 1024, onError: (c) => c.json({ error: 'payload_too_large' }, 413) });
  const ownLimit = new Set(options.ownBodyLimit ?? []);
  app.use('*', (c, next) => (ownLimit.has(c.req.path) ? next() : serverLimit(c, next)));
  app.use('*', pageSecurityHeaders({ https: options.https ?? false }));
  if (options.limits) {
    const { chat, login, webhook, upload } = options.limits;
    const onPost = (limit: MiddlewareHandler): MiddlewareHandler => (c, next) => (c.req.method === 'POST' ? limit(c, next) : next());
    app.use('/api/chat/*', ...chat.map(onPost));
    app.use('/api/chat/attachments', onPost(upload));
    app.use('/staff/login', onPost(login));
    for (const mount of options.mounts) if (!['/api/chat', '/staff'].includes(mount.path)) app.use(`${mount.path}/*`, onPost(webhook));
  }
  // Liveness: the process answers. Readiness: it can take turns (database reachable, channels up).
  app.get('/healthz', (c) => c.json({ ok: true }));
  app.get('/readyz', async (c) => {
    const ready = options.ready ? await options.ready().catch(() => false) : true;
    return c.json({ ready }, ready ? 200 : 503);
  });
  for (const [route, file] of Object.entries(staticFiles)) {
    app.get(route, async (c) => {
      const body = await readFile(path.join(publicDir, file));
      c.header('Content-Type', contentTypes[path.extname(file)] ?? 'application/octet-stream');
      c.header('Cache-Control', 'no-cache');
      return c.body(body);
    });
  }
  for (const mount of options.mounts) app.route(mount.path, mount.app);
  app.notFound((c) => c.json({ error: 'not_found' }, 404));
  app.onError((error, c) => {
    if (error instanceof HTTPException) {
      const status = error.status;
      return c.json({ error: status === 400 ? 'invalid_request' : 'http_error', detail: error.message }, status);
    }
    options.logger.error({ err: error, path: c.req.path }, 'request failed');
    return c.json({ error: 'internal_error' }, 500);
  });
  return app;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export function listen(app: Hono, port: number, hostname: string): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    let server: ServerType;
    try {
      server = serve({ fetch: app.fetch, port, hostname }, (info: AddressInfo) => {
        const host = hostname === '0.0.0.0' || hostname === '127.0.0.1' ? 'localhost' : hostname;
        resolve({
          url: `http://${host}:${info.port}`,
          port: info.port,
          close: () => new Promise<void>((done, fail) => server.close((err) => (err ? fail(err) : done()))),
        });
      });
      server.once('error', reject);
    } catch (error) {
      reject(error);
    }
  });
}
