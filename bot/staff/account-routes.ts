import { Hono } from 'hono';
import { html } from 'hono/html';
import { z } from 'zod';
import { maxPasswordLength, minPasswordLength, passwordProblem, type PasswordProblem } from '../../src/staff/password-policy.ts';
import { StaffAccountError, emailSchema, staffRoles } from '../../src/staff/staff-accounts.ts';
import type { LoginThrottle } from '../../src/staff/login-throttle.ts';
import { SecondFactorError, type SecondFactor } from '../../src/staff/second-factor.ts';
import { formBody } from './form-body.ts';
import { adminOnly, type StaffContext, type StaffDeps, type StaffEnv } from './staff-env.ts';
import { csrfField, flashFrom, formatDateTime, page } from './view.ts';

// The password is checked by the policy after parsing, so the flash can say what is wrong with it.
const createForm = z.object({ email: emailSchema, password: z.string().max(1000), role: z.enum(staffRoles) });
const activeForm = z.object({ active: z.enum(['true', 'false']) });
const passwordForm = z.object({ password: z.string().max(1000) });

/** "?error=password.tooShort": the flash key of the policy's verdict (view.ts's flashFrom reads it). */
const problemFlash: Readonly<Record<PasswordProblem, string>> = { too_short: 'tooShort', too_long: 'tooLong', common: 'common', predictable: 'predictable' };
const passwordError = (password: string): string | null => {
  const problem = passwordProblem(password);
  return problem ? `error=password.${problemFlash[problem]}` : null;
};

/**
 * Admins create accounts, deactivate them, reset passwords, unlock an account strangers' guesses
 * have throttled, and remove a second factor whose phone was lost; nobody deletes an account (the
 * audit log names it). Each of these is audited.
 */
