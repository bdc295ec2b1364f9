import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAssessmentRecord, progressSince } from '../../src/assessment/assessment-record.ts';
import { currentCriteriaFile, loadCriteria } from '../../src/assessment/criteria-loader.ts';
import { type AnswerValue, type Criteria, type Criterion, criteriaSchema } from '../../src/assessment/criteria-schema.ts';
import { questionsOf } from '../../src/assessment/item-questions.ts';
import { scoreAssessment } from '../../src/assessment/scoring.ts';
import { knowledgeDir } from '../support/knowledge.ts';

let real: Criteria;
beforeAll(async () => {
  real = await loadCriteria(path.join(knowledgeDir, currentCriteriaFile));
});

function item(id: string, kind: Criterion['kind'], weight: number, area = 'a'): Criterion {
  const text = { vi: id, en: id };
  return { id, area, kind, weight, appliesTo: {}, title: text, question: text, why: text, action: text, firstStep: { vi: `bước ${id}`, en: `step ${id}` }, basis: [{ doc: '19/2023/QH15', article: 31, clause: 1 }] };
}

/** A small criteria set whose order differs from the expected plan order, to see the sort at work. */
function small(): Criteria {
  return {
    ...real,
    thisWeekCount: 2,
    areas: [
      { id: 'a', title: { vi: 'A', en: 'A' } },
      { id: 'b', title: { vi: 'B', en: 'B' } },
    ],
    items: [item('p3', 'practice', 3), item('o1', 'obligation', 1), item('o3-partly', 'obligation', 3, 'b'), item('o3-no', 'obligation', 3, 'b'), item('o3-unknown', 'obligation', 3), item('ok', 'obligation', 2)],
  };
}

/** An item of three conditions, each asked on its own, met only when all three are. */
function inParts(id: string, weight: number): Criterion {
  const { question: _one, ...rest } = item(id, 'obligation', weight);
  const part = (pid: string) => ({ id: pid, title: { vi: `thiếu ${pid}`, en: `missing ${pid}` }, question: { vi: `${id} ${pid}?`, en: `${id} ${pid}?` }, basis: [{ doc: '19/2023/QH15', article: 31, clause: 1 }] });
  return { ...rest, parts: [part('x'), part('y'), part('z')], metWhen: 'allParts' };
}

describe('an item asked in parts', () => {
  const criteria = (): Criteria => ({ ...small(), items: [inParts('multi', 2)] });
  const scored = (answers: Record<string, AnswerValue>) => scoreAssessment(criteria(), {}, answers).items[0]!;

  it('is met only when every part is, and otherwise names the parts not met', () => {
    expect(scored({ 'multi.x': 'yes', 'multi.y': 'yes', 'multi.z': 'yes' })).toMatchObject({ answer: 'yes', earned: 2, missing: [] });
    const one = scored({ 'multi.x': 'yes', 'multi.y': 'no', 'multi.z': 'yes' });
    expect(one).toMatchObject({ answer: 'partly', earned: 1 });
    expect(one.missing.map((p) => p.id)).toEqual(['y']);
    expect(scored({ 'multi.x': 'no', 'multi.y': 'no', 'multi.z': 'unknown' })).toMatchObject({ answer: 'no', earned: 0 });
    expect(scored({ 'multi.x': 'unknown', 'multi.y': 'unknown', 'multi.z': 'unknown' })).toMatchObject({ answer: 'unknown', earned: 0 });
    expect(scored({ 'multi.x': 'yes' }).missing.map((p) => p.id)).toEqual(['y', 'z']);
  });

  it('leaves out a part that builds on one not met, in the questions and in the answer', () => {
    const [x, y, z] = inParts('multi', 2).parts!;
    const chained: Criteria = { ...small(), items: [{ ...inParts('multi', 2), parts: [x!, { ...y!, after: 'x' }, { ...z!, after: 'y' }] }] };
    const keys = (answers?: Record<string, AnswerValue>) => questionsOf(chained.items, answers).map((q) => q.key);
    expect(keys()).toEqual(['multi.x', 'multi.y', 'multi.z']);
    expect(keys({ 'multi.x': 'partly' })).toEqual(['multi.x', 'multi.y', 'multi.z']);
    expect(keys({ 'multi.x': 'no' })).toEqual(['multi.x']);
    expect(keys({ 'multi.x': 'yes', 'multi.y': 'unknown' })).toEqual(['multi.x', 'multi.y']);
    // A "yes" kept from before "x" was changed to "no" no longer counts.
    const result = scoreAssessment(chained, {}, { 'multi.x': 'no', 'multi.y': 'yes', 'multi.z': 'yes' }).items[0]!;
    expect(result).toMatchObject({ answer: 'no', partAnswers: { 'multi.x': 'no' } });
    expect(result.missing.map((p) => p.id)).toEqual(['x']);
    expect(criteriaSchema.safeParse({ ...chained, items: [{ ...chained.items[0]!, parts: [{ ...x!, after: 'y' }, y!, z!] }] }).success).toBe(false);
  });

  it('counts an answer saved for the whole item, before it was split, for every part', () => {
    expect(scored({ multi: 'yes' })).toMatchObject({ answer: 'yes', missing: [] });
    expect(scored({ multi: 'partly', 'multi.x': 'yes' })).toMatchObject({ answer: 'partly', partAnswers: { 'multi.x': 'yes', 'multi.y': 'partly', 'multi.z': 'partly' } });
  });

  it('puts the parts not met, by title, in the record, and each part\'s answer', () => {
    const result = scoreAssessment(criteria(), {}, { 'multi.x': 'yes', 'multi.y': 'no' });
    const record = buildAssessmentRecord({ criteria: criteria(), business: 'Shop', profile: {}, result, locale: 'en', completedAt: new Date('2026-01-01T00:00:00Z') });
    expect(record.answers).toEqual({ multi: 'partly' });
    expect(record.partAnswers).toEqual({ 'multi.x': 'yes', 'multi.y': 'no', 'multi.z': 'unknown' });
    expect(record.gaps[0]!.missing).toEqual(['missing y', 'missing z']);
  });
});

