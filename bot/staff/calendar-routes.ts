import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { html } from 'hono/html';
import { z } from 'zod';
import { randomBytes } from 'node:crypto';
import type { HolidayTable } from '../../src/complaints/calendar-store.ts';
import type { RoutingTable } from '../../src/complaints/routing-directory.ts';
import { formatIsoDay } from '../../src/staff/vietnamese-format.ts';
import { formBody } from './form-body.ts';
import { adminOnly, type StaffContext, type StaffDeps, type StaffEnv } from './staff-env.ts';
import { csrfField, flashFrom, page } from './view.ts';

const isoDay = z.iso.date();
const holidayForm = z.object({ date: isoDay, name: z.string().trim().min(1).max(200), isWorkingDay: z.enum(['true', 'false']).default('false') });
const entryForm = z.object({
  // Left empty for a new entry: the console makes one from the kind of case and the date.
  key: z.union([z.string().trim().regex(/^[a-z0-9._-]{3,80}$/), z.literal('')]).default(''),
  category: z.string().trim().regex(/^[a-z0-9_-]{2,40}$/),
  agency: z.string().trim().min(3).max(300),
  description: z.string().trim().max(2000).default(''),
  contact: z.string().trim().max(300).default(''),
  source: z.string().trim().max(300).default(''),
  validFrom: isoDay,
  validTo: z.union([isoDay, z.literal('')]).default(''),
});
const yearQuery = z.object({ year: z.coerce.number().int().min(2020).max(2100).optional().catch(undefined) });

export interface CalendarSectionDeps extends StaffDeps {
  /** The holiday table behind working-day deadlines (built once by the composition root). */
  readonly holidays: HolidayTable;
  /** The routing directory's entries (built once by the composition root). */
  readonly routing: RoutingTable;
}

/**
 * The routing directory (which agency handles which kind of case, dated, because agencies were merged
 * in 2025 and will change again) and the holiday table behind working-day deadlines and staff hours.
 * Everyone reads them; admins edit, and every edit is audited.
 */