export function accountRoutes(deps: StaffDeps, security: { throttle: LoginThrottle; factor: SecondFactor }): Hono<StaffEnv> {
  const app = new Hono<StaffEnv>();
  const accounts = deps.staffAccounts;
  const t = deps.translators('vi');
  app.use('*', adminOnly);

  app.get('/', async (c) => {
    const session = c.get('session');
    const users = await accounts.list();
    const now = deps.clock.now();
    const locked = new Set((await Promise.all(users.map(async (u) => ((await security.throttle.lockedOut(u.email, now)) ? u.id : null)))).filter((id) => id !== null));
    const body = html`<div class="table-wrap"><table class="responsive">
      <thead><tr><th>${t.t('staff.accounts.email')}</th><th>${t.t('staff.accounts.role')}</th><th>${t.t('staff.accounts.state')}</th><th>${t.t('staff.accounts.secondFactor')}</th><th>${t.t('staff.accounts.created')}</th><th>${t.t('staff.accounts.actions')}</th></tr></thead>
      <tbody>${users.map((u) => html`<tr>
        <td data-label="${t.t('staff.accounts.email')}">${u.email}</td><td data-label="${t.t('staff.accounts.role')}">${t.t(`staff.role.${u.role}`)}</td>
        <td data-label="${t.t('staff.accounts.state')}">${u.active ? t.t('staff.accounts.active') : html`<span class="badge warn">${t.t('staff.accounts.inactive')}</span>`}${locked.has(u.id) ? html` <span class="badge warn">${t.t('staff.accounts.throttled')}</span>` : ''}</td>
        <td data-label="${t.t('staff.accounts.secondFactor')}">${u.secondFactor ? t.t('staff.accounts.secondFactorOn') : t.t('staff.accounts.secondFactorOff')}</td>
        <td data-label="${t.t('staff.accounts.created')}">${formatDateTime(u.createdAt, deps.timeZone)}</td>
        <td data-label="${t.t('staff.accounts.actions')}" class="row-actions">
          <form method="post" action="/staff/accounts/${u.id}/active">${csrfField(session)}<input type="hidden" name="active" value="${u.active ? 'false' : 'true'}"><button type="submit" class="secondary small">${u.active ? t.t('staff.accounts.deactivate') : t.t('staff.accounts.activate')}</button></form>
          <form method="post" action="/staff/accounts/${u.id}/password">${csrfField(session)}<input type="password" name="password" minlength="${minPasswordLength}" maxlength="${maxPasswordLength}" placeholder="${t.t('staff.accounts.newPassword')}" required autocomplete="new-password"><button type="submit" class="secondary small">${t.t('staff.accounts.resetPassword')}</button></form>
          <form method="post" action="/staff/accounts/${u.id}/unlock">${csrfField(session)}<button type="submit" class="secondary small">${t.t('staff.accounts.unlock')}</button></form>
          ${u.secondFactor ? html`<form method="post" action="/staff/accounts/${u.id}/second-factor/remove">${csrfField(session)}<button type="submit" class="secondary small">${t.t('staff.accounts.removeSecondFactor')}</button></form>` : ''}
        </td></tr>`)}</tbody></table></div>
      <h2>${t.t('staff.accounts.add')}</h2>
      <form method="post" action="/staff/accounts" class="card grid-form">
        ${csrfField(session)}
        <label>${t.t('staff.accounts.email')}<input type="email" name="email" required></label>
        <label>${t.t('staff.accounts.password')}<input type="password" name="password" minlength="${minPasswordLength}" maxlength="${maxPasswordLength}" required autocomplete="new-password"></label>
        <label>${t.t('staff.accounts.role')}<select name="role"><option value="agent">${t.t('staff.role.agent')}</option><option value="admin">${t.t('staff.role.admin')}</option></select></label>
        <button type="submit">${t.t('staff.accounts.create')}</button>
      </form>`;
    return c.html(page({ t, title: t.t('staff.accounts.title'), session, nav: 'accounts', body, flash: flashFrom(c.req.query(), t) }));
  });

  const invalidAccount = (c: StaffContext) => c.redirect('/staff/accounts?error=invalidAccount', 303);

  app.post('/', formBody(createForm, invalidAccount), async (c) => {
    const form = c.req.valid('form');
    const weak = passwordError(form.password);
    if (weak) return c.redirect(`/staff/accounts?${weak}`, 303);
    const outcome = await accounts.create(form, c.get('session').user.email, deps.clock.now()).then(() => 'ok=accountCreated', accountError);
    return c.redirect(`/staff/accounts?${outcome}`, 303);
  });

  app.post('/:id/active', formBody(activeForm, invalidAccount), async (c) => {
    const outcome = await accounts.setActive(c.req.param('id'), c.req.valid('form').active === 'true', c.get('session').user.email, deps.clock.now()).then(() => 'ok=saved', accountError);
    return c.redirect(`/staff/accounts?${outcome}`, 303);
  });

  app.post('/:id/password', formBody(passwordForm, (c) => c.redirect('/staff/accounts?error=weakPassword', 303)), async (c) => {
    const { password } = c.req.valid('form');
    const weak = passwordError(password);
    if (weak) return c.redirect(`/staff/accounts?${weak}`, 303);
    const outcome = await accounts.resetPassword(c.req.param('id'), password, c.get('session').user.email, deps.clock.now()).then(() => 'ok=passwordReset', accountError);
    return c.redirect(`/staff/accounts?${outcome}`, 303);
  });

  // The unlock link: strangers' failed attempts on this account stop counting (LoginThrottle.unlock).
  app.post('/:id/unlock', async (c) => {
    const user = await accounts.find(c.req.param('id'));
    if (!user) return c.redirect('/staff/accounts?error=account.notFound', 303);
    await security.throttle.unlock(user.email, c.get('session').user.email, deps.clock.now());
    return c.redirect('/staff/accounts?ok=unlocked', 303);
  });

  app.post('/:id/second-factor/remove', async (c) => {
    const outcome = await security.factor.remove(c.req.param('id'), c.get('session').user.email, deps.clock.now()).then(
      () => 'ok=secondFactorRemoved',
      (error: unknown) => {
        if (error instanceof SecondFactorError) return 'error=account.notFound';
        throw error;
      },
    );
    return c.redirect(`/staff/accounts?${outcome}`, 303);
  });

  return app;
}

function accountError(error: unknown): string {
  if (error instanceof StaffAccountError) return `error=account.${error.code === 'last_admin' ? 'lastAdmin' : error.code === 'exists' ? 'exists' : 'notFound'}`;
  throw error;
}
