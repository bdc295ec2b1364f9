import { zValidator } from '@hono/zod-validator';
import type { z } from 'zod';

/**
 * Validates a JSON body with zod (@hono/zod-validator): malformed JSON and invalid shapes get a 400
 * with a short reason, never a stack trace, and never reach the handler.
 */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return zValidator('json', schema, (result, c) => {
    if (result.success) return;
    const issue = result.error.issues[0];
    return c.json({ error: 'invalid_request', detail: `${issue?.path.join('.') || 'body'}: ${issue?.message}` }, 400);
  });
}
