import path from 'node:path';
import type { Hono } from 'hono';
import { currentCriteriaFile, loadCriteria } from '../../src/assessment/criteria-loader.ts';
import type { Criteria } from '../../src/assessment/criteria-schema.ts';
import type { ThrottlePolicy } from '../../src/staff/login-throttle.ts';
import type { Config } from '../../src/config/config.ts';
import { LocalCalendar } from '../../src/shared/local-calendar.ts';
import { StaffAccounts } from '../../src/staff/staff-accounts.ts';
import type { ReportIssuer } from '../../src/staff/yearly-report.ts';
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
    staffStores: app.staffStores,
    staffAccounts: new StaffAccounts(app.staffStores.accounts),
    desk: app.handoffDesk,
    audit: app.audit,
    cannedReplies: app.cannedReplies,
    proactive: app.proactive,
    translators: app.translators,
    clock: app.clock,
    logger: app.logger,
    timeZone: app.config.TZ_NAME,
    calendar: new LocalCalendar(app.config.TZ_NAME),
    secureCookies: publicUrl?.startsWith('https:') ?? false,
    trustedProxies: app.config.TRUSTED_PROXIES,
    totpRequiredForAdmins: app.config.STAFF_TOTP_REQUIRED_FOR_ADMINS,
  };
  const { taxonomy } = app.complaints;
  const issuer = reportIssuerOf(app.config);
  let criteria: Promise<Criteria> | null = null;
  const loadOnce = () => (criteria ??= loadCriteria(path.join(app.config.KNOWLEDGE_DIR, currentCriteriaFile)));
  return createStaffApp({
    ...deps,
    ...(publicUrl ? { publicOrigin: new URL(publicUrl).origin } : {}),
    ...(options.throttle ? { throttle: options.throttle } : {}),
    secrets: app.secrets,
    sections: [
      { path: '/', app: complaintRoutes({ ...deps, taxonomy, complaints: app.complaints.repository, transcripts: app.complaintStores.transcripts, knowledgeBase: app.knowledgeBase, issuer, evidence: app.evidence.files }) },
      { path: '/', app: dashboardRoutes({ ...deps, taxonomy, issuer, criteria: loadOnce, assessments: app.assessments }) },
      { path: '/', app: calendarRoutes({ ...deps, holidays: app.complaintStores.holidays, routing: app.complaintStores.routing }) },
      { path: '/', app: warningRoutes({ ...deps, warnings: app.warnings }) },
    ],
  });
}

/** The unit named on the yearly report, from AGENCY_* and REPORT_* with defaults built from the province. */
export function reportIssuerOf(config: Config): ReportIssuer {
  const province = config.PROVINCE_NAME;
  return {
    name: config.AGENCY_NAME ?? `Hội Bảo vệ quyền lợi người tiêu dùng ${province}`,
    parent: config.AGENCY_PARENT ?? null,
    province,
    recipient: config.REPORT_RECIPIENT ?? `Sở Công Thương ${province}`,
    signerTitle: config.REPORT_SIGNER_TITLE,
    signerName: config.REPORT_SIGNER_NAME ?? null,
  };
}
