// Applies the versioned SQL migrations at start-up, without the Prisma CLI: Prisma 7's CLI needs a
// native schema engine it downloads on every run, which production machines cannot rely on.
//
// Layout: <dir>/<NNNN_name>/migration.sql, applied in name order, each recorded with a SHA-256 of its
// text in the `_app_migrations` table of the same database.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import Sqlite from 'better-sqlite3';
import {
  DatabaseError,
  MigrationChecksumError,
  MigrationError,
  UnknownAppliedMigrationError,
} from './storage-errors.ts';

export type DatabaseProvider = 'sqlite' | 'postgresql';

/** Resolved from this file, not the working directory, so a process started anywhere finds them. */
export const DEFAULT_MIGRATIONS_DIRS: Readonly<Record<DatabaseProvider, string>> = {
  sqlite: fileURLToPath(new URL('../../prisma/migrations', import.meta.url)),
  postgresql: fileURLToPath(new URL('../../prisma/postgresql/migrations', import.meta.url)),
};

export const MIGRATIONS_TABLE = '_app_migrations';

const MIGRATION_DIR_PATTERN = /^\d{4}_[a-z0-9_]+$/;

export interface Migration {
  /** Folder name, e.g. "0001_init"; also the key recorded in the migrations table. */
  readonly name: string;
  readonly sql: string;
  readonly checksum: string;
}

export interface MigrationReport {
  /** Migrations this call applied, in order. */
  readonly applied: string[];
  /** Migrations that were already applied (by an earlier start or a concurrent process). */
  readonly alreadyApplied: string[];
}

interface AppliedRow {
  name: string;
  checksum: string;
}

/** Line endings are normalised so a Windows checkout (core.autocrlf) does not look like an edited migration. */
export function migrationChecksum(sql: string): string {
  return createHash('sha256').update(sql.replace(/\r\n/g, '\n'), 'utf8').digest('hex');
}

export function readMigrations(migrationsDir: string): Migration[] {
  if (!existsSync(migrationsDir)) {
    throw new MigrationError(`Migrations folder ${migrationsDir} does not exist.`);
  }
  const migrations: Migration[] = [];
  const seenNumbers = new Map<string, string>();
  for (const entry of readdirSync(migrationsDir).sort()) {
    const entryPath = path.join(migrationsDir, entry);
    // Loose files (README, schema snapshot, migration_lock.toml) live beside the migration folders.
    if (!statSync(entryPath).isDirectory()) continue;
    if (!MIGRATION_DIR_PATTERN.test(entry)) {
      throw new MigrationError(
        `Unexpected folder ${entryPath}: migration folders are named NNNN_lowercase_name (e.g. 0002_add_notes).`,
      );
    }
    const number = entry.slice(0, 4);
    const clash = seenNumbers.get(number);
    if (clash !== undefined) {
      throw new MigrationError(`Migrations ${clash} and ${entry} share the number ${number}; renumber one of them.`);
    }
    seenNumbers.set(number, entry);
    const sqlPath = path.join(entryPath, 'migration.sql');
    if (!existsSync(sqlPath)) throw new MigrationError(`Migration ${entry} has no migration.sql.`, { migration: entry });
    const sql = readFileSync(sqlPath, 'utf8');
    migrations.push({ name: entry, sql, checksum: migrationChecksum(sql) });
  }
  return migrations;
}

/** Rejects a history that this code cannot safely continue: edited migrations, or migrations from a newer release. */
function verifyHistory(appliedRows: readonly AppliedRow[], migrations: readonly Migration[]): void {
  const byName = new Map(migrations.map((migration) => [migration.name, migration]));
  for (const row of appliedRows) {
    const migration = byName.get(row.name);
    if (migration === undefined) throw new UnknownAppliedMigrationError(row.name);
    if (migration.checksum !== row.checksum) {
      throw new MigrationChecksumError(row.name, row.checksum, migration.checksum);
    }
  }
}

