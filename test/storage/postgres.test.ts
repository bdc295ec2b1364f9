// Runs against a real server when TEST_POSTGRES_URL is set (.ci/run sets it up). Each run works in
// its own schemas, dropped afterwards, so runs never see each other's tables.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/storage/database.ts';
import { PrismaInboundJournal } from '../../src/storage/prisma-inbound-journal.ts';
import { PrismaLeases } from '../../src/storage/prisma-leases.ts';
import { PrismaOutbox } from '../../src/storage/prisma-outbox.ts';
import {
  DEFAULT_MIGRATIONS_DIRS,
  migratePostgres,
  quotePostgresIdentifier,
  readMigrations,
} from '../../src/storage/migrator.ts';
import { MigrationChecksumError } from '../../src/storage/storage-errors.ts';
import { compareCatalogs, formatCatalogDifference, isSameCatalog, postgresCatalog } from '../../scripts/db-catalog.ts';
import { diffSchemas } from '../../scripts/db-schema-diff.ts';
import { POSTGRES_SCHEMA_PATH } from '../../scripts/db-sync-postgres-schema.ts';

const baseUrl = process.env.TEST_POSTGRES_URL;

function urlWithSchema(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('schema', schema);
  return parsed.toString();
}

describe.runIf(baseUrl !== undefined && baseUrl !== '')('PostgreSQL', () => {
  const connectionString = baseUrl ?? '';
  const prefix = `bvntd_test_${process.pid}_${Date.now().toString(36)}`;
  const migratedSchema = `${prefix}_migrated`;
  const expectedSchema = `${prefix}_expected`;
  const editedSchema = `${prefix}_edited`;
  const journalSchema = `${prefix}_journal`;
  const names = readMigrations(DEFAULT_MIGRATIONS_DIRS.postgresql).map((migration) => migration.name);
  const admin = new pg.Client({ connectionString });
  let workDir: string;

  beforeAll(async () => {
    workDir = mkdtempSync(path.join(os.tmpdir(), 'bvntd-pg-'));
    await admin.connect();
  });

  afterAll(async () => {
    try {
      for (const schema of [migratedSchema, expectedSchema, editedSchema, journalSchema]) {
        await admin.query(`DROP SCHEMA IF EXISTS ${quotePostgresIdentifier(schema)} CASCADE`);
      }
    } finally {
      await admin.end();
      rmSync(workDir, { recursive: true, force: true });
    }
  });

  it('applies each migration once when two processes start together, then is a no-op', async () => {
    const target = { connectionString, schema: migratedSchema };
    const reports = await Promise.all([migratePostgres(target), migratePostgres(target)]);
    expect(reports.flatMap((report) => report.applied).sort()).toEqual(names);
    expect(await migratePostgres(target)).toEqual({ applied: [], alreadyApplied: names });
  });

  it('builds exactly what prisma/postgresql/schema.prisma describes', async () => {
    const createSql = await diffSchemas('postgresql', null, readFileSync(POSTGRES_SCHEMA_PATH, 'utf8'));
    await admin.query(`CREATE SCHEMA ${quotePostgresIdentifier(expectedSchema)}`);
    await admin.query(`SET search_path TO ${quotePostgresIdentifier(expectedSchema)}`);
    try {
      await admin.query(createSql);
    } finally {
      await admin.query('RESET search_path');
    }
    const difference = compareCatalogs(
      await postgresCatalog(admin, migratedSchema),
      await postgresCatalog(admin, expectedSchema),
    );
    expect(isSameCatalog(difference), formatCatalogDifference(difference)).toBe(true);
    expect((await postgresCatalog(admin, migratedSchema)).length).toBeGreaterThan(50);

    // The comparison must see a one-column difference, or the equality above proves nothing.
    await admin.query(`ALTER TABLE ${quotePostgresIdentifier(expectedSchema)}."AuditLog" ADD COLUMN "driftProbe" TEXT`);
    const probed = compareCatalogs(
      await postgresCatalog(admin, migratedSchema),
      await postgresCatalog(admin, expectedSchema),
    );
    expect(probed.onlyInMigrations).toEqual([]);
    expect(probed.onlyInSchema).toHaveLength(1);
    expect(probed.onlyInSchema[0]).toMatch(/^column AuditLog\.driftProbe /);
  });

  it('round-trips through the Prisma client opened by openDatabase', async () => {
    const database = await openDatabase(urlWithSchema(connectionString, migratedSchema), { poolSize: 2 });
    try {
      expect(database.provider).toBe('postgresql');
      expect(database.migrations).toEqual({ applied: [], alreadyApplied: names });
      const complaint = await database.prisma.complaint.create({
        data: {
          reference: 'KN-2025-000001',
          channel: 'web',
          narrative: 'Cửa hàng không hoàn tiền',
          amountVnd: 1_250_000,
          events: { create: { toStatus: 'received', actor: 'bot' } },
        },
      });
      const found = await database.prisma.complaint.findUniqueOrThrow({
        where: { reference: 'KN-2025-000001' },
        include: { events: true },
      });
      expect(found).toMatchObject({ id: complaint.id, narrative: 'Cửa hàng không hoàn tiền', amountVnd: 1_250_000 });
      expect(found.events).toHaveLength(1);
      expect(found.createdAt).toBeInstanceOf(Date);
      const raw = await admin.query(`SELECT count(*)::int AS n FROM ${quotePostgresIdentifier(migratedSchema)}."Complaint"`);
      expect(raw.rows[0]).toEqual({ n: 1 });
    } finally {
      await database.close();
    }
  });

  it('runs the raw SQL of src/storage in the schema DATABASE_URL names', async () => {
    // The one raw statement today is the journal's markSent; the query builder's own statements are
    // qualified by the adapter, raw ones only by sqlTable.
    const database = await openDatabase(urlWithSchema(connectionString, journalSchema), { poolSize: 2 });
    try {
      // markSent writes through the records client, as the bot wires it: its own pool, same schema.
      const journal = new PrismaInboundJournal(database.prisma, database.records);
      const t0 = new Date('2026-11-23T03:00:00Z');
      expect(await journal.record('zalo', [{ key: 'c1:m1:message.text.received', payload: '{"n":1}' }], t0, { owner: 'test-instance', ttlMs: 60_000 })).toEqual(new Set(['c1:m1:message.text.received']));
      await journal.markSent('zalo', 'c1:m1:message.text.received', 1, false, t0);
      expect(await journal.state('zalo', 'c1:m1:message.text.received')).toEqual({ sentCount: 1, delivered: false });
      await journal.markSent('zalo', 'c1:m1:message.text.received', 2, true, new Date(t0.getTime() + 1_000));
      expect(await journal.state('zalo', 'c1:m1:message.text.received')).toEqual({ sentCount: 2, delivered: true });
      // Written where Prisma reads it, with the time Prisma reads back.
      const row = await database.prisma.inboundUpdate.findFirstOrThrow({ select: { sentCount: true, deliveredAt: true, updatedAt: true } });
      expect(row).toEqual({ sentCount: 2, deliveredAt: new Date(t0.getTime() + 1_000), updatedAt: new Date(t0.getTime() + 1_000) });
      const raw = await admin.query(`SELECT "sentCount", "deliveredAt" IS NOT NULL AS delivered FROM ${quotePostgresIdentifier(journalSchema)}."InboundUpdate"`);
      expect(raw.rows).toEqual([{ sentCount: 2, delivered: true }]);
    } finally {
      await database.close();
    }
  });

  it('records sends through a pool of their own whose commits do not wait for the disk, keeping the options the URL gives', async () => {
    const url = new URL(urlWithSchema(connectionString, journalSchema));
    url.searchParams.set('options', '-c application_name=bvntd-records-test');
    const database = await openDatabase(url.toString(), { poolSize: 2 });
    try {
      const setting = async (db: typeof database.prisma, name: string) =>
        ((await db.$queryRawUnsafe(`SELECT current_setting('${name}') AS value`)) as Array<{ value: string }>)[0]!.value;
      expect(await setting(database.records, 'synchronous_commit')).toBe('off');
      expect(await setting(database.prisma, 'synchronous_commit')).toBe('on');
      expect(await setting(database.records, 'application_name')).toBe('bvntd-records-test');
      // Another connection: not the turns' pool, so a record never queues behind their queries.
      const pid = async (db: typeof database.prisma) => ((await db.$queryRawUnsafe('SELECT pg_backend_pid() AS pid')) as Array<{ pid: number }>)[0]!.pid;
      expect(await pid(database.records)).not.toBe(await pid(database.prisma));
    } finally {
      await database.close();
    }
  });

  it('claims updates and outbox items and holds leases with raw SQL in that schema', async () => {
    const database = await openDatabase(urlWithSchema(connectionString, journalSchema), { poolSize: 4 });
    try {
      const t0 = new Date('2026-12-02T03:00:00Z');
      const later = (ms: number) => new Date(t0.getTime() + ms);
      const leases = new PrismaLeases(database.prisma);
      const got = await Promise.all(Array.from({ length: 12 }, (_, i) => leases.acquire('turn:zalo:c9', `i${i}`, 10_000, t0)));
      expect(got.filter(Boolean)).toHaveLength(1);
      expect(await leases.acquire('turn:zalo:c9', 'late', 10_000, later(11_000))).toBe(true);
      const journal = new PrismaInboundJournal(database.prisma);
      await journal.record('zalo', [{ key: 'c9:m1:message.text.received', payload: '{}' }], t0, { owner: 'a', ttlMs: 60_000 });
      expect(await journal.claim('zalo', 'c9:m1:message.text.received', later(1), { owner: 'b', ttlMs: 60_000 })).toBe(false);
      expect(await journal.claim('zalo', 'c9:m1:message.text.received', later(61_000), { owner: 'b', ttlMs: 60_000 })).toBe(true);
      const outbox = new PrismaOutbox(database.prisma);
      await outbox.enqueue('zalo', 'c9', { text: 'Cán bộ trả lời' }, t0);
      const claims = await Promise.all(['a', 'b', 'c'].map((owner) => outbox.claim('zalo', owner, 5, 60_000, later(5))));
      expect(claims.flat()).toHaveLength(1);
      const holder = ['a', 'b', 'c'][claims.findIndex((c) => c.length === 1)]!;
      expect(await outbox.renew(claims.flat()[0]!.id, holder, 60_000, later(10))).toBe(true);
      expect(await outbox.renew(claims.flat()[0]!.id, 'not-the-holder', 60_000, later(10))).toBe(false);
      const raw = await admin.query(`SELECT count(*)::int AS n FROM ${quotePostgresIdentifier(journalSchema)}."Lease"`);
      expect(raw.rows[0]).toEqual({ n: 1 });
    } finally {
      await database.close();
    }
  });

  it('rejects an applied migration whose file changed', async () => {
    const dir = path.join(workDir, 'migrations');
    cpSync(DEFAULT_MIGRATIONS_DIRS.postgresql, dir, { recursive: true });
    const target = { connectionString, schema: editedSchema };
    await migratePostgres(target, { migrationsDir: dir });
    const file = path.join(dir, names[0] ?? '', 'migration.sql');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n-- edited after release\n`);
    await expect(migratePostgres(target, { migrationsDir: dir })).rejects.toThrow(MigrationChecksumError);
  });
});
