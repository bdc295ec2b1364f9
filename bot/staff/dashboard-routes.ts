import { Hono } from 'hono';
import { html } from 'hono/html';
import { z } from 'zod';
import { programmeAggregates, sharedResults } from '../../src/assessment/programme-aggregates.ts';
import type { Criteria } from '../../src/assessment/criteria-schema.ts';
import type { ComplaintTaxonomy } from '../../src/complaints/complaint-taxonomy.ts';
import { vietnamDate } from '../../src/complaints/local-date.ts';
import { renderPdf } from '../../src/documents/pdf-document.ts';
import { auditWrite } from '../../src/staff/audit-log.ts';
import { programmeStats, targets, type Figures, type Rates } from '../../src/staff/programme-stats.ts';
import { yearlyReportCsv, yearlyReportPdf } from '../../src/staff/yearly-report.ts';
import type { StaffDeps, StaffEnv } from './staff-env.ts';
import { page } from './view.ts';

export interface DashboardDeps extends StaffDeps {
  readonly taxonomy: ComplaintTaxonomy;
  readonly province: string;
  /** The self-assessment criteria (loaded once, on first use). */
  readonly criteria: () => Promise<Criteria>;
}

const yearQuery = z.object({ year: z.coerce.number().int().min(2020).max(2100).optional().catch(undefined) });
const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const colors = { received: '#0b5cad', advised: '#2a9d8f', resolved: '#15803d', overdue: '#b91c1c', target: '#6b7280' };

