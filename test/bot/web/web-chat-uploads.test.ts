import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffConsole } from '../../../bot/staff/staff-console.ts';
import { attachmentsPath, webChatRoutes } from '../../../bot/web/web-chat-routes.ts';
import { createWebServer, listen, type RunningServer } from '../../../bot/web/web-server.ts';
import { silentLogger } from '../../../src/shared/logger.ts';
import { StaffAccounts } from '../../../src/staff/staff-accounts.ts';
import { pngImage, sampleBytes } from '../../support/evidence-bytes.ts';
import { StaffClient } from '../../support/staff-server.ts';
import { createTestApp, type TestApp } from '../../support/test-app.ts';

// Issue 14 item 1: a photo or file attached in the web chat during a complaint becomes evidence the
// staff console shows; limits come from configuration and are checked on the bytes.
const maxBytes = 64 * 1024;
const agent = { email: 'agent@hoibvntd.vn', password: 'nhan-vien-hoi-2026' };
const marker = 'hoa-don-may-store-0007';

let app: TestApp;
let server: RunningServer;

beforeAll(async () => {
  app = await createTestApp({ env: { UPLOAD_MAX_BYTES: String(maxBytes), UPLOAD_ALLOWED_TYPES: 'image/jpeg,image/png,application/pdf' } });
  const chat = webChatRoutes({ engine: app.engine, store: app.store, translators: app.translators, uploads: app.evidence });
  server = await listen(
    createWebServer({ logger: silentLogger, ownBodyLimit: [`/api/chat${attachmentsPath}`], mounts: [{ path: '/api/chat', app: chat }, { path: '/staff', app: staffConsole(app) }] }),
    0,
    '127.0.0.1',
  );
  await new StaffAccounts(app.staffStores.accounts).create({ ...agent, role: 'agent' }, 'test', app.clock.now());
});
afterAll(async () => {
  await server?.close();
  await app?.dispose();
});

interface ChatAnswer {
  readonly replies?: Array<{ text: string }>;
  readonly error?: string;
  readonly message?: string;
}

/** A browser's web chat session: JSON messages and multipart uploads, with its cookie. */
class WebChat {
  cookie = '';
  constructor(private readonly language = 'vi') {}

  async say(text: string): Promise<string> {
    const answer = await this.call('/api/chat/messages', { body: JSON.stringify({ text }), headers: { 'Content-Type': 'application/json' } });
    return answer.body.replies!.map((r) => r.text).join('\n');
  }

  /** A real multipart/form-data body, as the page's FormData sends it. */
  async attach(bytes: Uint8Array, fileName: string, claimedType: string, caption = ''): Promise<{ status: number; body: ChatAnswer }> {
    const form = new FormData();
    form.append('file', new Blob([bytes], { type: claimedType }), fileName);
    form.append('text', caption);
    form.append('messageId', crypto.randomUUID());
    return this.call('/api/chat/attachments', { body: form });
  }

  private async call(path: string, init: { body: string | FormData; headers?: Record<string, string> }): Promise<{ status: number; body: ChatAnswer }> {
    const response = await fetch(`${server.url}${path}`, {
      method: 'POST',
      body: init.body,
      // The server closes a connection whose body it refused (413); a browser opens a new one.
      headers: { ...init.headers, Connection: 'close', 'Accept-Language': this.language, ...(this.cookie ? { Cookie: this.cookie } : {}) },
    });
    const set = response.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0]!;
    return { status: response.status, body: (await response.json()) as ChatAnswer };
  }
}

