// `npm run load:channels -- --chats 1000 --messages 5`: N simulated chats x M messages through the
// fake Telegram and Zalo Bot API servers, against the real channels in a separate bot process (so
// bot and load generator each get a core). Each chat waits for its reply before writing again, as a
// person does. Prints throughput, reply latency (p50/p95, from the update being available to its
// last reply part), and lost and duplicated replies; the echo baseline runs the same channels
// without the engine, separating channel overhead from engine cost. `--flood N`: meanwhile one more
// chat sends N messages as fast as it can without waiting for replies; the table then shows what the
// others got beside the same run without the flood (the per-chat limit should keep them unharmed).
// `--flood N --blocks K`: the question "does a flood slow the others?" asked so that a shared,
// noisy machine cannot answer it by chance. One bot process per channel runs K blocks, each block
// three short runs in a rotating order: A the chats alone, B the same chats with the flood, F the
// flood alone. Work is counted inside the bot (CPU time, SQL statements, engine turns) and at the
// fake platform (sends, getUpdates round trips), and the wall-clock figures of A and B, taken next to
// each other in every block, are compared pair by pair with a bootstrap confidence interval.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type RatioEstimate, pairedRatio } from './paired-ratio.ts';
import { FakeTelegramServer } from '../test/support/fake-telegram-server.ts';
import { FakeZaloServer } from '../test/support/fake-zalo-server.ts';
import { freePort } from '../test/support/free-port.ts';

const { values: flags } = parseArgs({
  options: {
    chats: { type: 'string', default: '1000' },
    messages: { type: 'string', default: '5' },
    channel: { type: 'string', default: 'both' },
    'zalo-mode': { type: 'string', default: 'webhook' },
    handlers: { type: 'string', default: 'echo,engine' },
    'data-dir': { type: 'string', default: './data' },
    'timeout-ms': { type: 'string', default: '60000' },
    flood: { type: 'string', default: '0' },
    blocks: { type: 'string', default: '0' },
  },
});
const floodMessages = Number(flags.flood);
const blocks = Number(flags.blocks);
const chats = Number(flags.chats);
const messagesPerChat = Number(flags.messages);
const channelsToRun = flags.channel === 'both' ? ['telegram', 'zalo'] : [flags.channel!];
const handlers = flags.handlers!.split(',');
const zaloMode = flags['zalo-mode'] === 'polling' ? 'polling' : 'webhook';
const replyTimeoutMs = Number(flags['timeout-ms']);
if (!Number.isInteger(chats) || chats < 1 || !Number.isInteger(messagesPerChat) || messagesPerChat < 1 || !Number.isInteger(blocks) || blocks < 0 || (blocks > 0 && !(floodMessages > 0))) {
  process.stderr.write('usage: load-channels [--chats N] [--messages M] [--channel telegram|zalo|both] [--zalo-mode webhook|polling] [--handlers echo,engine] [--flood N [--blocks K]]\n');
  process.exit(2);
}

/** What a person writes, in order; a chat cycles through it. Kept to turns answered in one message. */
const script = ['xin chào', 'mua hàng online bị lừa thì làm sao', 'cảm ơn', 'bảo hành mấy lần không sửa được thì đổi được không', '/hotline', 'shop không xuất hóa đơn có được không'];


/** The bot process's counters (scripts/load-channels-bot.ts), as differences around one run. */
interface Work {
  readonly cpuMs: number;
  readonly statements: { readonly select: number; readonly write: number; readonly transaction: number; readonly other: number };
  readonly engine: { readonly legit: number; readonly flood: number };
  /** Messages the platform received from the bot, for the other chats and for the flooder. */
  readonly sends: { readonly legit: number; readonly flood: number };
  /** Telegram getUpdates calls, Zalo webhook posts: the platform's round trips with the bot. */
  readonly roundTrips: number;
}

