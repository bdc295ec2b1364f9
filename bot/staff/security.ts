import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import type { StaffSessions } from '../../src/staff/staff-sessions.ts';
import type { Clock } from '../../src/shared/clock.ts';
import { errorPage } from './error-pages.ts';
import type { StaffEnv } from './staff-env.ts';

export const sessionCookie = 'bvntd_staff';

/**
 * The console's own headers; the security headers of every page (CSP, framing, HSTS) come from the
 * web server (bot/web/security-headers.ts). Pages show personal data: never keep them in a shared
 * browser's cache.
 */
export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  if (!c.req.path.startsWith('/staff/assets/')) c.header('Cache-Control', 'no-store');
};

/**
 * Pages get a redirect to the login form (saying so when the session went idle); files and JSON get
 * 401, so scripts see a clear failure. Background requests (the inbox's polls under /api/, and the
 * reload a poll triggers, marked ?refresh=auto by console.js) do not count as activity.
 */
export function requireSession(sessions: StaffSessions, clock: Clock): MiddlewareHandler<StaffEnv> {
  return async (c, next) => {
    const token = getCookie(c, sessionCookie);
    const background = c.req.path.includes('/api/') || c.req.query('refresh') === 'auto';
    const found = token ? await sessions.resolve(token, clock.now(), { active: !background }) : null;
    if (!found?.ok || !token) {
      const wantsPage = c.req.method === 'GET' && !/\.(csv|pdf|json)$/.test(c.req.path) && !c.req.path.includes('/api/');
      if (!wantsPage) return c.json({ error: 'unauthenticated' }, 401);
      return c.redirect(found && !found.ok && found.reason === 'idle' ? '/staff/login?idle=1' : '/staff/login', 303);
    }
    c.set('session', found.session);
    c.set('sessionToken', token);
    await next();
  };
}

/**
 * Every unsafe request carries the session's CSRF token in the form (`_csrf`) or the X-CSRF-Token
 * header, and comes from this server's origin. SameSite=Strict cookies already stop most cross-site
 * posts; this also covers older browsers and same-site subdomains.
 *
 * The origin half is Hono's csrf middleware (Origin, or Sec-Fetch-Site: same-origin). It refuses a
 * form post that carries neither header, which browsers always send but scripts and the tests'
 * clients need not; such a request is left to the token, which a cross-site page cannot read. Its
 * bare "Forbidden" becomes the console's own page.
 */
export function csrfProtection(publicOrigin: string | undefined): MiddlewareHandler<StaffEnv> {
  // Behind a proxy the request URL is the internal one, so PUBLIC_URL's origin is accepted too.
  const sameOrigin = csrf({ origin: (origin, c) => origin === new URL(c.req.url).origin || (publicOrigin !== undefined && origin === publicOrigin) });
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    if (c.req.header('Origin') !== undefined || c.req.header('Sec-Fetch-Site') !== undefined) {
      const refused = await sameOrigin(c, async () => {}).then(
        () => false,
        (error: unknown) => {
          if (error instanceof HTTPException && error.status === 403) return true;
          throw error;
        },
      );
      if (refused) return errorPage(c, 'crossSite');
    }
    const type = c.req.header('Content-Type') ?? '';
    let sent = c.req.header('X-CSRF-Token') ?? '';
    if (!sent && (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data'))) {
      const body = await c.req.parseBody();
      sent = typeof body._csrf === 'string' ? body._csrf : '';
    }
    if (!sameToken(sent, c.get('session').csrfToken)) return errorPage(c, 'staleForm');
    await next();
  };
}

export function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

/**
 * With STAFF_TOTP_REQUIRED_FOR_ADMINS, an admin without a second factor reaches only the page that
 * sets one up (and can change their password or log out): a stolen admin password alone then opens
 * nothing but that page, and setting it up ends every other session of the account.
 */
export function requireAdminSecondFactor(required: boolean): MiddlewareHandler<StaffEnv> {
  return async (c, next) => {
    const { user } = c.get('session');
    const exempt = /^\/staff\/(security|password|logout)(\/|$)/.test(c.req.path);
    if (!required || user.role !== 'admin' || user.secondFactor || exempt) return next();
    if (c.req.method === 'GET' && !c.req.path.includes('/api/')) return c.redirect('/staff/security?required=1', 303);
    return errorPage(c, 'forbidden');
  };
}
