// `npm run chaos -- --channel telegram|zalo --mode polling|webhook --chats 300 --messages 3 --kills 2
//   --instances 1 [--database URL] [--cpu-load N] [--json]`
// Runs real `bot/main.ts` processes against the fake Telegram and Zalo servers, has every chat talk
// as a person does (the next message after the reply), SIGKILLs an instance K times during the run
// (restarting it at once, as a supervisor would) and counts what users saw: turns lost, turns
// answered with the error apology, duplicated messages (avoidable, or in flight at a kill) and
// throughput. Webhooks are spread round-robin over the live instances, as a load balancer does.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { nodeJsonPost } from '../bot/zalo/json-post.ts';
import { parseDatabaseUrl } from '../src/storage/database.ts';
import { FakeTelegramServer } from '../test/support/fake-telegram-server.ts';
import { FakeZaloServer } from '../test/support/fake-zalo-server.ts';
import { freePort } from '../test/support/free-port.ts';
import { ChaosCluster, type Instance } from './chaos-cluster.ts';
import { type Kill, type Received, tally } from './chaos-tally.ts';

const { values: flags } = parseArgs({
  options: {
    channel: { type: 'string', default: 'telegram' },
    mode: { type: 'string', default: 'polling' },
    chats: { type: 'string', default: '300' },
    messages: { type: 'string', default: '3' },
    kills: { type: 'string', default: '2' },
    instances: { type: 'string', default: '1' },
    database: { type: 'string' },
    /** PostgreSQL: use the URL as given (an empty database) instead of a fresh schema for the run. */
    'as-is': { type: 'boolean', default: false },
    'cpu-load': { type: 'string', default: '0' },
    'in-flight-ms': { type: 'string', default: '50' },
    'timeout-ms': { type: 'string', default: '180000' },
    'data-dir': { type: 'string', default: './data' },
    json: { type: 'boolean', default: false },
  },
});
const channel = flags.channel === 'zalo' ? 'zalo' : flags.channel === 'web' ? 'web' : 'telegram';
const mode = flags.mode === 'webhook' ? 'webhook' : 'polling';
const chats = Number(flags.chats);
const messagesPerChat = Number(flags.messages);
const kills = Number(flags.kills);
const instanceCount = Number(flags.instances);
const cpuLoad = Number(flags['cpu-load']);
const inFlightMs = Number(flags['in-flight-ms']);
const turnTimeoutMs = Number(flags['timeout-ms']);
if (![chats, messagesPerChat, instanceCount].every((n) => Number.isInteger(n) && n >= 1) || !Number.isInteger(kills) || kills < 0) {
  process.stderr.write('usage: chaos --channel telegram|zalo --mode polling|webhook --chats N --messages M --kills K --instances I [--database URL]\n');
  process.exit(2);
}

/** What people write, in order; each answer is different, so a repeated text is a repeated send. */
const script = ['xin chào', 'mua hàng online bị lừa thì làm sao', 'bảo hành mấy lần không sửa được thì đổi được không', '/hotline', 'shop không xuất hóa đơn có được không', 'cảm ơn'];
if (messagesPerChat > script.length) {
  process.stderr.write(`chaos: at most ${script.length} messages per chat (each scripted message has its own answer)\n`);
  process.exit(2);
}
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const apologies = ['vi', 'en'].map((locale) => {
  const strings = JSON.parse(readFileSync(path.join(root, 'src', 'i18n', 'locales', locale, 'channels.json'), 'utf8')) as { error: string };
  return strings.error.split('{')[0]!;
});
const isApology = (text: string) => apologies.some((prefix) => text.startsWith(prefix));

const runDir = await mkdtemp(path.join(os.tmpdir(), 'bvntd-chaos-'));
const database = await prepareDatabase(flags.database);
const telegram = new FakeTelegramServer();
const zalo = new FakeZaloServer();
await Promise.all([telegram.listen(), zalo.listen()]);
const platform = channel === 'zalo' ? zalo : telegram;
const secret = 'chaos-secret-0123';
const webhookPath = `/${channel}/webhook`;
const ports = await Promise.all(Array.from({ length: instanceCount }, () => freePort()));

