import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { promptSecret, readSecretLine, SecretInputError, type RawInput } from '../../scripts/secret-input.ts';
import { verifyPassword } from '../../src/staff/passwords.ts';
import { projectRoot } from '../support/knowledge.ts';
import { openTempDatabase, type TempDatabase } from '../support/temp-database.ts';

// Item 2: `npm run staff:add` never takes the password as an argument (visible in ps, kept in shell
// history); it reads it from a prompt without echo, or from standard input when that is not a TTY.
let database: TempDatabase;

beforeAll(async () => {
  database = await openTempDatabase();
});
afterAll(async () => {
  await database.dispose();
});

function staffAdd(args: string[], stdin: string | null): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('scripts', 'staff-add.ts'), ...args], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATABASE_URL: database.url, LANG: 'C.UTF-8' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  child.stdin.end(stdin ?? '');
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

describe('npm run staff:add', () => {
  it('refuses a password given as an argument, in every spelling, and says why', async () => {
    for (const args of [
      ['--email', 'a@hoibvntd.vn', '--password', 'mot cau rat dai va rieng'],
      ['--email', 'a@hoibvntd.vn', '--password=mot cau rat dai va rieng'],
      ['--email', 'a@hoibvntd.vn', '--role', 'admin', '--password'],
    ]) {
      const run = await staffAdd(args, 'mot cau rat dai va rieng\n');
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toContain('--password is refused');
      expect(run.stderr).toContain('shell history');
      expect(run.stdout).toBe('');
    }
    expect(await database.prisma.staffUser.count()).toBe(0);
  });

  it('reads the password from standard input when it is not a terminal, and keeps --email and --role', async () => {
    const run = await staffAdd(['--email', 'Quan.Tri@HoiBVNTD.vn', '--role', 'admin'], 'mot cau rat dai va rieng\n');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Created admin quan.tri@hoibvntd.vn');
    const user = await database.prisma.staffUser.findUniqueOrThrow({ where: { email: 'quan.tri@hoibvntd.vn' } });
    expect(user.role).toBe('admin');
    expect(await verifyPassword(user.passwordHash, 'mot cau rat dai va rieng')).toBe(true);
  });

  it('refuses a weak or missing password from standard input with a clear message', async () => {
    for (const [stdin, message] of [
      ['1234567890\n', 'at least 12 characters'],
      ['password12\n', 'at least 12 characters'],
      [`${' '.repeat(10)}\n`, 'at least 12 characters'],
      ['Password2026!\n', 'list of common passwords'],
      ['', 'No password on standard input'],
    ] as const) {
      const run = await staffAdd(['--email', 'nv@hoibvntd.vn'], stdin);
      expect(run.code, JSON.stringify(stdin)).toBe(2);
      expect(run.stderr).toContain(message);
    }
    expect(await database.prisma.staffUser.findUnique({ where: { email: 'nv@hoibvntd.vn' } })).toBeNull();
  });
});

class FakeTty extends EventEmitter implements RawInput {
  raw: boolean[] = [];
  setRawMode(mode: boolean) {
    this.raw.push(mode);
    return this;
  }
  setEncoding() {
    return this;
  }
  resume() {
    return this;
  }
  pause() {
    return this;
  }
  type(text: string) {
    this.emit('data', text);
  }
}

describe('the password prompt', () => {
  it('echoes nothing of what is typed, handles backspace and stops raw mode', async () => {
    const tty = new FakeTty();
    let shown = '';
    const answer = promptSecret('Password: ', tty, { write: (text: string) => (shown += text) });
    tty.type('mot cau');
    tty.type('x\u007f rieng\u001b[200~ pasted\u001b[201~');
    tty.type('\r');
    expect(await answer).toBe('mot cau rieng pasted');
    expect(shown).toBe('Password: \n');
    expect(tty.raw).toEqual([true, false]);
    expect(tty.listenerCount('data')).toBe(0);
  });

  it('gives up on Ctrl-C', async () => {
    const tty = new FakeTty();
    const answer = promptSecret('Password: ', tty, { write: () => true });
    tty.type('abc\u0003');
    await expect(answer).rejects.toThrow(SecretInputError);
    expect(tty.raw).toEqual([true, false]);
  });

  it('takes the first line of piped input as it is, spaces included', async () => {
    async function* chunks() {
      yield Buffer.from('  mot cau ');
      yield 'rieng  \r\nsecond line\n';
    }
    expect(await readSecretLine(chunks())).toBe('  mot cau rieng  ');
  });
});
