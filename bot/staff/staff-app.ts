import type { SecretBox } from '../../src/shared/secret-box.ts';
import { Hono } from 'hono';
import { deleteCookie } from 'hono/cookie';
import { LoginThrottle, type ThrottlePolicy } from '../../src/staff/login-throttle.ts';
import { SecondFactor } from '../../src/staff/second-factor.ts';
import { StaffSessions } from '../../src/staff/staff-sessions.ts';
import { accountRoutes } from './account-routes.ts';
import { assetRoutes } from './asset-routes.ts';
import { auditRoutes } from './audit-routes.ts';
import { demoBanner } from './demo-banner.ts';
import { errorPage } from './error-pages.ts';
import { inboxRoutes } from './inbox-routes.ts';
import { loginRoutes } from './login-routes.ts';
import { passwordRoutes } from './password-routes.ts';
import { secondFactorRoutes } from './second-factor-routes.ts';
import { csrfProtection, requireAdminSecondFactor, requireSession, securityHeaders, sessionCookie } from './security.ts';
import type { StaffDeps, StaffEnv } from './staff-env.ts';

export interface StaffAppOptions extends StaffDeps {
  /** PUBLIC_URL's origin, accepted as the Origin of forms when the console sits behind a proxy. */
  readonly publicOrigin?: string;
  readonly throttle?: ThrottlePolicy;
  /** Console sections that depend on other modules (complaints, dashboard), mounted behind the same guards. */
  readonly sections?: ReadonlyArray<{ readonly path: string; readonly app: Hono<StaffEnv> }>;
  /** Seals the staff TOTP keys in the database (bot/secret-key.ts). */
  readonly secrets: SecretBox;
}

/**
 * The staff console, mounted at /staff. Only the login form and static assets answer without a
 * session; everything else passes the session check and, for unsafe methods, the CSRF check.
 */
export function createStaffApp(options: StaffAppOptions): Hono {
  const stores = options.staffStores;
  const throttle = new LoginThrottle(stores.loginAttempts, options.throttle);
  const sessions = new StaffSessions(stores.sessions, stores.accounts, throttle);
  const factor = new SecondFactor(stores.secondFactor, options.secrets);
  const app = new Hono<StaffEnv>();
  const t = options.translators('vi');
  app.use('*', async (c, next) => {
    c.set('t', t);
    await next();
  });
  app.use('*', securityHeaders);
  app.use('*', demoBanner(stores.demo, t));
  app.route('/assets', assetRoutes());
  app.route('/', loginRoutes(options, sessions, factor));

  const guarded = new Hono<StaffEnv>();
  guarded.use('*', requireSession(sessions, options.clock));
  guarded.use('*', csrfProtection(options.publicOrigin));
  guarded.use('*', requireAdminSecondFactor(options.totpRequiredForAdmins ?? false));
  guarded.get('/', (c) => c.redirect('/staff/inbox', 303));
  guarded.post('/logout', async (c) => {
    await sessions.logout(c.get('sessionToken'), c.get('session').user.email, options.clock.now());
    deleteCookie(c, sessionCookie, { path: '/staff' });
    return c.redirect('/staff/login', 303);
  });
  guarded.route('/inbox', inboxRoutes(options));
  guarded.route('/password', passwordRoutes(options, sessions));
  guarded.route('/security', secondFactorRoutes(options, factor));
  guarded.route('/accounts', accountRoutes(options, { throttle, factor }));
  guarded.route('/audit', auditRoutes(options));
  for (const section of options.sections ?? []) guarded.route(section.path, section.app);
  // Unknown paths answer 404 only after the session check, so they reveal nothing to strangers.
  guarded.all('*', (c) => errorPage(c, 'notFound'));
  app.route('/', guarded);
  return app as unknown as Hono;
}
