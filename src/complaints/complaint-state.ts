import { z } from 'zod';
import { draftSchema, emptyDraft, requiredFields } from './complaint-draft.ts';

/**
 * The complaint flow's steps. "collect" asks for what is missing, "confirm" shows the summary,
 * "consent" asks whom to share with, "filed" is the turn after filing (a "cảm ơn" gets a short
 * answer there, anything else leaves the flow), "status"/"withdraw" are detours from any step.
 */
export const complaintSteps = ['collect', 'confirm', 'consent', 'filed', 'status', 'withdraw'] as const;
export type ComplaintStep = (typeof complaintSteps)[number];

/** The flow's stored working data, validated when read back from the conversation. */
export const complaintStateSchema = z.object({
  step: z.enum(complaintSteps).default('collect'),
  draft: draftSchema.default(emptyDraft),
  asked: z.enum(requiredFields).nullable().default(null),
  /** How many times each field was asked: never more than twice (then skip, example or a person). */
  askCounts: z.partialRecord(z.enum(requiredFields), z.number().int().nonnegative()).default({}),
  /** Fields the consumer chose not to give. */
  skipped: z.array(z.enum(requiredFields)).default([]),
  /** Where to go back to after looking at the status list in the middle of a draft. */
  resumeStep: z.enum(['collect', 'confirm', 'consent']).nullable().default(null),
  withdrawRef: z.string().nullable().default(null),
  /** The complaint just filed, for the "filed" step. */
  filedRef: z.string().nullable().default(null),
  lastActivity: z.iso.datetime({ offset: true }).nullable().default(null),
});
export type ComplaintState = z.infer<typeof complaintStateSchema>;

export const freshState = (): ComplaintState => complaintStateSchema.parse({});
