import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../src/dialogue/messages.ts';
import { createTestApp } from '../support/test-app.ts';
import type { TestApp } from '../support/test-app.ts';

/** The flow inside the real engine and app graph: what script mode cannot carry (files, buttons, other languages). */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ now: new Date('2025-03-10T02:00:00Z') });
}, 120_000);
afterAll(() => app.dispose());

const say = async (externalId: string, text: string, extra: Partial<InboundMessage> = {}) => {
  const result = await app.engine.handle({ channel: 'telegram', externalId, text, ...extra });
  return { ...result, text: result.replies.map((r) => r.text).join('\n---\n') };
};

describe('the complaint flow in the engine', () => {
  it('keeps photos and files as evidence, with or without words', async () => {
    await say('ev', 'Tôi muốn khiếu nại shop Mây Store trên Shopee: hôm qua mua váy giá 350k, nhận về bị rách, muốn hoàn tiền', {
      attachments: [{ kind: 'photo', fileId: 'photo-1', mimeType: 'image/jpeg' }],
    });
    const fileOnly = await say('ev', '', { attachments: [{ kind: 'document', fileId: 'doc-2', fileName: 'hoa-don.pdf', mimeType: 'application/pdf' }] });
    expect(fileOnly.text).toMatch(/Đã lưu 1 tệp\/ảnh làm bằng chứng/);
    expect(fileOnly.text).toMatch(/họ tên/);
    await say('ev', 'Phan Thị Yến');
    await say('ev', '0912345678');
    const summary = await say('ev', 'Đà Nẵng');
    expect(summary.text).toMatch(/Bằng chứng: 2 ảnh\/tệp/);
    await say('ev', 'đúng rồi');
    const filed = await say('ev', 'đồng ý cả hai');
    const [record] = await app.engine.records(filed.conversationId);
    expect(record?.data).toMatchObject({
      evidence: [
        { kind: 'photo', fileId: 'photo-1', mimeType: 'image/jpeg' },
        { kind: 'document', fileId: 'doc-2', fileName: 'hoa-don.pdf' },
      ],
    });
    const letter = filed.replies.at(-1)!;
    expect(letter.file?.mimeType).toBe('application/pdf');
    expect(letter.text).toMatch(/Tài liệu, bằng chứng kèm theo: 2 ảnh\/tệp/);

    // The letter again, from the status list.
    const reference = (record?.data as { reference: string }).reference;
    const status = await say('ev', '/khieunai status');
    expect(status.replies[0]?.options?.map((o) => o.id)).toEqual([`complaint.letter:${reference}`, `complaint.withdraw:${reference}`]);
    const again = await say('ev', '', { choice: `complaint.letter:${reference}` });
    expect(again.replies.at(-1)?.file?.fileName).toBe(`don-yeu-cau-thuong-luong-${reference}.pdf`);
  });

  it('takes buttons for the purchase channel, the wished resolution and the consent', async () => {
    await say('btn', '/khieunai Tôi mua bộ bàn ghế gỗ của Nội Thất Hòa Phát ngày 3/3 giá 4tr, giao tới thì gãy chân');
    const channel = await say('btn', '', { choice: 'complaint.channel.online' });
    expect(channel.text).toMatch(/Trực tuyến/);
    await say('btn', '', { choice: 'complaint.want.repair' });
    await say('btn', 'Kiều Văn Sơn');
    await say('btn', 'son.kieu@example.com');
    await say('btn', 'Lâm Đồng');
    await say('btn', '', { choice: 'complaint.confirm' });
    const filed = await say('btn', '', { choice: 'complaint.consent.agency' });
    const [record] = await app.engine.records(filed.conversationId);
    expect(record?.data).toMatchObject({
      purchaseChannel: 'online',
      desiredResolution: ['repair'],
      consumer: { email: 'son.kieu@example.com', phone: null, province: 'Lâm Đồng' },
      consent: { shareWithBusiness: false, shareWithAgency: true },
    });
  });

  it('speaks English to an English user and still writes the letter in Vietnamese', async () => {
    await say('en', '/en');
    const first = await say('en', '/khieunai');
    expect(first.text).toMatch(/I will help you write a complaint/);
    const second = await say('en', 'Tôi mua quạt điện ở siêu thị Điện Máy Xanh hôm qua giá 900k, quạt không chạy');
    expect(second.text).toMatch(/Noted: .*amount: 900\.000 đ/);
  });

  it('resumes the open draft on /khieunai, and starts afresh on /khieunai moi', async () => {
    await say('resume', '/khieunai Tôi mua máy sấy tóc ở cửa hàng Tóc Đẹp hôm qua giá 700k, dùng 1 lần thì cháy');
    const resumed = await say('resume', '/khieunai');
    expect(resumed.text).toMatch(/đang soạn dở[\s\S]*giải quyết thế nào/);
    const fresh = await say('resume', '/khieunai moi');
    expect(fresh.text).toMatch(/kể ngắn gọn/);
  });

  it('shows the status list in the middle of a draft and goes back to the question', async () => {
    await say('detour', '/khieunai Tôi mua nồi cơm điện ở siêu thị hôm qua giá 1tr, nấu bị khê');
    const status = await say('detour', '/khieunai status');
    expect(status.text).toMatch(/chưa có khiếu nại nào[\s\S]*Tên cửa hàng/);
  });

  it('leaves law questions about complaints to the answerer', async () => {
    const answer = await say('question', 'khiếu nại shop online ở đâu thì được giải quyết?');
    expect(answer.text).not.toMatch(/soạn đơn khiếu nại/);
  });

  it('lets the user cancel a draft', async () => {
    await say('cancel', 'shop lừa tôi, muốn khiếu nại');
    const cancelled = await say('cancel', 'hủy');
    expect(cancelled.text).toMatch(/Đã hủy/);
    await say('cancel', '/khieunai Hôm qua tôi mua bàn ủi ở siêu thị Điện Máy Chợ Lớn giá 600k, dùng 1 lần thì hỏng');
    const away = await say('cancel', '/start');
    expect(away.text).toMatch(/Đã bỏ bản khiếu nại đang soạn dở/);
  });
});
