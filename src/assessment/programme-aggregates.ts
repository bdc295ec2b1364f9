/**
 * Programme view of the self-assessments, for the staff console.
 *
 *   import { programmeAggregates, sharedResults } from '../src/assessment/programme-aggregates.ts';
 *   const stats = await programmeAggregates(store, criteria, { from, to });   // store: FinishedAssessments, criteria: loadCriteria(...)
 *   stats.businesses, stats.averagePercent, stats.topGaps, stats.areas, stats.bySector, stats.retakes
 *   const shared = await sharedResults(store, { from, to });               // only businesses that agreed
 *
 * Aggregates count each business once, by its latest finished assessment in the period (a business is a
 * conversation: the same chat retaking counts once). No answers of an individual business leave this
 * module: when fewer than `minGroupSize` businesses are in a period (default 3), averages and gap counts
 * are withheld (`suppressed: true`), since an average over one business is that business's score.
 * Names, scores and gaps of individual businesses come only from sharedResults(), which returns the
 * businesses that consented to share at the end of their assessment.
 */
import type { FinishedAssessment, FinishedAssessments } from './assessment-store.ts';
import type { Sector } from './business-profile.ts';
import type { Criteria, CriterionKind, LocalizedText } from './criteria-schema.ts';

export interface AggregateOptions {
  /** Finished at or after this instant. */
  readonly from?: Date;
  /** Finished before this instant. */
  readonly to?: Date;
  readonly minGroupSize?: number;
  readonly topGaps?: number;
}

export interface ProgrammeAggregates {
  /** Finished assessments in the period, retakes included. */
  readonly assessments: number;
  /** Distinct businesses assessed in the period. */
  readonly businesses: number;
  /** True when too few businesses to show averages and gaps without exposing one of them. */
  readonly suppressed: boolean;
  /** Mean of the businesses' latest percentages; null when suppressed or empty. */
  readonly averagePercent: number | null;
  readonly areas: ReadonlyArray<{ area: string; title: LocalizedText; businesses: number; averagePercent: number }>;
  /** Items most often not met (answered partly, no or don't know), most frequent first. */
  readonly topGaps: ReadonlyArray<{ item: string; title: LocalizedText; kind: CriterionKind; businesses: number; share: number }>;
  readonly bySector: ReadonlyArray<{ sector: Sector | 'unknown'; businesses: number }>;
  /** Businesses that took it more than once, and their mean change from first to latest (points). */
  readonly retakes: { businesses: number; averageDelta: number | null };
}

export interface SharedResult {
  readonly assessmentId: string;
  readonly business: string;
  readonly completedAt: string;
  readonly sector: Sector | null;
  readonly percent: number;
  readonly score: number;
  readonly maxScore: number;
  readonly gaps: ReadonlyArray<{ item: string; title: string; kind: CriterionKind }>;
}

type Finished = FinishedAssessment;

export async function programmeAggregates(store: FinishedAssessments, criteria: Criteria, options: AggregateOptions = {}): Promise<ProgrammeAggregates> {
  const minGroupSize = options.minGroupSize ?? 3;
  const finished = await store.finished(options);
  const byBusiness = new Map<string, Finished[]>();
  for (const f of finished) byBusiness.set(f.business, [...(byBusiness.get(f.business) ?? []), f]);
  const latest = [...byBusiness.values()].map((list) => list[list.length - 1]!);
  const suppressed = latest.length < minGroupSize;

  const sectors = new Map<Sector | 'unknown', number>();
  for (const f of latest) sectors.set(f.record.profile.sector ?? 'unknown', (sectors.get(f.record.profile.sector ?? 'unknown') ?? 0) + 1);
  const bySector = [...sectors.entries()].map(([sector, businesses]) => ({ sector, businesses })).sort((a, b) => b.businesses - a.businesses);

  const repeated = [...byBusiness.values()].filter((list) => list.length > 1);
  const retakes = {
    businesses: repeated.length,
    averageDelta: repeated.length >= minGroupSize ? round1(mean(repeated.map((list) => list[list.length - 1]!.record.percent - list[0]!.record.percent))) : null,
  };

  if (suppressed || latest.length === 0) {
    return { assessments: finished.length, businesses: latest.length, suppressed, averagePercent: null, areas: [], topGaps: [], bySector, retakes };
  }

  const items = new Map(criteria.items.map((i) => [i.id, i]));
  const gapCounts = new Map<string, number>();
  for (const f of latest) for (const g of f.record.gaps) gapCounts.set(g.item, (gapCounts.get(g.item) ?? 0) + 1);
  const order = new Map(criteria.items.map((i, n) => [i.id, n]));
  const topGaps = [...gapCounts.entries()]
    .filter(([id]) => items.has(id))
    .sort(([a, x], [b, y]) => y - x || order.get(a)! - order.get(b)!)
    .slice(0, options.topGaps ?? 5)
    .map(([id, businesses]) => {
      const item = items.get(id)!;
      return { item: id, title: item.title, kind: item.kind, businesses, share: round1((businesses / latest.length) * 100) };
    });

  const areas = criteria.areas.flatMap((area) => {
    const scored = latest.flatMap((f) => f.record.areas.filter((a) => a.area === area.id));
    return scored.length === 0 ? [] : [{ area: area.id, title: area.title, businesses: scored.length, averagePercent: round1(mean(scored.map((a) => a.percent))) }];
  });

  return {
    assessments: finished.length,
    businesses: latest.length,
    suppressed,
    averagePercent: round1(mean(latest.map((f) => f.record.percent))),
    areas,
    topGaps,
    bySector,
    retakes,
  };
}

/** Latest result of each business that agreed to share it, newest first. */
export async function sharedResults(store: FinishedAssessments, options: Pick<AggregateOptions, 'from' | 'to'> = {}): Promise<SharedResult[]> {
  const finished = await store.finished(options);
  const latest = new Map<string, Finished>();
  for (const f of finished) latest.set(f.business, f);
  return [...latest.values()]
    .filter((f) => f.consent)
    .sort((a, b) => b.record.completedAt.localeCompare(a.record.completedAt))
    .map((f) => ({
      assessmentId: f.id,
      business: f.record.business,
      completedAt: f.record.completedAt,
      sector: f.record.profile.sector ?? null,
      percent: f.record.percent,
      score: f.record.score,
      maxScore: f.record.maxScore,
      gaps: f.record.gaps.map((g) => ({ item: g.item, title: g.title, kind: g.kind })),
    }));
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
