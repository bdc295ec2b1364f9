import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Database } from '../../src/storage/database.ts';

export interface TempDatabase extends Database {
  readonly url: string;
  readonly dir: string;
  /** Closes the client and deletes the file. */
  dispose(): Promise<void>;
}

/** A fresh, migrated SQLite file in a temporary directory. */
export async function openTempDatabase(): Promise<TempDatabase> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bvntd-test-'));
  const url = `file:${path.join(dir, 'test.db')}`;
  const database = await openDatabase(url);
  return {
    ...database,
    url,
    dir,
    dispose: async () => {
      await database.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