interface RunResult {
  readonly channel: string;
  readonly handler: string;
  readonly messages: number;
  readonly seconds: number;
  readonly latencies: number[];
  readonly lost: number;
  readonly duplicated: number;
  readonly botCpuSeconds: number;
  /** Platform messages per reply: long answers are split (Zalo at 2,000 characters). */
  readonly partsPerMessage: number;
  /** With --flood: messages the flooding chat sent, and bot messages it got back. */
  readonly flood?: { readonly sent: number; readonly answered: number };
  readonly work: Work;
}

interface BotStats {
  readonly cpuMicros: { readonly user: number; readonly system: number };
  readonly statements: Work['statements'];
  readonly engine: Work['engine'];
}

/** One bot process and its fake platform; runs measured in it get fresh chats (a new conversation each). */
interface Session {
  measure(run: { readonly chats: number; readonly flood: number; readonly index: number }): Promise<RunResult>;
  close(): Promise<void>;
}

const webhookSlots = { free: 64, waiting: [] as Array<() => void> };
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
/** The flooders' chat ids (one per run, so each meets the per-chat limit afresh), as the bot tells them apart. */
const flooderPattern = '^(9\\d{5}|flooder-\\d+)$';

for (const handler of handlers) {
  for (const channel of channelsToRun) {
    if (blocks > 0) {
      await runBlocks(channel, handler);
      continue;
    }
    // One bot per run, as a deployment starts: the flood run beside a baseline of its own.
    const baseline = await single(channel, handler, 0);
    printTable([baseline], channel !== channelsToRun[0] || handler !== handlers[0]);
    if (floodMessages > 0) printTable([await single(channel, handler, floodMessages)], true);
  }
}

async function single(channel: string, handler: string, flood: number): Promise<RunResult> {
  const session = await openSession(channel, handler);
  try {
    return await session.measure({ chats, flood, index: 0 });
  } finally {
    await session.close();
  }
}