const cluster = new ChaosCluster(
  root,
  ports,
  (instance) => ({
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'production',
    DATABASE_URL: database.url,
    DATA_DIR: path.resolve(flags['data-dir']!),
    PORT: String(instance.port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    INSTANCE_ID: `chaos-${instance.slot}`,
    // The web chat's clients arrive through a proxy on loopback, each from its own address.
    TRUSTED_PROXIES: '127.0.0.1',
    ...(channel === 'telegram' ? { TELEGRAM_BOT_TOKEN: telegram.token, TELEGRAM_API_ROOT: telegram.url } : {}),
    ...(channel === 'zalo' ? { ZALO_BOT_TOKEN: zalo.token, ZALO_API_BASE: zalo.url } : {}),
    // The public URL a load balancer would have; the driver posts to each instance itself.
    ...(mode === 'webhook' && channel === 'telegram' ? { TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${instance.port}${webhookPath}`, TELEGRAM_WEBHOOK_SECRET: secret } : {}),
    ...(mode === 'webhook' && channel === 'zalo' ? { ZALO_WEBHOOK_URL: `http://127.0.0.1:${instance.port}${webhookPath}`, ZALO_WEBHOOK_SECRET: secret } : {}),
  }),
  runDir,
  channel === 'web' ? 'Web chat:' : 'Channels:',
);

const received = new Map<string, Received[]>();
const waiters = new Set<() => void>();
const receive = (chatId: string, text: string) => {
  const list = received.get(chatId) ?? [];
  list.push({ text, at: Date.now() });
  received.set(chatId, list);
  for (const wake of [...waiters]) wake();
};
platform.onSent.add((m: { chatId: string; text: string }) => receive(m.chatId, m.text));
const count = (chatId: string, text: string) => (received.get(chatId) ?? []).filter((m) => m.text === text).length;
const until = (condition: () => boolean, timeoutMs: number) =>
  new Promise<boolean>((resolve) => {
    if (condition()) return resolve(true);
    const wake = () => {
      if (!condition()) return;
      waiters.delete(wake);
      clearTimeout(timer);
      resolve(true);
    };
    const timer = setTimeout(() => {
      waiters.delete(wake);
      resolve(false);
    }, timeoutMs);
    waiters.add(wake);
  });

let roundRobin = 0;
/** The next live instance, round-robin, as a load balancer hands them out. */
const nextLive = (live: readonly Instance[]) => live[roundRobin++ % live.length]!;

/**
 * Like a platform or a browser behind a load balancer: tries over the live instances until one
 * attempt succeeds or the turn's time is up, backing off between attempts (a killed instance
 * refuses or resets the connection until its restart is ready).
 */
async function untilAccepted(attempt: (live: readonly Instance[]) => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + turnTimeoutMs;
  for (let n = 1; Date.now() < deadline; n++) {
    const live = cluster.instances.filter((i) => i.alive);
    if (live.length > 0 && (await attempt(live).catch(() => false))) return;
    await new Promise((r) => setTimeout(r, Math.min(2_000, 50 * n)));
  }
}

function deliver(body: string, header: string): Promise<void> {
  return untilAccepted(async (live) => {
    const { status } = await nodeJsonPost(`http://127.0.0.1:${nextLive(live).port}${webhookPath}`, body, { signal: AbortSignal.timeout(30_000), headers: { [header]: secret } });
    return status === 200;
  });
}

/** Every chat's user has the same name, so answers that greet by name are the same everywhere. */
const userName = 'Khách';

/** Web chat: each chat is a browser with its session cookie and its own address behind the proxy. */
const webSessions = new Map<string, { cookie: string; sent: number; address: string }>();

/**
 * A browser whose POST is retried against another instance (a timeout, a load balancer's retry):
 * the same message id reaches two instances at once and must be handled once. The first answer is
 * what the user sees; the transcript tells afterwards whether it was handled twice.
 */
async function sendWeb(chatId: string, text: string): Promise<void> {
  const session = webSessions.get(chatId) ?? { cookie: '', sent: 0, address: `10.${(webSessions.size >> 16) & 255}.${(webSessions.size >> 8) & 255}.${webSessions.size & 255}` };
  webSessions.set(chatId, session);
  session.sent += 1;
  const body = JSON.stringify({ text, messageId: `m${session.sent}` });
  const post = async (instance: Instance) => {
    const res = await fetch(`http://127.0.0.1:${instance.port}/api/chat/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': session.address, ...(session.cookie ? { Cookie: session.cookie } : {}) },
      body,
      signal: AbortSignal.timeout(30_000),
    });
    if (res.status !== 200) throw new Error(`web chat answered ${res.status}`);
    const cookie = res.headers.get('set-cookie')?.split(';')[0];
    return { cookie, replies: ((await res.json()) as { replies: Array<{ text: string }> }).replies };
  };
  await untilAccepted(async (live) => {
    // The session must exist before a second instance can be asked for it: the first message goes to one.
    const targets = session.cookie ? [nextLive(live), live[roundRobin % live.length]!] : [nextLive(live)];
    const answer = await Promise.any(targets.map(post));
    if (answer.cookie) session.cookie = answer.cookie;
    for (const reply of answer.replies) receive(chatId, reply.text);
    return true;
  });
}

/** Messages each web chat's transcript holds beyond what it sent: a message handled twice. */
async function webHandledTwice(): Promise<number> {
  let extra = 0;
  for (const session of webSessions.values()) {
    const instance = cluster.instances.find((i) => i.alive);
    if (!instance) break;
    const res = await fetch(`http://127.0.0.1:${instance.port}/api/chat/history`, { headers: { Cookie: session.cookie, 'X-Forwarded-For': session.address } });
    const { messages } = (await res.json()) as { messages: Array<{ direction: string }> };
    extra += Math.max(0, messages.filter((m) => m.direction === 'in').length - session.sent);
  }
  return extra;
}

async function send(chatId: string, text: string): Promise<void> {
  if (channel === 'web') return sendWeb(chatId, text);
  if (channel === 'telegram') {
    const id = Number(chatId);
    const message = telegram.message(id, { text, from: { id, is_bot: false, first_name: userName, language_code: 'vi' } }, { first_name: userName });
    if (mode === 'polling') telegram.enqueue({ message } as never);
    else await deliver(JSON.stringify({ update_id: telegram.newUpdateId(), message }), 'X-Telegram-Bot-Api-Secret-Token');
    return;
  }
  const update = zalo.textUpdate(chatId, text, { from: { id: chatId, display_name: userName, is_bot: false } });
  if (mode === 'polling') zalo.enqueue(update);
  else await deliver(JSON.stringify({ ok: true, result: update }), 'X-Bot-Api-Secret-Token');
}

const loaders: ChildProcess[] = [];
let exitCode = 0;
try {
  process.stderr.write(`chaos: ${channel} ${mode}, ${instanceCount} instance(s), ${database.label}; starting (the first start may build the search index)...\n`);
  await cluster.startAll();

  // Calibration: the parts each scripted message is answered with, from one quiet chat.
  const probe = channel === 'telegram' ? '1' : 'probe';
  const expected: string[][] = [];
  for (let m = 0; m < messagesPerChat; m++) {
    const before = received.get(probe)?.length ?? 0;
    await send(probe, script[m % script.length]!);
    if (!(await until(() => (received.get(probe)?.length ?? 0) > before, 60_000))) throw new Error(`calibration: no answer to "${script[m % script.length]}"`);
    await new Promise((r) => setTimeout(r, 700));
    expected.push(received.get(probe)!.slice(before).map((r) => r.text));
  }
  if (expected.flat().some(isApology)) throw new Error('calibration: the bot answered with the error apology');
  // A repeated text must mean a repeated send: the script's answers must not share a part.
  if (new Set(expected.flat()).size !== expected.flat().length) throw new Error('calibration: two scripted messages share an answer part; change the script');
  received.delete(probe);

  for (let i = 0; i < cpuLoad; i++) loaders.push(spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }));

  const chatIds = Array.from({ length: chats }, (_, c) => (channel === 'telegram' ? String(10_000 + c) : `chat-${c}`));
  for (const id of chatIds) received.set(id, []);
  const partsTotal = chats * expected.flat().length;
  const killLog: Kill[] = [];
  let finished = false;
  // Each kill takes the next instance in turn once the run is that far along. A restart runs in the
  // background: with several instances the next kill does not wait for it (a restart under load can
  // outlast the rest of the run, which then ended with a kill short); the same instance does.
  const restarts = new Map<number, Promise<void>>();
  const killer = (async () => {
    for (let k = 1; k <= kills; k++) {
      const at = (partsTotal * k) / (kills + 1);
      await until(() => finished || [...received.values()].reduce((n, l) => n + l.length, 0) >= at, turnTimeoutMs * messagesPerChat);
      const instance: Instance = cluster.instances[(k - 1) % cluster.instances.length]!;
      await restarts.get(instance.slot);
      if (finished) {
        process.stderr.write(`chaos: the run ended after ${k - 1} of ${kills} kills\n`);
        break;
      }
      killLog.push({ at: await cluster.kill(instance), instance: instance.slot });
      process.stderr.write(`chaos: killed instance ${instance.slot} (SIGKILL), restarting it\n`);
      const restart = cluster.start(instance);
      // Awaited before the next kill of this instance and at the end; a failed start throws there.
      restart.catch(() => undefined);
      restarts.set(instance.slot, restart);
    }
    await Promise.all(restarts.values());
  })();

  const started = performance.now();
  await Promise.all(
    chatIds.map(async (chatId) => {
      for (let m = 0; m < messagesPerChat; m++) {
        await send(chatId, script[m % script.length]!);
        // A person whose message got no answer writes the next one anyway: only this turn is lost.
        await until(() => expected[m]!.every((text) => count(chatId, text) > 0), turnTimeoutMs);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  finished = true;
  for (const wake of [...waiters]) wake();
  await killer;
  // Stragglers: a duplicate can arrive after the chat's last answer.
  await new Promise((r) => setTimeout(r, 3_000));

  const result = tally({ expected, received, kills: killLog, inFlightMs, isApology });
  const handledTwice = channel === 'web' ? await webHandledTwice() : undefined;
  const report = {
    channel,
    mode,
    instances: instanceCount,
    database: database.label,
    cpuLoad,
    chats,
    messages: messagesPerChat,
    kills: killLog.length,
    ...result,
    ...(handledTwice === undefined ? {} : { handledTwice }),
    seconds: Number(seconds.toFixed(1)),
    turnsPerSecond: Number((result.turns / seconds).toFixed(1)),
    loadAverage: Number(os.loadavg()[0]!.toFixed(1)),
  };
  if (flags.json) process.stdout.write(`${JSON.stringify(report)}\n`);
  else printReport(report);
  if ((handledTwice ?? 0) > 0 || result.lost > 0 || result.apologies > 0 || result.duplicatesAvoidable > 0 || result.inFlightPerKill.some((n) => n > 5)) exitCode = 1;
} catch (error) {
  process.stderr.write(`chaos: ${error instanceof Error ? error.message : String(error)}\n  instance logs: ${runDir}\n`);
  exitCode = 2;
} finally {
  for (const loader of loaders) loader.kill('SIGKILL');
  await cluster.stopAll();
  await Promise.all([telegram.close(), zalo.close()]);
  await database.drop();
  if (exitCode !== 2) await rm(runDir, { recursive: true, force: true });
}
process.exit(exitCode);

interface PreparedDatabase {
  readonly url: string;
  readonly label: string;
  drop(): Promise<void>;
}

/**
 * SQLite: a new file for the run. PostgreSQL: a new schema on the given database (dropped at the
 * end), so runs never see each other's rows; with --as-is the URL is used as given and must name an
 * empty database or schema.
 */
async function prepareDatabase(url: string | undefined): Promise<PreparedDatabase> {
  if (!url || url.startsWith('file:')) {
    const file = url ? url : `file:${path.join(runDir, 'chaos.db')}`;
    return { url: file, label: 'SQLite', drop: async () => undefined };
  }
  const target = parseDatabaseUrl(url);
  if (target.provider !== 'postgresql') throw new Error('unreachable');
  if (flags['as-is']) return { url, label: `PostgreSQL${target.schema ? ` (schema ${target.schema})` : ''}`, drop: async () => undefined };
  const schema = `chaos_${process.pid}_${Date.now().toString(36)}`;
  const withSchema = new URL(url);
  withSchema.searchParams.set('schema', schema);
  return {
    url: withSchema.toString(),
    label: `PostgreSQL (schema ${schema})`,
    drop: async () => {
      const client = new pg.Client({ connectionString: target.connectionString });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    },
  };
}

function printReport(r: Record<string, unknown> & { inFlightPerKill: readonly number[] }): void {
  const rows: Array<[string, unknown]> = [
    ['run', `${r.channel} ${r.channel === 'web' ? 'http' : r.mode}, ${r.instances} instance(s), ${r.database}${r.cpuLoad ? `, ${r.cpuLoad} CPU hog(s)` : ''}`],
    ['turns', `${r.turns} (${r.chats} chats x ${r.messages} messages), ${r.kills} SIGKILL(s)`],
    ['lost turns', r.lost],
    ['apologies', r.apologies],
    ['duplicates, avoidable', r.duplicatesAvoidable],
    ['duplicates, in flight', `${r.duplicatesInFlight} (per kill: ${r.inFlightPerKill.join(', ') || '-'}; limit 5)`],
    ['unexpected replies', r.unexpected],
    ...(r.handledTwice === undefined ? [] : ([['web messages handled twice', r.handledTwice]] as Array<[string, unknown]>)),
    ['throughput', `${r.turnsPerSecond} turns/s over ${r.seconds} s; load average ${r.loadAverage}`],
  ];
  for (const [label, value] of rows) process.stdout.write(`${label.padEnd(28)}${String(value)}\n`);
}
