import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assessmentRecordSchema } from '../../src/assessment/assessment-record.ts';
import type { DialogueEngine } from '../../src/dialogue/dialogue-engine.ts';
import type { InboundMessage, Reply } from '../../src/dialogue/messages.ts';
import { openDatabase } from '../../src/storage/database.ts';
import { openTempDatabase, type TempDatabase } from '../support/temp-database.ts';
import { assessmentEngine, facebookShopScript, walk } from './support/assessment-harness.ts';

let db: TempDatabase;
let engine: DialogueEngine;

beforeEach(async () => {
  db = await openTempDatabase();
  ({ engine } = await assessmentEngine(db.prisma));
});
afterEach(async () => {
  await db.dispose();
});

const chat = (externalId = 'owner') => {
  const replies: Reply[] = [];
  return {
    replies,
    async say(text: string, extra: Partial<InboundMessage> = {}, on: DialogueEngine = engine): Promise<Reply[]> {
      const result = await on.handle({ channel: 'zalo', externalId, text, ...extra });
      replies.push(...result.replies);
      return [...result.replies];
    },
    last: () => replies.at(-1)!,
  };
};

const vegetableSeller = ['/doanhnghiep', 'Sạp rau cô Ba', 'cá nhân bán rau ngoài chợ, không đăng ký kinh doanh'];
const facebookShop = facebookShopScript;

