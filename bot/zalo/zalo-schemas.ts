import { z } from 'zod';

/** Zalo documents every id as a string; numbers are accepted and normalised, as some senders use them. */
const id = z.union([z.string().min(1), z.number()]).transform(String);

export const zaloEnvelopeSchema = z.union([
  z.looseObject({ ok: z.literal(true), result: z.unknown() }),
  z.looseObject({ ok: z.literal(false), error_code: z.coerce.number().int(), description: z.string().optional() }),
]);

export const zaloMeSchema = z.looseObject({
  id,
  account_name: z.string().optional(),
  account_type: z.string().optional(),
  can_join_groups: z.boolean().optional(),
});
export type ZaloMe = z.infer<typeof zaloMeSchema>;

export const zaloSentSchema = z.looseObject({ message_id: id.optional(), date: z.number().optional() });

export const zaloWebhookInfoSchema = z.looseObject({ url: z.string(), updated_at: z.number().optional() });

export const zaloMessageSchema = z.looseObject({
  from: z.looseObject({ id, display_name: z.string().optional(), first_name: z.string().optional(), is_bot: z.boolean().optional() }),
  chat: z.looseObject({ id, chat_type: z.string().optional() }),
  message_id: id,
  date: z.number().optional(),
  text: z.string().optional(),
  caption: z.string().optional(),
  /** An image URL (the documented form) or an object describing it. */
  photo: z.unknown().optional(),
  sticker: z.unknown().optional(),
});
export type ZaloMessage = z.infer<typeof zaloMessageSchema>;

/** The message stays unparsed here: unknown events may carry other shapes and are ignored, not rejected. */
export const zaloUpdateSchema = z.looseObject({ event_name: z.string().min(1), message: z.unknown().optional() });
export type ZaloUpdate = z.infer<typeof zaloUpdateSchema>;

/** Webhook bodies and getUpdates results come wrapped ({ok, result}) or bare; both are accepted. */
export const zaloUpdateBodySchema = z.union([z.looseObject({ ok: z.boolean().optional(), result: zaloUpdateSchema }).transform((b) => b.result), zaloUpdateSchema]);

/** getUpdates returns one update (documented) or, from some servers, a list. */
export const zaloGetUpdatesResultSchema = z.union([z.array(zaloUpdateSchema), zaloUpdateSchema.transform((u) => [u])]);
