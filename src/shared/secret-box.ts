import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** What a sealed value starts with: a value without it was stored before sealing (read as it is). */
const prefix = 'sealed:v1:';

export class SecretBoxError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'SecretBoxError';
  }
}

/**
 * Seals small secrets kept in the database (staff TOTP keys) with AES-256-GCM under a key kept
 * outside it (STAFF_SECRET_KEY, or a key file in DATA_DIR): a copy of the database, a backup or a
 * dump then yields no second factor. Each value has its own random IV; the tag makes a value changed
 * in the database fail to open rather than open to something else.
 */
export class SecretBox {
  constructor(private readonly key: Uint8Array) {
    if (key.length !== 32) throw new SecretBoxError(`a secret box needs a 32-byte key, not ${key.length} bytes`);
  }

  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${prefix}${[iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.')}`;
  }

  open(stored: string): string {
    if (!isSealed(stored)) return stored;
    const [iv, tag, body] = stored.slice(prefix.length).split('.').map((p) => Buffer.from(p, 'base64url'));
    if (!iv || !tag || !body) throw new SecretBoxError('a sealed value is malformed');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    } catch (error) {
      throw new SecretBoxError('a sealed value does not open with this key (another STAFF_SECRET_KEY or key file?)', { cause: error });
    }
  }
}

export function isSealed(stored: string): boolean {
  return stored.startsWith(prefix);
}
