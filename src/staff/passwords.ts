import { hash, verify } from '@node-rs/argon2';

// Argon2id with OWASP's baseline (19 MiB, 2 passes): memory-hard, and about 20 ms here, so a login
// stays quick while a stolen table stays expensive to crack.
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch (error) {
    throw new Error('stored password hash is unreadable', { cause: error });
  }
}

/** Verified against when the e-mail is unknown, so the answer takes as long as for a real account. */
let decoy: Promise<string> | null = null;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword('decoy password that never matches');
  return decoy;
}
