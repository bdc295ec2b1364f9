// Drift detection by comparing database catalogs: the database the migrations build against one built
// directly from the schema's CREATE script. Comparing catalogs rather than SQL text ignores formatting
// and column order (ALTER TABLE ADD COLUMN appends), which are not drift.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import type pg from 'pg';
import { MIGRATIONS_TABLE, migrateSqlite, quotePostgresIdentifier } from '../src/storage/migrator.ts';
import { diffSchemas } from './db-schema-diff.ts';

/** One line per table, column, index, foreign key or constraint: comparable as sets and readable in a report. */
export type Catalog = string[];

export function sqliteCatalog(filePath: string): Catalog {
  const db = new Sqlite(filePath, { readonly: true, fileMustExist: true });
  try {
    const lines: string[] = [];
    const objects = db
      .prepare<[string], { type: string; name: string; tbl_name: string }>(
        `SELECT type, name, tbl_name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND tbl_name != ? ORDER BY name`,
      )
      .all(MIGRATIONS_TABLE);
    for (const object of objects) {
      if (object.type === 'index') continue; // listed per table below, with their columns
      lines.push(`${object.type} ${object.name}`);
      if (object.type !== 'table') continue;
      const table = object.name;
      const columns = db.pragma(`table_info(${JSON.stringify(table)})`) as {
        name: string;
        type: string;
        notnull: number;
        dflt_value: string | null;
        pk: number;
      }[];
      for (const column of columns) {
        lines.push(
          `column ${table}.${column.name} ${column.type}${column.notnull ? ' NOT NULL' : ''}` +
            `${column.dflt_value === null ? '' : ` DEFAULT ${column.dflt_value}`}${column.pk ? ` PK#${column.pk}` : ''}`,
        );
      }
      const indexes = db.pragma(`index_list(${JSON.stringify(table)})`) as {
        name: string;
        unique: number;
        origin: string;
        partial: number;
      }[];
      for (const index of indexes) {
        const indexColumns = (db.pragma(`index_xinfo(${JSON.stringify(index.name)})`) as {
          name: string | null;
          desc: number;
          key: number;
        }[])
          .filter((column) => column.key === 1)
          .map((column) => `${column.name ?? '<expr>'}${column.desc ? ' DESC' : ''}`);
        // Auto-index names depend on creation history (table rebuilds renumber them), so they are left out.
        const name = index.origin === 'c' ? index.name : `(${index.origin})`;
        lines.push(
          `index ${table} ${name}${index.unique ? ' UNIQUE' : ''}${index.partial ? ' PARTIAL' : ''} (${indexColumns.join(', ')})`,
        );
      }
      const foreignKeys = db.pragma(`foreign_key_list(${JSON.stringify(table)})`) as {
        table: string;
        from: string;
        to: string;
        on_update: string;
        on_delete: string;
      }[];
      for (const key of foreignKeys) {
        lines.push(
          `foreign key ${table}.${key.from} -> ${key.table}.${key.to} ON UPDATE ${key.on_update} ON DELETE ${key.on_delete}`,
        );
      }
    }
    return lines.sort();
  } finally {
    db.close();
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export async function postgresCatalog(client: pg.Client, schema: string): Promise<Catalog> {
  const lines: string[] = [];
  const columns = await client.query<Record<string, string | null>>(
    `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default,
            character_maximum_length::text AS length, numeric_precision::text AS precision,
            numeric_scale::text AS scale, datetime_precision::text AS datetime_precision
       FROM information_schema.columns
      WHERE table_schema = $1 AND table_name != $2`,
    [schema, MIGRATIONS_TABLE],
  );
  for (const column of columns.rows) {
    const { table_name: table, column_name: name, ...rest } = column;
    lines.push(`column ${table}.${name} ${JSON.stringify(rest)}`);
  }
  const indexes = await client.query<{ tablename: string; indexname: string; indexdef: string }>(
    `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = $1 AND tablename != $2`,
    [schema, MIGRATIONS_TABLE],
  );
  // indexdef names the schema; strip it so two schemas built the same way compare equal.
  const schemaPrefix = new RegExp(
    `(?:${escapeRegExp(quotePostgresIdentifier(schema))}|\\b${escapeRegExp(schema)})\\.`,
    'g',
  );
  for (const index of indexes.rows) {
    lines.push(`index ${index.tablename} ${index.indexname} ${index.indexdef.replace(schemaPrefix, '')}`);
  }
  const constraints = await client.query<{ table: string; name: string; definition: string }>(
    `SELECT rel.relname AS table, con.conname AS name, pg_get_constraintdef(con.oid, true) AS definition
       FROM pg_constraint con
       JOIN pg_class rel ON rel.oid = con.conrelid
       JOIN pg_namespace ns ON ns.oid = rel.relnamespace
      WHERE ns.nspname = $1 AND rel.relname != $2`,
    [schema, MIGRATIONS_TABLE],
  );
  for (const constraint of constraints.rows) {
    lines.push(`constraint ${constraint.table} ${constraint.name} ${constraint.definition.replace(schemaPrefix, '')}`);
  }
  const enums = await client.query<{ name: string; labels: string[] }>(
    `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder) AS labels
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace ns ON ns.oid = t.typnamespace
      WHERE ns.nspname = $1 GROUP BY t.typname`,
    [schema],
  );
  for (const type of enums.rows) lines.push(`enum ${type.name} (${type.labels.join(', ')})`);
  return lines.sort();
}

export interface CatalogDifference {
  /** Present in the database built by the migrations only. */
  readonly onlyInMigrations: string[];
  /** Present in the database built from the schema only. */
  readonly onlyInSchema: string[];
}

export function compareCatalogs(fromMigrations: Catalog, fromSchema: Catalog): CatalogDifference {
  const migrated = new Set(fromMigrations);
  const expected = new Set(fromSchema);
  return {
    onlyInMigrations: fromMigrations.filter((line) => !expected.has(line)),
    onlyInSchema: fromSchema.filter((line) => !migrated.has(line)),
  };
}

export function isSameCatalog(difference: CatalogDifference): boolean {
  return difference.onlyInMigrations.length === 0 && difference.onlyInSchema.length === 0;
}

export function formatCatalogDifference(difference: CatalogDifference): string {
  return [
    ...difference.onlyInMigrations.map((line) => `  only in migrations: ${line}`),
    ...difference.onlyInSchema.map((line) => `  only in schema:     ${line}`),
  ].join('\n');
}

/**
 * Applies the SQLite migrations to a scratch database and compares it with one created straight from
 * `schemaPath`. An empty result means the migrations produce exactly what the schema describes.
 */
export async function findSqliteDrift(schemaPath: string, migrationsDir: string): Promise<CatalogDifference> {
  const [schema, workDir] = await Promise.all([readFile(schemaPath, 'utf8'), mkdtemp(path.join(os.tmpdir(), 'bvntd-drift-'))]);
  try {
    const createSql = await diffSchemas('sqlite', null, schema);
    const migratedPath = path.join(workDir, 'migrated.db');
    migrateSqlite(migratedPath, { migrationsDir });
    const expectedPath = path.join(workDir, 'expected.db');
    const expectedDb = new Sqlite(expectedPath);
    try {
      expectedDb.exec(createSql);
    } finally {
      expectedDb.close();
    }
    return compareCatalogs(sqliteCatalog(migratedPath), sqliteCatalog(expectedPath));
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
