import { mkdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createTestApp, type TestApp } from './test-app.ts';

/**
 * A data folder whose search index is built once and reused by every test that starts the bot
 * (in-process or as a child process): building it takes many seconds, loading it a fraction of one.
 * A stale index (the knowledge changed) is rebuilt by the app itself.
 */
export const sharedDataDir = path.join(os.tmpdir(), 'bvntd-test-data');
const lockDir = `${sharedDataDir}.lock`;

/** createTestApp on the shared data folder; test files in parallel forks build the index only once. */
export async function createSharedIndexTestApp(options: Parameters<typeof createTestApp>[0] = {}): Promise<TestApp> {
  await acquire();
  try {
    return await createTestApp({ ...options, env: { DATA_DIR: sharedDataDir, ...options.env } });
  } finally {
    await rm(lockDir, { recursive: true, force: true });
  }
}

async function acquire(): Promise<void> {
  for (;;) {
    try {
      await mkdir(lockDir);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A lock left by a killed test run is older than any real build.
      const age = Date.now() - (await stat(lockDir).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs;
      if (age > 180_000) await rm(lockDir, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
