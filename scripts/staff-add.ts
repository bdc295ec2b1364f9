// `npm run staff:add -- --email E --password P --role admin|agent`: creates a console account in the
// configured database (DATABASE_URL), migrating it first if needed.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ConfigError, loadConfig } from '../src/config/config.ts';
import { StaffAccountError, StaffAccounts, newStaffSchema } from '../src/staff/staff-accounts.ts';
import { openDatabase } from '../src/storage/database.ts';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { email: { type: 'string' }, password: { type: 'string' }, role: { type: 'string', default: 'agent' } }, strict: true });
  const input = newStaffSchema.safeParse(values);
  if (!input.success) {
    process.stderr.write(`Usage: npm run staff:add -- --email E --password P --role admin|agent\n${z.prettifyError(input.error)}\n`);
    return 2;
  }
  const config = loadConfig();
  const database = await openDatabase(config.DATABASE_URL);
  try {
    const user = await new StaffAccounts(database.prisma).create(input.data, 'cli', new Date());
    process.stdout.write(`Created ${user.role} ${user.email}\n`);
    return 0;
  } catch (error) {
    if (error instanceof StaffAccountError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof ConfigError ? error.message : error instanceof Error ? `${error.name}: ${error.message}` : String(error)}\n`);
    process.exitCode = 1;
  },
);
