import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintRecordSchema, type ComplaintRecord } from '../../src/complaints/complaint-record.ts';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { loadRealKnowledgeBase, projectRoot } from '../support/knowledge.ts';
import { ScriptPlayer, type ScriptRun } from '../support/run-chat-script.ts';

/**
 * Golden conversations: realistic stories in test/fixtures/golden/complaint-*.txt replayed through
 * script mode's own replay function (bot/cli/script-mode.ts, what `npm run chat -- --script FILE
 * --json --now …` runs), each as a new session of one shared app, with assertions on the final
 * record and the replies that matter. test/bot/cli/chat-script.test.ts runs the command itself.
 */
const goldenDir = path.join(projectRoot, 'test/fixtures/golden');
const march10 = '2025-03-10T09:00:00+07:00';

interface Story {
  readonly file: string;
  readonly now: string;
}

const stories = {
  allAtOnce: { file: 'complaint-all-at-once', now: march10 },
  piecemeal: { file: 'complaint-piecemeal', now: march10 },
  outOfOrder: { file: 'complaint-out-of-order', now: march10 },
  corrected: { file: 'complaint-corrected', now: march10 },
  invalid: { file: 'complaint-invalid-values', now: march10 },
  withdraw: { file: 'complaint-withdraw', now: march10 },
  doorToDoor: { file: 'complaint-door-to-door', now: march10 },
  oldLaw: { file: 'complaint-counterfeit-old-law', now: march10 },
  food: { file: 'complaint-food-safety', now: march10 },
  noDiacritics: { file: 'complaint-no-diacritics', now: march10 },
  beforeTet: { file: 'complaint-before-tet', now: '2025-01-24T15:00:00+07:00' },
} satisfies Record<string, Story>;
type Name = keyof typeof stories;

const runs = new Map<string, ScriptRun>();
let knowledgeBase: KnowledgeBase;
let player: ScriptPlayer;

function lines(file: string): string[] {
  return readFileSync(path.join(goldenDir, `${file}.txt`), 'utf8').split('\n').filter((l) => l !== '');
}

beforeAll(async () => {
  knowledgeBase = await loadRealKnowledgeBase();
  player = await ScriptPlayer.create();
  for (const name of Object.keys(stories) as Name[]) runs.set(name, await player.play(lines(stories[name].file), { now: stories[name].now }));
  // One session across a restart of the app (as two runs of the command with the same --database --session).
  runs.set('restart-1', await player.play(lines('complaint-restart-part1'), { now: march10, session: 'resume-1' }));
  await player.restart();
  // The same conversation a day and a half later, in a new app: the draft comes from the database.
  runs.set('restart-2', await player.play(lines('complaint-restart-part2'), { now: '2025-03-11T20:00:00+07:00', session: 'resume-1' }));
}, 120_000);

afterAll(() => player?.dispose());

function run(name: Name | 'restart-1' | 'restart-2'): ScriptRun {
  const r = runs.get(name);
  if (!r) throw new Error(`golden conversation ${name} did not run`);
  return r;
}

/** The one complaint a conversation filed, checked against the record schema and the knowledge base. */
function record(name: Name | 'restart-2'): ComplaintRecord {
  const records = run(name).records;
  expect(records).toHaveLength(1);
  expect(records[0]!.type).toBe('complaint');
  const parsed = complaintRecordSchema.parse(records[0]!.data);
  for (const ref of parsed.legalBasis) expect(knowledgeBase.resolves(ref)).toBe(true);
  expect(parsed.legalBasis).toEqual(expect.arrayContaining([{ doc: '19/2023/QH15', article: 31, clause: 2 }, { doc: '19/2023/QH15', article: 57, clause: 2 }]));
  return parsed;
}

const articles = (r: ComplaintRecord) => r.legalBasis.map((b) => b.article);
const replyMatching = (name: Name, pattern: RegExp) => run(name).replies.find((r) => pattern.test(r));

