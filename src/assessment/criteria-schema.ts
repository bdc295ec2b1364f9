import { z } from 'zod';
import { profileFieldNames } from './business-profile.ts';

/** Text the business reads, in both languages the bot speaks. */
export const localizedTextSchema = z.object({ vi: z.string().min(1), en: z.string().min(1) }).strict();
export type LocalizedText = z.infer<typeof localizedTextSchema>;

export const answerValues = ['yes', 'partly', 'no', 'unknown'] as const;
export type AnswerValue = (typeof answerValues)[number];

/**
 * Where an item's duty comes from: an article (clause, point) of a legal text, or a plan section.
 * Both must resolve in the knowledge base; a test and start-up check enforce it.
 */
export const basisSchema = z.union([
  z
    .object({
      doc: z.string().min(1),
      article: z.number().int().positive(),
      clause: z.number().int().positive().optional(),
      point: z.string().regex(/^[a-zđ]$/).optional(),
    })
    .strict()
    .refine((b) => b.point === undefined || b.clause !== undefined, { message: 'a point needs its clause' }),
  z.object({ doc: z.string().min(1), section: z.string().regex(/^[IVX]+(\.\d+(\.[a-zđ])?)?$/) }).strict(),
]);
export type Basis = z.infer<typeof basisSchema>;

const conditionValue = z.union([z.string(), z.boolean()]);
/** One test on the profile: the field's value is (not) one of the listed values. Unknown fields stay undecided. */
export const conditionSchema = z
  .object({
    field: z.enum(profileFieldNames),
    in: z.array(conditionValue).min(1).optional(),
    notIn: z.array(conditionValue).min(1).optional(),
  })
  .strict()
  .refine((c) => (c.in === undefined) !== (c.notIn === undefined), { message: 'give exactly one of "in" and "notIn"' });
export type Condition = z.infer<typeof conditionSchema>;

/** All of `all`, and at least one of `any` when given; `{}` applies to every business. */
export const appliesToSchema = z
  .object({ all: z.array(conditionSchema).optional(), any: z.array(conditionSchema).min(1).optional() })
  .strict();
export type AppliesTo = z.infer<typeof appliesToSchema>;

export const criterionKinds = ['obligation', 'practice'] as const;
export type CriterionKind = (typeof criterionKinds)[number];

/**
 * One condition of an item that bundles several, asked as its own yes/no question. Each part keeps the
 * clauses it comes from (a subset of the item's basis), so "tại sao?" and the plan cite the right one.
 */
export const criterionPartSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    /** What is missing when the answer is not "yes", named in the action plan. */
    title: localizedTextSchema,
    question: localizedTextSchema,
    basis: z.array(basisSchema).min(1),
    /**
     * An earlier part this one builds on ("are those procedures published?"): asked only when that part
     * is met at least in part; otherwise not asked and left out of the item's answer, whose gap is then
     * the earlier part.
     */
    after: z.string().optional(),
  })
  .strict();
export type CriterionPart = z.infer<typeof criterionPartSchema>;

/** How an item asked in parts is scored: "allParts" = met only when every part is met. */
export const partRules = ['allParts'] as const;
export const criterionSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    area: z.string().min(1),
    /** A legal obligation, or good practice the programme asks for. Obligations are fixed first. */
    kind: z.enum(criterionKinds),
    weight: z.number().int().min(1).max(3),
    appliesTo: appliesToSchema,
    /** Short label for lists, the report and the staff console. */
    title: localizedTextSchema,
    /** The one question, for an item that asks one thing; an item of several conditions has `parts` instead. */
    question: localizedTextSchema.optional(),
    /** The item's conditions, one question each, and the rule that scores them together (`metWhen`). */
    parts: z.array(criterionPartSchema).min(2).optional(),
    metWhen: z.enum(partRules).optional(),
    /** Why it matters, in plain words, derived from the cited clauses (shown on "tại sao?"). */
    why: localizedTextSchema,
    /** What to do when the answer is not "yes". */
    action: localizedTextSchema,
    /** One concrete step that fits in a week, for the "làm ngay tuần này" list. */
    firstStep: localizedTextSchema,
    basis: z.array(basisSchema).min(1),
  })
  .strict()
  .superRefine((item, ctx) => {
    if ((item.question === undefined) === (item.parts === undefined)) ctx.addIssue({ code: 'custom', path: ['question'], message: 'give exactly one of "question" and "parts"' });
    if ((item.parts === undefined) !== (item.metWhen === undefined)) ctx.addIssue({ code: 'custom', path: ['metWhen'], message: '"parts" and "metWhen" go together' });
    if (!item.parts) return;
    const ids = new Set(item.parts.map((p) => p.id));
    if (ids.size !== item.parts.length) ctx.addIssue({ code: 'custom', path: ['parts'], message: 'part ids must be unique' });
    item.parts.forEach((p, i) => {
      if (p.after !== undefined && !item.parts!.slice(0, i).some((earlier) => earlier.id === p.after)) ctx.addIssue({ code: 'custom', path: ['parts', i, 'after'], message: `"after" must name an earlier part, not ${p.after}` });
    });
    // Splitting keeps provenance: each part cites only the item's bases, and every basis stays cited by a part.
    const itemBases = new Set(item.basis.map(basisKey));
    const partBases = new Set(item.parts.flatMap((p) => p.basis.map(basisKey)));
    item.parts.forEach((p, i) => {
      p.basis.forEach((b, j) => {
        if (!itemBases.has(basisKey(b))) ctx.addIssue({ code: 'custom', path: ['parts', i, 'basis', j], message: `${basisKey(b)} is not among the item's bases` });
      });
    });
    for (const key of itemBases) if (!partBases.has(key)) ctx.addIssue({ code: 'custom', path: ['basis'], message: `${key} is cited by no part` });
  });
export type Criterion = z.infer<typeof criterionSchema>;

export const criteriaSchema = z
  .object({
    id: z.string().min(1),
    version: z.number().int().positive(),
    title: localizedTextSchema,
    note: localizedTextSchema,
    /** Share of an item's weight each answer earns. */
    answerCredit: z.object({ yes: z.number().min(0).max(1), partly: z.number().min(0).max(1), no: z.number().min(0).max(1), unknown: z.number().min(0).max(1) }).strict(),
    thisWeekCount: z.number().int().min(1).max(10),
    areas: z.array(z.object({ id: z.string().regex(/^[a-z]+(-[a-z]+)*$/), title: localizedTextSchema }).strict()).min(1),
    items: z.array(criterionSchema).min(1),
  })
  .strict()
  .superRefine((c, ctx) => {
    const areaIds = new Set(c.areas.map((a) => a.id));
    if (areaIds.size !== c.areas.length) ctx.addIssue({ code: 'custom', path: ['areas'], message: 'area ids must be unique' });
    const seen = new Set<string>();
    c.items.forEach((item, i) => {
      if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: ['items', i, 'id'], message: `duplicate item id ${item.id}` });
      seen.add(item.id);
      if (!areaIds.has(item.area)) ctx.addIssue({ code: 'custom', path: ['items', i, 'area'], message: `unknown area ${item.area}` });
    });
  });
export type Criteria = z.infer<typeof criteriaSchema>;

/** "19/2023/QH15#31.2" style key of a basis, for messages and de-duplication. */
export function basisKey(b: Basis): string {
  if ('section' in b) return `${b.doc}#${b.section}`;
  return `${b.doc}#${b.article}${b.clause === undefined ? '' : `.${b.clause}`}${b.point === undefined ? '' : `.${b.point}`}`;
}