describe('scoreAssessment', () => {
  it('gives full, half and no credit and sums overall and by area', () => {
    const result = scoreAssessment(small(), {}, { p3: 'no', o1: 'partly', 'o3-partly': 'partly', 'o3-no': 'no', 'o3-unknown': 'unknown', ok: 'yes' });
    expect(result.maxScore).toBe(15);
    expect(result.score).toBe(0.5 + 1.5 + 2);
    expect(result.percent).toBe(27);
    expect(result.areas).toEqual([
      { area: 'a', score: 2.5, maxScore: 9, percent: 28 },
      { area: 'b', score: 1.5, maxScore: 6, percent: 25 },
    ]);
  });

  it('orders gaps by legal weight: obligations first, heavier first, then no, unknown, partly', () => {
    const result = scoreAssessment(small(), {}, { p3: 'no', o1: 'partly', 'o3-partly': 'partly', 'o3-no': 'no', 'o3-unknown': 'unknown', ok: 'yes' });
    expect(result.gaps.map((g) => g.item.id)).toEqual(['o3-no', 'o3-unknown', 'o3-partly', 'o1', 'p3']);
    expect(result.thisWeek.map((g) => g.item.firstStep.vi)).toEqual(['bước o3-no', 'bước o3-unknown']);
  });

  it('counts an unanswered item as "don\'t know"', () => {
    const result = scoreAssessment(small(), {}, {});
    expect(result.score).toBe(0);
    expect(result.items.every((i) => i.answer === 'unknown')).toBe(true);
  });

  it('builds the export record and the progress since a previous one', () => {
    const profile = { sector: 'goods_retail', size: 'micro', online: true, continuous: false, mlm: false, doorToDoor: false, awayFromPremises: false, standardContracts: false, warranty: false } as const;
    const firstAnswers = Object.fromEntries(scoreAssessment(real, profile, {}).items.map((i) => [i.item.id, 'no' as const]));
    const first = buildAssessmentRecord({ criteria: real, business: 'Shop', profile, result: scoreAssessment(real, profile, firstAnswers), locale: 'vi', completedAt: new Date('2026-01-01T00:00:00Z') });
    const better = { ...firstAnswers, 'complaint-intake': 'yes' as const, 'info-accurate': 'yes' as const };
    const second = buildAssessmentRecord({ criteria: real, business: 'Shop', profile, result: scoreAssessment(real, profile, better), locale: 'vi', completedAt: new Date('2026-06-01T00:00:00Z') });
    expect(first.percent).toBe(0);
    expect(second.gaps.find((g) => g.item === 'remote-info')).toMatchObject({ kind: 'obligation', answer: 'no', basis: expect.arrayContaining([{ doc: '19/2023/QH15', article: 37, clause: 1 }]) });
    const progress = progressSince(first, second);
    expect(progress.delta).toBe(second.percent);
    expect(progress.fixed).toEqual(['info-accurate', 'complaint-intake']);
    expect(progress.newGaps).toEqual([]);
  });
});
