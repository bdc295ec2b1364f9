import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { html } from 'hono/html';
import { z } from 'zod';
import { auditDetail } from './audit-sentences.ts';
import type { StaffDeps, StaffEnv } from './staff-env.ts';
import { formatDateTime, page } from './view.ts';

const query = z.object({
  action: z.string().regex(/^[a-z.]{0,40}$/).optional().catch(undefined),
  /** Keyset paging: entries older than this instant (the last row of the previous page). */
  before: z.iso.datetime().optional().catch(undefined),
});
const pageSize = 100;
const filters = ['', 'handoff', 'complaint', 'warning', 'privacy', 'staff', 'directory', 'holiday', 'export'] as const;

/** The audit log: every staff action, failed logins, and consumers' erasure requests. */
export function auditRoutes(deps: StaffDeps): Hono<StaffEnv> {
  const app = new Hono<StaffEnv>();
  const t = deps.translators('vi');

  app.get('/', zValidator('query', query), async (c) => {
    const { action, before } = c.req.valid('query');
    // One row more than shown tells whether an older page exists.
    const rows = await deps.audit.list({ limit: pageSize + 1, ...(action ? { action } : {}), ...(before ? { before: new Date(before) } : {}) });
    const entries = rows.slice(0, pageSize);
    const older = rows.length > pageSize ? new URLSearchParams({ ...(action ? { action } : {}), before: entries.at(-1)!.createdAt.toISOString() }) : null;
    const newest = before ? new URLSearchParams(action ? { action } : {}) : null;
    const label = (a: string) => (t.has(`staff.audit.action.${a}`) ? t.t(`staff.audit.action.${a}`) : a);
    const body = html`<nav class="filters" aria-label="${t.t('staff.audit.filter')}">${filters.map((f) => html`<a href="/staff/audit${f ? `?action=${f}` : ''}"${(action ?? '') === f ? html` class="current"` : ''}>${t.t(`staff.audit.filters.${f || 'all'}`)}</a>`)}</nav>
      ${entries.length === 0 ? html`<p class="empty">${t.t('staff.none')}</p>` : html`<div class="table-wrap"><table class="audit responsive">
        <thead><tr><th>${t.t('staff.audit.at')}</th><th>${t.t('staff.audit.actor')}</th><th>${t.t('staff.audit.action.title')}</th><th>${t.t('staff.audit.target')}</th><th>${t.t('staff.audit.detail')}</th></tr></thead>
        <tbody>${entries.map((e) => html`<tr class="${e.action.startsWith('privacy.') ? 'highlight' : ''}"><td data-label="${t.t('staff.audit.at')}">${formatDateTime(e.createdAt, deps.timeZone)}</td><td data-label="${t.t('staff.audit.actor')}">${e.actor === 'consumer' ? t.t('staff.audit.consumer') : e.actor}</td><td data-label="${t.t('staff.audit.action.title')}">${label(e.action)}</td><td data-label="${t.t('staff.audit.target')}" class="mono">${e.target}</td><td data-label="${t.t('staff.audit.detail')}" class="detail">${auditDetail(e, t)}</td></tr>`)}</tbody>
      </table></div>`}
      ${older || newest ? html`<nav class="pager" aria-label="${t.t('staff.audit.pages')}">${newest ? html`<a href="/staff/audit${newest.size ? `?${newest}` : ''}">${t.t('staff.audit.newest')}</a>` : ''}${older ? html`<a href="/staff/audit?${older}">${t.t('staff.audit.older')}</a>` : ''}</nav>` : ''}`;
    return c.html(page({ t, title: t.t('staff.audit.title'), session: c.get('session'), nav: 'audit', body }));
  });

  return app;
}
