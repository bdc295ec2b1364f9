// `npm run staff:add -- --email E --role admin|agent`: creates a console account in the configured
// database (DATABASE_URL), migrating it first if needed. The password is typed at a prompt that does not
// echo it, or read from the first line of standard input when that is not a terminal
// (`printf '%s\n' "$PW" | npm run staff:add -- --email E`). It is never an argument: `--password` is
// refused, since arguments are visible to every user of the machine (ps) and kept in shell histories.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ConfigError, loadConfig } from '../src/config/config.ts';
import { createTranslators, type Translator } from '../src/i18n/translator.ts';
import { passwordProblem, passwordProblemKey } from '../src/staff/password-policy.ts';
import { StaffAccountError, StaffAccounts, emailSchema, staffRoles } from '../src/staff/staff-accounts.ts';
import { PrismaStaffAccounts } from '../src/storage/prisma-staff-accounts.ts';
import { openDatabase } from '../src/storage/database.ts';
import { SecretInputError, promptSecret, readSecretLine } from './secret-input.ts';

const argsSchema = z.object({ email: emailSchema, role: z.enum(staffRoles) });

/** The terminal's language when it is Vietnamese, English otherwise. */
function translator(): Translator {
  const lang = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '';
  return createTranslators()(lang.toLowerCase().startsWith('vi') ? 'vi' : 'en');
}

/** The password, or the reason there is none (already translated). */
async function readPassword(t: Translator, email: string): Promise<{ password: string } | { refused: string }> {
  const stdin = process.stdin;
  try {
    if (!stdin.isTTY) return { password: await readSecretLine(stdin) };
    const first = await promptSecret(t.t('staff.cli.prompt', { email }), stdin, process.stderr);
    // A refused password is reported at once rather than after typing it blind a second time.
    if (passwordProblem(first)) return { password: first };
    const again = await promptSecret(t.t('staff.cli.repeat'), stdin, process.stderr);
    return again === first ? { password: first } : { refused: t.t('staff.cli.mismatch') };
  } catch (error) {
    if (!(error instanceof SecretInputError)) throw error;
    return { refused: t.t(error.reason === 'cancelled' ? 'staff.cli.cancelled' : 'staff.cli.noPassword') };
  }
}

async function main(): Promise<number> {
  const t = translator();
  const argv = process.argv.slice(2);
  // Checked before parsing, so `--password`, `--password=x` and `--password x` all get the reason.
  if (argv.some((arg) => arg === '--password' || arg.startsWith('--password='))) {
    process.stderr.write(`${t.t('staff.cli.passwordArgument')}\n${t.t('staff.cli.usage')}\n`);
    return 2;
  }
  let values: ReturnType<typeof readArgs>;
  try {
    values = readArgs(argv);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${t.t('staff.cli.usage')}\n`);
    return 2;
  }
  const input = argsSchema.safeParse(values);
  if (!input.success) {
    process.stderr.write(`${t.t('staff.cli.usage')}\n${z.prettifyError(input.error)}\n`);
    return 2;
  }
  const read = await readPassword(t, input.data.email);
  if ('refused' in read) {
    process.stderr.write(`${read.refused}\n`);
    return 2;
  }
  const { password } = read;
  const problem = passwordProblem(password);
  if (problem) {
    process.stderr.write(`${t.t(passwordProblemKey[problem])}\n`);
    return 2;
  }
  const config = loadConfig();
  const database = await openDatabase(config.DATABASE_URL);
  try {
    const user = await new StaffAccounts(new PrismaStaffAccounts(database.prisma)).create({ ...input.data, password }, 'cli', new Date());
    process.stdout.write(`${t.t('staff.cli.created', { role: user.role, email: user.email })}\n`);
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

function readArgs(argv: string[]) {
  return parseArgs({ args: argv, options: { email: { type: 'string' }, role: { type: 'string', default: 'agent' } }, strict: true }).values;
}
