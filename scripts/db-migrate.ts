// Applies pending migrations to a database without starting the application (deploy step, ops):
//   DATABASE_URL=file:./data/bvntd.db npm run db:migrate      or      npm run db:migrate -- --url <url>
// The application does the same on start-up; this exists to migrate ahead of a rolling restart.
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/storage/database.ts';
import { redactDatabaseUrl } from '../src/storage/storage-errors.ts';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { url: { type: 'string' } }, strict: true });
  const databaseUrl = values.url ?? process.env.DATABASE_URL;
  if (databaseUrl === undefined || databaseUrl === '') {
    console.error('db:migrate: set DATABASE_URL or pass --url <database url>.');
    process.exitCode = 2;
    return;
  }
  const database = await openDatabase(databaseUrl);
  try {
    const report = database.migrations;
    console.log(
      `${redactDatabaseUrl(databaseUrl)} (${database.provider}): applied ${report?.applied.length ?? 0} ` +
        `[${report?.applied.join(', ') ?? ''}], ${report?.alreadyApplied.length ?? 0} already applied.`,
    );
  } finally {
    await database.close();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
