// Offline SQL generation from Prisma datamodels. Prisma 7's CLI needs a native schema engine that it
// downloads on every command; Prisma 6.19 (installed as the "prisma-migrate" alias) ships the schema
// engine as WebAssembly and runs `migrate diff` with `engine: 'js'` and no download at all.
// Only datamodel-to-datamodel diffs are used: the 6.19 engine cannot replay migrations through a
// Prisma 7 driver adapter, and cannot read a live database without one.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { DatabaseProvider } from '../src/storage/migrator.ts';

const execFileAsync = promisify(execFile);
const require = createRequire(import.meta.url);

export class SchemaDiffError extends Error {
  override readonly name = 'SchemaDiffError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

const PLACEHOLDER_URLS: Readonly<Record<DatabaseProvider, string>> = {
  sqlite: 'file:./never-opened.db',
  postgresql: 'postgresql://never-opened@localhost:5432/never-opened',
};

/**
 * Prisma 6 requires `url` in the datasource block (Prisma 7 forbids it) and validates generator
 * options it may not know, so generators are dropped and a placeholder URL added; neither affects the SQL.
 */
export function toPrisma6Datamodel(schema: string, provider: DatabaseProvider): string {
  const withoutGenerators = schema.replace(/^generator\s+\w+\s*\{[^}]*\}/gm, '');
  let datasources = 0;
  const result = withoutGenerators.replace(/^datasource\s+\w+\s*\{[^}]*\}/gm, (block: string) => {
    datasources += 1;
    const providerMatch = /\bprovider\s*=\s*"([^"]+)"/.exec(block);
    if (providerMatch?.[1] !== provider) {
      throw new SchemaDiffError(`Expected a ${provider} datasource, found provider ${providerMatch?.[1] ?? '(none)'}.`);
    }
    return block.replace(/\}$/, `  url = "${PLACEHOLDER_URLS[provider]}"\n}`);
  });
  if (datasources !== 1) throw new SchemaDiffError(`Expected exactly one datasource block, found ${datasources}.`);
  return result;
}

const EMPTY_MIGRATION = /^\s*-- This is an empty migration\.\s*$/;

export function isEmptyMigration(sql: string): boolean {
  return sql.trim() === '' || EMPTY_MIGRATION.test(sql);
}

/**
 * SQL that turns a database shaped like `from` into one shaped like `to` (null means no tables).
 * Returns '' when they are equivalent.
 */
export async function diffSchemas(provider: DatabaseProvider, from: string | null, to: string | null): Promise<string> {
  if (from === null && to === null) return '';
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'bvntd-schema-diff-'));
  try {
    const args = ['migrate', 'diff', '--config', path.join(workDir, 'prisma.config.ts')];
    for (const [side, schema] of [
      ['from', from],
      ['to', to],
    ] as const) {
      if (schema === null) {
        args.push(`--${side}-empty`);
      } else {
        const file = path.join(workDir, `${side}.prisma`);
        await writeFile(file, toPrisma6Datamodel(schema, provider));
        args.push(`--${side}-schema-datamodel`, file);
      }
    }
    args.push('--script');
    // The adapter is never queried for a datamodel-to-datamodel diff, but engine 'js' requires one; an
    // in-memory SQLite one also works for PostgreSQL datamodels, where a pg adapter would try to connect.
    const config = [
      `import { defineConfig } from ${JSON.stringify(pathToFileURL(require.resolve('prisma-migrate/config')).href)};`,
      `import { PrismaBetterSqlite3 } from ${JSON.stringify(pathToFileURL(require.resolve('@prisma/adapter-better-sqlite3')).href)};`,
      'export default defineConfig({',
      "  engine: 'js',",
      '  experimental: { adapter: true },',
      `  schema: ${JSON.stringify(to === null ? './from.prisma' : './to.prisma')},`,
      "  adapter: async () => new PrismaBetterSqlite3({ url: ':memory:' }),",
      '});',
      '',
    ].join('\n');
    await writeFile(path.join(workDir, 'prisma.config.ts'), config);
    const cli = path.join(path.dirname(require.resolve('prisma-migrate/package.json')), 'build', 'index.js');
    try {
      const { stdout } = await execFileAsync(process.execPath, [cli, ...args], {
        cwd: workDir,
        maxBuffer: 64 * 1024 * 1024,
        env: {
          ...process.env,
          // Any existing file satisfies the CLI's engine presence checks, which otherwise trigger a download.
          PRISMA_QUERY_ENGINE_LIBRARY: process.execPath,
          PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
          CHECKPOINT_DISABLE: '1',
          PRISMA_HIDE_UPDATE_MESSAGE: '1',
        },
      });
      return isEmptyMigration(stdout) ? '' : stdout;
    } catch (error) {
      const stderr = (error as { stderr?: unknown }).stderr;
      throw new SchemaDiffError(
        `prisma migrate diff (${provider}) failed: ${typeof stderr === 'string' && stderr.trim() !== '' ? stderr.trim() : String(error)}`,
        { cause: error },
      );
    }
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
