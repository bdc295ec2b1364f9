// Generates both Prisma clients (generated/prisma for SQLite, generated/prisma-postgresql) offline.
// Runs on postinstall, so a fresh `npm ci` leaves a working client; also `npm run db:generate`.
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readlinkSync, symlinkSync, unlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isPostgresSchemaInSync, POSTGRES_SCHEMA_PATH, SQLITE_SCHEMA_PATH, syncPostgresSchema } from './db-sync-postgres-schema.ts';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

export class ClientGenerationError extends Error {
  override readonly name = 'ClientGenerationError';
}

function prisma7Cli(): string | undefined {
  try {
    return path.join(path.dirname(require.resolve('prisma/package.json')), 'build', 'index.js');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') return undefined;
    throw error;
  }
}

/**
 * The "prisma-migrate" alias (Prisma 6, for offline SQL diffs) also declares a `prisma` bin, and npm may
 * link node_modules/.bin/prisma to it; `npx prisma …` must stay Prisma 7, so the link is pointed back.
 */
function repairPrismaBinLink(): void {
  const link = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'prisma');
  if (!existsSync(link) || !lstatSync(link).isSymbolicLink()) return;
  if (!readlinkSync(link).includes('prisma-migrate')) return;
  unlinkSync(link);
  symlinkSync(path.join('..', 'prisma', 'build', 'index.js'), link);
  console.log('db:generate: pointed node_modules/.bin/prisma back at Prisma 7 (the prisma-migrate alias had taken it).');
}

export function generateClients(): void {
  const cli = prisma7Cli();
  if (cli === undefined) {
    // Production installs (--omit=dev) have no Prisma CLI; openDatabase names the fix if the client is missing.
    console.warn('db:generate: the prisma CLI is not installed (dev dependencies omitted?); no client generated.');
    return;
  }
  repairPrismaBinLink();
  if (process.env.CI === undefined) {
    if (syncPostgresSchema()) {
      console.warn(`db:generate: updated ${path.relative(PROJECT_ROOT, POSTGRES_SCHEMA_PATH)} from prisma/schema.prisma; commit it.`);
    }
  } else if (!isPostgresSchemaInSync()) {
    // CI must test the committed file, so it is not rewritten here; the schema-sync test reports it.
    console.warn('db:generate: prisma/postgresql/schema.prisma is out of date (not rewritten under CI).');
  }
  for (const schema of [SQLITE_SCHEMA_PATH, POSTGRES_SCHEMA_PATH]) {
    const result = spawnSync(process.execPath, [cli, 'generate', '--schema', schema], {
      cwd: PROJECT_ROOT,
      stdio: 'inherit',
      env: {
        ...process.env,
        // `prisma generate` only checks that a schema engine file exists before it would download one;
        // generation itself is WebAssembly. Any existing executable satisfies the check.
        PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
        CHECKPOINT_DISABLE: '1',
        PRISMA_HIDE_UPDATE_MESSAGE: '1',
      },
    });
    if (result.error !== undefined) {
      throw new ClientGenerationError(`prisma generate --schema ${schema} could not start`, { cause: result.error });
    }
    if (result.status !== 0) {
      throw new ClientGenerationError(`prisma generate --schema ${schema} exited with ${result.status ?? result.signal}`);
    }
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  generateClients();
}
