import { runComplaintReminders } from '../src/complaints/complaint-reminders.ts';
import { ConfigError, loadConfig, publicUrlOf, type Config } from '../src/config/config.ts';
import { systemClock } from '../src/shared/clock.ts';
import { runRetention } from '../src/privacy/retention.ts';
import { PrismaInboundJournal } from '../src/storage/prisma-inbound-journal.ts';
import { PrismaRetentionStore } from '../src/storage/prisma-retention.ts';
import { createApp } from './app.ts';
import { holdSingleInstance } from './single-instance.ts';
import { createChatChannels } from './channels/chat-channels.ts';
import { ChatUserLimit } from './channels/chat-user-limit.ts';
import { endSubscriptionOfUnreachable } from '../src/warnings/unreachable-chat.ts';
import { createLogger } from './logger.ts';
import { staffConsole } from './staff/staff-console.ts';
import { attachmentsPath, webChatRoutes } from './web/web-chat-routes.ts';
import { warningFeedRoutes } from './web/warning-feed-routes.ts';
import { defaultRateLimits, rateLimits } from './web/rate-limits.ts';
import { createWebServer, listen } from './web/web-server.ts';

/**
 * `npm start`: builds the database and search index when missing, then serves the web chat (and
 * every configured channel) until SIGINT/SIGTERM.
 */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config);
  const started = Date.now();
  const app = await createApp({
    config,
    logger,
    clock: systemClock,
    onIndexProgress: (p) => logger.info(p, 'building the search index'),
  });
  const single = app.provider === 'sqlite' ? await holdSingleInstance({ leases: app.leases, instanceId: app.instance.id, clock: app.clock, logger }) : null;
  const perChat = new ChatUserLimit({ translators: app.translators, clock: app.clock });
  const channels = createChatChannels({
    config,
    handle: (message) => app.engine.handle(message),
    admit: (message) => perChat.admit(message),
    onUnreachable: async (chat, now) => {
      if (await endSubscriptionOfUnreachable(app.warnings.subscriptions, chat, now)) logger.info({ channel: chat.channel }, 'a chat that blocked the bot no longer gets warnings');
    },
    journal: new PrismaInboundJournal(app.db, app.records),
    outbox: app.outbox,
    translators: app.translators,
    logger,
    clock: app.clock,
    leases: app.leases,
    instanceId: app.instance.owner,
  });
  const https = config.PUBLIC_URL?.startsWith('https:') ?? false;
  let accepting = false;
  let stopping = false;
  const web = createWebServer({
    logger,
    https,
    limits: rateLimits(defaultRateLimits, { trustedProxies: config.TRUSTED_PROXIES, t: app.translators('vi') }),
    ownBodyLimit: [`/api/chat${attachmentsPath}`],
    ready: async () => accepting && !stopping && (await app.store.reachable()),
    mounts: [
      ...channels.mounts,
      { path: '/api/chat', app: webChatRoutes({ engine: app.engine, store: app.store, outbox: app.outbox, translators: app.translators, secureCookies: https, clock: app.clock, hotline: app.config.HOTLINE_NATIONAL, standing: (id) => app.handoffStandings.of(id), uploads: app.evidence }) },
      { path: '/staff', app: staffConsole(app) },
      { path: '/canh-bao', app: warningFeedRoutes({ warnings: app.warnings.repository, translators: app.translators, clock: app.clock, publicUrl: publicUrlOf(config), hotline: config.HOTLINE_NATIONAL }) },
    ],
  });
  const server = await listen(web, config.PORT, config.HOST);
  logger.info({ url: server.url, startupMs: Date.now() - started, passages: app.knowledgeBase.passages.length }, 'web chat ready');
  process.stdout.write(`Web chat: ${server.url}\n`);
  // After listening: a webhook may be called as soon as it is set.
  await channels.start();
  accepting = true;

  // Complaint deadline reminders (Điều 31.2, 57.2): checked at start and every 15 minutes, by one
  // instance: whoever takes the lease runs the check, the others skip until it runs out.
  const remind = async () => {
    try {
      if (!(await app.leases.acquire('job:complaint-reminders', app.instance.owner, 10 * 60_000, app.clock.now()))) return;
      const sent = await runComplaintReminders({ repository: app.complaints.repository, conversations: app.complaintStores.conversations, outbox: app.outbox, translators: app.translators, hotline: config.HOTLINE_NATIONAL, now: app.clock.now() });
      if (sent.acknowledge + sent.negotiate > 0) logger.info(sent, 'complaint deadline reminders queued');
    } catch (error) {
      logger.error({ err: error }, 'complaint deadline reminders failed');
    }
  };
  void remind();
  const reminderTimer = setInterval(() => void remind(), 15 * 60_000);
  // Warning fan-out: publishing starts it; this finishes one a crash or a deploy interrupted.
  app.warnings.job.kick();
  const fanOutTimer = setInterval(() => app.warnings.job.kick(), 30_000);

  // Raw platform updates and login attempts past their retention periods, hourly, by one instance.
  const retention = new PrismaRetentionStore(app.db, app.provider);
  const retain = async () => {
    try {
      if (!(await app.leases.acquire('job:retention', app.instance.owner, 30 * 60_000, app.clock.now()))) return;
      const removed = await runRetention(retention, { journalDays: config.JOURNAL_RETENTION_DAYS, loginAttemptDays: config.LOGIN_ATTEMPT_RETENTION_DAYS, uploadDays: config.UPLOAD_RETENTION_DAYS }, app.clock.now());
      if (removed.journal + removed.loginAttempts + removed.uploads > 0) logger.info(removed, 'retention: old journaled updates, login attempts and unreferenced uploads removed');
    } catch (error) {
      logger.error({ err: error }, 'retention job failed');
    }
  };
  void retain();
  const retentionTimer = setInterval(() => void retain(), 60 * 60_000);

  const stop = async (signal: string) => {
    if (stopping) return;
    // /readyz answers 503 from now on; channels.stop() stops receiving and waits for the turns
    // already accepted, so a graceful stop loses and repeats nothing.
    stopping = true;
    logger.info({ signal }, 'shutting down');
    clearInterval(reminderTimer);
    clearInterval(retentionTimer);
    clearInterval(fanOutTimer);
    await channels.stop();
    await server.close();
    await single?.release();
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  // Printed once a stop signal is handled gracefully: tests and supervisors wait for this line.
  if (channels.names.length > 0) process.stdout.write(`Channels: ${channels.names.join(', ')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`Start-up failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}\n`);
  if (error instanceof Error && error.cause) process.stderr.write(`  caused by: ${String(error.cause)}\n`);
  process.exit(1);
});
