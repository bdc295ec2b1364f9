import { Hono } from 'hono';
import { html } from 'hono/html';
import { z } from 'zod';
import { minPasswordLength, passwordProblemKey } from '../../src/staff/password-policy.ts';
import type { PasswordChangeResult, StaffSessions } from '../../src/staff/staff-sessions.ts';
import { clientAddress } from '../web/client-address.ts';
import { formBody } from './form-body.ts';
import type { StaffContext, StaffDeps, StaffEnv } from './staff-env.ts';
import { csrfField, formatDateTime, page } from './view.ts';

// Generous bounds: the policy, not the form, says what is too long, so the person is told why.
const changeForm = z.object({ current: z.string().max(1000), next: z.string().max(1000), repeat: z.string().max(1000) });

type Failure = Exclude<PasswordChangeResult, { ok: true }>;
const messageKey: Readonly<Record<Exclude<Failure['reason'], 'throttled'>, string>> = {
  ...passwordProblemKey,
  wrong_current: 'staff.flash.password.wrongCurrent',
  mismatch: 'staff.flash.password.mismatch',
  unchanged: 'staff.flash.password.unchanged',
};

/**
 * Everyone changes their own password here: the current one, then the new one twice. The form is
 * behind the session and CSRF guards like every other; the change, and a wrong current password, are
 * audited, and a wrong one counts towards the login throttle.
 */
export function passwordRoutes(deps: StaffDeps, sessions: StaffSessions): Hono<StaffEnv> {
  const app = new Hono<StaffEnv>();
  const t = deps.translators('vi');

  const form = (c: StaffContext, flash: { kind: 'ok' | 'error'; text: string } | null, status: 200 | 400 | 429 = 200) => {
    const session = c.get('session');
    const body = html`<form method="post" action="/staff/password" class="card login">
      ${csrfField(session)}
      <input type="email" name="username" value="${session.user.email}" autocomplete="username" hidden>
      <label>${t.t('staff.password.current')}<input type="password" name="current" autocomplete="current-password" required autofocus></label>
      <label>${t.t('staff.password.new')}<input type="password" name="next" minlength="${minPasswordLength}" autocomplete="new-password" required></label>
      <label>${t.t('staff.password.repeat')}<input type="password" name="repeat" minlength="${minPasswordLength}" autocomplete="new-password" required></label>
      <p class="muted small">${t.t('staff.password.rules', { min: minPasswordLength })}</p>
      <button type="submit">${t.t('staff.password.submit')}</button>
    </form>
    <p><a href="/staff/security">${t.t('staff.secondFactor.link')}</a></p>`;
    return c.html(page({ t, title: t.t('staff.password.title'), session, body, flash }), status);
  };

  app.get('/', (c) => form(c, c.req.query('ok') === 'changed' ? { kind: 'ok', text: t.t('staff.flash.password.changed') } : null));

  app.post('/', formBody(changeForm, (c) => form(c, { kind: 'error', text: t.t('staff.flash.invalid') }, 400)), async (c) => {
    const result = await sessions.changePassword(c.get('sessionToken'), c.req.valid('form'), clientAddress(c, deps.trustedProxies), deps.clock.now());
    if (result.ok) return c.redirect('/staff/password?ok=changed', 303);
    if (result.reason === 'throttled') {
      return form(c, { kind: 'error', text: t.t('staff.login.throttled', { when: formatDateTime(result.retryAt ?? deps.clock.now(), deps.timeZone) }) }, 429);
    }
    return form(c, { kind: 'error', text: t.t(messageKey[result.reason]) }, 400);
  });

  return app;
}
