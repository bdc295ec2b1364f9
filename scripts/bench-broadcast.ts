// `npm run bench:broadcast -- --subscribers 10000`: one published warning delivered to N subscribers
// through the real Telegram and Zalo channels (outbox dispatchers, paced) against the fake platforms,
// behind a proxy that plays each platform's round trip and rate limit (429 above it). Prints time to
// deliver, messages per second per channel, 429s, retries, lost and duplicated, beside a plain
// sequential send (one sendMessage after another, waiting out each 429) as the baseline.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { TelegramChannel } from '../bot/telegram/telegram-channel.ts';
import { ZaloChannel } from '../bot/zalo/zalo-channel.ts';
import { ZaloClient } from '../bot/zalo/zalo-client.ts';
import { createTranslators } from '../src/i18n/translator.ts';
import { systemClock } from '../src/shared/clock.ts';
import { silentLogger } from '../src/shared/logger.ts';
import { openDatabase, type Database } from '../src/storage/database.ts';
import { PrismaInboundJournal } from '../src/storage/prisma-inbound-journal.ts';
import { PrismaLeases } from '../src/storage/prisma-leases.ts';
import { PrismaOutbox } from '../src/storage/prisma-outbox.ts';
import { createWarningsModule } from '../bot/create-warnings-module.ts';
import { broadcastText } from '../src/warnings/warning-text.ts';
import { FakeTelegramServer } from '../test/support/fake-telegram-server.ts';
import { FakeZaloServer } from '../test/support/fake-zalo-server.ts';
import { RateLimitedProxy } from '../test/support/rate-limited-proxy.ts';
import { recallContent } from '../test/warnings/warning-fixture.ts';

