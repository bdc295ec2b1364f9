import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RateLimitedProxyOptions {
  /** The fake platform behind the proxy. */
  readonly target: string;
  /** Send calls (`/bot<token>/send…`) allowed in any one second; more are answered 429. */
  readonly sendsPerSecond: number;
  /** Added to every call, as a real platform's round trip. */
  readonly latencyMs: number;
  /** The 429 body the platform answers (Telegram names retry_after; Zalo names nothing). */
  readonly tooMany: (retryAfterSeconds: number) => unknown;
  /** Telegram's paid broadcasts (allow_paid_broadcast): a window of their own, 1,000 a second. */
  readonly paidSendsPerSecond?: number;
}

/**
 * Stands in front of a fake Telegram or Zalo server as the real platform's limits would: a round trip
 * on every call, and a sliding one-second window on send calls beyond which it answers 429 (the send
 * does not reach the platform, so a message sent despite it would show as lost, or doubled by a retry).
 */
export class RateLimitedProxy {
  private server: Server | null = null;
  private port = 0;
  private readonly recent: number[] = [];
  private readonly recentPaid: number[] = [];
  /** Send calls that asked for a paid broadcast and were passed on. */
  paidForwarded = 0;
  /** Send calls answered 429. */
  tooManyAnswers = 0;
  /** Send calls passed on to the platform. */
  forwarded = 0;

  constructor(private readonly options: RateLimitedProxyOptions) {}

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
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (this.options.latencyMs > 0) await new Promise((r) => setTimeout(r, this.options.latencyMs));
    if (/\/send\w+$/.test((req.url ?? '').split('?')[0] ?? '')) {
      const now = performance.now();
      const paid = this.options.paidSendsPerSecond !== undefined && /"allow_paid_broadcast":\s*true/.test(Buffer.concat(chunks).toString('utf8'));
      const window = paid ? this.recentPaid : this.recent;
      while (window.length > 0 && now - window[0]! >= 1000) window.shift();
      if (window.length >= (paid ? this.options.paidSendsPerSecond! : this.options.sendsPerSecond)) {
        this.tooManyAnswers++;
        res.writeHead(429, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(this.options.tooMany(1)));
        return;
      }
      window.push(now);
      this.forwarded++;
      if (paid) this.paidForwarded++;
    }
    const target = new URL(req.url ?? '/', this.options.target);
    const upstream = request(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    // A long poll the bot gave up on is given up upstream too.
    res.on('close', () => upstream.destroy());
    upstream.end(Buffer.concat(chunks));
  }
}
