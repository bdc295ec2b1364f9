import { z } from 'zod';
import { evidenceSchema } from './complaint-record.ts';
import { platforms } from './extract-platform.ts';
import { resolutions } from './extract-resolution.ts';
import { purchaseChannels } from './infer-purchase-channel.ts';

/**
 * What the bot asks for, one at a time, in this order. "contact" is a phone number or an e-mail.
 * Only the story is needed to file; the rest is asked for and may be skipped ("không rõ", "bỏ qua"):
 * a complaint without the amount is still a complaint, and refusing it would lose the consumer.
 */
export const requiredFields = ['narrative', 'product', 'businessName', 'purchaseDate', 'amountVnd', 'purchaseChannel', 'desiredResolution', 'consumerName', 'contact', 'province'] as const;
export type RequiredField = (typeof requiredFields)[number];

/** Without these the complaint says nothing; they cannot be skipped. */
export const essentialFields: readonly RequiredField[] = ['narrative'];
/** Worth a second try before skipping: a letter needs an addressee and a thing to be about. */
export const importantFields: readonly RequiredField[] = ['product', 'businessName'];

/** The complaint being collected; everything optional until the summary. */
export const draftSchema = z.object({
  narrative: z.string().default(''),
  product: z.string().nullable().default(null),
  businessName: z.string().nullable().default(null),
  businessAddress: z.string().nullable().default(null),
  platform: z.enum(platforms).nullable().default(null),
  purchaseDate: z.iso.date().nullable().default(null),
  purchaseDateApproximate: z.boolean().default(false),
  amountVnd: z.number().int().positive().nullable().default(null),
  purchaseChannel: z.enum(purchaseChannels).nullable().default(null),
  desiredResolution: z.array(z.enum(resolutions)).default([]),
  /** The remedy was read from what happened ("chưa hoàn 560k"), not asked for: a stated wish replaces it. */
  desiredResolutionImplied: z.boolean().default(false),
  consumerName: z.string().nullable().default(null),
  phone: z.string().nullable().default(null),
  email: z.string().nullable().default(null),
  province: z.string().nullable().default(null),
  provinceFormer: z.string().nullable().default(null),
  /** The province was said as where the consumer lives, not read from where the seller is. */
  provinceOfConsumer: z.boolean().default(false),
  evidence: z.array(evidenceSchema).default([]),
});
export type Draft = z.infer<typeof draftSchema>;

export const emptyDraft = (): Draft => draftSchema.parse({});

/** The fields still to ask for: empty and not skipped by the consumer. */
export function missingFields(d: Draft, skipped: readonly RequiredField[] = []): RequiredField[] {
  return requiredFields.filter((f) => {
    if (skipped.includes(f)) return false;
    switch (f) {
      case 'narrative':
        return d.narrative.trim() === '';
      case 'desiredResolution':
        return d.desiredResolution.length === 0;
      case 'contact':
        return d.phone === null && d.email === null;
      default:
        return d[f] === null;
    }
  });
}

/** True once the consumer has told anything worth resuming. */
export function hasContent(d: Draft): boolean {
  return missingFields(d).length < requiredFields.length || d.evidence.length > 0;
}
