import type { Context, MiddlewareHandler } from 'hono';
import { validator } from 'hono/validator';
import type { z } from 'zod';

/**
 * Validates a JSON body with zod: malformed JSON and invalid shapes get a 400 with a short reason,
 * never a stack trace, and never reach the handler.
 */
export function jsonBody<T extends z.ZodType>(schema: T): MiddlewareHandler<any, string, { in: { json: z.input<T> }; out: { json: z.output<T> } }> {
  return validator('json', (value, c: Context) => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return c.json({ error: 'invalid_request', detail: `${issue?.path.join('.') || 'body'}: ${issue?.message}` }, 400);
    }
    return parsed.data;
  }) as MiddlewareHandler<any, string, { in: { json: z.input<T> }; out: { json: z.output<T> } }>;
}
