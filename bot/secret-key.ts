import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SecretBox, SecretBoxError } from '../src/shared/secret-box.ts';

/** The key file's name in DATA_DIR, when STAFF_SECRET_KEY is not set. */
export const secretKeyFileName = 'secret.key';

/**
 * The key that seals secrets in the database: STAFF_SECRET_KEY (64 hex digits or base64 of 32 bytes)
 * when set, as a deployment with its database elsewhere should; otherwise a key file created once in
 * DATA_DIR (mode 600), so `npm start` needs no setting and a copy of the database alone opens nothing.
 * Two processes starting at once agree: the first to create the file wins and the other reads it.
 */
export async function loadSecretBox(options: { readonly key: string | undefined; readonly dataDir: string }): Promise<SecretBox> {
  if (options.key) return new SecretBox(parseKey(options.key));
  const file = path.join(options.dataDir, secretKeyFileName);
  await mkdir(options.dataDir, { recursive: true });
  // Written whole under a temporary name, then linked into place: link never replaces an existing
  // file, so a process reading the key never sees a half-written one.
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  try {
    await writeFile(draft, `${randomBytes(32).toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
    await link(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new SecretBoxError(`could not create the key file ${file}`, { cause: error });
  } finally {
    // Gone already when writing it failed; nothing else can be wrong with removing a draft.
    await unlink(draft).catch(() => undefined);
  }
  return new SecretBox(parseKey((await readFile(file, 'utf8')).trim()));
}

function parseKey(text: string): Buffer {
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== 32) throw new SecretBoxError('STAFF_SECRET_KEY must be 32 bytes: 64 hex digits or their base64');
  return key;
}
