import { z } from 'zod';
import { locales, type Locale } from '../i18n/translator.ts';
import { profileSchema, type BusinessProfile } from './business-profile.ts';
import { answerValues, type Basis, basisKey, basisSchema, criterionKinds, type AnswerValue, type Criteria } from './criteria-schema.ts';
import type { AssessmentScore, ScoredItem } from './scoring.ts';

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
  /** One answer per item; an item asked in parts has its combined answer here and each part's below. */
  answers: z.record(z.string(), z.enum(answerValues)),
  partAnswers: z.record(z.string(), z.enum(answerValues)).optional(),
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
      /** The parts not met, by title, for an item asked in parts. */
      missing: z.array(z.string()).optional(),
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
  const partAnswers: Record<string, AnswerValue> = {};
  for (const scored of result.items) {
    answers[scored.item.id] = scored.answer;
    for (const [key, answer] of Object.entries(scored.partAnswers)) partAnswers[key] = answer;
  }
  return {
    business: input.business,
    criteria: { id: criteria.id, version: criteria.version },
    completedAt: input.completedAt.toISOString(),
    locale,
    profile: input.profile,
    answers,
    ...(Object.keys(partAnswers).length > 0 ? { partAnswers } : {}),
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
      basis: basisOfGap(g),
      action: g.item.action[locale],
      ...(g.missing.length > 0 ? { missing: g.missing.map((p) => p.title[locale]) } : {}),
    })),
    thisWeek: result.thisWeek.map((g) => ({ item: g.item.id, step: g.item.firstStep[locale] })),
  };
}

/** What a gap cites: for an item asked in parts, the clauses of the parts not met, in the item's order. */
function basisOfGap(gap: ScoredItem): Basis[] {
  if (gap.missing.length === 0) return gap.item.basis;
  const missing = new Set(gap.missing.flatMap((p) => p.basis.map(basisKey)));
  return gap.item.basis.filter((b) => missing.has(basisKey(b)));
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