/** The dashboard against the plan's targets, the programme aggregates, and the yearly report files. */
export function dashboardRoutes(deps: DashboardDeps): Hono<StaffEnv> {
  const app = new Hono<StaffEnv>();
  const t = deps.translators('vi');
  const categoryLabel = (code: string) => deps.taxonomy.data.categories.find((c) => c.code === code)?.label ?? code;
  const yearOf = (q: Record<string, string>) => yearQuery.parse(q).year ?? Number(vietnamDate(deps.clock.now()).slice(0, 4));

  app.get('/dashboard', async (c) => {
    const year = yearOf(c.req.query());
    const stats = await programmeStats(deps.db, year, deps.clock.now());
    const total = stats.total;
    const kpi = (label: string, value: string, note: string, tone: '' | 'good' | 'bad' = '') => html`<div class="kpi ${tone}"><div class="value" data-kpi="${label}">${value}</div><div class="label">${label}</div><div class="muted small">${note}</div></div>`;
    const advisedOk = total.advisedRate !== null && total.advisedRate >= targets.advised;
    const resolvedOk = total.resolvedRate !== null && total.resolvedRate > targets.resolved;
    const monthLabels = stats.byMonth.map((m) => `T${Number(m.key.slice(5))}`);
    const charts = [
      {
        id: 'by-month',
        title: t.t('staff.dashboard.chart.month'),
        config: {
          type: 'bar',
          data: {
            labels: monthLabels,
            datasets: [
              { label: t.t('staff.dashboard.received'), data: stats.byMonth.map((m) => m.received), backgroundColor: colors.received },
              { label: t.t('staff.dashboard.advised'), data: stats.byMonth.map((m) => m.advised), backgroundColor: colors.advised },
              { label: t.t('staff.dashboard.resolved'), data: stats.byMonth.map((m) => m.resolved), backgroundColor: colors.resolved },
              { label: t.t('staff.dashboard.overdue'), data: stats.byMonth.map((m) => m.overdue), backgroundColor: colors.overdue },
            ],
          },
          options: { responsive: true, maintainAspectRatio: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
        },
      },
      {
        id: 'rates',
        title: t.t('staff.dashboard.chart.rates'),
        config: {
          type: 'line',
          data: {
            labels: monthLabels,
            datasets: [
              { label: t.t('staff.dashboard.advisedRate'), data: stats.byMonth.map((m) => percent(m.advisedRate)), borderColor: colors.advised, backgroundColor: colors.advised, spanGaps: true },
              { label: t.t('staff.dashboard.resolvedRate'), data: stats.byMonth.map((m) => percent(m.resolvedRate)), borderColor: colors.resolved, backgroundColor: colors.resolved, spanGaps: true },
              { label: t.t('staff.dashboard.targetAdvised'), data: monthLabels.map(() => targets.advised * 100), borderColor: colors.advised, borderDash: [6, 4], pointRadius: 0 },
              { label: t.t('staff.dashboard.targetResolved'), data: monthLabels.map(() => targets.resolved * 100), borderColor: colors.resolved, borderDash: [2, 3], pointRadius: 0 },
            ],
          },
          options: { responsive: true, maintainAspectRatio: false, scales: { y: { min: 0, max: 100, ticks: { stepSize: 20 } } } },
        },
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
          options: { indexAxis: 'y', responsive: true, maintainAspectRatio: false, scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } },
        },
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
          options: { responsive: true, maintainAspectRatio: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
        },
      },
    ];
    const table = (title: string, rows: ReadonlyArray<{ key: string } & Figures & Rates>, label: (k: string) => string) => html`<h2>${title}</h2><div class="table-wrap"><table class="responsive">
      <thead><tr><th></th><th class="num">${t.t('staff.dashboard.received')}</th><th class="num">${t.t('staff.dashboard.advised')}</th><th class="num">${t.t('staff.dashboard.advisedRate')}</th><th class="num">${t.t('staff.dashboard.resolved')}</th><th class="num">${t.t('staff.dashboard.resolvedRate')}</th><th class="num">${t.t('staff.dashboard.overdue')}</th></tr></thead>
      <tbody>${rows.map((r) => html`<tr><th>${label(r.key)}</th><td class="num" data-label="${t.t('staff.dashboard.received')}">${r.received}</td><td class="num" data-label="${t.t('staff.dashboard.advised')}">${r.advised}</td><td class="num" data-label="${t.t('staff.dashboard.advisedRate')}">${pct(r.advisedRate)}</td><td class="num" data-label="${t.t('staff.dashboard.resolved')}">${r.resolved}</td><td class="num" data-label="${t.t('staff.dashboard.resolvedRate')}">${pct(r.resolvedRate)}</td><td class="num" data-label="${t.t('staff.dashboard.overdue')}">${r.overdue}</td></tr>`)}</tbody></table></div>`;
    const body = html`<form method="get" action="/staff/dashboard" class="actions">
        <label class="inline">${t.t('staff.dashboard.year')} <input type="number" name="year" value="${year}" min="2020" max="2100"></label>
        <button type="submit" class="secondary">${t.t('staff.dashboard.show')}</button>
        <a class="button" href="/staff/reports/yearly.pdf?year=${year}">${t.t('staff.dashboard.reportPdf')}</a>
        <a class="button secondary" href="/staff/reports/yearly.csv?year=${year}">${t.t('staff.dashboard.reportCsv')}</a>
      </form>
      <p class="muted small">${t.t('staff.dashboard.reportDue', { year })}</p>
      <div class="kpis">
        ${kpi(t.t('staff.dashboard.received'), String(total.received), t.t('staff.dashboard.receivedNote', { complaints: total.complaints, handoffs: total.handoffs }))}
        ${kpi(t.t('staff.dashboard.advisedRate'), pct(total.advisedRate), t.t('staff.dashboard.advisedNote', { advised: total.advised }), total.advisedRate === null ? '' : advisedOk ? 'good' : 'bad')}
        ${kpi(t.t('staff.dashboard.resolvedRate'), pct(total.resolvedRate), t.t('staff.dashboard.resolvedNote', { resolved: total.resolved }), total.resolvedRate === null ? '' : resolvedOk ? 'good' : 'bad')}
        ${kpi(t.t('staff.dashboard.overdue'), String(total.overdue), t.t('staff.dashboard.overdueNote', { asOf: stats.asOf.split('-').reverse().join('/') }), total.overdue > 0 ? 'bad' : 'good')}
        ${kpi(t.t('staff.dashboard.firstResponse'), stats.medianFirstResponseMinutes === null ? '—' : t.t('staff.duration.minutes', { m: Math.round(stats.medianFirstResponseMinutes) }), t.t('staff.dashboard.firstResponseNote'))}
      </div>
      <div class="charts">${charts.map((ch) => html`<figure class="chart"><figcaption>${ch.title}</figcaption><div class="canvas-box"><canvas id="${ch.id}" data-chart="${JSON.stringify(ch.config)}" role="img" aria-label="${ch.title}"></canvas></div></figure>`)}</div>
      <p class="muted small">${t.t('staff.dashboard.definitions')}</p>
      ${table(t.t('staff.dashboard.chart.month'), stats.byMonth, (k) => k)}
      ${table(t.t('staff.dashboard.chart.category'), stats.byCategory, categoryLabel)}
      ${table(t.t('staff.dashboard.chart.channel'), stats.byChannel, (k) => t.t(`staff.channel.${k}`))}`;
    return c.html(page({ t, title: t.t('staff.dashboard.title', { year }), session: c.get('session'), nav: 'dashboard', body, scripts: ['/staff/assets/chart.umd.min.js', '/staff/assets/dashboard.js'] }));
  });

  const reportInput = async (year: number, by: string) => ({
    stats: await programmeStats(deps.db, year, deps.clock.now()),
    assessments: await programmeAggregates(deps.db, await deps.criteria(), yearRange(year)),
    province: deps.province,
    categoryLabel,
    generatedBy: by,
    generatedAt: deps.clock.now(),
  });

  app.get('/reports/yearly.pdf', async (c) => {
    const year = yearOf(c.req.query());
    const by = c.get('session').user.email;
    const pdf = await renderPdf(yearlyReportPdf(await reportInput(year, by), t));
    await auditWrite(deps.db, { actor: by, action: 'export.yearly', detail: { year, format: 'pdf' } }, deps.clock.now());
    c.header('Content-Type', 'application/pdf');
    c.header('Content-Disposition', `attachment; filename="bao-cao-bvqlntd-${year}.pdf"`);
    return c.body(new Uint8Array(pdf));
  });

  app.get('/reports/yearly.csv', async (c) => {
    const year = yearOf(c.req.query());
    const by = c.get('session').user.email;
    const csv = yearlyReportCsv(await reportInput(year, by), t);
    await auditWrite(deps.db, { actor: by, action: 'export.yearly', detail: { year, format: 'csv' } }, deps.clock.now());
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="bao-cao-bvqlntd-${year}.csv"`);
    return c.body(csv);
  });

  app.get('/programme', async (c) => {
    const year = yearOf(c.req.query());
    const [a, shared] = await Promise.all([programmeAggregates(deps.db, await deps.criteria(), { ...yearRange(year), topGaps: 10 }), sharedResults(deps.db, yearRange(year))]);
    const sectorLabel = (s: string) => t.t(`staff.programme.sector.${s}`);
    const body = html`<form method="get" action="/staff/programme" class="actions"><label class="inline">${t.t('staff.dashboard.year')} <input type="number" name="year" value="${year}" min="2020" max="2100"></label><button type="submit" class="secondary">${t.t('staff.dashboard.show')}</button></form>
      <p class="muted">${t.t('staff.programme.intro')}</p>
      <div class="kpis">
        <div class="kpi"><div class="value">${a.businesses}</div><div class="label">${t.t('staff.programme.businesses')}</div><div class="muted small">${t.t('staff.programme.assessments', { count: a.assessments })}</div></div>
        <div class="kpi"><div class="value">${a.averagePercent === null ? '—' : `${a.averagePercent.toFixed(1)}%`}</div><div class="label">${t.t('staff.programme.average')}</div>${a.suppressed ? html`<div class="muted small">${t.t('staff.programme.suppressed')}</div>` : ''}</div>
        <div class="kpi"><div class="value">${a.retakes.businesses}</div><div class="label">${t.t('staff.programme.retakes')}</div><div class="muted small">${a.retakes.averageDelta === null ? '' : t.t('staff.programme.delta', { delta: a.retakes.averageDelta })}</div></div>
        <div class="kpi"><div class="value">${shared.length}</div><div class="label">${t.t('staff.programme.consent')}</div></div>
      </div>
      <div class="charts">
        <figure class="chart"><figcaption>${t.t('staff.programme.byArea')}</figcaption><div class="canvas-box"><canvas data-chart="${JSON.stringify({ type: 'bar', data: { labels: a.areas.map((x) => x.title.vi), datasets: [{ label: t.t('staff.programme.average'), data: a.areas.map((x) => x.averagePercent), backgroundColor: colors.advised }] }, options: { indexAxis: 'y', responsive: true, maintainAspectRatio: false, scales: { x: { min: 0, max: 100 } } } })}" role="img" aria-label="${t.t('staff.programme.byArea')}"></canvas></div></figure>
        <figure class="chart"><figcaption>${t.t('staff.programme.bySector')}</figcaption><div class="canvas-box"><canvas data-chart="${JSON.stringify({ type: 'bar', data: { labels: a.bySector.map((s) => sectorLabel(s.sector)), datasets: [{ label: t.t('staff.programme.businesses'), data: a.bySector.map((s) => s.businesses), backgroundColor: colors.received }] }, options: { responsive: true, maintainAspectRatio: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } } })}" role="img" aria-label="${t.t('staff.programme.bySector')}"></canvas></div></figure>
      </div>
      <h2>${t.t('staff.programme.topGaps')}</h2>
      ${a.topGaps.length === 0 ? html`<p class="muted">${a.suppressed ? t.t('staff.programme.suppressed') : t.t('staff.none')}</p>` : html`<div class="table-wrap"><table><thead><tr><th>${t.t('staff.programme.criterion')}</th><th class="num">${t.t('staff.programme.missedBy')}</th></tr></thead><tbody>${a.topGaps.map((g) => html`<tr><td>${g.title.vi} <span class="muted mono">${g.item}</span></td><td class="num">${g.businesses} (${g.share}%)</td></tr>`)}</tbody></table></div>`}
      <h2>${t.t('staff.programme.shared')}</h2>
      ${shared.length === 0 ? html`<p class="muted">${t.t('staff.none')}</p>` : html`<div class="table-wrap"><table class="responsive"><thead><tr><th>${t.t('staff.programme.business')}</th><th>${t.t('staff.programme.sectorLabel')}</th><th class="num">${t.t('staff.programme.score')}</th><th>${t.t('staff.programme.completedAt')}</th></tr></thead><tbody>${shared.map((s) => html`<tr><td data-label="${t.t('staff.programme.business')}">${s.business}</td><td data-label="${t.t('staff.programme.sectorLabel')}">${sectorLabel(s.sector ?? 'unknown')}</td><td class="num" data-label="${t.t('staff.programme.score')}">${s.percent.toFixed(0)}%</td><td data-label="${t.t('staff.programme.completedAt')}">${s.completedAt.slice(0, 10).split('-').reverse().join('/')}</td></tr>`)}</tbody></table></div>`}`;
    return c.html(page({ t, title: t.t('staff.programme.title', { year }), session: c.get('session'), nav: 'programme', body, scripts: ['/staff/assets/chart.umd.min.js', '/staff/assets/dashboard.js'] }));
  });

  return app;
}

/** A calendar year in Vietnam time, as the aggregates take it. */
function yearRange(year: number): { from: Date; to: Date } {
  return { from: new Date(`${year}-01-01T00:00:00+07:00`), to: new Date(`${year + 1}-01-01T00:00:00+07:00`) };
}

function percent(rate: number | null): number | null {
  return rate === null ? null : Math.round(rate * 1000) / 10;
}
