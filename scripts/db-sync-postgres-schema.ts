// prisma/schema.prisma (SQLite) is the one schema people edit; the PostgreSQL copy is derived from it so
// the two cannot drift apart model by model. Run: npm run db:sync-postgres [-- --check]
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const PRISMA_DIR = fileURLToPath(new URL('../prisma', import.meta.url));
export const SQLITE_SCHEMA_PATH = path.join(PRISMA_DIR, 'schema.prisma');
export const POSTGRES_SCHEMA_PATH = path.join(PRISMA_DIR, 'postgresql', 'schema.prisma');

const GENERATED_HEADER =
  '// GENERATED from prisma/schema.prisma by scripts/db-sync-postgres-schema.ts (npm run db:sync-postgres).\n' +
  '// Do not edit: change prisma/schema.prisma, then run npm run db:migration.\n\n';

export class SchemaSyncError extends Error {
  override readonly name = 'SchemaSyncError';
}

/** Generator and datasource blocks hold no nested braces, so a flat match is exact. */
const BLOCK_PATTERN = /^(generator|datasource)\s+(\w+)\s*\{[^}]*\}/gm;

export function renderPostgresSchema(sqliteSchema: string): string {
  let datasources = 0;
  const rendered = sqliteSchema.replace(BLOCK_PATTERN, (block: string, kind: string, blockName: string) => {
    if (kind === 'datasource') {
      datasources += 1;
      const providerLine = /(\bprovider\s*=\s*)"sqlite"/;
      if (!providerLine.test(block)) {
        throw new SchemaSyncError(`datasource ${blockName} in prisma/schema.prisma must have provider = "sqlite".`);
      }
      return block.replace(providerLine, '$1"postgresql"');
    }
    // Each provider gets its own client: the generated code is specialised for one database.
    return block.replace(/(\boutput\s*=\s*)"([^"]+)"/, (_line: string, prefix: string, output: string) => {
      const target = path.resolve(PRISMA_DIR, output) + '-postgresql';
      const relative = path.relative(path.dirname(POSTGRES_SCHEMA_PATH), target).split(path.sep).join('/');
      return `${prefix}"${relative}"`;
    });
  });
  if (datasources !== 1) {
    throw new SchemaSyncError(`prisma/schema.prisma must have exactly one datasource block, found ${datasources}.`);
  }
  return GENERATED_HEADER + rendered;
}

export function expectedPostgresSchema(): string {
  return renderPostgresSchema(readFileSync(SQLITE_SCHEMA_PATH, 'utf8'));
}

export function isPostgresSchemaInSync(): boolean {
  return existsSync(POSTGRES_SCHEMA_PATH) && readFileSync(POSTGRES_SCHEMA_PATH, 'utf8') === expectedPostgresSchema();
}

/** Writes prisma/postgresql/schema.prisma when it differs; returns whether it changed. */
export function syncPostgresSchema(): boolean {
  if (isPostgresSchemaInSync()) return false;
  mkdirSync(path.dirname(POSTGRES_SCHEMA_PATH), { recursive: true });
  writeFileSync(POSTGRES_SCHEMA_PATH, expectedPostgresSchema());
  return true;
}

function main(argv: readonly string[]): number {
  if (argv.includes('--check')) {
    if (isPostgresSchemaInSync()) return 0;
    console.error('prisma/postgresql/schema.prisma is out of date: run npm run db:sync-postgres');
    return 1;
  }
  console.log(syncPostgresSchema() ? 'Updated prisma/postgresql/schema.prisma' : 'prisma/postgresql/schema.prisma is up to date');
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
