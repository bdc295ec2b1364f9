import type { Context } from 'hono';
import type { z } from 'zod';
import { secretMatches } from './secret-header.ts';

export type WebhookRead<T> = { readonly ok: true; readonly body: unknown; readonly update: T } | { readonly ok: false; readonly response: Response };

/**
 * The checks every platform webhook makes before anything changes: the secret header (compared in
 * constant time, before the body is read: a wrong secret learns nothing), then JSON (400), then the
 * update's shape (400). Oversized bodies never get here: the web server answers 413.
 */
export async function readWebhook<S extends z.ZodType>(
  c: Context,
  check: { readonly header: string; readonly secret: string; readonly refusedStatus: 401 | 403; readonly schema: S },
): Promise<WebhookRead<z.output<S>>> {
  if (!secretMatches(c.req.header(check.header), check.secret)) {
    return { ok: false, response: c.json({ error: check.refusedStatus === 401 ? 'unauthorized' : 'forbidden' }, check.refusedStatus) };
  }
  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch {
    return { ok: false, response: c.json({ error: 'invalid_json' }, 400) };
  }
  const parsed = check.schema.safeParse(body);
  if (!parsed.success) return { ok: false, response: c.json({ error: 'invalid_update' }, 400) };
  return { ok: true, body, update: parsed.data };
}