describe('the self-assessment conversation', () => {
  it('reads a first answer that holds both the name and the description as both', async () => {
    const c = chat('both');
    await c.say('/doanhnghiep');
    const replies = await c.say('Công ty TNHH Điện Tử Minh Phát bán lẻ đồ điện tử, 50 nhân viên, bán trên Shopee');
    const text = replies.map((r) => r.text).join('\n');
    expect(text).not.toMatch(/mô tả ngắn|kể ngắn/i);
    const result = await engine.handle({ channel: 'zalo', externalId: 'both', text: '/doanhnghiep' });
    // Asked again, the bot offers to resume the assessment of the named business.
    expect(result.replies.map((r) => r.text).join('\n')).toContain('Công ty TNHH Điện Tử Minh Phát');
    expect(result.replies.map((r) => r.text).join('\n')).not.toContain('bán lẻ đồ điện tử, 50');
  });

  it('asks an individual trader only about the duties of Điều 9, and shows the cited clause on "tại sao?"', async () => {
    const c = chat();
    for (const text of vegetableSeller) await c.say(text);
    expect(c.last().text).toContain('Có 4 câu phù hợp với bạn');
    const [first] = await c.say('đúng');
    expect(first!.text).toContain('Câu 1/4 · Thông tin, nhãn và giá');
    const [why] = await c.say('tại sao?');
    expect(why!.text).toContain('Vì sao cần: Thông tin sản phẩm, dịch vụ chính xác, đầy đủ');
    expect(why!.text).toContain('khoản 1 Điều 21 Luật Bảo vệ quyền lợi người tiêu dùng 2023 (19/2023/QH15)');
    expect(why!.text).toContain('1. Cung cấp thông tin chính xác, đầy đủ về các nội dung sau đây');
    expect(why!.text).toContain('điểm c khoản 1 Điều 9 Luật Bảo vệ quyền lợi người tiêu dùng 2023 (19/2023/QH15)');
    // The hint says "gõ số": every button shows the number to type.
    expect(why!.options!.map((o) => o.label)).toEqual(['1. Có', '2. Một phần', '3. Chưa', '4. Không rõ', '5. Vì sao cần?', '6. Tạm dừng']);
    // After "why" the number still answers the same question.
    const [next] = await c.say('1');
    expect(next!.text).toContain('Câu 2/4');
  });

  it('answers "tại sao?" at every question before the items too: name, profile, confirmation, consent', async () => {
    const c = chat('why-everywhere');
    const [intro] = await c.say('/doanhnghiep');
    expect(intro!.text).toContain('khoảng 20 giây mỗi câu; trước khi bắt đầu, tôi báo số câu và thời gian.');
    expect(intro!.text).not.toMatch(/\d+ phút/);
    const name = await c.say('tại sao?');
    expect(name[0]!.text).toContain('Tên cơ sở chỉ để in trên báo cáo');
    expect(name[1]!.text).toBe('Trước tiên, tên cơ sở kinh doanh của bạn là gì? (để in trên báo cáo)');
    await c.say('Shop Hoa Mai');
    await c.say('shop nhỏ bán quần áo trên Facebook, không có cửa hàng');
    expect(c.last().text).toContain('dịch vụ kéo dài từ 3 tháng');
    expect(c.last().options!.map((o) => o.label)).toEqual(['1. Có', '2. Không', '3. Vì sao hỏi?']);
    const [why, again] = await c.say('tại sao?');
    expect(why!.text).toContain('Vì sao hỏi câu này:');
    expect(why!.text).toContain('dịch vụ liên tục');
    // The items it decides come from the criteria's conditions, with their bases cited in full.
    expect(why!.text).toMatch(/Câu trả lời quyết định \d+ mục có áp dụng cho bạn hay không: .*Hợp đồng dịch vụ liên tục/);
    expect(why!.text).toMatch(/Căn cứ: Luật Bảo vệ quyền lợi người tiêu dùng 2023 \(19\/2023\/QH15\): .*Điều 4[12]/);
    expect(again!.text).toContain('dịch vụ kéo dài từ 3 tháng');
    // The button does the same, and the question is still answered by its number afterwards.
    const [pressed] = await c.say('3. Vì sao hỏi?', { choice: again!.options![2]!.id });
    expect(pressed!.text).toBe(why!.text);
    await c.say('2');
    expect(c.last().text).toContain('Bạn có bán hàng theo cách nào dưới đây không?');
    for (const text of ['không có', 'không', 'không']) await c.say(text);
    // 39 questions at 20 seconds: 13 minutes, as the intro's rate says.
    expect(c.last().text).toContain('Có 39 câu phù hợp với bạn (khoảng 13 phút)');
    const [confirmWhy, confirm] = await c.say('vì sao?');
    expect(confirmWhy!.text).toContain('Hồ sơ này quyết định những câu sẽ hỏi');
    expect(confirm!.text).toContain('Có 39 câu phù hợp với bạn');
    await c.say('đúng');
    for (let i = 0; i < 39; i++) await c.say('có');
    expect(c.last().text).toContain('Bạn có đồng ý chia sẻ kết quả này');
    const [consentWhy, consent] = await c.say('tại sao');
    expect(consentWhy!.text).toContain('Việc chia sẻ là tự nguyện');
    expect(consent!.options!.map((o) => o.label)).toEqual(['1. Đồng ý chia sẻ', '2. Không chia sẻ', '3. Vì sao hỏi?']);
    const [thanks] = await c.say('2');
    expect(thanks!.text).toContain('không được chia sẻ riêng');
  });

  it('takes a name that merely contains "lý do" as the name', async () => {
    const c = chat('named-why');
    await c.say('/doanhnghiep');
    await c.say('Tiệm may Lý Do Đẹp quận 1');
    expect(c.last().text).toContain('"Tiệm may Lý Do Đẹp quận 1"');
  });

  it('asks again, politely, when an answer is not understood', async () => {
    const c = chat();
    for (const text of vegetableSeller) await c.say(text);
    await c.say('đúng');
    const replies = await c.say('hôm nay trời đẹp');
    expect(replies[0]!.text).toBe('Tôi chưa hiểu câu trả lời. Bạn chọn một phương án dưới đây (bấm nút hoặc gõ số):');
    expect(replies[1]!.text).toContain('Câu 1/4');
  });

  it('stops on "tạm dừng" and resumes where it left off after a restart', async () => {
    const c = chat('resume');
    await c.say('/doanhnghiep');
    await c.say('Shop Hoa Mai');
    await c.say('shop nhỏ bán quần áo trên Facebook, không có cửa hàng');
    for (const text of ['không', 'không có', 'không', 'không', 'đúng', 'có', 'một phần', 'chưa']) await c.say(text);
    const [paused] = await c.say('tạm dừng');
    expect(paused!.text).toBe('Đã lưu: bạn đã trả lời 3/39 câu. Khi nào tiện, gõ /doanhnghiep để làm tiếp.');

    // A new process: a new client on the same SQLite file, a new engine and flow.
    await db.close();
    const reopened = await openDatabase(db.url);
    try {
      const { engine: restarted, flow } = await assessmentEngine(reopened.prisma);
      const [offer] = await c.say('/doanhnghiep', {}, restarted);
      expect(offer!.text).toBe('Bạn đang làm dở bài tự đánh giá cho "Shop Hoa Mai" (đã trả lời 3/39 câu). Làm tiếp nhé?');
      const [item] = await c.say('1', {}, restarted);
      expect(item!.text).toContain('Câu 4/39');
      // The engine's own "hủy" ends the flow, yet the answers are kept.
      await c.say('có', {}, restarted);
      await c.say('hủy', {}, restarted);
      const [again] = await c.say('/doanhnghiep', {}, restarted);
      expect(again!.text).toContain('(đã trả lời 4/39 câu)');
      const w = await walk(restarted, { ...facebookShop, externalId: 'resume', start: 'tiếp tục' });
      expect(w.askedItems[0]).toBe('info-accurate');
      expect(w.askedItems).toHaveLength(35);
      const records = await flow.records(w.conversationId);
      const record = assessmentRecordSchema.parse(records[0]!.data);
      expect(Object.keys(record.answers)).toHaveLength(23);
      expect(record.answers['cp-materials']).toBe('partly');
      expect(record.answers['cp-training']).toBe('no');
    } finally {
      await reopened.close();
    }
  });

  it('shows the progress since the last result on a retake, keeping the profile', async () => {
    const first = await walk(engine, facebookShop);
    const before = assessmentRecordSchema.parse((await engine.records(first.conversationId))[0]!.data);
    const second = await walk(engine, { ...facebookShop, start: ['/doanhnghiep', { press: 'Làm bài mới, giữ hồ sơ cũ' }], answers: { 'remote-info': 'có' } });
    expect(second.askedProfile).toEqual([]);
    expect(second.replies.some((r) => r.text.startsWith(`Lần trước (23/11/2026), "Shop Hoa Mai" đạt ${before.percent}%.`))).toBe(true);
    const records = await engine.records(second.conversationId);
    expect(records).toHaveLength(2);
    const after = assessmentRecordSchema.parse(records[1]!.data);
    expect(after.percent).toBe(100);
    const result = second.replies.find((r) => r.text.startsWith('KẾT QUẢ TỰ ĐÁNH GIÁ') && r.text.includes('So với lần trước'))!;
    expect(result.text).toContain(`So với lần trước (23/11/2026: ${before.percent}%): +${100 - before.percent} điểm phần trăm.`);
    // In the order of the last plan: the heaviest obligations first.
    expect(result.text).toContain('Đã khắc phục: Tiếp nhận khiếu nại, báo đã nhận trong 3 ngày làm việc; Trang bán hàng online có đủ thông tin bắt buộc; Quy tắc bảo vệ thông tin khách hàng được công khai.');
    expect(second.replies.some((r) => r.text === 'Bạn đáp ứng tất cả các mục phù hợp. Hãy duy trì và làm lại sau 6-12 tháng hoặc khi luật thay đổi.')).toBe(true);
  });

  it('lets an earlier button change an earlier answer', async () => {
    const c = chat();
    for (const text of vegetableSeller) await c.say(text);
    const [q1] = await c.say('đúng');
    await c.say('có');
    const olderNo = q1!.options!.find((o) => o.label === '3. Chưa')!;
    const replies = await c.say('Chưa', { choice: olderNo.id });
    expect(replies[0]!.text).toBe('Đã sửa câu trả lời cho mục "Thông tin sản phẩm, dịch vụ chính xác, đầy đủ".');
    expect(replies[1]!.text).toContain('Câu 2/4');
  });

  it('lets the business correct its profile before the questions start', async () => {
    const c = chat();
    for (const text of ['/doanhnghiep', 'Shop Hoa Mai', 'shop nhỏ bán quần áo trên Facebook, không có cửa hàng', 'không', 'không có', 'không', 'không']) await c.say(text);
    expect(c.last().text).toContain('Có 39 câu phù hợp');
    await c.say('2');
    const online = c.last().options!.find((o) => o.label.endsWith('. Bán online, từ xa'))!;
    await c.say(online.label, { choice: online.id });
    const [asked] = await c.say('không');
    // Without online sales nothing implies customer data any more: now it must be asked.
    expect(asked!.text).toBe('Bạn có lưu thông tin khách hàng (tên, số điện thoại, địa chỉ, lịch sử mua) không?');
    const [confirm] = await c.say('có');
    expect(confirm!.text).toContain('• Bán online, từ xa: không');
    expect(confirm!.text).toContain('Có 33 câu phù hợp');
    // A typed correction works too.
    const replies = await c.say('à có bán trên shopee');
    expect(replies[0]!.text).toBe('Tôi hiểu: Bán online, từ xa: có.');
    expect(replies.at(-1)!.text).toContain('Có 39 câu phù hợp');
  });

  it('speaks English to a business that asked for it', async () => {
    const w = await walk(engine, {
      locale: 'en',
      channel: 'telegram',
      externalId: 'english',
      start: '/doanhnghiep',
      name: 'Hoa Mai Shop',
      description: "small shop selling clothes on Facebook, we don't have a physical store",
      profile: { continuous: 'no', direct: 'none', standardContracts: 'no', warranty: 'no' },
      answers: { 'complaint-intake': 'no', 'safety-recall.report': "don't know", 'safety-recall.costs': 'no' },
      otherwise: 'yes',
      consent: 'no',
    });
    const record = assessmentRecordSchema.parse((await engine.records(w.conversationId))[0]!.data);
    expect(record.locale).toBe('en');
    // Each part of an item of several conditions is its own English question.
    expect(w.replies.some((r) => r.text.includes('Question 29/39 · ') && r.text.includes('Do you report to the authorities before a recall and report its results afterwards?'))).toBe(true);
    // Two of four recall parts met: partly; the plan names the two missing and cites only their clauses.
    expect(record.gaps.find((g) => g.item === 'safety-recall')).toMatchObject({
      answer: 'partly',
      missing: ['Authorities told before and after the recall', 'Costs of defects borne by you'],
      basis: [
        { doc: '19/2023/QH15', article: 32, clause: 1 },
        { doc: '19/2023/QH15', article: 34, clause: 1 },
        { doc: '55/2024/NĐ-CP', article: 19, clause: 1 },
        { doc: '55/2024/NĐ-CP', article: 19, clause: 2 },
      ],
    });
    expect(w.replies.find((r) => r.text.startsWith('To fix'))!.text).toContain('   → Missing: Authorities told before and after the recall; Costs of defects borne by you\n');
    expect(record.gaps[0]).toMatchObject({ item: 'complaint-intake', title: 'Complaint intake, acknowledged within 3 working days' });
    expect(record.gaps[0]!.action).toMatch(/^Publish one complaint contact/);
    expect(w.replies.find((r) => r.text.startsWith('To fix'))!.text).toContain('Basis: Law on Protection of Consumers’ Rights 2023 (19/2023/QH15): Art. 31(1), Art. 31(2)');
    expect(w.replies.find((r) => r.file)!.file!.fileName).toBe('self-assessment-hoa-mai-shop-2026-11-23.pdf');
  });

  it('starts afresh, saying so, when its saved state has been erased', async () => {
    const c = chat('erased');
    for (const text of vegetableSeller) await c.say(text);
    await c.say('đúng');
    const conversation = await db.prisma.conversation.findFirstOrThrow({ where: { externalId: 'erased' } });
    // What a privacy erasure does: the working data goes, the assessment is unlinked from the chat.
    await db.prisma.conversation.update({ where: { id: conversation.id }, data: { stateData: '{}' } });
    await db.prisma.selfAssessment.updateMany({ where: { conversationId: conversation.id }, data: { conversationId: null } });
    const replies = await c.say('có');
    expect(replies[0]!.text).toBe('Tôi không tìm thấy bài tự đánh giá đang làm (có thể dữ liệu đã được xóa). Mình bắt đầu lại nhé.');
    expect(replies.at(-1)!.text).toBe('Trước tiên, tên cơ sở kinh doanh của bạn là gì? (để in trên báo cáo)');
  });

  it('is started by free text that asks for it, and not by a consumer judging a product', async () => {
    const c = chat();
    const replies = await c.say('tôi muốn tự đánh giá doanh nghiệp của mình');
    expect(replies[0]!.text).toMatch(/^Tự đánh giá "Doanh nghiệp vì người tiêu dùng"/);
    const { flow } = await assessmentEngine(db.prisma);
    expect(flow.detect('shop tôi có đạt chuẩn doanh nghiệp vì người tiêu dùng không')).toBeGreaterThan(0.5);
    expect(flow.detect('self-assessment please')).toBeGreaterThan(0.5);
    expect(flow.detect('sản phẩm này tôi tự đánh giá là kém chất lượng')).toBe(0);
    expect(flow.detect('mua hàng online bị lừa thì làm sao')).toBe(0);
  });
});
