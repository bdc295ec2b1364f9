import type { TaggedValue } from './complaint-span-tagger.ts';
import { spanFields, type SpanField } from './span-alignment.ts';

/**
 * How the extractor weighs the tagger against the rules for one field:
 * - `rules`: the rules alone (the tagger did not beat them on held-out sets);
 * - `fill`: the tagger's span when the rules read nothing and its margin is at least `margin`;
 * - `override`: the tagger's span whenever its margin is at least `margin`, the rules' otherwise.
 */
export interface FieldPolicy {
  readonly use: 'rules' | 'fill' | 'override';
  readonly margin: number;
}

export type SpanPolicy = Readonly<Record<SpanField, FieldPolicy>>;

/** Chosen by leave-one-set-out cross-validation (test/fixtures/complaints/README.md, figures). */
export const defaultSpanPolicy: SpanPolicy = {
  seller: { use: 'fill', margin: 0 },
  address: { use: 'rules', margin: 0 },
  product: { use: 'rules', margin: 0 },
};

/** The value to file: the rules' or the tagger's, by the field's policy; a tagged value must pass `valid`. */
export function decideSpan(policy: FieldPolicy, rules: string | null, tagged: TaggedValue | null, valid: (value: string) => boolean): string | null {
  if (policy.use === 'rules' || tagged === null || tagged.margin < policy.margin || !valid(tagged.value)) return rules;
  if (policy.use === 'fill') return rules ?? tagged.value;
  return tagged.value;
}

/** Whether any field could file the tagger's reading, given what the rules read. */
export function needsTagger(policy: SpanPolicy, rules: Readonly<Partial<Record<SpanField, string | null>>>): boolean {
  return spanFields.some((f) => policy[f].use === 'override' || (policy[f].use === 'fill' && !rules[f]));
}
