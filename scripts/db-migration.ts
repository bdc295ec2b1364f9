// Creates the next migration after prisma/schema.prisma was edited, for SQLite and PostgreSQL at once,
// fully offline:
//   npm run db:migration -- --name add_complaint_notes   next numbered migration
//   npm run db:migration -- --reset-init                 squash everything into 0001_init (pre-release only)
//
// "Current migrations" are represented by prisma/migrations/schema.snapshot.prisma, the schema the
// latest migration was generated from: the offline diff engine compares datamodels, not databases.
// test/storage/schema-drift.test.ts proves the migrations really build that schema.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_MIGRATIONS_DIRS, readMigrations } from '../src/storage/migrator.ts';
import { findSqliteDrift, formatCatalogDifference, isSameCatalog } from './db-catalog.ts';
import { generateClients } from './db-generate.ts';
import { diffSchemas } from './db-schema-diff.ts';
import { renderPostgresSchema, SQLITE_SCHEMA_PATH, syncPostgresSchema } from './db-sync-postgres-schema.ts';

export const SCHEMA_SNAPSHOT_PATH = path.join(DEFAULT_MIGRATIONS_DIRS.sqlite, 'schema.snapshot.prisma');

export class MigrationScriptError extends Error {
  override readonly name = 'MigrationScriptError';
}

const INIT_NAME = '0001_init';

function migrationNames(dir: string): string[] {
  return existsSync(dir) ? readMigrations(dir).map((migration) => migration.name) : [];
}

function writeMigration(dir: string, name: string, sql: string): string {
  const folder = path.join(dir, name);
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, 'migration.sql');
  // A provider can be unaffected by a change; its empty migration keeps both folders numbered alike.
  writeFileSync(file, sql === '' ? '-- No change for this database.\n' : sql);
  return file;
}

function removeAllMigrations(dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of migrationNames(dir)) rmSync(path.join(dir, name), { recursive: true });
}

export interface CreateMigrationOptions {
  name?: string;
  resetInit?: boolean;
}

/** Returns the created folder name, or undefined when the schema has no changes. */
export async function createMigration(options: CreateMigrationOptions): Promise<string | undefined> {
  const sqliteDir = DEFAULT_MIGRATIONS_DIRS.sqlite;
  const postgresDir = DEFAULT_MIGRATIONS_DIRS.postgresql;
  const schema = readFileSync(SQLITE_SCHEMA_PATH, 'utf8');
  syncPostgresSchema();

  let name: string;
  let previous: string | null;
  if (options.resetInit === true) {
    if (options.name !== undefined) throw new MigrationScriptError('--reset-init always writes 0001_init; drop --name.');
    name = INIT_NAME;
    previous = null;
  } else {
    if (options.name === undefined) throw new MigrationScriptError('Give the migration a name: --name <what_changed>.');
    const slug = options.name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
    if (slug === '') throw new MigrationScriptError(`--name ${JSON.stringify(options.name)} has no letters or digits.`);
    const sqliteNames = migrationNames(sqliteDir);
    const postgresNames = migrationNames(postgresDir);
    if (sqliteNames.join('\n') !== postgresNames.join('\n')) {
      throw new MigrationScriptError(
        `prisma/migrations (${sqliteNames.join(', ')}) and prisma/postgresql/migrations (${postgresNames.join(', ')}) ` +
          'are out of step; fix them (or use --reset-init before the first release).',
      );
    }
    if (sqliteNames.length > 0 && !existsSync(SCHEMA_SNAPSHOT_PATH)) {
      throw new MigrationScriptError(
        `${SCHEMA_SNAPSHOT_PATH} is missing, so there is nothing to diff against; restore it from git ` +
          '(or use --reset-init before the first release).',
      );
    }
    const lastNumber = sqliteNames.length === 0 ? 0 : Number(sqliteNames[sqliteNames.length - 1]?.slice(0, 4));
    name = `${String(lastNumber + 1).padStart(4, '0')}_${slug}`;
    previous = sqliteNames.length === 0 ? null : readFileSync(SCHEMA_SNAPSHOT_PATH, 'utf8');
  }

  const [sqliteSql, postgresSql] = await Promise.all([
    diffSchemas('sqlite', previous, schema),
    diffSchemas('postgresql', previous === null ? null : renderPostgresSchema(previous), renderPostgresSchema(schema)),
  ]);
  if (options.resetInit !== true && sqliteSql === '' && postgresSql === '') return undefined;

  if (options.resetInit === true) {
    removeAllMigrations(sqliteDir);
    removeAllMigrations(postgresDir);
  }
  const written = [writeMigration(sqliteDir, name, sqliteSql), writeMigration(postgresDir, name, postgresSql)];
  writeFileSync(SCHEMA_SNAPSHOT_PATH, schema);
  for (const file of written) console.log(`Wrote ${path.relative(process.cwd(), file)}`);

  const drift = await findSqliteDrift(SQLITE_SCHEMA_PATH, sqliteDir);
  if (!isSameCatalog(drift)) {
    throw new MigrationScriptError(
      `The migrations (including the new ${name}) do not build prisma/schema.prisma:\n${formatCatalogDifference(drift)}`,
    );
  }
  return name;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { name: { type: 'string' }, 'reset-init': { type: 'boolean', default: false } },
    strict: true,
  });
  const created = await createMigration({
    ...(values.name === undefined ? {} : { name: values.name }),
    resetInit: values['reset-init'],
  });
  if (created === undefined) {
    console.log('prisma/schema.prisma matches the latest migration: nothing to do.');
    return;
  }
  generateClients();
  console.log(`Created migration ${created}; it is applied automatically when the application opens the database.`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof MigrationScriptError ? `db:migration: ${error.message}` : error);
    process.exitCode = 1;
  });
}
