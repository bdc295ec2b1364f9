import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TelegramFiles } from '../../../bot/telegram/telegram-files.ts';
import { EvidenceFiles } from '../../../src/evidence/evidence-files.ts';
import type { EvidenceStore } from '../../../src/evidence/evidence-store.ts';
import { silentLogger } from '../../../src/shared/logger.ts';
import { pngImage } from '../../support/evidence-bytes.ts';
import { FakeFileServer } from '../../support/fake-file-server.ts';

const token = '123456:TEST-telegram-token';
const photo = pngImage(8);
const api = new FakeFileServer({
  [`/bot${token}/getFile?file_id=AgAD-photo-1`]: { type: 'application/json', body: JSON.stringify({ ok: true, result: { file_id: 'AgAD-photo-1', file_path: 'photos/file_7.jpg' } }) },
  [`/bot${token}/getFile?file_id=AgAD-expired`]: { status: 400, type: 'application/json', body: JSON.stringify({ ok: false, error_code: 400, description: 'Bad Request: wrong file_id or the file is temporarily unavailable' }) },
  [`/file/bot${token}/photos/file_7.jpg`]: { type: 'application/octet-stream', body: photo },
});
const noUploads: EvidenceStore = { save: () => Promise.reject(new Error('not used')), read: () => Promise.resolve(null), exists: () => Promise.resolve(false) };
const photoOf = (fileId: string) => ({ kind: 'photo', fileId });

beforeAll(() => api.listen());
afterAll(() => api.close());

describe('Telegram evidence fetched for the console', () => {
  it('asks getFile for the path, then downloads the bytes, and reads their type from them', async () => {
    const files = new EvidenceFiles(noUploads, { telegram: new TelegramFiles({ token, apiRoot: api.url, logger: silentLogger }) });
    expect(await files.availability('telegram', photoOf('AgAD-photo-1'))).toBe('available');
    const opened = await files.open('telegram', photoOf('AgAD-photo-1'));
    expect(opened.ok && [opened.type, Buffer.from(opened.bytes).equals(photo)]).toEqual(['image/png', true]);
  });

  it('says a file is unavailable when Telegram no longer has it, and not configured without a token', async () => {
    const files = new EvidenceFiles(noUploads, { telegram: new TelegramFiles({ token, apiRoot: api.url, logger: silentLogger }) });
    expect(await files.availability('telegram', photoOf('AgAD-expired'))).toBe('unavailable');
    expect(await files.open('telegram', photoOf('AgAD-expired'))).toEqual({ ok: false, reason: 'unavailable' });
    const before = api.requests.length;
    const unconfigured = new EvidenceFiles(noUploads, { telegram: new TelegramFiles({ token: undefined, apiRoot: api.url, logger: silentLogger }) });
    expect(await unconfigured.availability('telegram', photoOf('AgAD-photo-1'))).toBe('notConfigured');
    expect(await unconfigured.open('telegram', photoOf('AgAD-photo-1'))).toEqual({ ok: false, reason: 'notConfigured' });
    expect(api.requests.length).toBe(before);
  });

  it('opens nothing for a location or a sticker', async () => {
    const files = new EvidenceFiles(noUploads, { telegram: new TelegramFiles({ token, apiRoot: api.url, logger: silentLogger }) });
    expect(await files.availability('telegram', { kind: 'location', fileId: 'geo:12.2,109.2' })).toBe('notAFile');
    expect(await files.open('telegram', { kind: 'sticker', fileId: 'CAAD-sticker' })).toEqual({ ok: false, reason: 'notAFile' });
  });
});
