import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call a bot made, with its parameters (files as {fileName, size}). */
export interface ApiCall {
  readonly method: string;
  readonly params: Record<string, unknown>;
}

export interface ApiAnswer {
  readonly status?: number;
  readonly body: unknown;
}

export type MethodHandler = (params: Record<string, unknown>, signal: AbortSignal) => ApiAnswer | Promise<ApiAnswer>;

interface Injection {
  readonly method: string;
  readonly matches: (call: ApiCall) => boolean;
  readonly kind: 'stall' | 'answer';
  readonly answer?: ApiAnswer;
  readonly onHit?: (call: ApiCall) => void;
}

/**
 * The HTTP plumbing shared by the fake Telegram and Zalo servers: a real server on 127.0.0.1 that
 * routes `/bot<TOKEN>/<method>` to handlers, records every call, and can be told to answer one call
 * with an error or to hold it without answering (the platform never took it: used to kill the
 * bot mid-send).
 */
export class FakeBotApi {
  readonly calls: ApiCall[] = [];
  private server: Server | null = null;
  private readonly injections: Injection[] = [];
  private readonly waiters = new Set<() => void>();
  private readonly pollers = new Set<() => void>();
  private readonly open = new Set<ServerResponse>();
  private port = 0;

  constructor(
    private readonly token: string,
    private readonly handlers: Record<string, MethodHandler>,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async listen(): Promise<void> {
    const server = createServer((req, res) => void this.serve(req, res));
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    this.wakePollers();
    for (const res of this.open) res.destroy();
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The next call of `method` matching `when` gets this answer instead of the handler's. */
  failNext(method: string, answer: ApiAnswer, when: (call: ApiCall) => boolean = () => true): void {
    this.injections.push({ method, matches: when, kind: 'answer', answer });
  }

  /** The next matching call is never answered (nor recorded as a call); resolves when it arrives. */
  stallNext(method: string, when: (call: ApiCall) => boolean = () => true): Promise<ApiCall> {
    return new Promise((resolve) => this.injections.push({ method, matches: when, kind: 'stall', onHit: resolve }));
  }

  /** Resolves once `condition` holds (checked after every call and every `notify`), or rejects after `timeoutMs`. */
  waitUntil(condition: () => boolean, timeoutMs = 15_000, what = 'condition'): Promise<void> {
    if (condition()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!condition()) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      this.waiters.add(check);
    });
  }

  notify(): void {
    for (const check of [...this.waiters]) check();
  }

  /** A long poll: resolves when `hasWork()` holds after a `wakePollers`, after `timeoutMs`, or on abort. */
  async longPoll(hasWork: () => boolean, timeoutMs: number, signal: AbortSignal): Promise<void> {
    if (hasWork() || timeoutMs <= 0 || signal.aborted) return;
    await new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.pollers.delete(wake);
        resolve();
        this.notify();
      };
      const timer = setTimeout(wake, timeoutMs);
      this.pollers.add(wake);
      signal.addEventListener('abort', wake, { once: true });
    });
  }

  /** Long polls waiting right now (a killed bot's poll counts until its connection is seen closed). */
  get waitingPolls(): number {
    return this.pollers.size;
  }

  wakePollers(): void {
    for (const wake of [...this.pollers]) wake();
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.open.add(res);
    res.on('close', () => this.open.delete(res));
    const abort = new AbortController();
    res.on('close', () => abort.abort());
    const m = /^\/bot([^/]+)\/(\w+)$/.exec((req.url ?? '').split('?')[0] ?? '');
    if (!m || m[1] !== this.token) return this.reply(res, { status: 401, body: { ok: false, error_code: 401, description: 'Unauthorized' } });
    const method = m[2]!;
    const params = await readParams(req);
    const call: ApiCall = { method, params };
    const injection = this.injections.find((i) => i.method === method && i.matches(call));
    if (injection) {
      this.injections.splice(this.injections.indexOf(injection), 1);
      injection.onHit?.(call);
      if (injection.kind === 'stall') return;
      this.calls.push(call);
      this.notify();
      return this.reply(res, injection.answer!);
    }
    const handler = this.handlers[method];
    if (!handler) return this.reply(res, { status: 404, body: { ok: false, error_code: 404, description: `Not Found: method ${method}` } });
    const answer = await handler(params, abort.signal);
    this.calls.push(call);
    this.reply(res, answer);
    this.notify();
  }

  private reply(res: ServerResponse, answer: ApiAnswer): void {
    if (res.destroyed) return;
    res.writeHead(answer.status ?? 200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(answer.body));
  }
}

/** What both fake platforms share: the API server and the messages the bot sent, per chat. */
export abstract class FakeChatServer<S extends { readonly chatId: string }> {
  readonly sent: S[] = [];
  /** Called with every message the bot sends (the load script counts replies with it). */
  readonly onSent = new Set<(message: S) => void>();
  abstract readonly api: FakeBotApi;

  protected recordSent(message: S): void {
    this.sent.push(message);
    for (const listener of this.onSent) listener(message);
  }

  get url(): string {
    return this.api.url;
  }

  listen(): Promise<void> {
    return this.api.listen();
  }

  close(): Promise<void> {
    return this.api.close();
  }

  sentTo(chatId: number | string): S[] {
    return this.sent.filter((m) => m.chatId === String(chatId));
  }

  /** Waits until chat `chatId` has received at least `count` messages. */
  waitForSent(chatId: number | string, count: number, timeoutMs?: number): Promise<S[]> {
    return this.api.waitUntil(() => this.sentTo(chatId).length >= count, timeoutMs, `${count} messages to chat ${chatId}`).then(() => this.sentTo(chatId));
  }

  callsOf(method: string): ApiCall[] {
    return this.api.calls.filter((c) => c.method === method);
  }
}

async function readParams(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const type = req.headers['content-type'] ?? '';
  if (raw.length === 0) return {};
  if (type.includes('application/json')) return JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
  if (type.includes('multipart/form-data')) return parseMultipart(raw, /boundary=("?)([^";]+)\1/.exec(type)?.[2] ?? '');
  return Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
}

function parseMaybeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** Enough of multipart/form-data for the Bot API: text fields (JSON when they parse) and files. */
function parseMultipart(raw: Buffer, boundary: string): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  const text = raw.toString('latin1');
  for (const section of text.split(`--${boundary}`)) {
    const headerEnd = section.indexOf('\r\n\r\n');
    if (headerEnd < 0) continue;
    const headers = section.slice(0, headerEnd);
    const name = /(?:^|[;\s])name="([^"]*)"/i.exec(headers)?.[1];
    if (!name) continue;
    const body = section.slice(headerEnd + 4).replace(/\r\n$/, '');
    const fileName = /filename="?([^"\r\n;]*)"?/.exec(headers)?.[1];
    params[name] = fileName === undefined ? parseMaybeJson(Buffer.from(body, 'latin1').toString('utf8')) : { fileName, size: Buffer.byteLength(body, 'latin1') };
  }
  return params;
}
