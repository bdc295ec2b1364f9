import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { createApp, type App } from '../../bot/app.ts';
import { loadConfig } from '../../src/config/config.ts';
import { fixedClock, type Clock } from '../../src/shared/clock.ts';
import { silentLogger } from '../../src/shared/logger.ts';
import { knowledgeDir } from './knowledge.ts';

export interface TestApp extends App {
  readonly dir: string;
  dispose(): Promise<void>;
}

/**
 * The data folder whose search index is built once and reused by every test that starts the bot
 * (in-process or as a child process): building it takes seconds, loading it a fraction of one. A
 * stale index (the knowledge changed) is rebuilt by the app itself.
 */
export const sharedDataDir = path.join(os.tmpdir(), 'bvntd-test-data');
const lockDir = `${sharedDataDir}.lock`;

/**
 * The real application graph on a temporary SQLite file: what `npm start` builds, minus the
 * listening socket. The search index is the shared one unless `env.DATA_DIR` names another folder;
 * test files in parallel workers build it only once.
 */
export async function createTestApp(options: { env?: Record<string, string>; chatModel?: BaseChatModel; now?: Date; clock?: Clock } = {}): Promise<TestApp> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bvntd-app-'));
  const config = loadConfig({
    DATABASE_URL: `file:${path.join(dir, 'app.db')}`,
    DATA_DIR: sharedDataDir,
    KNOWLEDGE_DIR: knowledgeDir,
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const shared = path.resolve(config.DATA_DIR) === sharedDataDir;
  if (shared) await acquireSharedIndex();
  let app: App;
  try {
    app = await createApp({
      config,
      logger: silentLogger,
      clock: options.clock ?? fixedClock(options.now ?? new Date('2026-11-23T03:00:00Z')),
      ...(options.chatModel ? { chatModel: options.chatModel } : {}),
    });
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  } finally {
    if (shared) await rm(lockDir, { recursive: true, force: true });
  }
  return {
    ...app,
    dir,
    dispose: async () => {
      await app.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function acquireSharedIndex(): Promise<void> {
  await mkdir(path.dirname(lockDir), { recursive: true });
  for (;;) {
    try {
      await mkdir(lockDir);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A lock left by a killed test run is older than any real build.
      const age = Date.now() - (await stat(lockDir).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs;
      if (age > 180_000) await rm(lockDir, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
