import type { Hono } from 'hono';
import { createLogger } from '../../bot/logger.ts';
import { createWebServer, listen, type RunningServer } from '../../bot/web/web-server.ts';
import { loadConfig } from '../../src/config/config.ts';
import type { Logger } from '../../src/shared/logger.ts';
import { PrismaInboundJournal } from '../../src/storage/prisma-inbound-journal.ts';
import { PrismaOutbox } from '../../src/storage/prisma-outbox.ts';
import { freePort } from './free-port.ts';
import { createTestApp, type TestApp } from './test-app.ts';

export interface ChannelTestBed {
  readonly app: TestApp;
  readonly journal: PrismaInboundJournal;
  readonly outbox: PrismaOutbox;
  /** Every log line written, after secret masking. */
  readonly logs: string[];
  /** The product's logger (pino with secret masking), capturing into `logs`. */
  logger(secrets: Record<string, string>): Logger;
  /** Serves webhook routes on the real web server; the URL is known before the channel exists. */
  webServer(port: number, mounts: ReadonlyArray<{ path: string; app: Hono }>): Promise<RunningServer>;
  dispose(): Promise<void>;
}

/** The real application (shared search index, fresh database) plus what channel tests need around it. */
export async function createChannelTestBed(): Promise<ChannelTestBed> {
  const app = await createTestApp();
  const logs: string[] = [];
  const servers: RunningServer[] = [];
  return {
    app,
    journal: new PrismaInboundJournal(app.db),
    outbox: new PrismaOutbox(app.db),
    logs,
    logger: (secrets) => createLogger(loadConfig({ LOG_LEVEL: 'debug', ...secrets }), { write: (line: string) => void logs.push(line) }),
    async webServer(port, mounts) {
      const server = await listen(createWebServer({ logger: app.logger, mounts }), port, '127.0.0.1');
      servers.push(server);
      return server;
    },
    async dispose() {
      await Promise.all(servers.map((s) => s.close()));
      await app.dispose();
    },
  };
}

export { freePort };