describe('golden complaint conversations', () => {
  it('takes a whole story told at once and asks nothing it was told', () => {
    const r = record('allAtOnce');
    expect(r).toMatchObject({
      status: 'received',
      channel: 'cli',
      consumer: { name: 'Nguyễn Thị Lan', phone: '0912345678', email: null, province: 'Đà Nẵng' },
      business: { name: 'Mây Store', platform: 'Shopee' },
      product: 'nồi chiên không dầu',
      purchaseDate: '2025-03-09',
      amountVnd: 1_200_000,
      purchaseChannel: 'online',
      desiredResolution: ['refund'],
      applicableLaw: '19/2023/QH15',
      consent: { shareWithBusiness: true, shareWithAgency: true },
      deadlines: { acknowledgeBy: '2025-03-13', negotiateBy: '2025-03-19' },
    });
    expect(articles(r).some((a) => [37, 38, 39].includes(a))).toBe(true);
    const replies = run('allAtOnce').replies;
    expect(replies[0]).toMatch(/Tóm tắt khiếu nại/);
    expect(replies[1]).toMatch(/chia sẻ/);
    expect(replies[2]).toContain(`Mã hồ sơ của bạn: ${r.reference}`);
    expect(replies[3]).toMatch(/ĐƠN YÊU CẦU THƯƠNG LƯỢNG[\s\S]*Kính gửi: Mây Store \(gian hàng trên Shopee\)/);
    expect(replies[3]).toContain(`[don-yeu-cau-thuong-luong-${r.reference}.pdf]`);
  });

  it('asks one question at a time when the story comes piece by piece', () => {
    const replies = run('piecemeal').replies;
    const questions = ['kể ngắn gọn', 'Tên cửa hàng', 'mua ngày nào', 'trả bao nhiêu', 'giải quyết thế nào', 'họ tên', 'Số điện thoại', 'tỉnh, thành phố'];
    questions.forEach((q, i) => {
      // What the bot asks, without the read-back of what it noted and the numbered options.
      const asked = replies[i]!.split('\n').filter((l) => !l.startsWith('Tôi đã ghi nhận') && !/^\d+\. /.test(l)).join('\n');
      expect(asked).toContain(q);
      for (const other of questions.filter((o) => o !== q)) expect(asked).not.toContain(other);
    });
    expect(record('piecemeal')).toMatchObject({
      consumer: { name: 'Trần Thị Mai', phone: '0905123456', province: 'Đà Nẵng' },
      business: { name: 'Điện Máy Sông Hàn', platform: null },
      product: 'máy giặt',
      purchaseDate: '2024-11-02',
      amountVnd: 8_900_000,
      purchaseChannel: 'in_store',
      desiredResolution: ['exchange', 'compensation'],
      category: 'bao-hanh',
      issue: 'bao-hanh',
    });
    expect(articles(record('piecemeal'))).toContain(30);
  });

  it('accepts facts in any order, and keeps contact details out of the story', () => {
    const r = record('outOfOrder');
    expect(r).toMatchObject({
      consumer: { name: 'Phạm Quốc Huy', phone: '0987654321', province: 'Cần Thơ' },
      business: { name: 'Giày Xinh 99', platform: 'TikTok Shop' },
      product: 'giày Nike',
      purchaseDate: '2025-03-03',
      amountVnd: 850_000,
      issue: 'hang-gia-hang-nhai',
      consent: { shareWithBusiness: true, shareWithAgency: false },
    });
    expect(r.narrative).not.toContain('987');
    expect(r.suggestedAgency).toMatch(/Quản lý thị trường thành phố Cần Thơ/);
  });

  it('applies corrections during intake and at the summary', () => {
    const r = record('corrected');
    expect(r).toMatchObject({
      consumer: { name: 'Lê Minh Anh', phone: null, email: 'minhanh.le@gmail.com', province: 'Hà Nội' },
      amountVnd: 1_500_000,
      purchaseDate: '2025-03-02',
      desiredResolution: ['exchange'],
      consent: { shareWithBusiness: false, shareWithAgency: true },
    });
    expect(replyMatching('corrected', /Đã cập nhật: số tiền: 1\.500\.000 đ/)).toBeDefined();
    expect(replyMatching('corrected', /Đã cập nhật: ngày mua: 02\/3\/2025[\s\S]*Tóm tắt/)).toBeDefined();
  });

  it('asks again about a future date, a zero amount and a foreign phone number', () => {
    expect(replyMatching('invalid', /không thể ở tương lai \(hôm nay là 10\/3\/2025\)/)).toBeDefined();
    expect(replyMatching('invalid', /Số tiền phải lớn hơn 0 đồng/)).toBeDefined();
    expect(replyMatching('invalid', /không phải số Việt Nam hợp lệ/)).toBeDefined();
    expect(record('invalid')).toMatchObject({
      consumer: { name: 'Võ Thanh Tâm', phone: '0938111222', province: 'Khánh Hòa' },
      business: { name: 'Siêu thị Co.op Mart' },
      purchaseDate: '2025-03-08',
      amountVnd: 1_800_000,
      purchaseChannel: 'in_store',
      consent: { shareWithBusiness: false, shareWithAgency: false },
    });
  });

  it('resumes a draft abandoned before a restart, from the database', () => {
    const first = run('restart-1');
    expect(first.records).toEqual([]);
    expect(first.replies.at(-1)).toMatch(/mua ngày nào/);
    const second = run('restart-2');
    expect(second.replies[0]).toMatch(/Chào mừng bạn quay lại[\s\S]*ngày mua: 05\/1\/2025/);
    const r = record('restart-2');
    expect(r).toMatchObject({
      consumer: { name: 'Đặng Văn Hùng', phone: '0356789012', province: 'Hải Phòng' },
      business: { name: 'Viettel' },
      purchaseChannel: 'continuous_service',
      issue: 'dich-vu-lien-tuc',
      amountVnd: 660_000,
      desiredResolution: ['refund', 'stop_practice'],
      deadlines: { acknowledgeBy: '2025-03-14', negotiateBy: '2025-03-20' },
    });
    expect(r.product).toMatch(/internet/);
    expect(r.createdAt.startsWith('2025-03-11')).toBe(true);
    expect(articles(r).some((a) => [41, 42].includes(a))).toBe(true);
  });

  it('lists the consumer\'s complaints and withdraws one on request', () => {
    const replies = run('withdraw').replies;
    expect(replies[0]).toMatch(/chưa có khiếu nại nào/);
    const r = record('withdraw');
    expect(r.status).toBe('withdrawn');
    expect(r.issue).toBe('khong-dung-mo-ta');
    expect(replyMatching('withdraw', new RegExp(`${r.reference} — áo khoác \\(Thời Trang Ngọc\\) — đã tiếp nhận`))).toBeDefined();
    expect(replyMatching('withdraw', new RegExp(`Đã rút khiếu nại ${r.reference}`))).toBeDefined();
    expect(replies.at(-1)).toMatch(new RegExp(`${r.reference} — áo khoác \\(Thời Trang Ngọc\\) — đã rút`));
  });

  it('routes a door-to-door sale to Điều 43-44 and reads a former province name', () => {
    const r = record('doorToDoor');
    expect(r).toMatchObject({
      consumer: { name: 'Bùi Thị Ngọc', province: 'Hồ Chí Minh' },
      business: { name: 'Công ty Aqua Life' },
      product: 'máy lọc nước',
      purchaseDate: '2025-03-08',
      amountVnd: 15_000_000,
      purchaseChannel: 'door_to_door',
      issue: 'ban-hang-tan-cua',
    });
    expect(articles(r).some((a) => [43, 44].includes(a))).toBe(true);
    expect(replyMatching('doorToDoor', /Hồ Chí Minh \(trước đây: Bình Dương\)/)).toBeDefined();
  });

  it('applies the 2010 law to a purchase before 01/7/2024 and sends counterfeits to market surveillance', () => {
    const r = record('oldLaw');
    expect(r).toMatchObject({
      consumer: { name: 'Ngô Thị Hạnh', phone: null, email: 'hanh.ngo@yahoo.com', province: 'Huế' },
      business: { name: 'Beauty House', platform: 'Facebook' },
      purchaseDate: '2024-05-12',
      amountVnd: 520_000,
      applicableLaw: '59/2010/QH12',
      issue: 'hang-gia-hang-nhai',
      desiredResolution: ['refund', 'compensation'],
    });
    expect(r.legalBasis).toContainEqual({ doc: '19/2023/QH15', article: 80, clause: 1 });
    expect(r.suggestedAgency).toMatch(/Quản lý thị trường thành phố Huế/);
    expect(replyMatching('oldLaw', /ĐƠN YÊU CẦU THƯƠNG LƯỢNG[\s\S]*trước ngày 01\/7\/2024[\s\S]*Điều 80/)).toBeDefined();
  });

  it('sends food poisoning at a restaurant to the health department', () => {
    const r = record('food');
    expect(r).toMatchObject({
      consumer: { name: 'Trương Văn Lợi', province: 'Đà Nẵng' },
      business: { name: 'Nhà hàng Hải Sản Biển Xanh' },
      product: 'bữa ăn hải sản',
      purchaseDate: '2025-03-09',
      amountVnd: 2_300_000,
      category: 'an-toan-thuc-pham',
      desiredResolution: ['compensation', 'apology'],
      suggestedAgency: 'Sở Y tế thành phố Đà Nẵng',
    });
  });

  it('understands a story typed without diacritics', () => {
    expect(record('noDiacritics')).toMatchObject({
      consumer: { name: 'Nguyen Van Nam', phone: '0399456789', province: 'Hồ Chí Minh' },
      business: { name: 'Mobile Pro', platform: 'Tiki' },
      product: 'dien thoai',
      purchaseDate: '2025-03-09',
      amountVnd: 5_500_000,
      desiredResolution: ['exchange'],
    });
  });

  it('counts the deadlines in working days across Tết', () => {
    expect(record('beforeTet')).toMatchObject({
      business: { name: 'Cửa hàng Điện Máy An Phát' },
      product: 'tủ lạnh',
      purchaseDate: '2025-01-10',
      amountVnd: 12_000_000,
      issue: 'bao-hanh',
      desiredResolution: ['repair', 'exchange'],
      deadlines: { acknowledgeBy: '2025-02-05', negotiateBy: '2025-02-11' },
    });
    expect(replyMatching('beforeTet', /chậm nhất ngày 05\/2\/2025[\s\S]*chậm nhất ngày 11\/2\/2025/)).toBeDefined();
  });
});