export function calendarRoutes(deps: CalendarSectionDeps): Hono<StaffEnv> {
  const app = new Hono<StaffEnv>();
  const t = deps.translators('vi');
  /** The kind of case in words ("Hàng giả, hàng nhập lậu, gian lận thương mại"), its code where none is known. */
  const kindLabel = (code: string) => (t.has(`staff.routing.${code}`) ? t.t(`staff.routing.${code}`) : code);
  /** "{province}" in an agency's name is filled in with the consumer's province: said so in words. */
  const agencyName = (agency: string) => html`${agency.split('{province}').map((part, i) => html`${i > 0 ? html`<span class="placeholder">${t.t('staff.directory.province')}</span>` : ''}${part}`)}`;

  app.get('/directory', async (c) => {
    const session = c.get('session');
    const admin = session.user.role === 'admin';
    const today = deps.calendar.dateOf(deps.clock.now());
    const entries = await deps.routing.all();
    // The kinds of case the complaint taxonomy routes to are the ones the directory already holds.
    const kinds = [...new Set(entries.map((e) => e.category))].sort((a, b) => kindLabel(a).localeCompare(kindLabel(b), 'vi'));
    const editForm = (e: Partial<(typeof entries)[number]>, submit: string) => html`<form method="post" action="/staff/directory" class="grid-form">
        ${csrfField(session)}
        ${e.key ? html`<input type="hidden" name="key" value="${e.key}">` : ''}
        <label>${t.t('staff.directory.category')}<select name="category" required>${kinds.map((k) => html`<option value="${k}"${k === e.category ? html` selected` : ''}>${kindLabel(k)}</option>`)}</select></label>
        <label class="wide">${t.t('staff.directory.agency')}<input name="agency" value="${e.agency ?? ''}" required aria-describedby="agency-hint-${e.id ?? 'new'}"><span class="hint" id="agency-hint-${e.id ?? 'new'}">${t.t('staff.directory.agencyHint')}</span></label>
        <label>${t.t('staff.directory.contact')}<input name="contact" value="${e.contact ?? ''}"></label>
        <label>${t.t('staff.directory.validFrom')}<input type="date" name="validFrom" value="${e.validFrom ?? today}" required></label>
        <label>${t.t('staff.directory.validTo')}<input type="date" name="validTo" value="${e.validTo ?? ''}"></label>
        <label class="wide">${t.t('staff.directory.description')}<textarea name="description" rows="2">${e.description ?? ''}</textarea></label>
        <label class="wide">${t.t('staff.directory.source')}<input name="source" value="${e.source ?? ''}"></label>
        <button type="submit">${submit}</button>
      </form>`;
    const body = html`<p class="muted">${t.t('staff.directory.intro')}</p>
      <div class="table-wrap"><table class="responsive">
        <thead><tr><th>${t.t('staff.directory.category')}</th><th>${t.t('staff.directory.agency')}</th><th>${t.t('staff.directory.validity')}</th><th>${t.t('staff.directory.source')}</th><th>${t.t('staff.directory.updatedBy')}</th></tr></thead>
        <tbody>${entries.map((e) => {
          const inForce = e.validFrom <= today && (!e.validTo || e.validTo >= today);
          return html`<tr class="${inForce ? '' : 'muted'}">
            <td data-label="${t.t('staff.directory.category')}">${kindLabel(e.category)}</td>
            <td data-label="${t.t('staff.directory.agency')}"><strong>${agencyName(e.agency)}</strong><br><span class="small">${e.description}</span>${e.contact ? html`<br><span class="small">${e.contact}</span>` : ''}
              ${admin ? html`<details><summary>${t.t('staff.directory.edit')}</summary>${editForm(e, t.t('staff.save'))}
                ${inForce ? html`<form method="post" action="/staff/directory/${e.id}/retire">${csrfField(session)}<button type="submit" class="secondary small">${t.t('staff.directory.retire')}</button></form>` : ''}</details>` : ''}</td>
            <td data-label="${t.t('staff.directory.validity')}">${formatIsoDay(e.validFrom)} → ${e.validTo ? formatIsoDay(e.validTo) : t.t('staff.directory.open')}${inForce ? html` <span class="badge done">${t.t('staff.directory.inForce')}</span>` : ''}</td>
            <td data-label="${t.t('staff.directory.source')}" class="small">${e.source}</td>
            <td data-label="${t.t('staff.directory.updatedBy')}" class="small">${e.updatedBy}</td>
          </tr>`;
        })}</tbody></table></div>
      ${admin ? html`<h2>${t.t('staff.directory.add')}</h2><div class="card">${editForm({}, t.t('staff.directory.addButton'))}</div>` : ''}`;
    return c.html(page({ t, title: t.t('staff.directory.title'), session, nav: 'directory', body, flash: flashFrom(c.req.query(), t) }));
  });

  const invalidEntry = (c: StaffContext) => c.redirect('/staff/directory?error=invalid', 303);
  app.post('/directory', adminOnly, formBody(entryForm, invalidEntry), async (c) => {
    const form = c.req.valid('form');
    if (form.validTo !== '' && form.validTo < form.validFrom) return invalidEntry(c);
    const actor = c.get('session').user.email;
    const { key: given, validTo, ...rest } = form;
    const key = given || `${rest.category.replace(/_/g, '-')}.${rest.validFrom}.${randomBytes(3).toString('hex')}`;
    const data = { ...rest, validTo: validTo === '' ? null : validTo };
    await deps.routing.save(key, data, actor, { actor, action: 'directory.save', target: key, detail: { category: data.category, agency: data.agency, validFrom: data.validFrom, validTo: data.validTo } }, deps.clock.now());
    return c.redirect('/staff/directory?ok=saved', 303);
  });

  app.post('/directory/:id/retire', adminOnly, async (c) => {
    const entry = await deps.routing.byId(c.req.param('id'));
    if (!entry) return c.redirect('/staff/directory?error=notFound', 303);
    const actor = c.get('session').user.email;
    const now = deps.clock.now();
    // Retired from yesterday, so a replacement entry can take over from today.
    const until = deps.calendar.dateOf(new Date(now.getTime() - 86_400_000));
    await deps.routing.retire(entry.id, until < entry.validFrom ? entry.validFrom : until, actor, { actor, action: 'directory.retire', target: entry.key }, now);
    return c.redirect('/staff/directory?ok=saved', 303);
  });

  app.get('/holidays', zValidator('query', yearQuery), async (c) => {
    const session = c.get('session');
    const admin = session.user.role === 'admin';
    const year = c.req.valid('query').year ?? Number(deps.calendar.dateOf(deps.clock.now()).slice(0, 4));
    const days = await deps.holidays.inYear(year);
    const body = html`<form method="get" action="/staff/holidays" class="actions"><a class="button secondary" href="/staff/holidays?year=${year - 1}">‹ ${year - 1}</a><strong>${year}</strong><a class="button secondary" href="/staff/holidays?year=${year + 1}">${year + 1} ›</a></form>
      <p class="muted">${t.t('staff.holidays.intro')}</p>
      ${days.length === 0 ? html`<p class="empty">${t.t('staff.holidays.none', { year })}</p>` : html`<div class="table-wrap"><table class="responsive">
        <thead><tr><th>${t.t('staff.holidays.date')}</th><th>${t.t('staff.holidays.name')}</th><th>${t.t('staff.holidays.kind')}</th><th>${t.t('staff.directory.updatedBy')}</th>${admin ? html`<th></th>` : ''}</tr></thead>
        <tbody>${days.map((d) => html`<tr><td data-label="${t.t('staff.holidays.date')}">${weekday(d.date)} ${d.date.split('-').reverse().join('/')}</td><td data-label="${t.t('staff.holidays.name')}">${d.name}</td><td data-label="${t.t('staff.holidays.kind')}">${d.isWorkingDay ? html`<span class="badge st-active">${t.t('staff.holidays.workingDay')}</span>` : html`<span class="badge st-waiting">${t.t('staff.holidays.dayOff')}</span>`}</td><td data-label="${t.t('staff.directory.updatedBy')}" class="small">${d.updatedBy}</td>
          ${admin ? html`<td data-label=""><form method="post" action="/staff/holidays/${d.id}/delete">${csrfField(session)}<button type="submit" class="secondary small">${t.t('staff.holidays.delete')}</button></form></td>` : ''}</tr>`)}</tbody></table></div>`}
      ${admin ? html`<h2>${t.t('staff.holidays.add')}</h2><form method="post" action="/staff/holidays" class="card grid-form">
        ${csrfField(session)}
        <label>${t.t('staff.holidays.date')}<input type="date" name="date" required></label>
        <label>${t.t('staff.holidays.name')}<input name="name" required maxlength="200"></label>
        <label>${t.t('staff.holidays.kind')}<select name="isWorkingDay"><option value="false">${t.t('staff.holidays.dayOff')}</option><option value="true">${t.t('staff.holidays.workingDay')}</option></select></label>
        <button type="submit">${t.t('staff.save')}</button></form>` : ''}`;
    return c.html(page({ t, title: t.t('staff.holidays.title'), session, nav: 'holidays', body, flash: flashFrom(c.req.query(), t) }));
  });

  app.post('/holidays', adminOnly, formBody(holidayForm, (c) => c.redirect('/staff/holidays?error=invalid', 303)), async (c) => {
    const actor = c.get('session').user.email;
    const { date, name, isWorkingDay: working } = c.req.valid('form');
    const isWorkingDay = working === 'true';
    await deps.holidays.save({ date, name, isWorkingDay }, actor, { actor, action: 'holiday.save', target: date, detail: { name, isWorkingDay } }, deps.clock.now());
    return c.redirect(`/staff/holidays?year=${date.slice(0, 4)}&ok=saved`, 303);
  });

  app.post('/holidays/:id/delete', adminOnly, async (c) => {
    const day = await deps.holidays.byId(c.req.param('id'));
    if (!day) return c.redirect('/staff/holidays?error=notFound', 303);
    const actor = c.get('session').user.email;
    await deps.holidays.remove(day.id, { actor, action: 'holiday.delete', target: day.date, detail: { name: day.name } }, deps.clock.now());
    return c.redirect(`/staff/holidays?year=${day.date.slice(0, 4)}&ok=deleted`, 303);
  });

  function weekday(date: string): string {
    const dow = new Date(`${date}T12:00:00Z`).getUTCDay();
    return t.t(`handoff.day.${dow === 0 ? 7 : dow}`);
  }

  return app;
}
