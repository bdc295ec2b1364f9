import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isSealed, SecretBox, SecretBoxError } from '../../src/shared/secret-box.ts';

describe('SecretBox', () => {
  const box = new SecretBox(randomBytes(32));

  it('seals a value so that it opens again only with the same key, a new IV each time', () => {
    const sealed = box.seal('JBSWY3DPEHPK3PXP');
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(box.seal('JBSWY3DPEHPK3PXP')).not.toBe(sealed);
    expect(box.open(sealed)).toBe('JBSWY3DPEHPK3PXP');
    expect(() => new SecretBox(randomBytes(32)).open(sealed)).toThrow(SecretBoxError);
  });

  it('refuses a sealed value changed in the database instead of opening it to something else', () => {
    const sealed = box.seal('JBSWY3DPEHPK3PXP');
    const [iv, tag, body] = sealed.slice('sealed:v1:'.length).split('.');
    const flipped = Buffer.from(body!, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => box.open(`sealed:v1:${iv}.${tag}.${flipped.toString('base64url')}`)).toThrow(SecretBoxError);
  });

  it('reads a value stored before sealing as it is, and wants a 32-byte key', () => {
    expect(box.open('JBSWY3DPEHPK3PXP')).toBe('JBSWY3DPEHPK3PXP');
    expect(() => new SecretBox(randomBytes(16))).toThrow(SecretBoxError);
  });
});
