import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AssessmentRecord, assessmentRecordSchema } from '../../src/assessment/assessment-record.ts';
import type { DialogueEngine } from '../../src/dialogue/dialogue-engine.ts';
import { openTempDatabase, type TempDatabase } from '../support/temp-database.ts';
import { assessmentEngine, walk, type Walk, type WalkScript } from './support/assessment-harness.ts';

/**
 * Golden walk-throughs: five kinds of business go through the real engine and flow on a real SQLite
 * file, answering as their owners would (typed words, numbers on Zalo, buttons on Telegram). The
 * expected items, scores and cited gaps below were worked out by hand from the criteria file.
 */
let db: TempDatabase;
let engine: DialogueEngine;

beforeAll(async () => {
  db = await openTempDatabase();
  ({ engine } = await assessmentEngine(db.prisma));
});
afterAll(async () => {
  await db.dispose();
});

async function play(script: WalkScript): Promise<{ w: Walk; record: AssessmentRecord }> {
  const w = await walk(engine, script);
  // The texts invite typing a number ("bấm nút, gõ số hoặc gõ chữ"): every button of the flow shows its own.
  for (const reply of w.replies.filter((r) => r.options && !r.options.some((o) => o.id.startsWith('menu.')))) {
    expect(reply.options!.map((o, i) => o.label.startsWith(`${i + 1}. `))).not.toContain(false);
  }
  const records = await engine.records(w.conversationId);
  expect(records).toHaveLength(1);
  expect(records[0]!.type).toBe('self_assessment');
  return { w, record: assessmentRecordSchema.parse(records[0]!.data) };
}

const gapsOf = (record: AssessmentRecord) => record.gaps.map((g) => [g.item, g.kind, g.answer]);