async function openSession(channel: string, handler: string): Promise<Session> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bvntd-load-'));
  const telegram = new FakeTelegramServer();
  const zalo = new FakeZaloServer();
  await Promise.all([telegram.listen(), zalo.listen()]);
  const port = await freePort();
  const secret = 'load-test-secret';
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    DATABASE_URL: `file:${path.join(dir, 'load.db')}`,
    DATA_DIR: path.resolve(flags['data-dir']!),
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    LOAD_FLOOD_CHATS: flooderPattern,
    ...(channel === 'telegram' ? { TELEGRAM_BOT_TOKEN: telegram.token, TELEGRAM_API_ROOT: telegram.url } : {}),
    ...(channel === 'zalo' ? { ZALO_BOT_TOKEN: zalo.token, ZALO_API_BASE: zalo.url } : {}),
    ...(channel === 'zalo' && zaloMode === 'webhook' ? { ZALO_WEBHOOK_URL: `http://127.0.0.1:${port}/zalo/webhook`, ZALO_WEBHOOK_SECRET: secret } : {}),
  };
  process.stderr.write(`${channel}/${handler}: starting the bot (the first engine run may build the search index)...\n`);
  const bot = await startBot(handler, env);
  const server = channel === 'telegram' ? telegram : zalo;
  const close = async () => {
    bot.kill('SIGTERM');
    await new Promise((r) => bot.once('exit', r));
    await Promise.all([telegram.close(), zalo.close()]);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const counts = new Map<string, number>();
    const waiters = new Map<string, { need: number; resolve: () => void }>();
    server.onSent.add((m: { chatId: string }) => {
      const count = (counts.get(m.chatId) ?? 0) + 1;
      counts.set(m.chatId, count);
      const waiter = waiters.get(m.chatId);
      if (waiter && count >= waiter.need) {
        waiters.delete(m.chatId);
        waiter.resolve();
      }
    });
    const received = (chatId: string, need: number) =>
      new Promise<boolean>((resolve) => {
        if ((counts.get(chatId) ?? 0) >= need) return resolve(true);
        const timer = setTimeout(() => {
          waiters.delete(chatId);
          resolve(false);
        }, replyTimeoutMs);
        waiters.set(chatId, {
          need,
          resolve: () => {
            clearTimeout(timer);
            resolve(true);
          },
        });
      });
    let zaloMessageId = 0;
    let webhookPosts = 0;
    const send = async (chatId: string, text: string) => {
      if (channel === 'telegram') {
        telegram.sendText(Number(chatId), text);
        return;
      }
      const update = { event_name: 'message.text.received', message: { from: { id: chatId, display_name: 'Khách' }, chat: { id: chatId, chat_type: 'PRIVATE' }, text, message_id: `lm${++zaloMessageId}`, date: Date.now() } };
      if (zaloMode === 'polling') zalo.enqueue(update);
      else {
        webhookPosts += 1;
        await deliverWebhook(() => zalo.postWebhook(update));
      }
    };
    const roundTrips = () => (channel === 'zalo' && zaloMode === 'webhook' ? webhookPosts : server.api.calls.filter((c) => c.method === 'getUpdates').length);
    /** Waits until the bot has nothing left to do: no unread updates, then 300 ms of (almost) no CPU and no SQL. */
    const settle = async () => {
      const deadline = Date.now() + 30_000;
      let last = await stats(bot);
      for (let quiet = 0; quiet < 3 && Date.now() < deadline; ) {
        await new Promise((r) => setTimeout(r, 100));
        const now = await stats(bot);
        const busy = (channel === 'telegram' && telegram.backlog > 0) || cpuMs(now) - cpuMs(last) > 5 || statementCount(now) !== statementCount(last);
        quiet = busy ? 0 : quiet + 1;
        last = now;
      }
    };

    // Calibration: how many messages the bot sends for each scripted turn (a long answer is split).
    const expected: number[] = [];
    const probe = channel === 'telegram' ? '1' : 'probe';
    for (let m = 0; m < messagesPerChat; m++) {
      const before = counts.get(probe) ?? 0;
      await send(probe, script[m % script.length]!);
      await received(probe, before + 1);
      await new Promise((r) => setTimeout(r, 300));
      expected.push((counts.get(probe) ?? 0) - before);
    }
    const perChat = expected.reduce((a, b) => a + b, 0);

    const measure: Session['measure'] = async ({ chats: runChats, flood, index }) => {
      const chatIdOf = (c: number) => (channel === 'telegram' ? String(10_000 + index * runChats + c) : `chat-${index}-${c}`);
      const flooder = channel === 'telegram' ? String(900_000 + index) : `flooder-${index}`;
      const latencies: number[] = [];
      let lost = 0;
      await settle();
      const before = await stats(bot);
      const tripsBefore = roundTrips();
      const started = performance.now();
      const flooding = (async () => {
        for (let i = 0; i < flood; i++) await send(flooder, `spam ${i} mua hàng online bị lừa thì làm sao`);
      })();
      await Promise.all(
        Array.from({ length: runChats }, async (_, c) => {
          const chatId = chatIdOf(c);
          let need = 0;
          for (let m = 0; m < messagesPerChat; m++) {
            need += expected[m]!;
            const t0 = performance.now();
            await send(chatId, script[m % script.length]!);
            if (!(await received(chatId, need))) {
              lost += messagesPerChat - m;
              return;
            }
            latencies.push(performance.now() - t0);
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      await flooding;
      // Everything the run caused is counted, the flood's settling included; stragglers (duplicates) too.
      await settle();
      const after = await stats(bot);
      let duplicated = 0;
      let legitSends = 0;
      for (let c = 0; c < runChats; c++) {
        const got = counts.get(chatIdOf(c)) ?? 0;
        legitSends += got;
        duplicated += Math.max(0, got - perChat);
      }
      const cpu = cpuMs(after) - cpuMs(before);
      return {
        channel: channel === 'zalo' ? `zalo (${zaloMode})` : 'telegram (polling)',
        handler,
        messages: runChats * messagesPerChat,
        seconds,
        latencies,
        lost,
        duplicated,
        botCpuSeconds: cpu / 1000,
        partsPerMessage: perChat / messagesPerChat,
        ...(flood > 0 ? { flood: { sent: flood, answered: counts.get(flooder) ?? 0 } } : {}),
        work: {
          cpuMs: cpu,
          statements: {
            select: after.statements.select - before.statements.select,
            write: after.statements.write - before.statements.write,
            transaction: after.statements.transaction - before.statements.transaction,
            other: after.statements.other - before.statements.other,
          },
          engine: { legit: after.engine.legit - before.engine.legit, flood: after.engine.flood - before.engine.flood },
          sends: { legit: legitSends, flood: counts.get(flooder) ?? 0 },
          roundTrips: roundTrips() - tripsBefore,
        },
      };
    };
    return { measure, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * K blocks of A (the chats alone), B (with the flood) and F (the flood alone) in one bot process,
 * the order rotating through all six permutations so that neither warming up nor a growing database
 * favours one arm. A first block, not counted, warms the process up.
 */
async function runBlocks(channel: string, handler: string): Promise<void> {
  const orders = ['ABF', 'BFA', 'FAB', 'AFB', 'BAF', 'FBA'];
  const session = await openSession(channel, handler);
  const measured: Array<Record<'A' | 'B' | 'F', RunResult>> = [];
  try {
    let index = 0;
    for (let block = -1; block < blocks; block++) {
      const order = orders[(block + orders.length) % orders.length]!;
      const runs: Partial<Record<'A' | 'B' | 'F', RunResult>> = {};
      for (const arm of order as unknown as Array<'A' | 'B' | 'F'>) {
        runs[arm] = await session.measure({ chats: arm === 'F' ? 0 : chats, flood: arm === 'A' ? 0 : floodMessages, index: ++index });
      }
      if (block >= 0) measured.push(runs as Record<'A' | 'B' | 'F', RunResult>);
      process.stderr.write(`  block ${block + 1}/${blocks} (${order})${block < 0 ? ' warm-up' : ''}: A ${rate(runs.A!).toFixed(0)} msg/s, B ${rate(runs.B!).toFixed(0)} msg/s, load average ${os.loadavg()[0]!.toFixed(1)}\n`);
    }
  } finally {
    await session.close();
  }
  printBlocks(measured);
}

function rate(r: RunResult): number {
  return r.messages / r.seconds;
}

function statementCount(s: Pick<BotStats, 'statements'>): number {
  return s.statements.select + s.statements.write + s.statements.transaction + s.statements.other;
}

function cpuMs(s: BotStats): number {
  return (s.cpuMicros.user + s.cpuMicros.system) / 1000;
}

function stats(bot: ChildProcess): Promise<BotStats> {
  return new Promise((resolve) => {
    bot.once('message', (m) => resolve(m as BotStats));
    bot.send('stats');
  });
}

/** Like the platform: a bounded number of webhook requests at once, retried when the connection fails. */
async function deliverWebhook(post: () => Promise<number>): Promise<void> {
  if (webhookSlots.free === 0) await new Promise<void>((resolve) => webhookSlots.waiting.push(resolve));
  else webhookSlots.free -= 1;
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        const status = await post();
        if (status === 200) return;
        throw new Error(`the webhook answered ${status}`);
      } catch (error) {
        if (attempt >= 5) throw error;
        await new Promise((r) => setTimeout(r, 100 * attempt));
      }
    }
  } finally {
    const next = webhookSlots.waiting.shift();
    if (next) next();
    else webhookSlots.free += 1;
  }
}

function startBot(handler: string, env: Record<string, string>): Promise<ChildProcess> {
  // BOT_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the bot process.
  const nodeArgs = (process.env.BOT_NODE_ARGS ?? '').split(' ').filter(Boolean);
  // The IPC channel carries the bot's work counters (stats()).
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', path.join(root, 'scripts', 'load-channels-bot.ts'), handler], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (out.includes('ready')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`the bot exited (${code}) before it was ready`)));
  });
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function printTable(rows: readonly RunResult[], continued: boolean): void {
  // CPU per message is what the bot process itself spent: on a shared or busy machine it says more
  // about the code than wall-clock throughput does.
  const header = ['channel', 'handler', 'messages', 'msg/s', 'p50 ms', 'p95 ms', 'lost', 'duplicated', 'bot CPU', 'CPU ms/msg', 'parts/msg'];
  const lines = rows.map((r) => {
    const sorted = [...r.latencies].sort((a, b) => a - b);
    return [r.flood ? `${r.channel} +flood` : r.channel, r.handler, String(r.messages), (r.messages / r.seconds).toFixed(0), percentile(sorted, 50).toFixed(0), percentile(sorted, 95).toFixed(0), String(r.lost), String(r.duplicated), `${((r.botCpuSeconds / r.seconds) * 100).toFixed(0)}%`, ((r.botCpuSeconds * 1000) / r.messages).toFixed(2), r.partsPerMessage.toFixed(1)];
  });
  const widths = [20, 7, 8, 6, 7, 7, 5, 10, 8, 10, 9];
  const format = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  if (!continued) {
    process.stdout.write(`${chats} chats x ${messagesPerChat} messages per run, ${os.cpus().length} CPUs, SQLite\n${format(header)}\n`);
  }
  process.stdout.write(`${lines.map(format).join('\n')}   (load average ${os.loadavg()[0]!.toFixed(1)})\n`);
  for (const r of rows) if (r.flood) process.stdout.write(`  meanwhile one chat sent ${r.flood.sent} messages without waiting and got ${r.flood.answered} bot messages back\n`);
}

function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function printBlocks(measured: ReadonlyArray<Record<'A' | 'B' | 'F', RunResult>>): void {
  const first = measured[0]!;
  const legit = first.A.messages;
  const p = (r: RunResult, q: number) => percentile([...r.latencies].sort((a, b) => a - b), q);
  const perLegit = (r: RunResult, value: (w: Work) => number) => value(r.work) / r.messages;
  const interval = (e: RatioEstimate) => `${e.ratio.toFixed(3)} (${e.low.toFixed(3)}–${e.high.toFixed(3)})`;
  const compare = (figure: (r: RunResult) => number) => pairedRatio(measured.map((m) => [figure(m.A), figure(m.B)] as const));
  /** A count over the blocks: one figure when it never varied, else its mean and range. */
  const spread = (xs: readonly number[], digits = 0) => {
    const [lo, hi] = [Math.min(...xs), Math.max(...xs)];
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    return lo === hi ? lo.toFixed(digits) : `${mean.toFixed(digits === 0 ? 1 : digits)} [${lo.toFixed(digits)}–${hi.toFixed(digits)}]`;
  };
  const all = (arm: 'A' | 'B' | 'F', value: (r: RunResult) => number) => measured.map((m) => value(m[arm]));
  const statements = (w: Work) => w.statements.select + w.statements.write + w.statements.transaction + w.statements.other;
  const rows: Array<[string, string, string, string]> = [
    ['legitimate msg/s (median)', median(all('A', rate)).toFixed(0), median(all('B', rate)).toFixed(0), interval(compare(rate))],
    ['p50 reply ms (median)', median(all('A', (r) => p(r, 50))).toFixed(0), median(all('B', (r) => p(r, 50))).toFixed(0), interval(compare((r) => p(r, 50)))],
    ['p95 reply ms (median)', median(all('A', (r) => p(r, 95))).toFixed(0), median(all('B', (r) => p(r, 95))).toFixed(0), interval(compare((r) => p(r, 95)))],
    ['bot CPU ms per legit msg', median(all('A', (r) => perLegit(r, (w) => w.cpuMs))).toFixed(2), median(all('B', (r) => perLegit(r, (w) => w.cpuMs))).toFixed(2), interval(compare((r) => perLegit(r, (w) => w.cpuMs)))],
    ['SQL statements per run', spread(all('A', (r) => statements(r.work))), spread(all('B', (r) => statements(r.work))), interval(compare((r) => statements(r.work)))],
    ['  of them writes', spread(all('A', (r) => r.work.statements.write)), spread(all('B', (r) => r.work.statements.write)), ''],
    ['engine turns: legit, flood', `${spread(all('A', (r) => r.work.engine.legit))}, ${spread(all('A', (r) => r.work.engine.flood))}`, `${spread(all('B', (r) => r.work.engine.legit))}, ${spread(all('B', (r) => r.work.engine.flood))}`, ''],
    ['bot messages: legit, flooder', `${spread(all('A', (r) => r.work.sends.legit))}, ${spread(all('A', (r) => r.work.sends.flood))}`, `${spread(all('B', (r) => r.work.sends.legit))}, ${spread(all('B', (r) => r.work.sends.flood))}`, ''],
    [first.A.channel.startsWith('zalo (webhook') ? 'webhook posts' : 'getUpdates round trips', spread(all('A', (r) => r.work.roundTrips)), spread(all('B', (r) => r.work.roundTrips)), ''],
    ['lost, duplicated', `${spread(all('A', (r) => r.lost))}, ${spread(all('A', (r) => r.duplicated))}`, `${spread(all('B', (r) => r.lost))}, ${spread(all('B', (r) => r.duplicated))}`, ''],
  ];
  const widths = [30, 16, 22, 24];
  const format = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  process.stdout.write(
    `\n${first.A.channel}, ${first.A.handler}: ${measured.length} blocks in one bot process, ${os.cpus().length} CPUs, SQLite; each block runs, in rotating order,\n` +
      `A ${chats} chats x ${messagesPerChat} messages, B the same with one more chat sending ${floodMessages} at once, F that flood alone\n` +
      `${format(['', 'A: no flood', 'B: flood', 'B/A, 95% CI (paired)'])}\n${rows.map(format).join('\n')}\n`,
  );
  // What the flood costs by itself, and what remains for the others once it is taken out of B.
  const flood = all('F', (r) => r.work.cpuMs);
  const perMessage = median(all('A', (r) => r.work.cpuMs / r.messages));
  // The turns the limit lets through cost what anyone's do; the rest is what refusing costs.
  const turns = median(all('F', (r) => r.work.engine.flood));
  const refusing = (median(flood) - turns * perMessage) / (floodMessages - turns);
  process.stdout.write(
    `F, the flood alone: bot CPU ${median(flood).toFixed(0)} ms (${(median(flood) / floodMessages).toFixed(3)} ms per flood message, ${(median(flood) / perMessage).toFixed(0)} legitimate messages' worth; ` +
      // With a handful of chats A's CPU per message is mostly idle overhead, and this says nothing.
      `less its ${turns} turns at A's cost, ${refusing > 0 ? refusing.toFixed(3) : '?'} ms per message refused), ` +
      `SQL ${spread(all('F', (r) => statements(r.work)))} (writes ${spread(all('F', (r) => r.work.statements.write))}), engine turns ${spread(all('F', (r) => r.work.engine.flood))}, bot messages to the flooder ${spread(all('F', (r) => r.work.sends.flood))}, ${first.A.channel.startsWith('zalo (webhook') ? 'webhook posts' : 'getUpdates round trips'} ${spread(all('F', (r) => r.work.roundTrips))}\n`,
  );
  const residual = (value: (w: Work) => number) => interval(pairedRatio(measured.map((m) => [value(m.A.work), value(m.B.work) - value(m.F.work)] as const)));
  process.stdout.write(
    `the others' work under the flood, (B − F)/A: bot CPU ${residual((w) => w.cpuMs)}, SQL statements ${residual(statements)}, engine turns ${residual((w) => w.engine.legit)} (${legit} legitimate messages a run)\n`,
  );
}
