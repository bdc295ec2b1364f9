import { applicableItems } from './applicability.ts';
import type { BusinessProfile } from './business-profile.ts';
import type { AnswerValue, Criteria, Criterion, CriterionPart } from './criteria-schema.ts';
import { itemAnswer } from './item-questions.ts';

export interface ScoredItem {
  readonly item: Criterion;
  readonly answer: AnswerValue;
  /** The parts not met, for an item asked in parts: the action plan names them. */
  readonly missing: readonly CriterionPart[];
  /** Each part's own answer, by question key; empty for an item asked in one question. */
  readonly partAnswers: Readonly<Record<string, AnswerValue>>;
  /** Points earned: weight × the answer's credit. */
  readonly earned: number;
}

export interface AreaScore {
  readonly area: string;
  readonly score: number;
  readonly maxScore: number;
  readonly percent: number;
}

export interface AssessmentScore {
  /** Every applicable item with its answer (unanswered counts as "unknown"). */
  readonly items: readonly ScoredItem[];
  readonly score: number;
  readonly maxScore: number;
  readonly percent: number;
  /** Areas that have applicable items, in the criteria's order. */
  readonly areas: readonly AreaScore[];
  /** Items not fully met, most pressing first. */
  readonly gaps: readonly ScoredItem[];
  /** The first few gaps, whose first steps make the "do this week" list. */
  readonly thisWeek: readonly ScoredItem[];
}

/** Gaps of equal kind and weight: a plain "no" first, then "don't know" (to check), then "partly". */
const answerUrgency: Record<AnswerValue, number> = { no: 0, unknown: 1, partly: 2, yes: 3 };

/**
 * Scores a business against the items that apply to it. Unmet items are ordered by legal weight:
 * legal obligations before programme good practice, heavier items first, then the least met; the
 * criteria file's order breaks ties so the same answers always give the same plan.
 */
export function scoreAssessment(criteria: Criteria, profile: BusinessProfile, answers: Readonly<Record<string, AnswerValue>>): AssessmentScore {
  const items = applicableItems(criteria, profile).map((item): ScoredItem => {
    const { answer, missing, partAnswers } = itemAnswer(item, answers);
    return { item, answer, missing, partAnswers, earned: item.weight * criteria.answerCredit[answer] };
  });
  const score = sum(items.map((i) => i.earned));
  const maxScore = sum(items.map((i) => i.item.weight));
  const areas = criteria.areas.flatMap((area): AreaScore[] => {
    const inArea = items.filter((i) => i.item.area === area.id);
    if (inArea.length === 0) return [];
    const s = sum(inArea.map((i) => i.earned));
    const m = sum(inArea.map((i) => i.item.weight));
    return [{ area: area.id, score: s, maxScore: m, percent: percentOf(s, m) }];
  });
  const order = new Map(criteria.items.map((item, i) => [item.id, i]));
  const gaps = items
    .filter((i) => i.earned < i.item.weight)
    .sort(
      (a, b) =>
        kindRank(a.item) - kindRank(b.item) ||
        b.item.weight - a.item.weight ||
        answerUrgency[a.answer] - answerUrgency[b.answer] ||
        order.get(a.item.id)! - order.get(b.item.id)!,
    );
  return { items, score, maxScore, percent: percentOf(score, maxScore), areas, gaps, thisWeek: gaps.slice(0, criteria.thisWeekCount) };
}

export function percentOf(score: number, maxScore: number): number {
  return maxScore === 0 ? 0 : Math.round((score / maxScore) * 100);
}

function kindRank(item: Criterion): number {
  return item.kind === 'obligation' ? 0 : 1;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
