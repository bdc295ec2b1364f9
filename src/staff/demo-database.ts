/**
 * A database filled by `npm run demo:seed` says so in the Setting table: the console then shows a
 * "DEMO DATA" banner on every page, and only such a database may be seeded again (real records are
 * never mixed with, or replaced by, invented ones).
 */
export const demoSettingKey = 'demo';

/** The demo mark and the records a seed may replace (src/storage/prisma-demo-data.ts). */
export interface DemoDataStore {
  /** The value of the demo setting, null when it was never set. */
  demoSetting(): Promise<string | null>;
  setDemoSetting(value: string, now: Date): Promise<void>;
  /**
   * How many records of each kind people or staff left here (chats, complaints, hand-offs,
   * self-assessments, accounts, the audit log, channel updates, the outbox), zero counts included.
   * The holiday table and the routing directory are not counted: every start seeds them.
   */
  recordCounts(): Promise<Record<string, number>>;
  /** Deletes every such record, children first, in one transaction. */
  deleteRecords(): Promise<void>;
}

export async function isDemoDatabase(store: DemoDataStore): Promise<boolean> {
  return (await store.demoSetting()) === 'true';
}

export async function markDemoDatabase(store: DemoDataStore, now: Date): Promise<void> {
  await store.setDemoSetting('true', now);
}

/** The kinds of record the database holds, with their counts: what a seed would mix with. */
export async function recordCounts(store: DemoDataStore): Promise<Record<string, number>> {
  return Object.fromEntries(Object.entries(await store.recordCounts()).filter(([, n]) => n > 0));
}

export class NotADemoDatabaseError extends Error {
  override readonly name = 'NotADemoDatabaseError';
}

/** Empties a demo database's records before it is seeded again; refuses any other database. */
export async function clearDemoData(store: DemoDataStore): Promise<void> {
  if (!(await isDemoDatabase(store))) throw new NotADemoDatabaseError('this database is not marked as a demo: its records are not cleared');
  await store.deleteRecords();
}
