// The bot side of `npm run load:channels`: the real channels (journal, pipeline, splitting, sends)
// on a handler chosen by argument, so the driver can measure the engine against a trivial baseline.
//   engine: the real application (createApp: database, search index, flows, dialogue engine)
//   echo:   replies with the message's text; same database journal, no engine
// Asked 'stats' over the IPC channel, it answers with the work it did so far, counted where it happens
// (the driver takes differences around a run): CPU time of the whole process, SQL statements executed,
// engine turns, split by whether the chat is a flooder's (LOAD_FLOOD_CHATS, a regular expression).
import Sqlite from 'better-sqlite3';
import { createChatChannels } from '../bot/channels/chat-channels.ts';
import { ChatUserLimit } from '../bot/channels/chat-user-limit.ts';
import type { MessageHandler } from '../bot/channels/inbound-pipeline.ts';
import { createApp } from '../bot/app.ts';
import { createLogger } from '../bot/logger.ts';
import { createWebServer, listen } from '../bot/web/web-server.ts';
import { loadConfig } from '../src/config/config.ts';
import { createTranslators } from '../src/i18n/translator.ts';
import { systemClock } from '../src/shared/clock.ts';
import { openDatabase } from '../src/storage/database.ts';
import { PrismaInboundJournal } from '../src/storage/prisma-inbound-journal.ts';
import { PrismaLeases } from '../src/storage/prisma-leases.ts';
import { PrismaOutbox } from '../src/storage/prisma-outbox.ts';

const handler = process.argv[2];
if (handler !== 'engine' && handler !== 'echo') {
  process.stderr.write('usage: load-channels-bot.ts engine|echo (configured by environment, like npm start)\n');
  process.exit(2);
}

/** Work counters; read by the driver, so a noisy machine's wall clock is not the only figure. */
const work = { statements: { select: 0, write: 0, transaction: 0, other: 0 }, engine: { legit: 0, flood: 0 } };
// Every statement the Prisma adapter runs is prepared once for that execution (adapter-better-sqlite3
// prepares per query), so counting prepare() counts statements executed, migrations included (the
// driver only uses differences taken after start-up).
const prepare = Sqlite.prototype.prepare;
Sqlite.prototype.prepare = function countedPrepare(this: Sqlite.Database, source: string) {
  const verb = /^\s*(\w+)/.exec(source)?.[1]?.toUpperCase() ?? '';
  const kind = verb === 'SELECT' ? 'select' : verb === 'INSERT' || verb === 'UPDATE' || verb === 'DELETE' ? 'write' : verb === 'BEGIN' || verb === 'COMMIT' || verb === 'ROLLBACK' ? 'transaction' : 'other';
  work.statements[kind] += 1;
  return prepare.call(this, source);
} as typeof prepare;
const floodChats = new RegExp(process.env.LOAD_FLOOD_CHATS ?? '^$');
process.on('message', (request) => {
  if (request === 'stats') process.send?.({ cpuMicros: process.cpuUsage(), ...work });
});

const config = loadConfig();
const logger = createLogger(config);

let handle: MessageHandler;
let resources: { db: Awaited<ReturnType<typeof openDatabase>>['prisma']; translators: ReturnType<typeof createTranslators>; close(): Promise<void> };
if (handler === 'engine') {
  const app = await createApp({ config, logger, clock: systemClock });
  handle = (message) => {
    work.engine[floodChats.test(message.externalId) ? 'flood' : 'legit'] += 1;
    return app.engine.handle(message);
  };
  resources = { db: app.db, translators: app.translators, close: () => app.close() };
} else {
  const database = await openDatabase(config.DATABASE_URL);
  handle = async (message) => {
    work.engine[floodChats.test(message.externalId) ? 'flood' : 'legit'] += 1;
    return { conversationId: message.externalId, locale: 'vi', replies: [{ text: `echo: ${message.text}` }], duplicate: false };
  };
  resources = { db: database.prisma, translators: createTranslators(), close: () => database.close() };
}

const perChat = new ChatUserLimit({ translators: resources.translators, clock: systemClock });
const channels = createChatChannels({
  config,
  handle,
  // As bot/main.ts wires it: a chat over its per-minute limit takes no turn slot and reaches no handler.
  admit: (message) => perChat.admit(message),
  journal: new PrismaInboundJournal(resources.db),
  outbox: new PrismaOutbox(resources.db),
  translators: resources.translators,
  logger,
  clock: systemClock,
  leases: new PrismaLeases(resources.db),
  instanceId: 'load-channels',
});
const server = await listen(createWebServer({ logger, mounts: channels.mounts }), config.PORT, config.HOST);
await channels.start();
process.on('SIGTERM', () => {
  void (async () => {
    await channels.stop();
    await server.close();
    await resources.close();
    process.exit(0);
  })();
});
process.stdout.write(`ready ${channels.names.join(',')}\n`);
