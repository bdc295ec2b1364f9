import { zValidator } from '@hono/zod-validator';
import type { z } from 'zod';
import type { StaffContext } from './staff-env.ts';

/**
 * A console form validated with zod before the handler runs (@hono/zod-validator on the form
 * body); an invalid one is answered by `onInvalid` (a redirect with the flash, or the form drawn
 * again), never by the handler. A field sent twice arrives as an array and fails a schema that
 * expects one value: no form of the console repeats a name.
 */
export function formBody<T extends z.ZodType>(schema: T, onInvalid: (c: StaffContext) => Response | Promise<Response>) {
  // Mounted only on the console's Hono<StaffEnv> routes, whose context the hook's generic one is.
  return zValidator('form', schema, (result, c) => (result.success ? undefined : onInvalid(c as unknown as StaffContext)));
}

/** The route's path parameters validated the same way, before any form: an invalid one is `onInvalid`'s answer (a 404 page). */
export function pathParams<T extends z.ZodType>(schema: T, onInvalid: (c: StaffContext) => Response | Promise<Response>) {
  return zValidator('param', schema, (result, c) => (result.success ? undefined : onInvalid(c as unknown as StaffContext)));
}