const { values: flags } = parseArgs({
  options: {
    subscribers: { type: 'string', default: '10000' },
    /** Shares of subscribers per channel. */
    mix: { type: 'string', default: 'telegram:45,zalo:45,web:10' },
    'telegram-rate': { type: 'string', default: '25' },
    'zalo-rate': { type: 'string', default: '25' },
    /** Warnings' copies a second as Telegram paid broadcasts (TELEGRAM_PAID_BROADCAST_RATE); 0: none. */
    'telegram-paid-rate': { type: 'string', default: '0' },
    concurrency: { type: 'string', default: '8' },
    /** Sends a second each fake platform accepts before answering 429 (Telegram documents ~30). */
    'platform-limit': { type: 'string', default: '30' },
    /** Zalo's own limit, when it differs (Zalo publishes none; default: --platform-limit). */
    'zalo-limit': { type: 'string' },
    'latency-ms': { type: 'string', default: '30' },
    baseline: { type: 'string', default: 'yes' },
    database: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});
const subscribers = Number(flags.subscribers);
const mix = Object.fromEntries(flags.mix!.split(',').map((p) => p.split(':')).map(([k, v]) => [k!, Number(v)])) as Record<'telegram' | 'zalo' | 'web', number>;
const rates = { telegram: Number(flags['telegram-rate']), zalo: Number(flags['zalo-rate']) };
const paidRate = Number(flags['telegram-paid-rate']);
const concurrency = Number(flags.concurrency);
const platformLimit = Number(flags['platform-limit']);
const zaloLimit = Number(flags['zalo-limit'] ?? flags['platform-limit']);
const latencyMs = Number(flags['latency-ms']);
if (!Number.isInteger(subscribers) || subscribers < 1 || ![rates.telegram, rates.zalo, concurrency, platformLimit, zaloLimit].every((n) => n > 0) || !(latencyMs >= 0) || !(paidRate >= 0 && paidRate <= 1000)) {
  process.stderr.write('usage: bench-broadcast [--subscribers N] [--mix telegram:45,zalo:45,web:10] [--telegram-rate R] [--zalo-rate R] [--telegram-paid-rate R] [--concurrency C] [--platform-limit L] [--zalo-limit L] [--latency-ms MS] [--baseline yes|no] [--database URL] [--json]\n');
  process.exit(2);
}
const total = mix.telegram + mix.zalo + mix.web;
const counts = { telegram: Math.round((subscribers * mix.telegram) / total), zalo: Math.round((subscribers * mix.zalo) / total), web: 0 };
counts.web = subscribers - counts.telegram - counts.zalo;

/** The warning every run sends: the tests' recall (source, dates, a brand), about 600 characters. */
const content = recallContent();

interface ChannelFigures {
  readonly expected: number;
  readonly messages: number;
  readonly reached: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly tooMany: number;
}

interface RunFigures {
  readonly name: string;
  readonly seconds: number;
  readonly fanOutSeconds: number | null;
  readonly retries: number;
  /** CPU seconds of this process (bot, fake platforms and proxies together) during the run. */
  readonly cpuSeconds: number;
  readonly lost: number;
  readonly duplicated: number;
  readonly channels: Record<'telegram' | 'zalo', ChannelFigures>;
}

/** The fake platforms behind their limits, and what each chat received. */
async function platforms() {
  const telegram = new FakeTelegramServer();
  const zalo = new FakeZaloServer();
  await Promise.all([telegram.listen(), zalo.listen()]);
  // Telegram takes up to 1,000 paid broadcasts a second beside its free limit.
  const telegramProxy = new RateLimitedProxy({ target: telegram.url, sendsPerSecond: platformLimit, paidSendsPerSecond: 1000, latencyMs, tooMany: (s) => ({ ok: false, error_code: 429, description: `Too Many Requests: retry after ${s}`, parameters: { retry_after: s } }) });
  const zaloProxy = new RateLimitedProxy({ target: zalo.url, sendsPerSecond: zaloLimit, latencyMs, tooMany: () => ({ ok: false, error_code: 429, description: 'Quota exceeded' }) });
  await Promise.all([telegramProxy.listen(), zaloProxy.listen()]);
  const tally = { telegram: new Map<string, number>(), zalo: new Map<string, number>() };
  const times = { telegram: [] as number[], zalo: [] as number[] };
  const listen = (name: 'telegram' | 'zalo') => (m: { chatId: string }) => {
    tally[name].set(m.chatId, (tally[name].get(m.chatId) ?? 0) + 1);
    times[name].push(performance.now());
  };
  telegram.onSent.add(listen('telegram'));
  zalo.onSent.add(listen('zalo'));
  return {
    telegram,
    zalo,
    proxies: { telegram: telegramProxy, zalo: zaloProxy },
    tally,
    times,
    delivered: () => tally.telegram.size + tally.zalo.size,
    async close() {
      await Promise.all([telegramProxy.close(), zaloProxy.close()]);
      await Promise.all([telegram.close(), zalo.close()]);
    },
  };
}
type Platforms = Awaited<ReturnType<typeof platforms>>;

function figuresOf(name: string, p: Platforms, started: number, retries: number, fanOutSeconds: number | null, cpu: NodeJS.CpuUsage): RunFigures {
  const channel = (c: 'telegram' | 'zalo'): ChannelFigures => {
    const times = p.times[c];
    const messages = [...p.tally[c].values()].reduce((a, b) => a + b, 0);
    const seconds = times.length === 0 ? 0 : (times.at(-1)! - started) / 1000;
    const span = times.length < 2 ? 0 : (times.at(-1)! - times[0]!) / 1000;
    return { expected: counts[c], messages, reached: p.tally[c].size, seconds, perSecond: span > 0 ? (messages - 1) / span : 0, tooMany: p.proxies[c].tooManyAnswers };
  };
  const channels = { telegram: channel('telegram'), zalo: channel('zalo') };
  const all = [channels.telegram, channels.zalo];
  return {
    name,
    seconds: Math.max(...all.map((c) => c.seconds)),
    fanOutSeconds,
    retries: retries + all.reduce((n, c) => n + c.tooMany, 0),
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    lost: all.reduce((n, c) => n + c.expected - c.reached, 0),
    duplicated: all.reduce((n, c) => n + c.messages - c.reached, 0),
    channels,
  };
}

/** The product's path: subscriptions in the database, fan-out into the outbox, the channels' paced dispatchers. */
async function outboxRun(): Promise<{ figures: RunFigures; webQueued: number }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bvntd-broadcast-'));
  const database: Database = await openDatabase(flags.database ?? `file:${path.join(dir, 'bench.db')}`);
  const p = await platforms();
  const translators = createTranslators();
  const db = database.prisma;
  try {
    const now = new Date();
    const rows = (['telegram', 'zalo', 'web'] as const).flatMap((channel) =>
      Array.from({ length: counts[channel] }, (_, i) => ({ channel, externalId: channel === 'telegram' ? String(100_000 + i) : `${channel}-${i}`, topics: '["recall"]', provinces: '[]', locale: 'vi', consentText: 'bench', consentAt: now })),
    );
    for (let i = 0; i < rows.length; i += 1000) await db.warningSubscription.createMany({ data: rows.slice(i, i + 1000) });
    const leases = new PrismaLeases(db);
    const warnings = createWarningsModule({ db, translators, leases, owner: 'bench', clock: systemClock, logger: silentLogger, hotline: '1800.6838', publicListUrl: 'http://localhost:3000/canh-bao', provinces: { names: [], find: () => null }, maxAttempts: 12 });
    const common = {
      handle: () => Promise.reject(new Error('the broadcast bench sends no inbound message')),
      journal: new PrismaInboundJournal(db),
      outbox: new PrismaOutbox(db),
      translators,
      clock: systemClock,
      logger: silentLogger,
      hotline: '1800.6838',
      instanceId: 'bench',
      leases,
      pollingTimeoutSeconds: 1,
    };
    const telegram = new TelegramChannel({ ...common, token: p.telegram.token, apiRoot: p.proxies.telegram.url, outboxSending: { perSecond: rates.telegram, concurrency, ...(paidRate > 0 ? { broadcastPerSecond: paidRate } : {}) } });
    const zalo = new ZaloChannel({ ...common, client: new ZaloClient({ token: p.zalo.token, baseUrl: p.proxies.zalo.url }), outboxSending: { perSecond: rates.zalo, concurrency } });
    await telegram.start();
    await zalo.start();
    const draft = await warnings.repository.create(content, 'bench', new Date());
    const started = performance.now();
    const cpu = process.cpuUsage();
    await warnings.desk.publish(draft.id, draft.version, 'bench', new Date());
    await warnings.job.runOnce();
    const fanOutSeconds = (performance.now() - started) / 1000;
    const pushed = counts.telegram + counts.zalo;
    await waitFor(() => p.delivered() >= pushed, deadlineMs(pushed));
    // A little longer: a duplicate would arrive after the last first copy.
    await new Promise((r) => setTimeout(r, 1500));
    await telegram.stop();
    await zalo.stop();
    const retries = (await db.outbox.aggregate({ _sum: { attempts: true } }))._sum.attempts ?? 0;
    const webQueued = await db.outbox.count({ where: { channel: 'web', deliveredAt: null } });
    return { figures: figuresOf(`outbox, paced ${paidRate > 0 ? `${paidRate} paid` : rates.telegram}/${rates.zalo} per s, ${concurrency} chats at once`, p, started, retries, fanOutSeconds, process.cpuUsage(cpu)), webQueued };
  } finally {
    await p.close();
    await database.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** The baseline: one send after another straight to the platform API, waiting out each 429 (up to five times). */
async function sequentialRun(): Promise<RunFigures> {
  const p = await platforms();
  const t = createTranslators()('vi');
  const text = broadcastText({ content }, t);
  let retries = 0;
  try {
    const started = performance.now();
    const cpu = process.cpuUsage();
    for (const channel of ['telegram', 'zalo'] as const) {
      const server = channel === 'telegram' ? p.telegram : p.zalo;
      const url = `${p.proxies[channel].url}/bot${server.token}/sendMessage`;
      for (let i = 0; i < counts[channel]; i++) {
        const chatId = channel === 'telegram' ? String(100_000 + i) : `${channel}-${i}`;
        for (let attempt = 0; attempt < 6; attempt++) {
          const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ chat_id: chatId, text }) });
          await res.arrayBuffer();
          if (res.status !== 429) break;
          retries++;
          await new Promise((r) => setTimeout(r, 1000));
        }
      }
    }
    // The proxies' 429 counts are the retries here; don't count them twice.
    return figuresOf('plain sequential send (baseline)', p, started, retries - p.proxies.telegram.tooManyAnswers - p.proxies.zalo.tooManyAnswers, null, process.cpuUsage(cpu));
  } finally {
    await p.close();
  }
}

