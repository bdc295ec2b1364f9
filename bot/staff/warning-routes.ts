import { Hono } from 'hono';
import { html } from 'hono/html';
import { z } from 'zod';
import { vietnamDate } from '../../src/complaints/local-date.ts';
import { WarningError } from '../../src/warnings/warning-errors.ts';
import { mayPublish, publishWarnings } from '../../src/warnings/warning-permissions.ts';
import type { WarningsModule } from '../../src/warnings/warnings-module.ts';
import { errorPage } from './error-pages.ts';
import { formBody } from './form-body.ts';
import { adminOnly, type StaffContext, type StaffDeps, type StaffEnv } from './staff-env.ts';
import { parseWarningForm } from './warning-form.ts';
import { actionsView, figuresView, formValues, formView, historyView, listView, phonePreview, statusBadge, validity, type FormValues } from './warning-views.ts';
import { csrfField, flashFrom, formatDateTime, page } from './view.ts';

export interface WarningRoutesDeps extends StaffDeps {
  readonly warnings: WarningsModule;
}

const idParam = z.string().regex(/^[a-z0-9]{10,40}$/);
const versionForm = z.object({ version: z.coerce.number().int().min(1), confirm: z.literal('on') });
const withdrawForm = z.object({ reason: z.string().trim().min(5).max(500) });
const grantForm = z.object({ userId: idParam, grant: z.enum(['true', 'false']) });

/**
 * Warnings in the console: everyone reads them and their delivery figures; admins, and agents an
 * admin gave the permission, write, preview, publish and withdraw them. Each step is a revision and
 * an audit line (the repository writes both with the change).
 */
