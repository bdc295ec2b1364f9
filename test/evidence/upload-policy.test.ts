import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { checkUpload } from '../../src/evidence/upload-policy.ts';
import { sampleBytes } from '../support/evidence-bytes.ts';

const policy = { maxBytes: 2048, allowedTypes: ['image/jpeg', 'image/png', 'application/pdf'] as const };

describe('upload limits', () => {
  it('accepts an allowed type within the cap, as a photo or a document', () => {
    expect(checkUpload(sampleBytes.jpeg(), policy)).toEqual({ ok: true, mimeType: 'image/jpeg', kind: 'photo' });
    expect(checkUpload(sampleBytes.pdf(), policy)).toEqual({ ok: true, mimeType: 'application/pdf', kind: 'document' });
  });

  it('refuses an empty file, one over the cap (by one byte), and a type not on the list', () => {
    expect(checkUpload(new Uint8Array(), policy)).toEqual({ ok: false, refused: 'empty' });
    const atCap = new Uint8Array(2048);
    atCap.set(sampleBytes.png());
    expect(checkUpload(atCap, policy).ok).toBe(true);
    const over = new Uint8Array(2049);
    over.set(sampleBytes.png());
    expect(checkUpload(over, policy)).toEqual({ ok: false, refused: 'tooLarge' });
    expect(checkUpload(sampleBytes.webp(), policy)).toEqual({ ok: false, refused: 'type' });
    expect(checkUpload(new Uint8Array(Buffer.from('<svg onload="alert(1)"/>')), policy)).toEqual({ ok: false, refused: 'type' });
  });

  it('takes its limits from validated configuration, refusing unknown types and absurd sizes', () => {
    const config = loadConfig({});
    expect(config.UPLOAD_MAX_BYTES).toBe(10 * 1024 * 1024);
    expect(config.UPLOAD_ALLOWED_TYPES).toEqual(['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'application/pdf']);
    expect(loadConfig({ UPLOAD_ALLOWED_TYPES: ' image/PNG , application/pdf ' }).UPLOAD_ALLOWED_TYPES).toEqual(['image/png', 'application/pdf']);
    expect(() => loadConfig({ UPLOAD_ALLOWED_TYPES: 'image/svg+xml' })).toThrow(/UPLOAD_ALLOWED_TYPES/);
    expect(() => loadConfig({ UPLOAD_ALLOWED_TYPES: '' })).toThrow(/UPLOAD_ALLOWED_TYPES/);
    expect(() => loadConfig({ UPLOAD_MAX_BYTES: '100' })).toThrow(/UPLOAD_MAX_BYTES/);
  });
});
