import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZaloFiles } from '../../../bot/zalo/zalo-files.ts';
import { toInbound } from '../../../bot/zalo/zalo-updates.ts';
import { silentLogger } from '../../../src/shared/logger.ts';
import { sampleBytes } from '../../support/evidence-bytes.ts';
import { FakeFileServer } from '../../support/fake-file-server.ts';

const jpeg = sampleBytes.jpeg('zalo-photo');
const cdn = new FakeFileServer({ '/photo/abc.jpg': { type: 'image/jpeg', body: jpeg }, '/photo/gone.jpg': { status: 403, type: 'text/plain', body: 'expired' } });

beforeAll(() => cdn.listen());
afterAll(() => cdn.close());

describe('Zalo evidence fetched from the photo URL its update carried', () => {
  it('keeps the URL of a photo as the evidence file id, and downloads it from there', async () => {
    const inbound = toInbound({ event_name: 'message.image.received', message: { from: { id: 'u1' }, chat: { id: 'c1' }, message_id: 'm1', photo: `${cdn.url}/photo/abc.jpg` } });
    const fileId = inbound.kind === 'message' ? inbound.message.attachments?.[0]?.fileId : undefined;
    expect(fileId).toBe(`${cdn.url}/photo/abc.jpg`);
    const files = new ZaloFiles({ logger: silentLogger, allowHttp: true });
    expect(await files.probe(fileId!)).toBe('available');
    const fetched = await files.fetch(fileId!);
    expect(fetched.ok && Buffer.from(fetched.bytes).equals(Buffer.from(jpeg))).toBe(true);
  });

  it('calls an expired link unavailable, and follows no plain-http link or non-URL in a deployment', async () => {
    expect(await new ZaloFiles({ logger: silentLogger, allowHttp: true }).fetch(`${cdn.url}/photo/gone.jpg`)).toEqual({ ok: false, reason: 'unavailable' });
    const deployed = new ZaloFiles({ logger: silentLogger });
    const before = cdn.requests.length;
    expect(await deployed.fetch(`${cdn.url}/photo/abc.jpg`)).toEqual({ ok: false, reason: 'unavailable' });
    expect(await deployed.probe('sticker-123')).toBe('unavailable');
    expect(cdn.requests.length).toBe(before);
  });
});