describe('photos and files in the web chat become complaint evidence staff can open', () => {
  const consumer = new WebChat();
  const photo = pngImage(24, [200, 40, 40], marker);
  let reference = '';
  const staff = () => {
    const client = new StaffClient(server.url);
    return client.login(agent).then(() => client);
  };

  it('keeps a photo and a PDF sent during the intake as evidence, whatever type the browser claimed', async () => {
    await consumer.say('Tôi muốn khiếu nại shop Mây Store trên Shopee: hôm qua mua váy giá 350k, nhận về bị rách, muốn hoàn tiền');
    // The browser calls it a PDF named like a path; the bytes are a PNG, and that is what is kept.
    const first = await consumer.attach(photo, '../../etc/hoa-don.pdf', 'application/pdf');
    expect(first.status).toBe(200);
    expect(first.body.replies!.map((r) => r.text).join('\n')).toMatch(/Đã lưu 1 tệp\/ảnh làm bằng chứng/);
    const second = await consumer.attach(sampleBytes.pdf('bien-nhan'), 'biên nhận.pdf', 'application/pdf', 'biên nhận giao hàng');
    expect(second.status).toBe(200);
    await consumer.say('Phan Thị Yến');
    await consumer.say('0912345678');
    expect(await consumer.say('Đà Nẵng')).toMatch(/Bằng chứng: 2 ảnh\/tệp/);
    await consumer.say('đúng rồi');
    await consumer.say('đồng ý cả hai');
    const filed = await app.db.complaint.findFirstOrThrow({ where: { channel: 'web' } });
    reference = filed.reference;
    // The caption sent while the bot asked for a name described the file; it did not become the name.
    expect(filed.consumerName).toBe('Phan Thị Yến');
    const evidence = (JSON.parse(filed.record) as { evidence: Array<{ kind: string; fileId: string; fileName: string; mimeType: string }> }).evidence;
    expect(evidence.map((e) => [e.kind, e.mimeType, e.fileName])).toEqual([['photo', 'image/png', '../../etc/hoa-don.pdf'], ['document', 'application/pdf', 'biên nhận.pdf']]);
    // Stored under random ids, never under the user's file name.
    expect(evidence.every((e) => /^upload:[0-9a-f-]{36}$/.test(e.fileId))).toBe(true);
    expect(await app.db.evidenceFile.count()).toBe(2);
  });

  it('refuses, politely and in the user\'s language, a file over the cap, a type not allowed, or one that only claims to be a photo', async () => {
    const tooLarge = new Uint8Array(maxBytes + 70 * 1024);
    tooLarge.set(sampleBytes.jpeg());
    expect(await consumer.attach(tooLarge, 'anh-to.jpg', 'image/jpeg')).toEqual({ status: 413, body: { error: 'payload_too_large', message: expect.stringContaining('tới 64 KB') } });
    const svg = await consumer.attach(new Uint8Array(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')), 'anh.jpg', 'image/jpeg');
    expect(svg).toEqual({ status: 415, body: { error: 'unsupported_type', message: expect.stringContaining('JPG, PNG, PDF') } });
    expect((await consumer.attach(sampleBytes.gif(), 'dong.gif', 'image/gif')).status).toBe(415);
    expect((await consumer.attach(new Uint8Array(), 'rong.jpg', 'image/jpeg')).body.message).toMatch(/không có nội dung/);
    const english = new WebChat('en');
    expect((await english.attach(new Uint8Array(Buffer.from('#!/bin/sh')), 'x.png', 'image/png')).body.message).toMatch(/^I could not keep this file: I accept photos and PDF files/);
    expect(await app.db.evidenceFile.count()).toBe(2);
  });

  it('shows the photo inline and offers the PDF as a download on the complaint page, each opening audited', async () => {
    const client = await staff();
    const { html } = await client.page(`/staff/complaints/${reference}`);
    expect(html).toContain(`<img class="evidence-thumb" src="/staff/complaints/${reference}/evidence/0"`);
    expect(html).toContain(`href="/staff/complaints/${reference}/evidence/1?download=1"`);
    expect(html).toContain('biên nhận.pdf');

    const image = await client.request(`/staff/complaints/${reference}/evidence/0`);
    expect(image.status).toBe(200);
    expect(Object.fromEntries(['content-type', 'content-disposition', 'x-content-type-options', 'cache-control'].map((h) => [h, image.headers.get(h)]))).toEqual({
      'content-type': 'image/png',
      'content-disposition': `inline; filename="bang-chung-${reference}-1.png"`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    expect(Buffer.from(await image.arrayBuffer()).equals(photo)).toBe(true);
    const pdf = await client.request(`/staff/complaints/${reference}/evidence/1?download=1`);
    expect([pdf.headers.get('content-type'), pdf.headers.get('content-disposition')]).toEqual(['application/pdf', `attachment; filename="bang-chung-${reference}-2.pdf"`]);
    const audited = await app.db.auditLog.findMany({ where: { action: 'complaint.evidence', target: reference }, orderBy: { id: 'asc' } });
    expect(audited.map((a) => [a.actor, JSON.parse(a.detail)])).toEqual([
      [agent.email, { index: 0, served: true, download: false }],
      [agent.email, { index: 1, served: true, download: true }],
    ]);
  });

  it('keeps the files behind the staff session', async () => {
    const anonymous = await fetch(`${server.url}/staff/complaints/${reference}/evidence/0`, { redirect: 'manual' });
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toContain('/staff/login');
  });

  it('erases the bytes with /xoadulieu, and the page then says the file is gone', async () => {
    await consumer.say('/xoadulieu');
    expect(await consumer.say('có')).toMatch(/Đã xóa/);
    expect(await app.db.evidenceFile.count()).toBe(0);
    const client = await staff();
    const opened = await client.request(`/staff/complaints/${reference}/evidence/0`);
    // The anonymised shell keeps no evidence list at all.
    expect(opened.status).toBe(404);
  });
});