describe('golden walk-throughs', () => {
  it('a micro shop selling clothes on Facebook, described in one sentence, on Zalo', async () => {
    const { w, record } = await play({
      channel: 'zalo',
      externalId: 'shop-hoa-mai',
      start: '/doanhnghiep',
      name: 'Shop Hoa Mai',
      description: 'shop nhỏ bán quần áo trên Facebook, không có cửa hàng',
      profile: { continuous: 'không', direct: 'không có', standardContracts: 'ko', warranty: 'không' },
      confirm: 'đúng',
      answers: { 'cp-strategy': 'chưa', 'complaint-intake': 'không', 'remote-info': 'một phần', 'data-rules': 'chua', 'sales-evidence': 'không rõ', 'data-consent.opt-out': 'chưa' },
      otherwise: 'có',
      consent: 'đồng ý',
    });
    // What the sentence said (sector, size, online, no shop) is never asked; nor what changes nothing.
    expect(w.askedProfile).toEqual(['continuous', 'direct', 'standardContracts', 'warranty']);
    expect(record.profile).toEqual({
      sector: 'goods_retail',
      size: 'micro',
      online: true,
      platform: 'no',
      premises: false,
      continuous: false,
      mlm: false,
      doorToDoor: false,
      awayFromPremises: false,
      standardContracts: false,
      warranty: false,
      customerData: true,
    });
    // A micro enterprise is spared the published process of Điều 31.3, not the remote-sale duties. An item
    // of several conditions asks each on its own: 23 items, 39 questions.
    expect(w.askedItems).toEqual([
      'cp-strategy', 'cp-materials', 'cp-training', 'cp-programme',
      'info-accurate', 'info-label', 'info-price',
      'info-fair-marketing.stop-when-refused', 'info-fair-marketing.caller-identity', 'info-fair-marketing.sponsored-influencer',
      'sales-evidence', 'sales-refund',
      'complaint-intake', 'complaint-negotiation', 'cp-complaint-unit.assigned', 'cp-complaint-unit.standards', 'cp-complaint-unit.tracking',
      'data-rules', 'data-consent.notice-consent', 'data-consent.opt-out', 'data-consent.requests', 'data-consent.retention-end',
      'data-security.safeguards', 'data-security.processors', 'data-security.breach-24h',
      'safety-quality', 'safety-recall.stop-24h', 'safety-recall.announce', 'safety-recall.report', 'safety-recall.costs',
      'remote-info', 'remote-contract', 'remote-cancel',
      'vulnerable-priority.priority', 'vulnerable-priority.no-refusal', 'vulnerable-priority.written-reasons',
      'vulnerable-policy.procedures', 'vulnerable-policy.published', 'vulnerable-policy.trained',
    ]);
    expect(Object.keys(record.answers)).toEqual([...new Set(w.askedItems.map((key) => key.split('.')[0]))]);
    expect(Object.keys(record.partAnswers!)).toEqual(w.askedItems.filter((key) => key.includes('.')));
    expect(record.partAnswers!['data-consent.opt-out']).toBe('no');
    // Three of data-consent's four parts met: "partly" (half of its 2 points), not met.
    expect(record.answers['data-consent']).toBe('partly');
    expect([record.score, record.maxScore, record.percent]).toEqual([35.5, 46, 77]);
    expect(gapsOf(record)).toEqual([
      ['complaint-intake', 'obligation', 'no'],
      ['remote-info', 'obligation', 'partly'],
      ['data-rules', 'obligation', 'no'],
      ['sales-evidence', 'obligation', 'unknown'],
      ['data-consent', 'obligation', 'partly'],
      ['cp-strategy', 'practice', 'no'],
    ]);
    expect(record.gaps[4]!.missing).toEqual(['Khách từ chối được chia sẻ, quảng cáo']);
    expect(record.gaps[4]!.basis).toEqual([{ doc: '19/2023/QH15', article: 18, clause: 4 }]);
    expect(record.gaps[0]!.missing).toBeUndefined();
    expect(record.gaps[0]!.basis).toEqual([
      { doc: '19/2023/QH15', article: 31, clause: 1 },
      { doc: '19/2023/QH15', article: 31, clause: 2 },
    ]);
    expect(record.gaps[1]!.basis).toContainEqual({ doc: '19/2023/QH15', article: 37, clause: 1 });
    expect(record.gaps[5]!.basis).toEqual([
      { doc: 'KH-BD-CT30', section: 'II.5' },
      { doc: 'KH-KH-2017-2020', section: 'II.6.a' },
    ]);
    expect(record.thisWeek.map((s) => s.item)).toEqual(['complaint-intake', 'remote-info', 'data-rules']);
    expect(record.areas.find((a) => a.area === 'complaints')).toEqual({ area: 'complaints', title: 'Tiếp nhận và giải quyết khiếu nại', score: 4, maxScore: 7, percent: 57 });

    const result = w.replies.find((r) => r.text.startsWith('KẾT QUẢ TỰ ĐÁNH GIÁ'))!;
    expect(result.text).toContain('Điểm: 35,5/46 (77%)');
    const plan = w.replies.find((r) => r.text.startsWith('Cần khắc phục'))!;
    expect(plan.text).toContain('1. [Nghĩa vụ] Tiếp nhận khiếu nại, báo đã nhận trong 3 ngày làm việc (Chưa)');
    expect(plan.text).toContain('Căn cứ: Luật Bảo vệ quyền lợi người tiêu dùng 2023 (19/2023/QH15): khoản 1, 2 Điều 31');
    // The plan names the part that is missing.
    expect(plan.text).toContain('5. [Nghĩa vụ] Xin đồng ý, cho khách lựa chọn và đáp ứng yêu cầu về thông tin (Một phần)\n   → Còn thiếu: Khách từ chối được chia sẻ, quảng cáo\n');
    const week = w.replies.find((r) => r.text.startsWith('Làm ngay tuần này'))!;
    expect(week.text.split('\n')).toHaveLength(4);
    const pdf = w.replies.find((r) => r.file)!.file!;
    expect(pdf.fileName).toBe('tu-danh-gia-shop-hoa-mai-2026-11-23.pdf');
    expect(Buffer.from(pdf.data).subarray(0, 5).toString()).toBe('%PDF-');
    const row = await db.prisma.selfAssessment.findFirstOrThrow({ where: { conversationId: w.conversationId } });
    expect(row).toMatchObject({ businessName: 'Shop Hoa Mai', score: 35.5, maxScore: 46, consentToShare: true, criteriaVersion: 'dnvntd-self-assessment.v3' });
  });

  it('an electronics retailer with warranty, by Telegram buttons, question by question', async () => {
    const { w, record } = await play({
      channel: 'telegram',
      externalId: 'dien-may',
      start: ['/start', { press: 'Doanh nghiệp tự đánh giá' }],
      name: 'Điện máy Hoàng Long',
      description: { press: 'Trả lời từng câu' },
      profile: {
        sector: { press: 'Điện máy, điện thoại, xe (hàng có bảo hành)' },
        size: { press: 'Doanh nghiệp nhỏ' },
        online: { press: 'Không' },
        continuous: { press: 'Không' },
        direct: { press: 'Không có' },
        standardContracts: { press: 'Có' },
        registration: { press: 'Không' },
      },
      answers: { 'warranty-replace': { press: 'Chưa' }, 'warranty-service.loan': { press: 'Chưa' }, 'contract-terms': { press: 'Không rõ' }, 'cp-training': { press: 'Chưa' } },
      consent: { press: 'Không chia sẻ' },
    });
    // Warranty follows from the sector and customer data from the contracts: neither is asked.
    expect(w.askedProfile).toEqual(['sector', 'size', 'online', 'continuous', 'direct', 'standardContracts', 'registration']);
    expect(record.profile).toMatchObject({ sector: 'electronics', size: 'small', warranty: true, customerData: true, standardContracts: true, registration: 'no' });
    expect(w.askedItems).toEqual(expect.arrayContaining(['warranty-policy', 'warranty-service.receipt', 'warranty-service.loan', 'warranty-service.costs', 'warranty-replace', 'complaint-process', 'contract-terms', 'info-label']));
    expect(w.askedItems.filter((key) => key.startsWith('contract-register'))).toEqual([]);
    expect(w.askedItems.filter((id) => id.startsWith('remote-') || id === 'vulnerable-policy')).toEqual([]);
    // 26 items, 44 questions.
    expect(w.askedItems).toHaveLength(44);
    expect([record.score, record.maxScore, record.percent]).toEqual([46, 54, 85]);
    expect(gapsOf(record)).toEqual([
      ['warranty-replace', 'obligation', 'no'],
      ['contract-terms', 'obligation', 'unknown'],
      ['warranty-service', 'obligation', 'partly'],
      ['cp-training', 'practice', 'no'],
    ]);
    expect(record.gaps[0]!.basis).toEqual([{ doc: '19/2023/QH15', article: 30, clause: 2, point: 'đ' }]);
    expect(record.gaps[1]!.basis).toContainEqual({ doc: '19/2023/QH15', article: 25, clause: 14 });
    expect(record.gaps[2]!.missing).toEqual(['Sản phẩm dùng tạm trong thời gian bảo hành']);
    expect(record.gaps[3]!.basis).toEqual([
      { doc: 'KH-BD-CT30', section: 'II.2' },
      { doc: 'KH-KH-2017-2020', section: 'II.3' },
    ]);
  });

  it('a telecom-like continuous service with registered standard contracts, typing numbers on Zalo', async () => {
    const { w, record } = await play({
      channel: 'zalo',
      externalId: 'vien-thong',
      start: '/doanhnghiep',
      name: 'Công ty Viễn thông Sao Mai',
      description: 'công ty cung cấp internet và truyền hình cáp trên toàn quốc, có hợp đồng mẫu, thuộc danh mục phải đăng ký, bán gói cước qua website',
      profile: { platform: '1', direct: '4', warranty: '2' },
      confirm: '1',
      answers: { 'continuous-notice': '3', 'contract-register.yearly-report': '4', 'continuous-exit.no-prepayment': '3' },
      otherwise: '1',
      consent: '1',
    });
    expect(w.askedProfile).toEqual(['platform', 'direct', 'warranty']);
    expect(record.profile).toMatchObject({ sector: 'utilities', size: 'medium_large', online: true, continuous: true, standardContracts: true, registration: 'yes', platform: 'no' });
    expect(w.askedItems).toEqual(expect.arrayContaining(['contract-register.registered', 'contract-register.yearly-report', 'continuous-contract', 'continuous-notice', 'continuous-exit.end-anytime', 'remote-info', 'vulnerable-policy.procedures']));
    expect(w.askedItems).not.toEqual(expect.arrayContaining(['info-label']));
    // 29 items, 47 questions.
    expect(w.askedItems).toHaveLength(47);
    // Registered and published, the yearly report not known: the item is partly met (1.5 of 3).
    expect([record.score, record.maxScore, record.percent]).toEqual([56.5, 61, 93]);
    expect(gapsOf(record)).toEqual([
      ['contract-register', 'obligation', 'partly'],
      ['continuous-notice', 'obligation', 'no'],
      ['continuous-exit', 'obligation', 'partly'],
    ]);
    // The plan cites what the missing part stands on: the yearly report of NĐ 55 Điều 7.3.
    expect(record.gaps[0]!.basis).toEqual([{ doc: '55/2024/NĐ-CP', article: 7, clause: 3 }]);
    expect(record.gaps[0]!.missing).toEqual(['Báo cáo trước 31/01 hằng năm']);
    expect(record.gaps[2]!.missing).toEqual(['Không thu tiền trước khi cung cấp dịch vụ']);
    expect(record.gaps[1]!.basis).toEqual([
      { doc: '19/2023/QH15', article: 42, clause: 2, point: 'đ' },
      { doc: '19/2023/QH15', article: 42, clause: 2, point: 'e' },
      { doc: '19/2023/QH15', article: 41, clause: 3 },
      { doc: '19/2023/QH15', article: 25, clause: 13 },
    ]);
  });

  it('an MLM company, described in the command itself, in the terminal', async () => {
    const { w, record } = await play({
      channel: 'cli',
      externalId: 'da-cap',
      start: '/doanhnghiep công ty bán hàng đa cấp thực phẩm chức năng, 200 nhân viên, bán qua ứng dụng và hội thảo',
      name: 'Công ty Đa cấp An Khang',
      profile: { platform: 'không', continuous: 'không', direct: 'không còn', standardContracts: 'có', registration: 'không rõ' },
      answers: { 'mlm-buyback': 'không', 'mlm-participants.training': 'chưa', 'away-notice': 'chưa' },
      otherwise: 'có',
      consent: 'không',
    });
    // MLM and seminars were said: only door-to-door is left to ask about.
    expect(w.replies.some((r) => r.text === 'Ngoài ra còn cách nào dưới đây không?' && r.options?.map((o) => o.label).join('|') === '1. Bán tận nhà, nơi làm việc của khách|2. Không còn|3. Vì sao hỏi?')).toBe(true);
    expect(record.profile).toMatchObject({ sector: 'food', size: 'medium_large', mlm: true, awayFromPremises: true, doorToDoor: false, online: true, registration: 'unknown', warranty: false });
    expect(w.askedItems).toEqual(expect.arrayContaining(['mlm-transparency.documents', 'mlm-buyback', 'mlm-participants.training', 'away-notice', 'away-aftersale.three-days', 'contract-register.registered']));
    // 33 items, 61 questions.
    expect(w.askedItems).toHaveLength(61);
    expect([record.score, record.maxScore, record.percent]).toEqual([64.5, 71, 91]);
    expect(gapsOf(record)).toEqual([
      ['mlm-buyback', 'obligation', 'no'],
      ['mlm-participants', 'obligation', 'partly'],
      ['away-notice', 'obligation', 'no'],
    ]);
    expect(record.gaps[0]!.basis).toEqual([{ doc: '19/2023/QH15', article: 45, clause: 1, point: 'd' }]);
    expect(record.gaps[1]!.basis).toContainEqual({ doc: '55/2024/NĐ-CP', article: 25, clause: 1 });
    expect(record.gaps[1]!.missing).toEqual(['Đào tạo cơ bản trong 30 ngày']);
    expect(record.gaps[2]!.basis).toContainEqual({ doc: '55/2024/NĐ-CP', article: 26, clause: 3 });
  });

  it('a door-to-door seller run as a household business', async () => {
    const { w, record } = await play({
      channel: 'telegram',
      externalId: 'tan-nha',
      start: '/doanhnghiep',
      name: 'Máy lọc nước Trong Lành',
      description: 'hộ kinh doanh bán máy lọc nước tận nhà khách, có bảo hành',
      profile: { sector: 'thiết bị gia dụng', online: 'không', continuous: 'không', direct: 'không còn', standardContracts: 'có', registration: 'không' },
      answers: { 'door-cooling-off.written-copy': 'chưa', 'door-conduct.explain': 'một phần', 'contract-terms': 'không rõ' },
      otherwise: 'rồi',
      consent: 'có',
    });
    expect(w.askedProfile).toEqual(['sector', 'online', 'continuous', 'direct', 'standardContracts', 'registration']);
    expect(record.profile).toMatchObject({ size: 'household', doorToDoor: true, warranty: true, customerData: true, platform: 'no' });
    // A household business is not a micro enterprise: the published complaint process applies.
    expect(w.askedItems).toEqual(expect.arrayContaining(['door-conduct.identify', 'door-cooling-off.written-copy', 'complaint-process', 'vulnerable-policy.trained', 'warranty-replace']));
    // 29 items, 53 questions at most; with no written contract, the date the customer writes on it and
    // the 3 days after signing it (Điều 44.2-3, "where the contract is in writing") are not asked.
    expect(w.askedItems.filter((key) => key.startsWith('door-cooling-off'))).toEqual(['door-cooling-off.written-copy']);
    expect(w.askedItems).toHaveLength(51);
    expect([record.score, record.maxScore, record.percent]).toEqual([53, 60, 88]);
    expect(gapsOf(record)).toEqual([
      ['door-cooling-off', 'obligation', 'no'],
      ['contract-terms', 'obligation', 'unknown'],
      ['door-conduct', 'obligation', 'partly'],
    ]);
    expect(record.gaps[0]!.missing).toEqual(['Hợp đồng bằng văn bản, giao khách 1 bản']);
    expect(record.partAnswers).toMatchObject({ 'door-cooling-off.written-copy': 'no' });
    expect(record.partAnswers!['door-cooling-off.dated']).toBeUndefined();
    expect(record.gaps[2]!.missing).toEqual(['Giải thích rõ nội dung hợp đồng']);
    expect(record.gaps[0]!.basis).toEqual([{ doc: '19/2023/QH15', article: 44, clause: 1 }]);
  });
});
