import type { Context, MiddlewareHandler } from 'hono';
import type { AuditLog } from '../../src/shared/audit-log.ts';
import type { CannedReplyStore } from '../../src/handoff/canned-replies.ts';
import type { ProactiveMessages } from '../../src/dialogue/proactive-messages.ts';
import type { HandoffDesk } from '../../src/handoff/handoff-desk.ts';
import type { Locale, Translator } from '../../src/i18n/translator.ts';
import type { Clock } from '../../src/shared/clock.ts';
import type { LocalCalendar } from '../../src/shared/local-calendar.ts';
import type { Logger } from '../../src/shared/logger.ts';
import type { StaffAccounts } from '../../src/staff/staff-accounts.ts';
import type { StaffSession } from '../../src/staff/staff-sessions.ts';
import type { StaffStores } from '../../src/staff/staff-stores.ts';
import { errorPage } from './error-pages.ts';

/** What every console route can reach. */
export interface StaffDeps {
  /** Accounts, sessions, second factors, login attempts, figures and the demo mark (built once by the composition root). */
  readonly staffStores: StaffStores;
  readonly staffAccounts: StaffAccounts;
  /** Escalated chats: the inbox, replies and closing. */
  readonly desk: HandoffDesk;
  /** Who did what: written by routes, read by the audit page. */
  readonly audit: AuditLog;
  /** Replies staff reuse, kept by admins. */
  readonly cannedReplies: CannedReplyStore;
  /** Messages staff send to a consumer's chat outside a hand-off (a complaint's new status). */
  readonly proactive: ProactiveMessages;
  readonly translators: (locale: Locale) => Translator;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly timeZone: string;
  /** Days and years in TZ_NAME, for every date the console computes. */
  readonly calendar: LocalCalendar;
  /** Set Secure on the session cookie (the console is served over HTTPS). */
  readonly secureCookies: boolean;
  /** Proxies whose X-Forwarded-For is believed (TRUSTED_PROXIES). */
  readonly trustedProxies?: readonly string[];
  /** Admins must have a second factor before using the console (STAFF_TOTP_REQUIRED_FOR_ADMINS). */
  readonly totpRequiredForAdmins?: boolean;
}

export type StaffEnv = {
  Variables: {
    session: StaffSession;
    sessionToken: string;
    /** The console's language (Vietnamese), for pages drawn outside a route: errors. */
    t: Translator;
  };
};

export type StaffContext = Context<StaffEnv>;

/** Managing accounts, the routing directory and the holiday table is for admins only. */
export const adminOnly: MiddlewareHandler<StaffEnv> = async (c, next) => {
  if (c.get('session').user.role !== 'admin') return errorPage(c, 'forbidden');
  await next();
};
