import path from 'node:path';
import type { Hono } from 'hono';
import { currentCriteriaFile, loadCriteria } from '../../src/assessment/criteria-loader.ts';
import type { Criteria } from '../../src/assessment/criteria-schema.ts';
import type { ThrottlePolicy } from '../../src/staff/login-throttle.ts';
import type { App } from '../app.ts';
import { calendarRoutes } from './calendar-routes.ts';
import { complaintRoutes } from './complaint-routes.ts';
import { dashboardRoutes } from './dashboard-routes.ts';
import { createStaffApp } from './staff-app.ts';
import type { StaffDeps } from './staff-env.ts';
import { warningRoutes } from './warning-routes.ts';

/** The console as `npm start` mounts it at /staff, built from the application graph. */
export function staffConsole(app: App, options: { throttle?: ThrottlePolicy } = {}): Hono {
  const publicUrl = app.config.PUBLIC_URL;
  const deps: StaffDeps = {
    db: app.db,
    translators: app.translators,
    clock: app.clock,
    logger: app.logger,
    timeZone: app.config.TZ_NAME,
    secureCookies: publicUrl?.startsWith('https:') ?? false,
    trustedProxies: app.config.TRUSTED_PROXIES,
  };
  const { taxonomy } = app.complaints;
  let criteria: Promise<Criteria> | null = null;
  const loadOnce = () => (criteria ??= loadCriteria(path.join(app.config.KNOWLEDGE_DIR, currentCriteriaFile)));
  return createStaffApp({
    ...deps,
    ...(publicUrl ? { publicOrigin: new URL(publicUrl).origin } : {}),
    ...(options.throttle ? { throttle: options.throttle } : {}),
    sections: [
      { path: '/', app: complaintRoutes({ ...deps, taxonomy, knowledgeBase: app.knowledgeBase }) },
      { path: '/', app: dashboardRoutes({ ...deps, taxonomy, province: app.config.PROVINCE_NAME, criteria: loadOnce }) },
      { path: '/', app: calendarRoutes(deps) },
      { path: '/', app: warningRoutes({ ...deps, warnings: app.warnings }) },
    ],
  });
}
