// The bot side of `npm run load:channels`: the real channels (journal, pipeline, splitting, sends)
// on a handler chosen by argument, so the driver can measure the engine against a trivial baseline.
//   engine: the real application (createApp: database, search index, flows, dialogue engine)
//   echo:   replies with the message's text; same database journal, no engine
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
const config = loadConfig();
const logger = createLogger(config);

let handle: MessageHandler;
let resources: { db: Awaited<ReturnType<typeof openDatabase>>['prisma']; translators: ReturnType<typeof createTranslators>; close(): Promise<void> };
if (handler === 'engine') {
  const app = await createApp({ config, logger, clock: systemClock });
  handle = (message) => app.engine.handle(message);
  resources = { db: app.db, translators: app.translators, close: () => app.close() };
} else {
  const database = await openDatabase(config.DATABASE_URL);
  handle = async (message) => ({ conversationId: message.externalId, locale: 'vi', replies: [{ text: `echo: ${message.text}` }], duplicate: false });
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
