import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAssessmentRecord, progressSince } from '../../src/assessment/assessment-record.ts';
import { currentCriteriaFile, loadCriteria } from '../../src/assessment/criteria-loader.ts';
import type { Criteria, Criterion } from '../../src/assessment/criteria-schema.ts';
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
