import type { AnswerValue, Basis, Criterion, CriterionPart, LocalizedText } from './criteria-schema.ts';

/** One yes/no question of the walk-through: a whole item, or one part of an item of several conditions. */
export interface ItemQuestion {
  /** Where its answer is saved: the item id, or "item.part". */
  readonly key: string;
  readonly item: Criterion;
  readonly part?: CriterionPart;
  readonly question: LocalizedText;
  readonly basis: readonly Basis[];
}

/**
 * The questions to ask for these items. Given the answers so far, a part that builds on an earlier one
 * the business does not meet ("after") is left out; without answers every question is listed, which
 * is the most the interview can ask.
 */
export function questionsOf(items: readonly Criterion[], answers?: Readonly<Record<string, AnswerValue>>): ItemQuestion[] {
  return items.flatMap((item): ItemQuestion[] =>
    item.parts
      ? item.parts
          .filter((part) => answers === undefined || isAsked(item, part, answers))
          .map((part) => ({ key: partKey(item, part), item, part, question: part.question, basis: part.basis }))
      : [{ key: item.id, item, question: item.question!, basis: item.basis }],
  );
}

/** Whether a part is asked: it builds on nothing, or on a part met at least in part (recursively). */
function isAsked(item: Criterion, part: CriterionPart, answers: Readonly<Record<string, AnswerValue>>): boolean {
  if (part.after === undefined) return true;
  const earlier = item.parts!.find((p) => p.id === part.after)!;
  const value = answers[partKey(item, earlier)] ?? answers[item.id];
  return isAsked(item, earlier, answers) && (value === undefined || value === 'yes' || value === 'partly');
}

export function partKey(item: Criterion, part: CriterionPart): string {
  return `${item.id}.${part.id}`;
}

export interface ItemAnswer {
  readonly answer: AnswerValue;
  /** Parts not answered "yes", in the criteria's order; empty for an item asked in one question. */
  readonly missing: readonly CriterionPart[];
  readonly partAnswers: Readonly<Record<string, AnswerValue>>;
}

/**
 * An item's answer from its questions. Parts scored "allParts" make a "yes" only when all are yes, a
 * "no" when none earns credit and one is a no, "don't know" when all are, and otherwise "partly". An
 * answer saved for the whole item (before it was split) still counts for every part.
 */
export function itemAnswer(item: Criterion, answers: Readonly<Record<string, AnswerValue>>): ItemAnswer {
  if (!item.parts) return { answer: answers[item.id] ?? 'unknown', missing: [], partAnswers: {} };
  // A part left out because the one it builds on is not met does not count: that one is the gap.
  const asked = item.parts.filter((p) => isAsked(item, p, answers));
  const values = asked.map((p) => answers[partKey(item, p)] ?? answers[item.id] ?? 'unknown');
  const partAnswers = Object.fromEntries(asked.map((p, i) => [partKey(item, p), values[i]!]));
  switch (item.metWhen) {
    case 'allParts':
    default:
      return { answer: allParts(values), missing: asked.filter((_, i) => values[i] !== 'yes'), partAnswers };
  }
}

function allParts(values: readonly AnswerValue[]): AnswerValue {
  if (values.every((v) => v === 'yes')) return 'yes';
  if (values.every((v) => v === 'unknown')) return 'unknown';
  if (values.some((v) => v === 'yes' || v === 'partly')) return 'partly';
  return 'no';
}
