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
      name: z.string().min(1),
      phone: z.string().regex(/^0\d{9,10}$/).nullable(),
      email: z.email().nullable(),
      province: z.string().min(1).nullable(),
    }),
    business: z.object({
      name: z.string().min(1),
      address: z.string().min(1).nullable(),
      platform: z.enum(platforms).nullable(),
    }),
    product: z.string().min(1),
    category: z.string().min(1),
    issue: z.string().min(1),
    purchaseDate: isoDay,
    amountVnd: z.number().int().positive(),
    purchaseChannel: z.enum(purchaseChannels),
    narrative: z.string().min(1),
    desiredResolution: z.array(z.enum(resolutions)).min(1),
    evidence: z.array(evidenceSchema),
    legalBasis: z.array(legalRefSchema).min(1),
    applicableLaw: z.enum(['19/2023/QH15', '59/2010/QH12']),
    suggestedAgency: z.string().min(1),
    consent: z.object({ shareWithBusiness: z.boolean(), shareWithAgency: z.boolean() }),
    deadlines: z.object({ acknowledgeBy: isoDay, negotiateBy: isoDay }),
  })
  .strict()
  .refine((r) => r.consumer.phone !== null || r.consumer.email !== null, { message: 'a phone number or an email is required', path: ['consumer'] });

export type ComplaintRecord = z.infer<typeof complaintRecordSchema>;
export type LegalRef = z.infer<typeof legalRefSchema>;
export type Evidence = z.infer<typeof evidenceSchema>;
