import {
  type BusinessProfile,
  type ConditionField,
  derivedValue,
  fieldsOfQuestion,
  inputsOf,
  isDerived,
  type ProfileField,
  type ProfileQuestion,
  profileQuestions,
  type Tri,
} from './business-profile.ts';
import type { AppliesTo, Condition, Criteria, Criterion } from './criteria-schema.ts';

/**
 * Which items apply to a business, decided from a profile that may still be incomplete. A condition on
 * a field nobody has answered is undecided rather than false, so the walk-through can tell which
 * profile questions still matter and skip the rest: a street vendor is never asked about standard
 * contracts, because no item that mentions them applies to street vendors anyway.
 */
export function appliesTo(rule: AppliesTo, profile: BusinessProfile): Tri {
  const all = and((rule.all ?? []).map((c) => holds(c, profile)));
  const any = rule.any ? or(rule.any.map((c) => holds(c, profile))) : true;
  return and([all, any]);
}

export function applicableItems(criteria: Criteria, profile: BusinessProfile): Criterion[] {
  return criteria.items.filter((item) => appliesTo(item.appliesTo, profile) === true);
}

/** The profile question to ask next, or null when every item is decided. */
export function nextProfileQuestion(criteria: Criteria, profile: BusinessProfile): ProfileQuestion | null {
  const relevant = relevantFields(criteria, profile);
  return profileQuestions.find((q) => fieldsOfQuestion(q).some((f) => profile[f] === undefined && relevant.has(f))) ?? null;
}

/** Unanswered fields that could still change which items apply. */
export function relevantFields(criteria: Criteria, profile: BusinessProfile): Set<ProfileField> {
  const fields = new Set<ProfileField>();
  for (const item of criteria.items) {
    if (appliesTo(item.appliesTo, profile) !== undefined) continue;
    for (const c of [...(item.appliesTo.all ?? []), ...(item.appliesTo.any ?? [])]) {
      for (const f of statedInputs(c.field)) if (profile[f] === undefined) fields.add(f);
    }
  }
  return fields;
}

/**
 * The items a profile question decides: those whose conditions read its fields (directly or through
 * a derived value) and that the profile does not decide yet; all that read them once it does.
 */
export function itemsDecidedBy(criteria: Criteria, profile: BusinessProfile, question: ProfileQuestion): Criterion[] {
  const fields = fieldsOfQuestion(question);
  const reads = (item: Criterion) => [...(item.appliesTo.all ?? []), ...(item.appliesTo.any ?? [])].some((c) => statedInputs(c.field).some((f) => fields.includes(f)));
  const open = criteria.items.filter((item) => reads(item) && appliesTo(item.appliesTo, profile) === undefined);
  return open.length > 0 ? open : criteria.items.filter(reads);
}

function statedInputs(field: ConditionField): readonly ProfileField[] {
  return isDerived(field) ? inputsOf(field) : [field];
}

function holds(condition: Condition, profile: BusinessProfile): Tri {
  const value = isDerived(condition.field) ? derivedValue(profile, condition.field) : profile[condition.field];
  if (value === undefined) return undefined;
  if (condition.in) return condition.in.includes(value);
  return !condition.notIn!.includes(value);
}

function and(values: readonly Tri[]): Tri {
  if (values.includes(false)) return false;
  return values.every((v) => v === true) ? true : undefined;
}

function or(values: readonly Tri[]): Tri {
  if (values.includes(true)) return true;
  return values.every((v) => v === false) ? false : undefined;
}
