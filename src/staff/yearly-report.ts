import type { ProgrammeAggregates } from '../assessment/programme-aggregates.ts';
import type { PdfBlock, PdfSpec } from '../documents/pdf-document.ts';
import type { Translator } from '../i18n/translator.ts';
import { toCsv } from './csv.ts';
import { letterhead, signatureBlock } from './official-document.ts';
import { targets, type Figures, type ProgrammeStats, type Rates } from './programme-stats.ts';
import { formatIsoDay, formatNumber, formatPercent as pct, monthsSoFar } from './vietnamese-format.ts';

/** Who issues and signs the report; built from configuration (bot/staff/staff-console.ts reportIssuerOf). */
export interface ReportIssuer {
  readonly name: string;
  readonly parent: string | null;
  readonly province: string;
  readonly recipient: string;
  readonly signerTitle: string;
  readonly signerName: string | null;
}

export interface YearlyReportInput {
  readonly stats: ProgrammeStats;
  readonly assessments: ProgrammeAggregates;
  readonly issuer: ReportIssuer;
  /** The document's number as the unit's register gives it ("15/BC-HBVQLNTD"); blank to write by hand. */
  readonly number: string | null;
  /** The report's date in the local calendar (YYYY-MM-DD). */
  readonly date: string;
  readonly categoryLabel: (code: string) => string;
  readonly generatedBy: string;
  readonly generatedAt: Date;
}

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
  const { issuer } = input;
  const blocks: PdfBlock[] = [
    letterhead(issuer, input.number, input.date, t),
    { kind: 'title', text: k('title', { year: stats.year }) },
    { kind: 'paragraph', text: k('to', { recipient: issuer.recipient }), align: 'center' },
    { kind: 'paragraph', text: k('intro', { year: stats.year, asOf: formatIsoDay(stats.asOf) }) },
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
    { kind: 'table', header: head, rows: monthsSoFar(stats.byMonth, stats.asOf, t).map((m) => rowOf(m.label, m)), widths },
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
        [k('averageScore'), input.assessments.averagePercent === null ? (input.assessments.suppressed ? k('suppressed') : '—') : `${formatNumber(input.assessments.averagePercent, 1)}%`],
      ],
    },
    ...(input.assessments.topGaps.length > 0 ? [{ kind: 'list' as const, items: input.assessments.topGaps.map((g) => k('gap', { title: g.title.vi, share: g.share })) }] : []),
    { kind: 'spacer' },
    signatureBlock(issuer, [k('recipientMain', { recipient: issuer.recipient })], input.generatedBy, t),
  ];
  return { title: k('title', { year: stats.year }), blocks, footer: k('footer', { year: stats.year }), createdAt: input.generatedAt };
}

/**
 * The same figures as one CSV table for a person: a section column, then one line for the year and
 * one per month so far, category and channel; Vietnamese headers, names and rates ("81,5%"),
 * semicolons for Excel with Vietnamese settings.
 */
export function yearlyReportCsv(input: YearlyReportInput, t: Translator): string {
  const { stats } = input;
  const c = (key: string) => t.t(`staff.report.csv.${key}`);
  const line = (section: string, group: string, f: Figures & Rates) => [c(section), group, f.received, f.advised, pct(f.advisedRate), f.resolved, pct(f.resolvedRate), f.overdue, f.complaints, f.handoffs];
  return toCsv(
    ['section', 'group', 'received', 'advised', 'advisedRate', 'resolved', 'resolvedRate', 'overdue', 'complaints', 'handoffs'].map((key) => c(`column.${key}`)),
    [
      line('total', String(stats.year), stats.total),
      ...monthsSoFar(stats.byMonth, stats.asOf, t).map((m) => line('month', m.label, m)),
      ...stats.byCategory.map((r) => line('category', input.categoryLabel(r.key), r)),
      ...stats.byChannel.map((r) => line('channel', t.t(`staff.channel.${r.key}`), r)),
    ],
    ';',
  );
}

/** The figures for programs: codes for sections, ISO months, rates as decimals, comma-separated. */
export function yearlyReportCodesCsv(input: YearlyReportInput, t: Translator): string {
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
