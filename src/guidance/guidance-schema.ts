import { z } from 'zod';

/** Text in both languages the bot answers in. */
const bilingual = z.object({ vi: z.string().min(1), en: z.string().min(1) }).strict();

/** A citation down to the point: the build checks that each one resolves to loaded text. */
export const guidanceCitationSchema = z
  .object({
    doc: z.string().min(1),
    article: z.number().int().positive(),
    clause: z.number().int().positive().optional(),
    point: z
      .string()
      .regex(/^[a-zđ]$/u)
      .optional(),
  })
  .strict()
  .refine((c) => c.point === undefined || c.clause !== undefined, { message: 'a point needs its clause' });

const foldedCue = z.string().min(2).regex(/^[a-z0-9 ]+$/, 'cues are folded: no diacritics, lower case');

const common = {
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ids are kebab-case'),
  audience: z.enum(['consumer', 'business', 'both']),
  topics: z.array(z.string().min(1)).default([]),
  // Matching rests on these: too few and people phrasing it their own way miss the entry.
  phrasings: z.array(z.string().min(3)).min(4),
};

const answerEntry = z
  .object({
    ...common,
    kind: z.literal('answer'),
    verdict: bilingual,
    conditions: z.array(bilingual).max(4).default([]),
    steps: z.array(bilingual).min(1).max(5),
    citations: z.array(guidanceCitationSchema).min(1).max(4),
    offer: z.array(z.enum(['complaint', 'handoff'])).default([]),
    before2024: bilingual.extend({ citations: z.array(guidanceCitationSchema).default([]) }).strict().optional(),
    /**
     * The verdict for a case the question already states ("doanh nghiệp siêu nhỏ", "vỡ trên đường
     * giao"): a "Tùy" verdict whose condition the user has told answers that case outright. `cues` are
     * folded phrases of the question; `unless` phrases that make another rule apply too (a micro
     * enterprise selling online still owes remote buyers the procedure, Điều 37.1.l).
     */
    whenStated: z
      .array(bilingual.extend({ cues: z.array(foldedCue).min(1), unless: z.array(foldedCue).default([]) }).strict())
      .max(3)
      .default([]),
  })
  .strict();

const outOfScopeEntry = z
  .object({
    ...common,
    kind: z.literal('out_of_scope'),
    verdict: bilingual,
    handler: bilingual,
    conditions: z.array(bilingual).max(3).default([]),
    steps: z.array(bilingual).max(4).default([]),
    // A person may help; a complaint against a business would be the wrong door.
    offer: z.array(z.literal('handoff')).default([]),
  })
  .strict();

const clarifyEntry = z
  .object({
    ...common,
    kind: z.literal('clarify'),
    question: bilingual,
    options: z
      .array(z.object({ label: bilingual, entry: z.string().min(1) }).strict())
      .min(2)
      .max(4),
  })
  .strict();

export const guidanceEntrySchema = z.discriminatedUnion('kind', [answerEntry, outOfScopeEntry, clarifyEntry]);

export const guidanceFileSchema = z
  .object({
    group: z.string().min(1),
    provenance: z.string().min(1),
    entries: z.array(guidanceEntrySchema).min(1),
    leftOut: z.array(z.object({ doc: z.string(), article: z.number().int(), why: z.string().min(1) }).strict()).default([]),
  })
  .strict();

export type GuidanceCitation = z.infer<typeof guidanceCitationSchema>;
export type GuidanceEntry = z.infer<typeof guidanceEntrySchema>;
export type AnswerEntry = Extract<GuidanceEntry, { kind: 'answer' }>;
export type OutOfScopeEntry = Extract<GuidanceEntry, { kind: 'out_of_scope' }>;
export type ClarifyEntry = Extract<GuidanceEntry, { kind: 'clarify' }>;
export type GuidanceFile = z.infer<typeof guidanceFileSchema>;
export type Bilingual = z.infer<typeof bilingual>;
