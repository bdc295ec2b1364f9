import { randomBytes } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { html } from 'hono/html';
import { z } from 'zod';
import { sessionIdleMs, type StaffSessions } from '../../src/staff/staff-sessions.ts';
import { clientAddress } from '../web/client-address.ts';
import { sameToken, sessionCookie } from './security.ts';
import type { StaffDeps } from './staff-env.ts';
import { formatDateTime, page } from './view.ts';

const loginCsrfCookie = 'bvntd_staff_login';
/** A browser that signed in before: see LoginThrottle. A year, renewed at each login. */
const deviceCookie = 'bvntd_staff_device';
const deviceMaxAgeSeconds = 365 * 24 * 60 * 60;
const loginForm = z.object({ email: z.string().max(320), password: z.string().max(200), _csrf: z.string().max(100) });

/**
 * The login form and its POST. Before there is a session, CSRF is a double-submit: a random value in
 * a SameSite=Strict cookie must come back in the form, so another site cannot log a browser in.
 */
export function loginRoutes(deps: StaffDeps, sessions: StaffSessions): Hono {
  const app = new Hono();
  const t = deps.translators('vi');

  const form = (c: Context, error: string | null, email = '', status: 200 | 401 | 403 | 429 = error ? 401 : 200, notice: string | null = null) => {
    const token = randomBytes(24).toString('base64url');
    setCookie(c, loginCsrfCookie, token, { httpOnly: true, sameSite: 'Strict', path: '/staff', secure: deps.secureCookies, maxAge: 3600 });
    const body = html`<form method="post" action="/staff/login" class="card login">
      <input type="hidden" name="_csrf" value="${token}">
      <label>${t.t('staff.login.email')}<input type="email" name="email" value="${email}" autocomplete="username" required autofocus></label>
      <label>${t.t('staff.login.password')}<input type="password" name="password" autocomplete="current-password" required></label>
      <button type="submit">${t.t('staff.login.submit')}</button>
    </form>`;
    return c.html(page({ t, title: t.t('staff.login.title'), session: null, body, flash: error ? { kind: 'error', text: error } : notice ? { kind: 'ok', text: notice } : null }), status);
  };

  // Sent here by the session check when 30 minutes passed without activity.
  app.get('/login', (c) => form(c, null, '', 200, c.req.query('idle') === '1' ? t.t('staff.login.idle', { minutes: sessionIdleMs / 60_000 }) : null));

  app.post('/login', async (c) => {
    const parsed = loginForm.safeParse(await c.req.parseBody());
    const cookieToken = getCookie(c, loginCsrfCookie) ?? '';
    // A form older than its cookie (opened twice, or left open past the hour) is drawn again, not refused bare.
    if (!parsed.success || !sameToken(parsed.data._csrf, cookieToken)) return form(c, t.t('staff.login.staleForm'), parsed.success ? parsed.data.email : '', 403);
    const ip = clientAddress(c, deps.trustedProxies);
    const device = getCookie(c, deviceCookie) ?? null;
    const result = await sessions.login(parsed.data.email, parsed.data.password, ip, deps.clock.now(), device && /^[A-Za-z0-9_-]{43}$/.test(device) ? device : null);
    if (!result.ok) {
      if (result.reason === 'throttled') {
        return form(c, t.t('staff.login.throttled', { when: formatDateTime(result.retryAt, deps.timeZone) }), parsed.data.email, 429);
      }
      return form(c, t.t('staff.login.invalid'), parsed.data.email);
    }
    deleteCookie(c, loginCsrfCookie, { path: '/staff' });
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
  });

  return app;
}
