import { z } from 'zod';
import { channelNames } from '../dialogue/messages.ts';
import { complaintStatuses } from './complaint-lifecycle.ts';
import { platforms } from './extract-platform.ts';
import { resolutions } from './extract-resolution.ts';
import { purchaseChannels } from './infer-purchase-channel.ts';

const isoDay = z.iso.date();

export const referencePattern = /^KN-\d{8}-[A-Z0-9]{5}$/;

export const evidenceSchema = z.object({
  kind: z.enum(['photo', 'document', 'sticker', 'voice', 'video', 'location', 'other']),
  fileId: z.string().nullable(),
  fileName: z.string().nullable(),
  mimeType: z.string().nullable(),
  receivedAt: z.iso.datetime({ offset: true }),
});

export const legalRefSchema = z.object({
  doc: z.string().min(1),
  article: z.number().int().positive(),
  clause: z.number().int().positive().nullable(),
});

/**
 * THE complaint record: what is stored (Complaint.record), validated when read back, exported to
 * staff and agencies, and listed by script mode as {"type": "complaint", "data": <record>}.
 */
export const complaintRecordSchema = z
  .object({
    reference: z.string().regex(referencePattern),
    status: z.enum(complaintStatuses),
    channel: z.enum(channelNames),
    createdAt: z.iso.datetime({ offset: true }),
    consumer: z.object({
      // Everything but the story may be left out: a consumer who will not give a name still has a
      // complaint, and the chat itself is a way to reach them.
      name: z.string().min(1).nullable(),
      phone: z.string().regex(/^0\d{9,10}$/).nullable(),
      email: z.email().nullable(),
      province: z.string().min(1).nullable(),
    }),
    business: z.object({
      name: z.string().min(1).nullable(),
      address: z.string().min(1).nullable(),
      platform: z.enum(platforms).nullable(),
    }),
    product: z.string().min(1).nullable(),
    category: z.string().min(1),
    issue: z.string().min(1),
    purchaseDate: isoDay.nullable(),
    amountVnd: z.number().int().positive().nullable(),
    purchaseChannel: z.enum(purchaseChannels).nullable(),
    narrative: z.string().min(1),
    /** As the consumer chose them, the main one first. */
    desiredResolution: z.array(z.enum(resolutions)),
    evidence: z.array(evidenceSchema),
    legalBasis: z.array(legalRefSchema).min(1),
    /** The law's document id (a law's number, "nn/yyyy/QHnn"), which the documents' headers decide (consumer-law.ts). */
    applicableLaw: z.string().regex(/^\d+\/\d{4}\/QH\d+$/),
    suggestedAgency: z.string().min(1),
    /**
     * "negotiation": a dispute with a business, answered by a negotiation letter and its deadlines.
     * "fraud_report": the "seller" took the money and vanished; a matter for the police, the bank and
     * the platform, filed with the agency for the record. Older records were all negotiations.
     */
    handling: z.enum(['negotiation', 'fraud_report']).default('negotiation'),
    consent: z.object({ shareWithBusiness: z.boolean(), shareWithAgency: z.boolean() }),
    deadlines: z.object({ acknowledgeBy: isoDay, negotiateBy: isoDay }),
  })
  .strict();

export type ComplaintRecord = z.infer<typeof complaintRecordSchema>;
export type LegalRef = z.infer<typeof legalRefSchema>;
export type Evidence = z.infer<typeof evidenceSchema>;
