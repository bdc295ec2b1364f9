import type { ProgrammeAggregates } from '../assessment/programme-aggregates.ts';
import type { PdfBlock, PdfSpec } from '../documents/pdf-document.ts';
import type { Translator } from '../i18n/translator.ts';
import { toCsv } from './csv.ts';
import { targets, type Figures, type ProgrammeStats, type Rates } from './programme-stats.ts';

export interface YearlyReportInput {
  readonly stats: ProgrammeStats;
  readonly assessments: ProgrammeAggregates;
  readonly province: string;
  readonly categoryLabel: (code: string) => string;
  readonly generatedBy: string;
  readonly generatedAt: Date;
}

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

/**
 * The yearly report the units send to Sở Công Thương before 15/12 (Khánh Hòa plan, closing
 * paragraph): requests received, advised and resolved against the plan's targets, by month, sector
 * and channel, with the self-assessment programme's figures.
 */
export function yearlyReportPdf(input: YearlyReportInput, t: Translator): PdfSpec {
  const { stats } = input;
  const k = (key: string, params?: Record<string, string | number>) => t.t(`staff.report.${key}`, params);
  const head = [k('col.group'), k('col.received'), k('col.advised'), k('col.advisedRate'), k('col.resolved'), k('col.resolvedRate'), k('col.overdue')];
  const rowOf = (label: string, f: Figures & Rates) => [label, String(f.received), String(f.advised), pct(f.advisedRate), String(f.resolved), pct(f.resolvedRate), String(f.overdue)];
  const widths = [2.4, 1, 1, 1, 1, 1, 1];
  const meets = (rate: number | null, target: number, strict: boolean) => (rate === null ? k('noData') : (strict ? rate > target : rate >= target) ? k('met') : k('notMet'));
  const blocks: PdfBlock[] = [
    { kind: 'paragraph', text: k('to', { province: input.province }), align: 'left' },
    { kind: 'title', text: k('title', { year: stats.year }) },
    { kind: 'paragraph', text: k('intro', { year: stats.year, asOf: stats.asOf.split('-').reverse().join('/') }) },
    { kind: 'heading', text: k('h.targets') },
    {
      kind: 'fields',
      rows: [
        [k('received'), String(stats.total.received)],
        [k('advisedRate'), `${pct(stats.total.advisedRate)} (${k('target')} ≥ ${targets.advised * 100}%: ${meets(stats.total.advisedRate, targets.advised, false)})`],
        [k('resolvedRate'), `${pct(stats.total.resolvedRate)} (${k('target')} > ${targets.resolved * 100}%: ${meets(stats.total.resolvedRate, targets.resolved, true)})`],
        [k('overdue'), String(stats.total.overdue)],
        [k('handoffs'), `${stats.total.handoffs}${stats.medianFirstResponseMinutes === null ? '' : ` (${k('medianResponse', { minutes: Math.round(stats.medianFirstResponseMinutes) })})`}`],
      ],
    },
    { kind: 'note', text: k('definitions') },
    { kind: 'heading', text: k('h.month') },
    { kind: 'table', header: head, rows: stats.byMonth.map((m) => rowOf(m.key, m)), widths },
    { kind: 'heading', text: k('h.category') },
    { kind: 'table', header: head, rows: stats.byCategory.map((c) => rowOf(input.categoryLabel(c.key), c)), widths },
    { kind: 'heading', text: k('h.channel') },
    { kind: 'table', header: head, rows: stats.byChannel.map((c) => rowOf(t.t(`staff.channel.${c.key}`), c)), widths },
    { kind: 'heading', text: k('h.programme') },
    {
      kind: 'fields',
      rows: [
        [k('assessments'), String(input.assessments.assessments)],
        [k('businesses'), String(input.assessments.businesses)],
        [k('averageScore'), input.assessments.averagePercent === null ? (input.assessments.suppressed ? k('suppressed') : '—') : `${input.assessments.averagePercent.toFixed(1)}%`],
      ],
    },
    ...(input.assessments.topGaps.length > 0 ? [{ kind: 'list' as const, items: input.assessments.topGaps.map((g) => k('gap', { title: g.title.vi, share: g.share })) }] : []),
    { kind: 'spacer' },
    { kind: 'paragraph', text: k('signature', { by: input.generatedBy }), align: 'right' },
  ];
  return { title: k('title', { year: stats.year }), blocks, footer: k('footer', { year: stats.year }), createdAt: input.generatedAt };
}

/** The same figures as one CSV table: a section column, then one line per month, sector and channel. */
export function yearlyReportCsv(input: YearlyReportInput, t: Translator): string {
  const { stats } = input;
  const line = (section: string, key: string, f: Figures & Rates) => [section, key, f.received, f.advised, f.advisedRate === null ? '' : f.advisedRate.toFixed(4), f.resolved, f.resolvedRate === null ? '' : f.resolvedRate.toFixed(4), f.overdue, f.complaints, f.handoffs];
  return toCsv(
    ['section', 'group', 'received', 'advised', 'advised_rate', 'resolved', 'resolved_rate', 'overdue', 'complaints', 'handoffs'],
    [
      line('total', String(stats.year), stats.total),
      ...stats.byMonth.map((m) => line('month', m.key, m)),
      ...stats.byCategory.map((c) => line('category', input.categoryLabel(c.key), c)),
      ...stats.byChannel.map((c) => line('channel', t.t(`staff.channel.${c.key}`), c)),
    ],
  );
}
