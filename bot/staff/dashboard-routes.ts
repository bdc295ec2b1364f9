import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { html } from 'hono/html';
import { z } from 'zod';
import { programmeAggregates, sharedResults } from '../../src/assessment/programme-aggregates.ts';
import type { FinishedAssessments } from '../../src/assessment/assessment-store.ts';
import type { Criteria } from '../../src/assessment/criteria-schema.ts';
import type { ComplaintTaxonomy } from '../../src/complaints/complaint-taxonomy.ts';
import { renderPdf } from '../../src/documents/pdf-document.ts';
import { programmeStats, targets, type Figures, type Rates } from '../../src/staff/programme-stats.ts';
import { formatIsoDay, formatNumber, formatPercent, monthName, monthsSoFar } from '../../src/staff/vietnamese-format.ts';
import { yearlyReportCodesCsv, yearlyReportCsv, yearlyReportPdf, type ReportIssuer } from '../../src/staff/yearly-report.ts';
import type { StaffDeps, StaffEnv } from './staff-env.ts';
import { formatDate, page } from './view.ts';

export interface DashboardDeps extends StaffDeps {
  readonly taxonomy: ComplaintTaxonomy;
  /** Who issues and signs the yearly report (configuration). */
  readonly issuer: ReportIssuer;
  /** The self-assessment criteria (loaded once, on first use). */
  readonly criteria: () => Promise<Criteria>;
  /** Finished self-assessments, for the programme aggregates. */
  readonly assessments: FinishedAssessments;
}

/** The number the unit's register gives the report ("15/BC-HBVQLNTD"); anything else prints a blank to fill in. */
const documentNumber = z.string().trim().regex(/^[\p{L}\p{N}./-]{1,40}$/u).nullable().catch(null).transform((v) => v ?? null);
const yearQuery = z.object({ year: z.coerce.number().int().min(2020).max(2100).optional().catch(undefined) });
const colors = { received: '#0b5cad', advised: '#2a9d8f', resolved: '#15803d', overdue: '#b91c1c', target: '#6b7280' };