export function warningRoutes(deps: WarningRoutesDeps): Hono<StaffEnv> {
  const app = new Hono<StaffEnv>();
  const t = deps.translators('vi');
  const { warnings } = deps;
  const title = (key: string, params?: Record<string, string>) => t.t(`staff.warnings.${key}`, params);
  const canWrite = (c: StaffContext) => mayPublish(c.get('session').user, warnings.permissions);
  const writersOnly = async (c: StaffContext, next: () => Promise<void>) => {
    if (!(await canWrite(c))) return errorPage(c, 'forbidden');
    await next();
  };
  const today = () => vietnamDate(deps.clock.now());
  const load = async (c: StaffContext) => {
    const id = idParam.safeParse(c.req.param('id'));
    return id.success ? warnings.repository.get(id.data) : null;
  };
  const formPage = (c: StaffContext, spec: { heading: string; action: string; values: FormValues; version: number; error?: readonly string[] }) =>
    c.html(
      page({
        t,
        title: spec.heading,
        session: c.get('session'),
        nav: 'warnings',
        flash: spec.error ? { kind: 'error', text: title('invalidFields', { fields: spec.error.map((f) => (t.has(`staff.warnings.field.${f}`) ? t.t(`staff.warnings.field.${f}`) : f)).join(', ') }) } : null,
        body: html`<p class="muted">${title('formIntro')}</p>${formView(t, c.get('session'), { ...spec, provinces: warnings.provinces, today: today(), submit: title('saveDraft') })}`,
      }),
      spec.error ? 400 : 200,
    );
  const stepError = (c: StaffContext, id: string, error: unknown) => {
    if (error instanceof WarningError) return c.redirect(`/staff/warnings/${id}?error=warning.${error.code === 'stale_version' ? 'stale' : error.code === 'not_found' ? 'notFound' : 'step'}`, 303);
    throw error;
  };

  app.get('/warnings', async (c) => {
    const list = await warnings.repository.list({ limit: 200 });
    return c.html(page({ t, title: title('title'), session: c.get('session'), nav: 'warnings', flash: flashFrom(c.req.query(), t), body: html`${listView(t, list, await canWrite(c), deps.timeZone)}
      ${c.get('session').user.role === 'admin' ? html`<p><a href="/staff/warnings/publishers">${title('publishers')}</a></p>` : ''}
      <p class="small"><a href="/canh-bao">${title('publicPage')}</a></p>` }));
  });

  app.get('/warnings/new', writersOnly, (c) => formPage(c, { heading: title('newTitle'), action: '/staff/warnings', values: formValues(null, warnings.provinces), version: 0 }));

  app.post('/warnings', writersOnly, async (c) => {
    const body = await c.req.parseBody();
    const form = parseWarningForm(body, warnings.provinces);
    if (!form.ok) return formPage(c, { heading: title('newTitle'), action: '/staff/warnings', values: body as FormValues, version: 0, error: form.fields });
    const created = await warnings.repository.create(form.content, c.get('session').user.email, deps.clock.now());
    return c.redirect(`/staff/warnings/${created.id}?ok=warning.saved`, 303);
  });

  app.get('/warnings/publishers', adminOnly, async (c) => {
    const session = c.get('session');
    const agents = (await deps.staffAccounts.list()).filter((u) => u.role === 'agent' && u.active);
    const holders = new Set(await warnings.permissions.holders(publishWarnings));
    const body = html`<p class="muted">${title('publishersIntro')}</p>
      ${agents.length === 0 ? html`<p class="empty">${t.t('staff.none')}</p>` : html`<div class="table-wrap"><table class="responsive"><thead><tr><th>${t.t('staff.accounts.email')}</th><th>${title('mayPublish')}</th><th></th></tr></thead>
      <tbody>${agents.map((u) => html`<tr><td data-label="${t.t('staff.accounts.email')}">${u.email}</td><td data-label="${title('mayPublish')}">${holders.has(u.id) ? t.t('staff.yes') : t.t('staff.no')}</td>
        <td><form method="post" action="/staff/warnings/publishers">${csrfField(session)}<input type="hidden" name="userId" value="${u.id}"><input type="hidden" name="grant" value="${holders.has(u.id) ? 'false' : 'true'}"><button type="submit" class="secondary small">${holders.has(u.id) ? title('revoke') : title('grant')}</button></form></td></tr>`)}</tbody></table></div>`}`;
    return c.html(page({ t, title: title('publishers'), session, nav: 'warnings', body, flash: flashFrom(c.req.query(), t) }));
  });

  const invalidGrant = (c: StaffContext) => c.redirect('/staff/warnings/publishers?error=invalid', 303);
  app.post('/warnings/publishers', adminOnly, formBody(grantForm, invalidGrant), async (c) => {
    const form = c.req.valid('form');
    if (!(await deps.staffAccounts.find(form.userId))) return invalidGrant(c);
    const actor = c.get('session').user.email;
    const now = deps.clock.now();
    if (form.grant === 'true') await warnings.permissions.grant(form.userId, publishWarnings, actor, now);
    else await warnings.permissions.revoke(form.userId, publishWarnings, actor, now);
    return c.redirect('/staff/warnings/publishers?ok=saved', 303);
  });

  app.get('/warnings/:id', async (c) => {
    const w = await load(c);
    if (!w) return errorPage(c, 'notFound');
    const session = c.get('session');
    const [history, figures, active, writer] = await Promise.all([
      warnings.repository.history(w.id),
      warnings.ledger.figures(w.id, warnings.maxAttempts),
      warnings.subscriptions.countActive(),
      canWrite(c),
    ]);
    const { content } = w;
    const body = html`<p>${statusBadge(t, w)} ${t.t(`warnings.kind.${content.kind}`)} · ${validity(content, t)}${w.publishedAt ? html` · ${title('publishedOn', { at: formatDateTime(w.publishedAt, deps.timeZone) })}` : ''}</p>
      ${writer ? actionsView(t, session, w) : ''}
      <h2>${title('preview')}</h2>${phonePreview(t, deps.translators, w)}
      <h2>${title('delivery')}</h2>${figuresView(t, w, figures, active, deps.timeZone)}
      <h2>${title('history')}</h2>${historyView(t, history, deps.timeZone)}
      <p><a href="/staff/warnings">${title('back')}</a></p>`;
    return c.html(page({ t, title: content.title, session, nav: 'warnings', body, flash: flashFrom(c.req.query(), t) }));
  });

  app.get('/warnings/:id/edit', writersOnly, async (c) => {
    const w = await load(c);
    if (!w) return errorPage(c, 'notFound');
    return formPage(c, { heading: title('editTitle'), action: `/staff/warnings/${w.id}/edit`, values: formValues(w.content, warnings.provinces), version: w.version });
  });

  app.post('/warnings/:id/edit', writersOnly, async (c) => {
    const w = await load(c);
    if (!w) return errorPage(c, 'notFound');
    const body = await c.req.parseBody();
    const form = parseWarningForm(body, warnings.provinces);
    if (!form.ok) return formPage(c, { heading: title('editTitle'), action: `/staff/warnings/${w.id}/edit`, values: body as FormValues, version: w.version, error: form.fields });
    try {
      await warnings.repository.edit(w.id, form.content, form.version, c.get('session').user.email, deps.clock.now());
    } catch (error) {
      return stepError(c, w.id, error);
    }
    return c.redirect(`/staff/warnings/${w.id}?ok=warning.saved`, 303);
  });

  /** Publish and withdraw: the form checked, the step taken, and the flash naming its outcome. */
  const lifecycleStep = <T extends z.ZodType>(name: 'publish' | 'withdraw', schema: T, invalid: string, run: (id: string, form: z.output<T>, actor: string, now: Date) => Promise<unknown>) =>
    app.post(
      `/warnings/:id/${name}`,
      writersOnly,
      // An unknown warning is a 404 whatever the form held; a known one is shown again with the flash.
      formBody(schema, async (c) => {
        const w = await load(c);
        return w ? c.redirect(`/staff/warnings/${w.id}?error=warning.${invalid}`, 303) : errorPage(c, 'notFound');
      }),
      async (c) => {
        const w = await load(c);
        if (!w) return errorPage(c, 'notFound');
        const form = c.req.valid('form') as z.output<T>;
        try {
          await run(w.id, form, c.get('session').user.email, deps.clock.now());
        } catch (error) {
          return stepError(c, w.id, error);
        }
        return c.redirect(`/staff/warnings/${w.id}?ok=warning.${name === 'publish' ? 'published' : 'withdrawn'}`, 303);
      },
    );
  lifecycleStep('publish', versionForm, 'confirm', (id, form, actor, now) => warnings.desk.publish(id, form.version, actor, now));
  lifecycleStep('withdraw', withdrawForm, 'reason', (id, form, actor, now) => warnings.desk.withdraw(id, form.reason, actor, now));

  return app;
}
