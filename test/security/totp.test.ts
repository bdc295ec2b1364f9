import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, groupedKey, hotp, otpauthUri, totpCode, verifyTotp } from '../../src/staff/totp.ts';

// RFC 6238 Appendix B (SHA-1 rows) and RFC 4226 Appendix D: the published vectors, not our own output.
const rfcKey = Buffer.from('12345678901234567890', 'ascii');
const rfcSecret = base32Encode(rfcKey);

describe('TOTP (RFC 6238) on node:crypto', () => {
  it('gives RFC 4226 HOTP values for counters 0-9', () => {
    expect(Array.from({ length: 10 }, (_, i) => hotp(rfcKey, i))).toEqual(['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489']);
  });

  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ])('gives the RFC 6238 SHA-1 code at T=%i', (seconds, code) => {
    expect(totpCode(rfcSecret, new Date(seconds * 1000), 8)).toBe(code);
  });

  it('round-trips base32 as authenticator apps write keys', () => {
    expect(rfcSecret).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(base32Decode('gezd gnbv-gy3t qojq gezd gnbv gy3t qojq').equals(rfcKey)).toBe(true);
    expect(() => base32Decode('not base32 1!')).toThrow(RangeError);
    expect(groupedKey('ABCDEFGHIJ')).toBe('ABCD EFGH IJ');
  });

  it('accepts the step either side of now, once each, and nothing further', () => {
    const at = new Date(1_763_890_000_000);
    const step = Math.floor(at.getTime() / 30_000);
    const code = (offset: number) => hotp(rfcKey, step + offset);
    expect(verifyTotp(rfcSecret, code(0), at, null)).toBe(step);
    expect(verifyTotp(rfcSecret, code(-1), at, null)).toBe(step - 1);
    expect(verifyTotp(rfcSecret, ` ${code(1).slice(0, 3)} ${code(1).slice(3)} `, at, null)).toBe(step + 1);
    expect(verifyTotp(rfcSecret, code(2), at, null)).toBeNull();
    expect(verifyTotp(rfcSecret, code(-2), at, null)).toBeNull();
    // Replay: a code of a step already used (or an older one) is refused.
    expect(verifyTotp(rfcSecret, code(0), at, step)).toBeNull();
    expect(verifyTotp(rfcSecret, code(-1), at, step - 1)).toBeNull();
    expect(verifyTotp(rfcSecret, code(1), at, step)).toBe(step + 1);
    expect(verifyTotp(rfcSecret, 'abcdef', at, null)).toBeNull();
  });

  it('writes the otpauth URI authenticator apps read', () => {
    expect(otpauthUri('BVNTD Console', 'lan@hoi.vn', 'JBSWY3DPEHPK3PXP')).toBe('otpauth://totp/BVNTD%20Console:lan%40hoi.vn?secret=JBSWY3DPEHPK3PXP&issuer=BVNTD+Console&algorithm=SHA1&digits=6&period=30');
  });
});
