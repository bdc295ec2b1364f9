// `npm run load:channels -- --chats 1000 --messages 5`: N simulated chats x M messages through the
// fake Telegram and Zalo Bot API servers, against the real channels in a separate bot process (so
// bot and load generator each get a core). Each chat waits for its reply before writing again, as a
// person does. Prints throughput, reply latency (p50/p95, from the update being available to its
// last reply part), and lost and duplicated replies; the echo baseline runs the same channels
// without the engine, separating channel overhead from engine cost. `--flood N`: meanwhile one more
// chat sends N messages as fast as it can without waiting for replies; the table then shows what the
// others got beside the same run without the flood (the per-chat limit should keep them unharmed).
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
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
  },
});
const floodMessages = Number(flags.flood);
const chats = Number(flags.chats);
const messagesPerChat = Number(flags.messages);
const channelsToRun = flags.channel === 'both' ? ['telegram', 'zalo'] : [flags.channel!];
const handlers = flags.handlers!.split(',');
const zaloMode = flags['zalo-mode'] === 'polling' ? 'polling' : 'webhook';
const replyTimeoutMs = Number(flags['timeout-ms']);
if (!Number.isInteger(chats) || chats < 1 || !Number.isInteger(messagesPerChat) || messagesPerChat < 1) {
  process.stderr.write('usage: load-channels [--chats N] [--messages M] [--channel telegram|zalo|both] [--zalo-mode webhook|polling] [--handlers echo,engine] [--flood N]\n');
  process.exit(2);
}

/** What a person writes, in order; a chat cycles through it. Kept to turns answered in one message. */
const script = ['xin chào', 'mua hàng online bị lừa thì làm sao', 'cảm ơn', 'bảo hành mấy lần không sửa được thì đổi được không', '/hotline', 'shop không xuất hóa đơn có được không'];

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
}

const webhookSlots = { free: 64, waiting: [] as Array<() => void> };
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const results: RunResult[] = [];
for (const handler of handlers) {
  for (const channel of channelsToRun) {
    results.push(await run(channel, handler, 0));
    printTable(results.slice(-1), results.length > 1);
    if (floodMessages > 0) {
      results.push(await run(channel, handler, floodMessages));
      printTable(results.slice(-1), true);
    }
  }
}

async function run(channel: string, handler: string, flood: number): Promise<RunResult> {
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
    ...(channel === 'telegram' ? { TELEGRAM_BOT_TOKEN: telegram.token, TELEGRAM_API_ROOT: telegram.url } : {}),
    ...(channel === 'zalo' ? { ZALO_BOT_TOKEN: zalo.token, ZALO_API_BASE: zalo.url } : {}),
    ...(channel === 'zalo' && zaloMode === 'webhook' ? { ZALO_WEBHOOK_URL: `http://127.0.0.1:${port}/zalo/webhook`, ZALO_WEBHOOK_SECRET: secret } : {}),
  };
  process.stderr.write(`${channel}/${handler}: starting the bot (the first engine run may build the search index)...\n`);
  const bot = await startBot(handler, env);
  try {
    const server = channel === 'telegram' ? telegram : zalo;
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
        waiters.set(chatId, { need, resolve: () => (clearTimeout(timer), resolve(true)) });
      });
    let zaloMessageId = 0;
    const send = async (chatId: string, text: string) => {
      if (channel === 'telegram') {
        telegram.sendText(Number(chatId), text);
        return;
      }
      const update = { event_name: 'message.text.received', message: { from: { id: chatId, display_name: 'Khách' }, chat: { id: chatId, chat_type: 'PRIVATE' }, text, message_id: `lm${++zaloMessageId}`, date: Date.now() } };
      if (zaloMode === 'polling') zalo.enqueue(update);
      else await deliverWebhook(() => zalo.postWebhook(update));
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

    const latencies: number[] = [];
    let lost = 0;
    const cpuBefore = cpuSeconds(bot.pid!);
    const started = performance.now();
    const flooder = channel === 'telegram' ? '999999' : 'flooder';
    const flooding = (async () => {
      for (let i = 0; i < flood; i++) await send(flooder, `spam ${i} mua hàng online bị lừa thì làm sao`);
    })();
    await Promise.all(
      Array.from({ length: chats }, async (_, c) => {
        const chatId = channel === 'telegram' ? String(10_000 + c) : `chat-${c}`;
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
    const botCpuSeconds = cpuSeconds(bot.pid!) - cpuBefore;
    // Anything sent beyond what each chat expects is a duplicate; give stragglers a moment.
    await new Promise((r) => setTimeout(r, 1000));
    const perChat = expected.reduce((a, b) => a + b, 0);
    let duplicated = 0;
    for (let c = 0; c < chats; c++) {
      const chatId = channel === 'telegram' ? String(10_000 + c) : `chat-${c}`;
      duplicated += Math.max(0, (counts.get(chatId) ?? 0) - perChat);
    }
    return {
      channel: channel === 'zalo' ? `zalo (${zaloMode})` : 'telegram (polling)',
      handler,
      messages: chats * messagesPerChat,
      seconds,
      latencies,
      lost,
      duplicated,
      botCpuSeconds,
      partsPerMessage: perChat / messagesPerChat,
      ...(flood > 0 ? { flood: { sent: flood, answered: counts.get(flooder) ?? 0 } } : {}),
    };
  } finally {
    bot.kill('SIGTERM');
    await new Promise((r) => bot.once('exit', r));
    await Promise.all([telegram.close(), zalo.close()]);
    await rm(dir, { recursive: true, force: true });
  }
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
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', path.join(root, 'scripts', 'load-channels-bot.ts'), handler], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (out.includes('ready')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`the bot exited (${code}) before it was ready`)));
  });
}

/** CPU time (user + system) the bot process used so far, from /proc (Linux). */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
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