function asMigrationError(error: unknown, message: string, migration?: string): MigrationError {
  if (error instanceof MigrationError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new MigrationError(`${message}: ${detail}`, { cause: error, ...(migration === undefined ? {} : { migration }) });
}

function rollbackFailed(migration: string, error: unknown, rollbackError: unknown): MigrationError {
  return new MigrationError(`Migration ${migration} failed and its transaction could not be rolled back`, {
    migration,
    cause: new AggregateError([error, rollbackError]),
  });
}

export interface SqliteMigrateOptions {
  migrationsDir?: string;
  /** How long to wait for another process holding the write lock (e.g. a second instance migrating). */
  busyTimeoutMs?: number;
}

/**
 * Brings the SQLite file at `filePath` up to date. Synchronous because better-sqlite3 is; it opens and
 * closes its own connection so the application's connection never runs with foreign keys off.
 */
export function migrateSqlite(filePath: string, options: SqliteMigrateOptions = {}): MigrationReport {
  const migrations = readMigrations(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIRS.sqlite);
  let db: Sqlite.Database;
  try {
    db = new Sqlite(filePath, { timeout: options.busyTimeoutMs ?? 30_000 });
  } catch (error) {
    throw asMigrationError(error, `Cannot open SQLite database ${filePath}`);
  }
  const report: MigrationReport = { applied: [], alreadyApplied: [] };
  try {
    // Prisma's table rebuilds (CREATE new_X, copy, DROP X, rename) would cascade-delete child rows if
    // foreign keys were enforced, and PRAGMA foreign_keys is ignored inside a transaction, so it is
    // switched off for this connection and integrity is checked with foreign_key_check before each commit.
    db.pragma('foreign_keys = OFF');
    // WAL is a property of the file, so setting it once here covers every later connection.
    db.pragma('journal_mode = WAL');
    db.exec(
      `CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" (` +
        `"name" TEXT NOT NULL PRIMARY KEY, "checksum" TEXT NOT NULL, "appliedAt" TEXT NOT NULL)`,
    );
    const selectAll = db.prepare<[], AppliedRow>(`SELECT "name", "checksum" FROM "${MIGRATIONS_TABLE}" ORDER BY "name"`);
    verifyHistory(selectAll.all(), migrations);

    const selectOne = db.prepare<[string], AppliedRow>(
      `SELECT "name", "checksum" FROM "${MIGRATIONS_TABLE}" WHERE "name" = ?`,
    );
    const insert = db.prepare<[string, string, string]>(
      `INSERT INTO "${MIGRATIONS_TABLE}" ("name", "checksum", "appliedAt") VALUES (?, ?, ?)`,
    );
    for (const migration of migrations) {
      // IMMEDIATE takes the write lock up front: a second process waits here (busy timeout) and then
      // sees the row the first one wrote, instead of both applying the same migration.
      db.exec('BEGIN IMMEDIATE');
      try {
        const row = selectOne.get(migration.name);
        if (row !== undefined) {
          verifyHistory([row], migrations);
          db.exec('COMMIT');
          report.alreadyApplied.push(migration.name);
          continue;
        }
        db.exec(migration.sql);
        const violations = db.pragma('foreign_key_check') as unknown[];
        if (violations.length > 0) {
          throw new MigrationError(
            `Migration ${migration.name} leaves ${violations.length} rows violating foreign keys: ` +
              JSON.stringify(violations.slice(0, 5)),
            { migration: migration.name },
          );
        }
        insert.run(migration.name, migration.checksum, new Date().toISOString());
        db.exec('COMMIT');
        report.applied.push(migration.name);
      } catch (error) {
        if (db.inTransaction) {
          try {
            db.exec('ROLLBACK');
          } catch (rollbackError) {
            throw rollbackFailed(migration.name, error, rollbackError);
          }
        }
        throw asMigrationError(error, `Migration ${migration.name} failed`, migration.name);
      }
    }
  } catch (error) {
    throw asMigrationError(error, `Migrating SQLite database ${filePath} failed`);
  } finally {
    db.close();
  }
  return report;
}

export interface PostgresTarget {
  /** A libpq URL without Prisma's `schema` parameter (see parseDatabaseUrl in database.ts). */
  connectionString: string;
  /** Schema to create and migrate; the server's default search_path (normally "public") when absent. */
  schema?: string | undefined;
}

export interface PostgresMigrateOptions {
  migrationsDir?: string;
  /** How long to wait for another process that is migrating the same schema. */
  lockTimeoutMs?: number;
}

// Arbitrary constant that namespaces this application's advisory locks; the second key is the schema.
const ADVISORY_LOCK_CLASS = 0x6276_6e74; // "bvnt"

export function quotePostgresIdentifier(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}

/** Brings a PostgreSQL schema up to date, holding an advisory lock so concurrent starts apply each migration once. */
export async function migratePostgres(
  target: PostgresTarget,
  options: PostgresMigrateOptions = {},
): Promise<MigrationReport> {
  const migrations = readMigrations(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIRS.postgresql);
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: target.connectionString });
  try {
    await client.connect();
  } catch (error) {
    throw new DatabaseError(`Cannot connect to PostgreSQL to migrate: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  const schema = target.schema;
  const lockKey = schema ?? '';
  const report: MigrationReport = { applied: [], alreadyApplied: [] };
  try {
    const deadline = Date.now() + (options.lockTimeoutMs ?? 60_000);
    // Polling pg_try_advisory_lock gives a bounded, reportable wait instead of hanging forever behind a stuck peer.
    for (;;) {
      const result = await client.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_lock($1::int, hashtext($2)) AS locked',
        [ADVISORY_LOCK_CLASS, lockKey],
      );
      if (result.rows[0]?.locked === true) break;
      if (Date.now() > deadline) {
        throw new MigrationError(
          `Timed out waiting for another process to finish migrating PostgreSQL schema ${schema ?? '(default)'}.`,
        );
      }
      await sleep(50);
    }
    if (schema !== undefined) {
      const quoted = quotePostgresIdentifier(schema);
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoted}`);
      await client.query(`SET search_path TO ${quoted}`);
    }
    await client.query(
      `CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" (` +
        `"name" TEXT NOT NULL PRIMARY KEY, "checksum" TEXT NOT NULL, "appliedAt" TIMESTAMPTZ NOT NULL DEFAULT now())`,
    );
    const appliedRows = (
      await client.query<AppliedRow>(`SELECT "name", "checksum" FROM "${MIGRATIONS_TABLE}" ORDER BY "name"`)
    ).rows;
    verifyHistory(appliedRows, migrations);
    const appliedNames = new Set(appliedRows.map((row) => row.name));
    for (const migration of migrations) {
      if (appliedNames.has(migration.name)) {
        report.alreadyApplied.push(migration.name);
        continue;
      }
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query(`INSERT INTO "${MIGRATIONS_TABLE}" ("name", "checksum") VALUES ($1, $2)`, [
          migration.name,
          migration.checksum,
        ]);
        await client.query('COMMIT');
        report.applied.push(migration.name);
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch (rollbackError) {
          throw rollbackFailed(migration.name, error, rollbackError);
        }
        throw asMigrationError(error, `Migration ${migration.name} failed`, migration.name);
      }
    }
  } catch (error) {
    throw asMigrationError(error, 'Migrating PostgreSQL failed');
  } finally {
    // The advisory lock is session-scoped: ending the session releases it, also when a query above failed.
    await client.end();
  }
  return report;
}
