import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSecretBox, secretKeyFileName } from '../../bot/secret-key.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'bvntd-key-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the key that seals secrets in the database', () => {
  it('is created once in DATA_DIR, readable by its owner only, and the same for every process that starts', async () => {
    const dataDir = path.join(dir, 'data');
    const boxes = await Promise.all(Array.from({ length: 6 }, () => loadSecretBox({ key: undefined, dataDir })));
    const sealed = boxes[0]!.seal('JBSWY3DPEHPK3PXP');
    for (const box of boxes) expect(box.open(sealed)).toBe('JBSWY3DPEHPK3PXP');
    expect(statSync(path.join(dataDir, secretKeyFileName)).mode & 0o777).toBe(0o600);
    const again = await loadSecretBox({ key: undefined, dataDir });
    expect(again.open(sealed)).toBe('JBSWY3DPEHPK3PXP');
  });

  it('comes from STAFF_SECRET_KEY when set, as hex or base64, and refuses a key of the wrong size', async () => {
    const hex = 'ab'.repeat(32);
    const fromHex = await loadSecretBox({ key: hex, dataDir: dir });
    const fromBase64 = await loadSecretBox({ key: Buffer.from(hex, 'hex').toString('base64'), dataDir: dir });
    expect(fromBase64.open(fromHex.seal('x'))).toBe('x');
    await expect(loadSecretBox({ key: 'short', dataDir: dir })).rejects.toThrow(/32 bytes/);
  });
});