/** The dashboard against the plan's targets, the programme aggregates, and the yearly report files. */
export function dashboardRoutes(deps: DashboardDeps): Hono<StaffEnv> {
  const app = new Hono<StaffEnv>();
  const t = deps.translators('vi');
  const categoryLabel = (code: string) => deps.taxonomy.data.categories.find((c) => c.code === code)?.label ?? code;
  const yearOf = (q: z.output<typeof yearQuery>) => q.year ?? Number(deps.calendar.dateOf(deps.clock.now()).slice(0, 4));

  app.get('/dashboard', zValidator('query', yearQuery), async (c) => {
    const year = yearOf(c.req.valid('query'));
    const stats = await programmeStats(deps.staffStores.programme, year, deps.clock.now(), deps.calendar);
    const total = stats.total;
    const kpi = (label: string, value: string, note: string, tone: '' | 'good' | 'bad' = '') => html`<div class="kpi ${tone}"><div class="value" data-kpi="${label}">${value}</div><div class="label">${label}</div><div class="muted small">${note}</div></div>`;
    const advisedOk = total.advisedRate !== null && total.advisedRate >= targets.advised;
    const resolvedOk = total.resolvedRate !== null && total.resolvedRate > targets.resolved;
    // The months still to come have no figures yet (not zeros), and the month under way has only
    // some: it is marked, lighter, so it does not read as a collapse against the targets.
    const thisMonth = stats.asOf.slice(0, 7);
    const months = stats.byMonth.map((m) => ({ ...m, begun: m.key <= thisMonth, partial: m.key === thisMonth }));
    const monthLabels = months.map((m) => `${t.t('staff.dashboard.monthShort', { m: Number(m.key.slice(5)) })}${m.partial ? '*' : ''}`);
    const perMonth = (value: (m: (typeof months)[number]) => number | null) => months.map((m) => (m.begun ? value(m) : null));
    const shade = (color: string) => months.map((m) => (m.partial ? `${color}66` : color));
    const asOf = formatIsoDay(stats.asOf);
    const partialNote = months.some((m) => m.partial) ? t.t('staff.dashboard.partialNote', { month: monthName(thisMonth, t), asOf }) : null;
    const chartOptions = { responsive: true, maintainAspectRatio: false, locale: 'vi-VN' };
    const charts = [
      {
        id: 'by-month',
        title: t.t('staff.dashboard.chart.month'),
        config: {
          type: 'bar',
          data: {
            labels: monthLabels,
            datasets: [
              { label: t.t('staff.dashboard.received'), data: perMonth((m) => m.received), backgroundColor: shade(colors.received) },
              { label: t.t('staff.dashboard.advised'), data: perMonth((m) => m.advised), backgroundColor: shade(colors.advised) },
              { label: t.t('staff.dashboard.resolved'), data: perMonth((m) => m.resolved), backgroundColor: shade(colors.resolved) },
              { label: t.t('staff.dashboard.overdue'), data: perMonth((m) => m.overdue), backgroundColor: shade(colors.overdue) },
            ],
          },
          options: { ...chartOptions, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
        },
        note: partialNote,
      },
      {
        id: 'rates',
        title: t.t('staff.dashboard.chart.rates'),
        config: {
          type: 'line',
          data: {
            labels: monthLabels,
            datasets: [
              { label: t.t('staff.dashboard.advisedRate'), data: perMonth((m) => percent(m.advisedRate)), borderColor: colors.advised, backgroundColor: colors.advised, spanGaps: true, ...partialPoints(months, colors.advised) },
              { label: t.t('staff.dashboard.resolvedRate'), data: perMonth((m) => percent(m.resolvedRate)), borderColor: colors.resolved, backgroundColor: colors.resolved, spanGaps: true, ...partialPoints(months, colors.resolved) },
              { label: t.t('staff.dashboard.targetAdvised'), data: monthLabels.map(() => targets.advised * 100), borderColor: colors.advised, borderDash: [6, 4], pointRadius: 0 },
              { label: t.t('staff.dashboard.targetResolved'), data: monthLabels.map(() => targets.resolved * 100), borderColor: colors.resolved, borderDash: [2, 3], pointRadius: 0 },
            ],
          },
          options: { ...chartOptions, scales: { y: { min: 0, max: 100, ticks: { stepSize: 20 } } } },
        },
        note: partialNote,
      },
      {
        id: 'by-category',
        title: t.t('staff.dashboard.chart.category'),
        config: {
          type: 'bar',
          data: {
            labels: stats.byCategory.map((r) => categoryLabel(r.key)),
            datasets: [
              { label: t.t('staff.dashboard.complaints'), data: stats.byCategory.map((r) => r.complaints), backgroundColor: colors.received },
              { label: t.t('staff.dashboard.resolved'), data: stats.byCategory.map((r) => r.resolved), backgroundColor: colors.resolved },
              { label: t.t('staff.dashboard.overdue'), data: stats.byCategory.map((r) => r.overdue), backgroundColor: colors.overdue },
            ],
          },
          options: { ...chartOptions, indexAxis: 'y', scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } },
        },
        note: null,
      },
      {
        id: 'by-channel',
        title: t.t('staff.dashboard.chart.channel'),
        config: {
          type: 'bar',
          data: {
            labels: stats.byChannel.map((r) => t.t(`staff.channel.${r.key}`)),
            datasets: [
              { label: t.t('staff.dashboard.complaints'), data: stats.byChannel.map((r) => r.complaints), backgroundColor: colors.received },
              { label: t.t('staff.dashboard.handoffs'), data: stats.byChannel.map((r) => r.handoffs), backgroundColor: colors.advised },
              { label: t.t('staff.dashboard.resolved'), data: stats.byChannel.map((r) => r.resolved), backgroundColor: colors.resolved },
            ],
          },
          options: { ...chartOptions, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
        },
        note: null,
      },
    ];
    const table = (title: string, rows: ReadonlyArray<{ key: string } & Figures & Rates>, label: (k: string) => string) => html`<h2>${title}</h2><div class="table-wrap"><table class="responsive">
      <thead><tr><th></th><th class="num">${t.t('staff.dashboard.received')}</th><th class="num">${t.t('staff.dashboard.advised')}</th><th class="num">${t.t('staff.dashboard.advisedRate')}</th><th class="num">${t.t('staff.dashboard.resolved')}</th><th class="num">${t.t('staff.dashboard.resolvedRate')}</th><th class="num">${t.t('staff.dashboard.overdue')}</th></tr></thead>
      <tbody>${rows.map((r) => html`<tr><th>${label(r.key)}</th><td class="num" data-label="${t.t('staff.dashboard.received')}">${formatNumber(r.received)}</td><td class="num" data-label="${t.t('staff.dashboard.advised')}">${formatNumber(r.advised)}</td><td class="num" data-label="${t.t('staff.dashboard.advisedRate')}">${formatPercent(r.advisedRate)}</td><td class="num" data-label="${t.t('staff.dashboard.resolved')}">${formatNumber(r.resolved)}</td><td class="num" data-label="${t.t('staff.dashboard.resolvedRate')}">${formatPercent(r.resolvedRate)}</td><td class="num" data-label="${t.t('staff.dashboard.overdue')}">${formatNumber(r.overdue)}</td></tr>`)}</tbody></table></div>`;
    const body = html`<form method="get" action="/staff/dashboard" class="actions">
        <label class="inline">${t.t('staff.dashboard.year')} <input type="number" name="year" value="${year}" min="2020" max="2100"></label>
        <button type="submit" class="secondary">${t.t('staff.dashboard.show')}</button>

        <a class="button secondary" href="/staff/reports/yearly.csv?year=${year}">${t.t('staff.dashboard.reportCsv')}</a>
        <a class="small" href="/staff/reports/yearly.csv?year=${year}&amp;format=codes" title="${t.t('staff.dashboard.reportCsvCodesHint')}">${t.t('staff.dashboard.reportCsvCodes')}</a>
      </form>
      <form method="get" action="/staff/reports/yearly.pdf" class="actions report-form">
        <input type="hidden" name="year" value="${year}">
        <label class="inline">${t.t('staff.dashboard.reportNumber')} <input name="number" maxlength="40" placeholder="15/BC-HBVQLNTD"></label>
        <button type="submit">${t.t('staff.dashboard.reportPdf')}</button>
      </form>
      <p class="muted small">${t.t('staff.dashboard.reportDue', { year })} ${t.t('staff.dashboard.reportIssuer', { agency: deps.issuer.name, recipient: deps.issuer.recipient })}</p>
      ${partialNote || months.some((m) => !m.begun) ? html`<p class="flash ok">${t.t('staff.dashboard.yearInProgress', { year, asOf })}</p>` : ''}
      <div class="kpis">
        ${kpi(t.t('staff.dashboard.received'), formatNumber(total.received), t.t('staff.dashboard.receivedNote', { complaints: formatNumber(total.complaints), handoffs: formatNumber(total.handoffs) }))}
        ${kpi(t.t('staff.dashboard.advisedRate'), formatPercent(total.advisedRate), t.t('staff.dashboard.advisedNote', { advised: formatNumber(total.advised) }), total.advisedRate === null ? '' : advisedOk ? 'good' : 'bad')}
        ${kpi(t.t('staff.dashboard.resolvedRate'), formatPercent(total.resolvedRate), t.t('staff.dashboard.resolvedNote', { resolved: formatNumber(total.resolved) }), total.resolvedRate === null ? '' : resolvedOk ? 'good' : 'bad')}
        ${kpi(t.t('staff.dashboard.overdue'), formatNumber(total.overdue), t.t('staff.dashboard.overdueNote', { asOf }), total.overdue > 0 ? 'bad' : 'good')}
        ${kpi(t.t('staff.dashboard.firstResponse'), stats.medianFirstResponseMinutes === null ? '—' : t.t('staff.duration.minutes', { m: formatNumber(Math.round(stats.medianFirstResponseMinutes)) }), t.t('staff.dashboard.firstResponseNote'))}
        ${kpi(t.t('staff.dashboard.satisfaction'), stats.satisfaction.average === null ? '—' : t.t('staff.dashboard.satisfactionValue', { average: formatNumber(Math.round(stats.satisfaction.average * 10) / 10) }), t.t('staff.dashboard.satisfactionNote', { rated: formatNumber(stats.satisfaction.rated), scores: stats.satisfaction.byScore.map((n, i) => `${i + 1}: ${formatNumber(n)}`).join(' · ') }))}
      </div>
      <div class="charts">${charts.map((ch) => html`<figure class="chart"><figcaption>${ch.title}</figcaption><div class="canvas-box"><canvas id="${ch.id}" data-chart="${JSON.stringify(ch.config)}" role="img" aria-label="${ch.title}"></canvas></div>${ch.note ? html`<p class="muted small chart-note">${ch.note}</p>` : ''}</figure>`)}</div>
      <p class="muted small">${t.t('staff.dashboard.definitions')}</p>
      ${table(t.t('staff.dashboard.chart.month'), monthsSoFar(stats.byMonth, stats.asOf, t).map((m) => ({ ...m, key: m.label })), (label) => label)}
      ${table(t.t('staff.dashboard.chart.category'), stats.byCategory, categoryLabel)}
      ${table(t.t('staff.dashboard.chart.channel'), stats.byChannel, (k) => t.t(`staff.channel.${k}`))}`;
    return c.html(page({ t, title: t.t('staff.dashboard.title', { year }), session: c.get('session'), nav: 'dashboard', body, scripts: ['/staff/assets/chart.umd.min.js', '/staff/assets/dashboard.js'] }));
  });

  const reportInput = async (year: number, by: string, number: string | null = null) => ({
    stats: await programmeStats(deps.staffStores.programme, year, deps.clock.now(), deps.calendar),
    assessments: await programmeAggregates(deps.assessments, await deps.criteria(), deps.calendar.yearRange(year)),
    issuer: deps.issuer,
    number,
    date: deps.calendar.dateOf(deps.clock.now()),
    categoryLabel,
    generatedBy: by,
    generatedAt: deps.clock.now(),
  });

  app.get('/reports/yearly.pdf', zValidator('query', yearQuery), async (c) => {
    const year = yearOf(c.req.valid('query'));
    const by = c.get('session').user.email;
    const number = documentNumber.parse(c.req.query('number'));
    const pdf = await renderPdf(yearlyReportPdf(await reportInput(year, by, number), t));
    await deps.audit.record({ actor: by, action: 'export.yearly', detail: { year, format: 'pdf', ...(number ? { number } : {}) } }, deps.clock.now());
    c.header('Content-Type', 'application/pdf');
    c.header('Content-Disposition', `attachment; filename="bao-cao-bvqlntd-${year}.pdf"`);
    return c.body(new Uint8Array(pdf));
  });

  app.get('/reports/yearly.csv', zValidator('query', yearQuery), async (c) => {
    const year = yearOf(c.req.valid('query'));
    const by = c.get('session').user.email;
    // ?format=codes: the same figures with codes, ISO months and decimal rates, for programs.
    const codes = c.req.query('format') === 'codes';
    const input = await reportInput(year, by);
    const csv = codes ? yearlyReportCodesCsv(input, t) : yearlyReportCsv(input, t);
    await deps.audit.record({ actor: by, action: 'export.yearly', detail: { year, format: codes ? 'csv-codes' : 'csv' } }, deps.clock.now());
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="bao-cao-bvqlntd-${year}${codes ? '-ma' : ''}.csv"`);
    return c.body(csv);
  });

  app.get('/programme', zValidator('query', yearQuery), async (c) => {
    const year = yearOf(c.req.valid('query'));
    const [a, shared] = await Promise.all([programmeAggregates(deps.assessments, await deps.criteria(), { ...deps.calendar.yearRange(year), topGaps: 10 }), sharedResults(deps.assessments, deps.calendar.yearRange(year))]);
    const sectorLabel = (s: string) => t.t(`staff.programme.sector.${s}`);
    const body = html`<form method="get" action="/staff/programme" class="actions"><label class="inline">${t.t('staff.dashboard.year')} <input type="number" name="year" value="${year}" min="2020" max="2100"></label><button type="submit" class="secondary">${t.t('staff.dashboard.show')}</button></form>
      <p class="muted">${t.t('staff.programme.intro')}</p>
      <div class="kpis">
        <div class="kpi"><div class="value">${formatNumber(a.businesses)}</div><div class="label">${t.t('staff.programme.businesses')}</div><div class="muted small">${t.t('staff.programme.assessments', { count: formatNumber(a.assessments) })}</div></div>
        <div class="kpi"><div class="value">${a.averagePercent === null ? '—' : `${formatNumber(a.averagePercent, 1)}%`}</div><div class="label">${t.t('staff.programme.average')}</div>${a.suppressed ? html`<div class="muted small">${t.t('staff.programme.suppressed')}</div>` : ''}</div>
        <div class="kpi"><div class="value">${formatNumber(a.retakes.businesses)}</div><div class="label">${t.t('staff.programme.retakes')}</div><div class="muted small">${a.retakes.averageDelta === null ? '' : t.t('staff.programme.delta', { delta: formatNumber(a.retakes.averageDelta, 1) })}</div></div>
        <div class="kpi"><div class="value">${formatNumber(shared.length)}</div><div class="label">${t.t('staff.programme.consent')}</div></div>
      </div>
      <div class="charts">
        <figure class="chart"><figcaption>${t.t('staff.programme.byArea')}</figcaption><div class="canvas-box"><canvas data-chart="${JSON.stringify({ type: 'bar', data: { labels: a.areas.map((x) => x.title.vi), datasets: [{ label: t.t('staff.programme.average'), data: a.areas.map((x) => x.averagePercent), backgroundColor: colors.advised }] }, options: { indexAxis: 'y', responsive: true, maintainAspectRatio: false, locale: 'vi-VN', scales: { x: { min: 0, max: 100 } } } })}" role="img" aria-label="${t.t('staff.programme.byArea')}"></canvas></div></figure>
        <figure class="chart"><figcaption>${t.t('staff.programme.bySector')}</figcaption><div class="canvas-box"><canvas data-chart="${JSON.stringify({ type: 'bar', data: { labels: a.bySector.map((s) => sectorLabel(s.sector)), datasets: [{ label: t.t('staff.programme.businesses'), data: a.bySector.map((s) => s.businesses), backgroundColor: colors.received }] }, options: { responsive: true, maintainAspectRatio: false, locale: 'vi-VN', scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } } })}" role="img" aria-label="${t.t('staff.programme.bySector')}"></canvas></div></figure>
      </div>
      <h2>${t.t('staff.programme.topGaps')}</h2>
      ${a.topGaps.length === 0 ? html`<p class="muted">${a.suppressed ? t.t('staff.programme.suppressed') : t.t('staff.none')}</p>` : html`<div class="table-wrap"><table><thead><tr><th>${t.t('staff.programme.criterion')}</th><th class="num">${t.t('staff.programme.missedBy')}</th></tr></thead><tbody>${a.topGaps.map((g) => html`<tr><td>${g.title.vi} <span class="muted mono">${g.item}</span></td><td class="num">${formatNumber(g.businesses)} (${formatNumber(g.share)}%)</td></tr>`)}</tbody></table></div>`}
      <h2>${t.t('staff.programme.shared')}</h2>
      ${shared.length === 0 ? html`<p class="muted">${t.t('staff.none')}</p>` : html`<div class="table-wrap"><table class="responsive"><thead><tr><th>${t.t('staff.programme.business')}</th><th>${t.t('staff.programme.sectorLabel')}</th><th class="num">${t.t('staff.programme.score')}</th><th>${t.t('staff.programme.completedAt')}</th></tr></thead><tbody>${shared.map((s) => html`<tr><td data-label="${t.t('staff.programme.business')}">${s.business}</td><td data-label="${t.t('staff.programme.sectorLabel')}">${sectorLabel(s.sector ?? 'unknown')}</td><td class="num" data-label="${t.t('staff.programme.score')}">${formatNumber(s.percent)}%</td><td data-label="${t.t('staff.programme.completedAt')}">${formatDate(new Date(s.completedAt), deps.timeZone)}</td></tr>`)}</tbody></table></div>`}`;
    return c.html(page({ t, title: t.t('staff.programme.title', { year }), session: c.get('session'), nav: 'programme', body, scripts: ['/staff/assets/chart.umd.min.js', '/staff/assets/dashboard.js'] }));
  });

  return app;
}


function percent(rate: number | null): number | null {
  return rate === null ? null : Math.round(rate * 1000) / 10;
}

/** The month under way drawn with hollow points on the rate lines. */
function partialPoints(months: ReadonlyArray<{ partial: boolean }>, color: string) {
  return { pointBackgroundColor: months.map((m) => (m.partial ? '#ffffff' : color)), pointRadius: months.map((m) => (m.partial ? 5 : 3)) };
}

