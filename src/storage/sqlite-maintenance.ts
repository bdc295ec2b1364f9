import type { Db } from './database.ts';

/**
 * Copies SQLite's write-ahead log into the database file and truncates the log to nothing. The log
 * keeps earlier images of every page written since the last checkpoint, so after an erasure the
 * erased story would still sit in the -wal file until SQLite got round to it; with secure_delete on
 * (database.ts) the pages copied in hold zeros where it was. `busy` is true when a reader kept the
 * log from being reset (another connection in the middle of a read); SQLite finishes it later.
 */
export async function checkpointSqlite(db: Db): Promise<{ busy: boolean }> {
  const rows = await db.$queryRawUnsafe<Array<{ busy: number | bigint }>>('PRAGMA wal_checkpoint(TRUNCATE)');
  return { busy: Number(rows[0]?.busy ?? 0) !== 0 };
}
