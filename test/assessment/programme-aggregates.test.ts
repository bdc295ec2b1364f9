import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Criteria } from '../../src/assessment/criteria-schema.ts';
import { programmeAggregates, sharedResults } from '../../src/assessment/programme-aggregates.ts';
import { PrismaAssessmentStore } from '../../src/storage/prisma-assessment-store.ts';
import { openTempDatabase, type TempDatabase } from '../support/temp-database.ts';
import { assessmentEngine, criteriaPromise, facebookShopScript, walk, type WalkScript } from './support/assessment-harness.ts';

let db: TempDatabase;
let criteria: Criteria;

const seller = (externalId: string, answers: Record<string, string>, consent: string): WalkScript => ({
  channel: 'zalo',
  externalId,
  start: '/doanhnghiep',
  name: `Sạp rau ${externalId}`,
  description: 'cá nhân bán rau ngoài chợ, không đăng ký kinh doanh',
  confirm: 'đúng',
  answers,
  otherwise: 'có',
  consent,
});

/** Four businesses, one of which retakes: the console sees totals, and names only with consent. */
beforeAll(async () => {
  db = await openTempDatabase();
  criteria = await criteriaPromise;
  const on = async (day: string) => (await assessmentEngine(db.prisma, new Date(`2026-03-${day}T03:00:00Z`))).engine;
  await walk(await on('01'), seller('a', { 'info-accurate': 'không' }, 'đồng ý'));
  await walk(await on('02'), seller('b', { 'info-accurate': 'không', 'sales-refund': 'chưa' }, 'không'));
  await walk(await on('03'), seller('c', {}, 'không'));
  await walk(await on('04'), { ...facebookShopScript, externalId: 'd', consent: 'có' });
  await walk(await on('10'), { ...seller('c', { 'info-accurate': 'không rõ' }, 'không'), start: ['/doanhnghiep', { press: 'Làm bài mới, giữ hồ sơ cũ' }] });
});
afterAll(async () => {
  await db.dispose();
});

describe('programme aggregates for the staff console', () => {
  it('counts businesses once, by their latest result, with the average and the most common gaps', async () => {
    const stats = await programmeAggregates(new PrismaAssessmentStore(db.prisma), criteria);
    expect(stats.assessments).toBe(5);
    expect(stats.businesses).toBe(4);
    expect(stats.suppressed).toBe(false);
    // Latest results: a 8/11, b 5/11, c (retaken) 8/11, d 39.5/46.
    expect(stats.averagePercent).toBe(69.3);
    expect(stats.topGaps.map((g) => [g.item, g.businesses, g.share])).toEqual([
      ['info-accurate', 3, 75],
      ['sales-refund', 1, 25],
      ['complaint-intake', 1, 25],
      ['data-rules', 1, 25],
      ['remote-info', 1, 25],
    ]);
    expect(stats.topGaps[0]!.title.vi).toBe('Thông tin sản phẩm, dịch vụ chính xác, đầy đủ');
    expect(stats.bySector).toEqual([
      { sector: 'food', businesses: 3 },
      { sector: 'goods_retail', businesses: 1 },
    ]);
    expect(stats.areas.find((a) => a.area === 'information')).toMatchObject({ businesses: 4, averagePercent: 25 });
    expect(stats.retakes).toEqual({ businesses: 1, averageDelta: null });
  });

  it('withholds averages and gaps when too few businesses would be exposed', async () => {
    const recent = await programmeAggregates(new PrismaAssessmentStore(db.prisma), criteria, { from: new Date('2026-03-03T00:00:00Z') });
    expect(recent).toMatchObject({ assessments: 3, businesses: 2, suppressed: true, averagePercent: null, topGaps: [], areas: [] });
    const none = await programmeAggregates(new PrismaAssessmentStore(db.prisma), criteria, { to: new Date('2026-01-01T00:00:00Z') });
    expect(none).toMatchObject({ assessments: 0, businesses: 0, averagePercent: null });
  });

  it('names only the businesses that agreed to share, without their answers', async () => {
    const shared = await sharedResults(new PrismaAssessmentStore(db.prisma));
    expect(shared.map((s) => [s.business, s.percent, s.completedAt])).toEqual([
      ['Shop Hoa Mai', 86, '2026-03-04T03:00:00.000Z'],
      ['Sạp rau a', 73, '2026-03-01T03:00:00.000Z'],
    ]);
    expect(shared[0]!.gaps.map((g) => g.item)).toEqual(['complaint-intake', 'remote-info', 'data-rules']);
    expect(Object.keys(shared[0]!)).not.toContain('answers');
  });
});
