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
    const reference = (record?.data as { reference: string } | undefined)?.reference;
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

describe('questions, corrections and endings as people answer them', () => {
  /** Tells a full story and reaches the summary. */
  const toSummary = async (id: string) => {
    await say(id, '/khieunai Hôm qua tôi mua nồi chiên ở cửa hàng Gia Dụng Minh Anh giá 1tr2, dùng 2 lần thì hỏng, muốn đổi cái khác hoặc sửa chữa');
    let summary = await say(id, 'Tôi tên Lê Thu Hà, sđt 0903123456, ở Khánh Hòa');
    if (!/Tóm tắt/.test(summary.text)) summary = await say(id, '', { choice: 'complaint.channel.in_store' });
    expect(summary.text).toMatch(/Tóm tắt khiếu nại/);
    return summary;
  };
  const stateOf = async (id: string) => {
    const c = await app.store.findOrCreate('telegram', id, undefined, new Date());
    return { state: c.state, data: c.stateData as { asked?: string; skipped?: string[]; draft?: Record<string, unknown> } };
  };

  it('asks a question at most twice, the second time differently with Skip, then moves on', async () => {
    const first = await say('twice', '/khieunai Shop lừa tôi, hàng nhận về không giống hình, muốn hoàn tiền');
    expect(first.text).toMatch(/sản phẩm hoặc dùng dịch vụ gì/);
    expect(first.replies.at(-1)?.options?.map((o) => o.id)).toContain('complaint.skip');
    const second = await say('twice', 'ừ');
    expect(second.text).toMatch(/Vài chữ là đủ/);
    const third = await say('twice', 'đúng');
    expect(third.text).toMatch(/bỏ qua mục này/);
    expect((await stateOf('twice')).data.asked).not.toBe('product');
  });

  it('never stores a self-introduction as the shop: it fills who and where, and asks again', async () => {
    await say('intro', '/khieunai Tôi mua nồi cơm điện bị hỏng sau 3 ngày, muốn đổi cái khác');
    const reply = await say('intro', 'Tôi tên Trần Thị Mai, số điện thoại 0903123456, ở Khánh Hòa');
    const { data } = await stateOf('intro');
    expect(data.draft).toMatchObject({ consumerName: 'Trần Thị Mai', phone: '0903123456', province: 'Khánh Hòa', businessName: null });
    expect(reply.text).toMatch(/bên bán|cửa hàng/i);
  });

  it('skips an optional question on "không rõ" and files without it', async () => {
    await say('skip', '/khieunai Tuần trước tôi mua tai nghe ở shop Âm Thanh Số trên Shopee giá 450k, một bên không nghe, muốn hoàn tiền');
    let reply = await say('skip', 'không rõ');
    for (let i = 0; i < 6 && !/Tóm tắt/.test(reply.text); i++) reply = await say('skip', 'không rõ');
    expect(reply.text).toMatch(/Người khiếu nại: chưa rõ — chưa rõ — chưa rõ/);
    await say('skip', 'đúng rồi');
    const filed = await say('skip', 'chỉ lưu');
    const [record] = await app.engine.records(filed.conversationId);
    expect(record?.data).toMatchObject({ consumer: { name: null, phone: null, email: null, province: null }, amountVnd: 450000, business: { name: 'Âm Thanh Số', platform: 'Shopee' } });
  });

  it('takes "bên bán là X", "sai số điện thoại, đúng là …" and "bỏ yêu cầu …" at the summary, and shows it again', async () => {
    await toSummary('fix');
    const seller = await say('fix', 'bên bán là Điện Gia Dụng Minh Anh Nha Trang');
    expect(seller.text).toMatch(/Bên bán: Điện Gia Dụng Minh Anh Nha Trang/);
    const phone = await say('fix', 'sai số điện thoại, đúng là 0903 123 457');
    expect(phone.text).toMatch(/0903123457/);
    const removed = await say('fix', 'bỏ yêu cầu sửa chữa');
    expect(removed.text).toMatch(/Yêu cầu: Đổi sản phẩm\n/);
    const { data } = await stateOf('fix');
    // Corrections change the record, never the story.
    expect(data.draft?.narrative).toBe('Hôm qua tôi mua nồi chiên ở cửa hàng Gia Dụng Minh Anh giá 1tr2, dùng 2 lần thì hỏng, muốn đổi cái khác hoặc sửa chữa');
  });

  it('reads a typed button label as the button', async () => {
    await toSummary('label');
    const edit = await say('label', 'Cần sửa');
    expect(edit.text).toMatch(/Bạn gõ thông tin cần sửa/);
    expect((await stateOf('label')).data.draft?.desiredResolution).toEqual(['exchange', 'repair']);
  });

  it('answers "ok" and "cảm ơn" after filing briefly, and a new question as a question', async () => {
    await toSummary('after');
    await say('after', 'ok gửi đi');
    const filed = await say('after', 'đồng ý cả hai');
    expect(filed.replies.at(-1)?.file?.mimeType).toBe('application/pdf');
    const ok = await say('after', 'ok gửi đi');
    expect(ok.text).toMatch(/đã được lưu/);
    await toSummary('after2');
    await say('after2', 'đúng rồi');
    await say('after2', 'cả hai');
    const question = await say('after2', 'bảo hành là gì');
    expect(question.text).not.toMatch(/đã được lưu|Tóm tắt/);
    expect((await stateOf('after2')).state).toBe('idle');
  });

  it('treats a seller who took the money and blocked the buyer as a scam: police, bank, platform, no letter', async () => {
    await say('scam', '/khieunai Tôi chuyển khoản 3 triệu cho shop Facebook Đồ Hiệu Sale để mua túi xách, chuyển xong thì bị chặn liên lạc, muốn lấy lại tiền');
    let reply = await say('scam', 'Vũ Minh Châu, 0988123456, Hà Nội');
    for (let i = 0; i < 4 && !/Tóm tắt/.test(reply.text); i++) reply = await say('scam', 'không rõ');
    await say('scam', 'đúng rồi');
    const filed = await say('scam', 'cả hai');
    expect(filed.text).toMatch(/lừa đảo/);
    expect(filed.text).toMatch(/công an/);
    expect(filed.text).toMatch(/ngân hàng/);
    expect(filed.replies.some((r) => r.file)).toBe(false);
    const [record] = await app.engine.records(filed.conversationId);
    expect(record?.data).toMatchObject({ handling: 'fraud_report', category: 'lua-dao' });
    const articles = (data: unknown) => (data as { legalBasis: Array<{ article: number }> }).legalBasis.map((r) => r.article);
    expect(articles(record?.data)).not.toContain(57);
    const letter = await say('scam', '', { choice: 'complaint.realBusiness' });
    expect(letter.replies.at(-1)?.file?.mimeType).toBe('application/pdf');
    const [after] = await app.engine.records(filed.conversationId);
    expect(after?.data).toMatchObject({ handling: 'negotiation' });
    // As a negotiation it rests on the deadlines' clauses again.
    expect(articles(after?.data)).toEqual(expect.arrayContaining([31, 57]));
  });
});
