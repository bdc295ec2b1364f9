import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { createApp, type App } from '../../bot/app.ts';
import { loadConfig } from '../../src/config/config.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { silentLogger } from '../../src/shared/logger.ts';
import { knowledgeDir } from './knowledge.ts';

export interface TestApp extends App {
  readonly dir: string;
  dispose(): Promise<void>;
}

/**
 * The real application graph on a temporary SQLite file and index directory: what `npm start`
 * builds, minus the listening socket.
 */
export async function createTestApp(options: { env?: Record<string, string>; chatModel?: BaseChatModel; now?: Date } = {}): Promise<TestApp> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bvntd-app-'));
  const config = loadConfig({
    DATABASE_URL: `file:${path.join(dir, 'app.db')}`,
    DATA_DIR: path.join(dir, 'data'),
    KNOWLEDGE_DIR: knowledgeDir,
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const app = await createApp({
    config,
    logger: silentLogger,
    clock: fixedClock(options.now ?? new Date('2026-11-23T03:00:00Z')),
    ...(options.chatModel ? { chatModel: options.chatModel } : {}),
  });
  return {
    ...app,
    dir,
    dispose: async () => {
      await app.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
