import { z } from 'zod';
import { locales, type Locale } from '../i18n/translator.ts';
import { profileSchema, type BusinessProfile } from './business-profile.ts';
import { answerValues, basisSchema, criterionKinds, type AnswerValue, type Criteria } from './criteria-schema.ts';
import type { AssessmentScore } from './scoring.ts';

export const selfAssessmentRecordType = 'self_assessment';

/**
 * A finished self-assessment in its export format: stored in SelfAssessment.result, listed by script
 * mode as {"type": "self_assessment", "data": ...}, and read back by the report and the staff
 * aggregates. Texts (titles, actions) are in the language the business used.
 */
export const assessmentRecordSchema = z.object({
  business: z.string(),
  criteria: z.object({ id: z.string(), version: z.number().int() }),
  completedAt: z.iso.datetime(),
  locale: z.enum(locales),
  profile: profileSchema,
  answers: z.record(z.string(), z.enum(answerValues)),
  score: z.number(),
  maxScore: z.number(),
  percent: z.number(),
  areas: z.array(z.object({ area: z.string(), title: z.string(), score: z.number(), maxScore: z.number(), percent: z.number() })),
  gaps: z.array(
    z.object({
      item: z.string(),
      title: z.string(),
      kind: z.enum(criterionKinds),
      weight: z.number(),
      answer: z.enum(answerValues),
      basis: z.array(basisSchema),
      action: z.string(),
    }),
  ),
  thisWeek: z.array(z.object({ item: z.string(), step: z.string() })),
});
export type AssessmentRecord = z.infer<typeof assessmentRecordSchema>;

export function buildAssessmentRecord(input: {
  criteria: Criteria;
  business: string;
  profile: BusinessProfile;
  result: AssessmentScore;
  locale: Locale;
  completedAt: Date;
}): AssessmentRecord {
  const { criteria, result, locale } = input;
  const areaTitle = new Map(criteria.areas.map((a) => [a.id, a.title[locale]]));
  const answers: Record<string, AnswerValue> = {};
  for (const scored of result.items) answers[scored.item.id] = scored.answer;
  return {
    business: input.business,
    criteria: { id: criteria.id, version: criteria.version },
    completedAt: input.completedAt.toISOString(),
    locale,
    profile: input.profile,
    answers,
    score: result.score,
    maxScore: result.maxScore,
    percent: result.percent,
    areas: result.areas.map((a) => ({ ...a, title: areaTitle.get(a.area) ?? a.area })),
    gaps: result.gaps.map((g) => ({
      item: g.item.id,
      title: g.item.title[locale],
      kind: g.item.kind,
      weight: g.item.weight,
      answer: g.answer,
      basis: g.item.basis,
      action: g.item.action[locale],
    })),
    thisWeek: result.thisWeek.map((g) => ({ item: g.item.id, step: g.item.firstStep[locale] })),
  };
}

export interface Progress {
  readonly previousPercent: number;
  readonly previousCompletedAt: string;
  /** Percentage points gained (negative when worse). */
  readonly delta: number;
  /** Items that were gaps last time and are met now. */
  readonly fixed: readonly string[];
  /** Items that are gaps now but were not last time (or were not asked). */
  readonly newGaps: readonly string[];
}

/** Progress since the business's previous result; profiles may differ, so items are compared by id. */
export function progressSince(previous: AssessmentRecord, current: AssessmentRecord): Progress {
  const before = new Set(previous.gaps.map((g) => g.item));
  const now = new Set(current.gaps.map((g) => g.item));
  return {
    previousPercent: previous.percent,
    previousCompletedAt: previous.completedAt,
    delta: current.percent - previous.percent,
    fixed: [...before].filter((id) => !now.has(id) && id in current.answers),
    newGaps: [...now].filter((id) => !before.has(id)),
  };
}
