import { randomBytes } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { html } from 'hono/html';
import { z } from 'zod';
import type { SecondFactor } from '../../src/staff/second-factor.ts';
import { secondFactorWindowMs, sessionIdleMs, type LoginResult, type StaffSessions } from '../../src/staff/staff-sessions.ts';
import { clientAddress } from '../web/client-address.ts';
import { formBody } from './form-body.ts';
import { sameToken, sessionCookie } from './security.ts';
import type { StaffDeps } from './staff-env.ts';
import { formatDateTime, page } from './view.ts';

const loginCsrfCookie = 'bvntd_staff_login';
/** A browser that signed in before: see LoginThrottle. A year, renewed at each login. */
const deviceCookie = 'bvntd_staff_device';
const deviceMaxAgeSeconds = 365 * 24 * 60 * 60;
const loginForm = z.object({ email: z.string().max(320), password: z.string().max(200), _csrf: z.string().max(100) });
/** The login's second step: the password was right, the second factor is asked for (see StaffSessions). */
const pendingCookie = 'bvntd_staff_2fa';
const codeForm = z.object({ code: z.string().max(40), _csrf: z.string().max(100) });

/**
 * The login form and its POST. Before there is a session, CSRF is a double-submit: a random value in
 * a SameSite=Strict cookie must come back in the form, so another site cannot log a browser in.
 */
export function loginRoutes(deps: StaffDeps, sessions: StaffSessions, factor: SecondFactor): Hono {
  const app = new Hono();
  const t = deps.translators('vi');

  const csrfCookie = (c: Context) => {
    const token = randomBytes(24).toString('base64url');
    setCookie(c, loginCsrfCookie, token, { httpOnly: true, sameSite: 'Strict', path: '/staff', secure: deps.secureCookies, maxAge: 3600 });
    return token;
  };

  const form = (c: Context, error: string | null, email = '', status: 200 | 401 | 403 | 429 = error ? 401 : 200, notice: string | null = null) => {
    const token = csrfCookie(c);
    const body = html`<form method="post" action="/staff/login" class="card login">
      <input type="hidden" name="_csrf" value="${token}">
      <label>${t.t('staff.login.email')}<input type="email" name="email" value="${email}" autocomplete="username" required autofocus></label>
      <label>${t.t('staff.login.password')}<input type="password" name="password" autocomplete="current-password" required></label>
      <button type="submit">${t.t('staff.login.submit')}</button>
    </form>`;
    return c.html(page({ t, title: t.t('staff.login.title'), session: null, body, flash: error ? { kind: 'error', text: error } : notice ? { kind: 'ok', text: notice } : null }), status);
  };

  const askCode = (c: Context, error: string | null, status: 200 | 401 | 429 = error ? 401 : 200) => {
    const token = csrfCookie(c);
    const body = html`<form method="post" action="/staff/login/code" class="card login">
      <input type="hidden" name="_csrf" value="${token}">
      <p>${t.t('staff.secondFactor.loginPrompt')}</p>
      <label>${t.t('staff.secondFactor.code')}<input type="text" name="code" inputmode="numeric" autocomplete="one-time-code" maxlength="40" required autofocus></label>
      <p class="muted small">${t.t('staff.secondFactor.loginRecovery')}</p>
      <button type="submit">${t.t('staff.login.submit')}</button>
    </form>`;
    return c.html(page({ t, title: t.t('staff.secondFactor.loginTitle'), session: null, body, flash: error ? { kind: 'error', text: error } : null }), status);
  };

  /** A login that got all the way: the cookies, then the inbox. */
  const signedIn = (c: Context, result: Extract<LoginResult, { ok: true }>) => {
    deleteCookie(c, loginCsrfCookie, { path: '/staff' });
    deleteCookie(c, pendingCookie, { path: '/staff' });
    setCookie(c, deviceCookie, result.deviceToken, { httpOnly: true, sameSite: 'Strict', path: '/staff', secure: deps.secureCookies, maxAge: deviceMaxAgeSeconds });
    setCookie(c, sessionCookie, result.token, {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/staff',
      secure: deps.secureCookies,
      // A lifetime, not a date: the browser counts it from its own clock, so a server clock that is
      // off (or frozen in a test) neither expires the cookie early nor keeps it too long. The server
      // still enforces the session's own expiry.
      maxAge: Math.max(0, Math.floor((result.session.expiresAt.getTime() - deps.clock.now().getTime()) / 1000)),
    });
    return c.redirect('/staff/inbox', 303);
  };

  const deviceOf = (c: Context) => {
    const device = getCookie(c, deviceCookie) ?? null;
    return device && /^[A-Za-z0-9_-]{43}$/.test(device) ? device : null;
  };

  // Sent here by the session check when 30 minutes passed without activity.
  app.get('/login', (c) => form(c, null, '', 200, c.req.query('idle') === '1' ? t.t('staff.login.idle', { minutes: sessionIdleMs / 60_000 }) : null));

  // A form older than its cookie (opened twice, or left open past the hour) is drawn again, not refused bare.
  const stale = (c: Context, email = '') => form(c, t.t('staff.login.staleForm'), email, 403);

  app.post('/login', formBody(loginForm, stale), async (c) => {
    const { email, password, _csrf } = c.req.valid('form');
    if (!sameToken(_csrf, getCookie(c, loginCsrfCookie) ?? '')) return stale(c, email);
    const ip = clientAddress(c, deps.trustedProxies);
    const result = await sessions.login(email, password, ip, deps.clock.now(), deviceOf(c));
    if (result.ok) return signedIn(c, result);
    if (result.reason === 'throttled') return form(c, t.t('staff.login.throttled', { when: formatDateTime(result.retryAt ?? deps.clock.now(), deps.timeZone) }), email, 429);
    if (result.reason === 'second_factor') {
      setCookie(c, pendingCookie, result.pendingToken, { httpOnly: true, sameSite: 'Strict', path: '/staff', secure: deps.secureCookies, maxAge: secondFactorWindowMs / 1000 });
      return askCode(c, null);
    }
    return form(c, t.t('staff.login.invalid'), email);
  });

  app.post('/login/code', formBody(codeForm, stale), async (c) => {
    const { code, _csrf } = c.req.valid('form');
    const pending = getCookie(c, pendingCookie) ?? '';
    if (!sameToken(_csrf, getCookie(c, loginCsrfCookie) ?? '')) return stale(c);
    const result = await sessions.completeSecondFactor(pending, code, clientAddress(c, deps.trustedProxies), deps.clock.now(), deviceOf(c), factor);
    if (result.ok) return signedIn(c, result);
    if (result.reason === 'throttled') return askCode(c, t.t('staff.login.throttled', { when: formatDateTime(result.retryAt ?? deps.clock.now(), deps.timeZone) }), 429);
    if (result.reason === 'second_factor') return askCode(c, t.t('staff.secondFactor.wrongCode'));
    // No pending login (expired after 5 minutes, or never started): the password again.
    deleteCookie(c, pendingCookie, { path: '/staff' });
    return form(c, t.t('staff.secondFactor.expired'), '', 401);
  });

  return app;
}
