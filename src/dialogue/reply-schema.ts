import { z } from 'zod';
import { locales } from '../i18n/translator.ts';
import type { Reply } from './messages.ts';

/** Replies as stored in the database (files base64-encoded), validated when read back. */
const storedReplySchema = z.object({
  text: z.string(),
  options: z.array(z.object({ id: z.string(), label: z.string() })).optional(),
  file: z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string() }).optional(),
  from: z.literal('staff').optional(),
  locale: z.enum(locales).optional(),
  broadcast: z.literal(true).optional(),
});

export function serializeReplies(replies: readonly Reply[]): string {
  return JSON.stringify(
    replies.map((r) => ({
      text: r.text,
      ...(r.options ? { options: r.options } : {}),
      ...(r.file ? { file: { fileName: r.file.fileName, mimeType: r.file.mimeType, base64: Buffer.from(r.file.data).toString('base64') } } : {}),
      ...(r.from ? { from: r.from } : {}),
      ...(r.locale ? { locale: r.locale } : {}),
      ...(r.broadcast ? { broadcast: true as const } : {}),
    })),
  );
}

export function deserializeReplies(json: string): Reply[] {
  return z
    .array(storedReplySchema)
    .parse(JSON.parse(json))
    .map((r) => ({
      text: r.text,
      ...(r.options ? { options: r.options } : {}),
      ...(r.file ? { file: { fileName: r.file.fileName, mimeType: r.file.mimeType, data: Buffer.from(r.file.base64, 'base64') } } : {}),
      ...(r.from ? { from: r.from } : {}),
      ...(r.locale ? { locale: r.locale } : {}),
      ...(r.broadcast ? { broadcast: true as const } : {}),
    }));
}