function deadlineMs(messages: number): number {
  const telegramRate = paidRate > 0 ? paidRate : Math.min(rates.telegram, platformLimit);
  return Math.ceil((messages / (telegramRate + Math.min(rates.zalo, zaloLimit))) * 3_000) + 60_000;
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition() && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
}

const n = (v: number, digits = 0) => v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const ours = await outboxRun();
const runs = [ours.figures];
if (flags.baseline !== 'no') runs.push(await sequentialRun());

if (flags.json) {
  process.stdout.write(`${JSON.stringify({ subscribers, counts, rates, paidRate, concurrency, platformLimit, zaloLimit, latencyMs, webQueued: ours.webQueued, runs }, null, 2)}\n`);
} else {
  const lines = [
    `one warning to ${n(subscribers)} subscribers (Telegram ${n(counts.telegram)}, Zalo ${n(counts.zalo)}, web chat ${n(counts.web)}); Telegram takes ${platformLimit} sends/s (and 1,000 paid broadcasts/s), Zalo ${zaloLimit} (429 beyond), round trip ${latencyMs} ms`,
    `${'run'.padEnd(52)} ${'time to deliver'.padStart(16)} ${'msg/s Telegram'.padStart(15)} ${'msg/s Zalo'.padStart(11)} ${'429s'.padStart(6)} ${'retries'.padStart(8)} ${'lost'.padStart(6)} ${'duplicated'.padStart(11)} ${'CPU s'.padStart(6)}`,
    ...runs.map((r) => `${r.name.padEnd(52)} ${`${n(r.seconds, 1)} s`.padStart(16)} ${n(r.channels.telegram.perSecond, 1).padStart(15)} ${n(r.channels.zalo.perSecond, 1).padStart(11)} ${n(r.channels.telegram.tooMany + r.channels.zalo.tooMany).padStart(6)} ${n(r.retries).padStart(8)} ${n(r.lost).padStart(6)} ${n(r.duplicated).padStart(11)} ${n(r.cpuSeconds, 1).padStart(6)}`),
    `fan-out (publish to every copy in the outbox): ${n(ours.figures.fanOutSeconds ?? 0, 2)} s; web chat: ${n(ours.webQueued)} copies queued, each delivered when its chat polls (GET /api/chat/updates)`,
    `machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => n(l, 1)).join(' / ')} (1/5/15 min) at the end; CPU s = this process (bot, fake platforms, proxies)`,
    `per channel (outbox run): Telegram ${n(ours.figures.channels.telegram.reached)}/${n(counts.telegram)} in ${n(ours.figures.channels.telegram.seconds, 1)} s, Zalo ${n(ours.figures.channels.zalo.reached)}/${n(counts.zalo)} in ${n(ours.figures.channels.zalo.seconds, 1)} s`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
process.exit(0);
