import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Sqlite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_MIGRATIONS_DIRS,
  MIGRATIONS_TABLE,
  type MigrationReport,
  migrateSqlite,
  migrationChecksum,
  readMigrations,
} from '../../src/storage/migrator.ts';
import {
  MigrationChecksumError,
  MigrationError,
  UnknownAppliedMigrationError,
} from '../../src/storage/storage-errors.ts';

const execFileAsync = promisify(execFile);

let workDir: string;

beforeEach(() => {
  workDir = mkdtempSync(path.join(os.tmpdir(), 'bvntd-migrator-'));
});

afterEach(() => {
  rmSync(workDir, { recursive: true, force: true });
});

function writeMigrations(dir: string, migrations: Record<string, string>): string {
  for (const [name, sql] of Object.entries(migrations)) {
    mkdirSync(path.join(dir, name), { recursive: true });
    writeFileSync(path.join(dir, name, 'migration.sql'), sql);
  }
  return dir;
}

function query<T>(filePath: string, sql: string): T[] {
  const db = new Sqlite(filePath, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

function captureError(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the action to throw');
}

describe('migrateSqlite', () => {
  it('applies the project migrations to a fresh file, and a second run is a no-op', () => {
    const dbPath = path.join(workDir, 'fresh.db');
    const names = readMigrations(DEFAULT_MIGRATIONS_DIRS.sqlite).map((migration) => migration.name);
    expect(names[0]).toBe('0001_init');

    const first = migrateSqlite(dbPath);
    expect(first).toEqual({ applied: names, alreadyApplied: [] });
    const tables = query<{ name: string }>(dbPath, "SELECT name FROM sqlite_master WHERE type = 'table'").map((row) => row.name);
    expect(tables).toEqual(expect.arrayContaining(['Conversation', 'Message', 'Complaint', 'AuditLog', MIGRATIONS_TABLE]));
    expect(query<{ journal_mode: string }>(dbPath, 'PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);

    const second = migrateSqlite(dbPath);
    expect(second).toEqual({ applied: [], alreadyApplied: names });
    expect(query(dbPath, `SELECT name FROM "${MIGRATIONS_TABLE}"`)).toHaveLength(names.length);
  });

  it('rejects an applied migration whose file changed, with a typed error', () => {
    const dir = writeMigrations(path.join(workDir, 'migrations'), {
      '0001_a': 'CREATE TABLE "A" ("id" INTEGER PRIMARY KEY);',
      '0002_b': 'CREATE TABLE "B" ("id" INTEGER PRIMARY KEY);',
    });
    const dbPath = path.join(workDir, 'app.db');
    migrateSqlite(dbPath, { migrationsDir: dir });
    const original = readFileSync(path.join(dir, '0001_a', 'migration.sql'), 'utf8');
    writeFileSync(path.join(dir, '0001_a', 'migration.sql'), `${original}\nCREATE INDEX "A_id" ON "A"("id");`);

    const error = captureError(() => migrateSqlite(dbPath, { migrationsDir: dir }));
    expect(error).toBeInstanceOf(MigrationChecksumError);
    expect(error).toBeInstanceOf(MigrationError);
    expect(error).toMatchObject({ migration: '0001_a', expectedChecksum: migrationChecksum(original) });
  });

  it('treats a CRLF checkout of an applied migration as unchanged', () => {
    const dir = writeMigrations(path.join(workDir, 'migrations'), { '0001_a': 'CREATE TABLE "A" ("id" INTEGER);\n-- done\n' });
    const dbPath = path.join(workDir, 'app.db');
    migrateSqlite(dbPath, { migrationsDir: dir });
    writeFileSync(path.join(dir, '0001_a', 'migration.sql'), 'CREATE TABLE "A" ("id" INTEGER);\r\n-- done\r\n');
    expect(migrateSqlite(dbPath, { migrationsDir: dir })).toEqual({ applied: [], alreadyApplied: ['0001_a'] });
  });

  it('refuses a database migrated by a newer release', () => {
    const dir = writeMigrations(path.join(workDir, 'migrations'), {
      '0001_a': 'CREATE TABLE "A" ("id" INTEGER);',
      '0002_b': 'CREATE TABLE "B" ("id" INTEGER);',
    });
    const dbPath = path.join(workDir, 'app.db');
    migrateSqlite(dbPath, { migrationsDir: dir });
    rmSync(path.join(dir, '0002_b'), { recursive: true });
    const error = captureError(() => migrateSqlite(dbPath, { migrationsDir: dir }));
    expect(error).toBeInstanceOf(UnknownAppliedMigrationError);
    expect(error).toMatchObject({ migration: '0002_b' });
  });

  it('rolls a failing migration back completely and applies it once fixed', () => {
    const dir = writeMigrations(path.join(workDir, 'migrations'), {
      '0001_a': 'CREATE TABLE "A" ("id" INTEGER);',
      '0002_b': 'CREATE TABLE "B" ("id" INTEGER);\nINSERT INTO "Missing" VALUES (1);',
    });
    const dbPath = path.join(workDir, 'app.db');
    const error = captureError(() => migrateSqlite(dbPath, { migrationsDir: dir }));
    expect(error).toBeInstanceOf(MigrationError);
    expect(error).toMatchObject({ migration: '0002_b' });
    expect((error as Error).cause).toBeInstanceOf(Error);
    expect(query(dbPath, "SELECT name FROM sqlite_master WHERE name = 'B'")).toEqual([]);
    expect(query(dbPath, `SELECT name FROM "${MIGRATIONS_TABLE}"`)).toEqual([{ name: '0001_a' }]);

    writeFileSync(path.join(dir, '0002_b', 'migration.sql'), 'CREATE TABLE "B" ("id" INTEGER);');
    expect(migrateSqlite(dbPath, { migrationsDir: dir })).toEqual({ applied: ['0002_b'], alreadyApplied: ['0001_a'] });
  });

  it('rebuilds a referenced table the way Prisma does without cascading deletes to its children', () => {
    const dir = writeMigrations(path.join(workDir, 'migrations'), {
      '0001_init':
        'CREATE TABLE "Parent" ("id" TEXT NOT NULL PRIMARY KEY);\n' +
        'CREATE TABLE "Child" ("id" TEXT NOT NULL PRIMARY KEY, "parentId" TEXT NOT NULL,\n' +
        '  CONSTRAINT "Child_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Parent" ("id") ON DELETE CASCADE);\n' +
        "INSERT INTO \"Parent\" VALUES ('p');\nINSERT INTO \"Child\" VALUES ('c', 'p');",
      // Shape of `prisma migrate diff` output for a column change on SQLite ("RedefineTables").
      '0002_parent_name':
        'PRAGMA defer_foreign_keys=ON;\nPRAGMA foreign_keys=OFF;\n' +
        'CREATE TABLE "new_Parent" ("id" TEXT NOT NULL PRIMARY KEY, "name" TEXT NOT NULL DEFAULT \'\');\n' +
        'INSERT INTO "new_Parent" ("id") SELECT "id" FROM "Parent";\nDROP TABLE "Parent";\n' +
        'ALTER TABLE "new_Parent" RENAME TO "Parent";\nPRAGMA foreign_keys=ON;\nPRAGMA defer_foreign_keys=OFF;',
    });
    const dbPath = path.join(workDir, 'app.db');
    migrateSqlite(dbPath, { migrationsDir: dir });
    expect(query(dbPath, 'SELECT "id", "parentId" FROM "Child"')).toEqual([{ id: 'c', parentId: 'p' }]);
    expect(query(dbPath, 'SELECT "id", "name" FROM "Parent"')).toEqual([{ id: 'p', name: '' }]);
  });

  it('refuses a migration that leaves dangling foreign keys', () => {
    const dir = writeMigrations(path.join(workDir, 'migrations'), {
      '0001_init':
        'CREATE TABLE "Parent" ("id" TEXT NOT NULL PRIMARY KEY);\n' +
        'CREATE TABLE "Child" ("id" TEXT NOT NULL PRIMARY KEY, "parentId" TEXT NOT NULL REFERENCES "Parent" ("id"));\n' +
        "INSERT INTO \"Child\" VALUES ('c', 'nobody');",
    });
    const error = captureError(() => migrateSqlite(path.join(workDir, 'app.db'), { migrationsDir: dir }));
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as Error).message).toMatch(/violating foreign keys/);
  });

  it('rejects misnamed and duplicate-numbered migration folders', () => {
    const misnamed = writeMigrations(path.join(workDir, 'misnamed'), { 'add-notes': 'SELECT 1;' });
    expect(() => readMigrations(misnamed)).toThrow(MigrationError);
    const duplicate = writeMigrations(path.join(workDir, 'duplicate'), { '0002_a': 'SELECT 1;', '0002_b': 'SELECT 1;' });
    expect(() => readMigrations(duplicate)).toThrow(/share the number 0002/);
    expect(() => readMigrations(path.join(workDir, 'absent'))).toThrow(MigrationError);
  });

  it('applies each migration exactly once when two processes start at the same time', async () => {
    // Enough work per migration that the two processes overlap; a double application would fail on
    // CREATE TABLE or double the row counts.
    const count = 25;
    const migrations: Record<string, string> = {};
    for (let index = 1; index <= count; index += 1) {
      migrations[`${String(index).padStart(4, '0')}_t${index}`] =
        `CREATE TABLE "T${index}" ("x" INTEGER NOT NULL);\n` +
        `INSERT INTO "T${index}" WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000) SELECT x FROM c;`;
    }
    const dir = writeMigrations(path.join(workDir, 'migrations'), migrations);
    const dbPath = path.join(workDir, 'shared.db');
    // An existing WAL database with an empty history, as on a deploy: otherwise the first process's
    // switch to WAL stalls the second in SQLite's busy back-off long enough for the first to finish alone.
    mkdirSync(path.join(workDir, 'none'));
    migrateSqlite(dbPath, { migrationsDir: path.join(workDir, 'none') });
    const barrier = path.join(workDir, 'barrier');
    mkdirSync(barrier);
    const child = fileURLToPath(new URL('./fixtures/migrate-sqlite-child.ts', import.meta.url));
    const runs = await Promise.all(
      [0, 1].map((id) =>
        execFileAsync(process.execPath, ['--import', 'tsx', child, dbPath, dir, barrier, String(id), '2'], {
          cwd: fileURLToPath(new URL('../..', import.meta.url)),
        }),
      ),
    );
    const reports = runs.map((run) => JSON.parse(run.stdout) as MigrationReport);
    const appliedByEach = reports.map((report) => report.applied);
    const allApplied = appliedByEach.flat().sort();
    expect(allApplied).toEqual(Object.keys(migrations).sort());
    expect(new Set(allApplied).size).toBe(count);
    for (const report of reports) expect([...report.applied, ...report.alreadyApplied].sort()).toEqual(allApplied);
    expect(query<{ n: number }>(dbPath, 'SELECT count(*) AS n FROM "T1"')).toEqual([{ n: 3000 }]);
    expect(query<{ n: number }>(dbPath, `SELECT count(*) AS n FROM "T${count}"`)).toEqual([{ n: 3000 }]);
  });
});

describe('project migration folders', () => {
  it('keep SQLite and PostgreSQL numbered alike', () => {
    const names = (dir: string) => readMigrations(dir).map((migration) => migration.name);
    expect(names(DEFAULT_MIGRATIONS_DIRS.postgresql)).toEqual(names(DEFAULT_MIGRATIONS_DIRS.sqlite));
  });

});
