// `npm run demo:seed -- --demo`: fills a fresh database (DATABASE_URL) with a year of realistic activity,
// so the staff console and its dashboard show meaningful figures, and prints the figures it produced:
// conversations, hand-offs (answered, waiting, active), complaints across statuses, months,
// categories, channels and provinces, and business self-assessments. Deterministic (--seed N), except
// the two accounts' passwords, which are random and printed once.
//
// Guards, since one wrong DATABASE_URL would otherwise pour invented complaints into the real one:
// nothing happens without --demo; a database holding records is refused unless it is marked as a demo
// (then it is emptied and seeded again); the database is marked as a demo (Setting "demo"), so the
// console shows a DEMO DATA banner on every page.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildAssessmentRecord } from '../src/assessment/assessment-record.ts';
import type { BusinessProfile } from '../src/assessment/business-profile.ts';
import { currentCriteriaFile, loadCriteria } from '../src/assessment/criteria-loader.ts';
import type { AnswerValue } from '../src/assessment/criteria-schema.ts';
import { programmeAggregates } from '../src/assessment/programme-aggregates.ts';
import { scoreAssessment } from '../src/assessment/scoring.ts';
import { loadWorkingCalendar } from '../src/complaints/calendar-store.ts';
import type { ComplaintStatus } from '../src/complaints/complaint-lifecycle.ts';
import type { ComplaintRecord } from '../src/complaints/complaint-record.ts';
import { applicableLaw, consumerLaw, type ConsumerLaw } from '../src/complaints/consumer-law.ts';
import { ComplaintRepository } from '../src/complaints/complaint-repository.ts';
import { seedComplaintData } from '../src/complaints/complaint-seed.ts';
import { ComplaintTaxonomy, type ComplaintIssue } from '../src/complaints/complaint-taxonomy.ts';
import { vietnamDate, addDays } from '../src/complaints/local-date.ts';
import { ProvinceDirectory } from '../src/complaints/province-directory.ts';
import { RoutingDirectory } from '../src/complaints/routing-directory.ts';
import { loadConfig } from '../src/config/config.ts';
import { loadKnowledgeBase } from '../src/knowledge/knowledge-loader.ts';
import { LocalCalendar } from '../src/shared/local-calendar.ts';
import type { ChannelName } from '../src/dialogue/messages.ts';
import { clearDemoData, isDemoDatabase, markDemoDatabase, recordCounts } from '../src/staff/demo-database.ts';
import { passwordProblem } from '../src/staff/password-policy.ts';
import { programmeStats } from '../src/staff/programme-stats.ts';
import { StaffAccounts } from '../src/staff/staff-accounts.ts';
import { anonymiseComplaintRecord } from '../src/privacy/complaint-shell.ts';
import { openDatabase, type DatabaseProvider, type Db } from '../src/storage/database.ts';
import { PrismaAssessmentStore } from '../src/storage/prisma-assessment-store.ts';
import { PrismaStaffAccounts } from '../src/storage/prisma-staff-accounts.ts';
import { prismaComplaintStores } from '../src/storage/prisma-complaint-tables.ts';
import { PrismaDemoData } from '../src/storage/prisma-demo-data.ts';
import { PrismaPersonalDataStore } from '../src/storage/prisma-personal-data.ts';
import { PrismaProgrammeRecords } from '../src/storage/prisma-programme-records.ts';
import { foldDiacritics } from '../src/text/vietnamese-unicode.ts';

export class DemoSeedError extends Error {
  override readonly name = 'DemoSeedError';
}

/** A small deterministic generator (mulberry32): the same seed gives the same demo. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    weighted: <T>(items: ReadonlyArray<readonly [T, number]>): T => {
      let r = next() * items.reduce((s, [, w]) => s + w, 0);
      for (const [item, w] of items) if ((r -= w) < 0) return item;
      return items.at(-1)![0];
    },
    chance: (p: number) => next() < p,
  };
}
type Rng = ReturnType<typeof rng>;

const familyNames = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Hoàng', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương'];
const middleNames = ['Thị', 'Văn', 'Minh', 'Ngọc', 'Thanh', 'Hoàng', 'Đức', 'Thu', 'Quốc', 'Bảo'];
const givenNames = ['Lan', 'Hùng', 'Mai', 'Tuấn', 'Hạnh', 'Phúc', 'Linh', 'Dũng', 'Trang', 'Khoa', 'Yến', 'Nam', 'Thảo', 'Long', 'Vy', 'Hiếu'];
const provinces: ReadonlyArray<readonly [string, number]> = [['Hồ Chí Minh', 40], ['Khánh Hòa', 18], ['Đồng Nai', 10], ['Hà Nội', 8], ['Lâm Đồng', 6], ['Đắk Lắk', 5], ['Đà Nẵng', 5], ['Cần Thơ', 4], ['Tây Ninh', 4]];
const channels: ReadonlyArray<readonly [ChannelName, number]> = [['zalo', 46], ['telegram', 30], ['web', 24]];

/** Per category: what was bought, from whom, how, and what went wrong, in the consumer's words. */
const scenarios: Record<string, { products: string[]; businesses: string[]; channel: ComplaintRecord['purchaseChannel'][]; platform?: ComplaintRecord['business']['platform'][]; story: string[]; amount: [number, number] }> = {
  'chat-luong-hang-hoa': { products: ['máy xay sinh tố', 'nồi cơm điện', 'quạt đứng', 'giày thể thao', 'sữa bột trẻ em'], businesses: ['Cửa hàng Điện máy Phú Thành', 'Siêu thị Mini Hòa Bình', 'Shop Giày Nam Phong'], channel: ['in_store', 'online'], platform: ['Shopee', 'Lazada', null], story: ['Dùng được {n} ngày thì hỏng, cửa hàng không chịu đổi.', 'Hàng nhận về khác mô tả, nghi là hàng nhái.', 'Sản phẩm đã hết hạn sử dụng nhưng vẫn bán cho tôi.'], amount: [150_000, 3_500_000] },
  'bao-hanh': { products: ['điện thoại Samsung A55', 'máy lạnh Daikin 1HP', 'xe máy điện', 'tủ lạnh Toshiba', 'laptop Dell'], businesses: ['Điện Máy Sao Việt', 'Trung tâm Di Động 24h', 'Đại lý Xe điện Tân Tiến'], channel: ['in_store'], story: ['Còn hạn bảo hành nhưng trung tâm đòi thu phí sửa.', 'Đã bảo hành {n} lần vẫn không sửa được, xin đổi máy mới không được.', 'Cửa hàng hẹn {n} tuần chưa trả máy bảo hành.'], amount: [2_000_000, 25_000_000] },
  'mua-ban-truc-tuyen': { products: ['tai nghe bluetooth', 'áo khoác', 'bộ nồi inox', 'mỹ phẩm dưỡng da', 'đồng hồ thông minh'], businesses: ['Shop Mây Store', 'Gian hàng TechZone', 'Kho Sỉ Lẻ 88'], channel: ['online'], platform: ['Shopee', 'Lazada', 'TikTok Shop', 'Facebook', 'Tiki'], story: ['Đặt {n} món, giao thiếu mà shop không trả lời tin nhắn.', 'Shop không cho trả hàng dù sản phẩm lỗi, sàn từ chối hoàn tiền.', 'Giao sai màu, sai cỡ, yêu cầu đổi thì shop im lặng.'], amount: [99_000, 2_200_000] },
  'lua-dao': { products: ['vé máy bay', 'khóa học đầu tư', 'điện thoại iPhone', 'tour du lịch Nha Trang'], businesses: ['Trang Vé Rẻ 247', 'Học viện Tài chính Vàng', 'Tour Biển Xanh'], channel: ['online'], platform: ['Facebook', 'Zalo', null], story: ['Chuyển khoản đặt cọc rồi bị chặn liên lạc.', 'Nhận hàng là cục gạch, người bán biến mất.', 'Bị dụ nạp tiền nhiều lần, không rút ra được.'], amount: [500_000, 30_000_000] },
  'an-toan-thuc-pham': { products: ['bánh trung thu', 'thịt heo', 'trà sữa', 'hải sản đông lạnh'], businesses: ['Quán Trà Sữa Mộc', 'Cửa hàng Thực phẩm Sạch An Phú', 'Bếp ăn Hương Quê'], channel: ['in_store', 'online'], platform: [null, 'Facebook'], story: ['Ăn xong cả nhà {n} người bị đau bụng, nôn.', 'Thực phẩm có mùi lạ, không rõ nguồn gốc.', 'Phát hiện dị vật trong thức ăn.'], amount: [40_000, 800_000] },
  'dich-vu': { products: ['gói internet cáp quang', 'gói tập gym 12 tháng', 'khóa học tiếng Anh', 'dịch vụ spa'], businesses: ['Nhà mạng FastNet', 'Phòng tập Power Gym', 'Anh ngữ Bright Kids', 'Spa Hoa Sen'], channel: ['continuous_service', 'in_store'], story: ['Tự động gia hạn, trừ tiền mà không báo trước.', 'Dịch vụ không đúng cam kết, xin dừng thì không hoàn phí.', 'Mạng chập chờn {n} tuần, tổng đài không xử lý.'], amount: [300_000, 12_000_000] },
  'ban-hang-truc-tiep': { products: ['nồi lẩu điện đa năng', 'máy lọc nước', 'nệm từ trường', 'thực phẩm chức năng'], businesses: ['Công ty TNHH Sức Khỏe Vàng', 'Công ty Đa cấp Thịnh Phát', 'Nhóm bán hàng hội thảo An Khang'], channel: ['door_to_door', 'mlm'], story: ['Được mời dự hội thảo tặng quà, bị ép mua giá gấp {n} lần.', 'Nhân viên đến tận nhà bán, xin trả lại trong 3 ngày thì bị từ chối.', 'Tham gia đa cấp, không nhận lại được tiền như cam kết.'], amount: [1_500_000, 45_000_000] },
  'gia-hop-dong': { products: ['căn hộ chung cư', 'gói vay tiêu dùng', 'hợp đồng điện nước', 'vé xem ca nhạc'], businesses: ['Công ty Địa ốc Hưng Thịnh', 'Công ty Tài chính Nhanh', 'Ban quản lý Chung cư Sunrise'], channel: ['in_store', 'continuous_service'], story: ['Hợp đồng có điều khoản miễn trách nhiệm cho bên bán.', 'Thu thêm phụ phí không niêm yết.', 'Tăng giá dịch vụ giữa hợp đồng mà không thỏa thuận.'], amount: [200_000, 50_000_000] },
  'thong-tin-ca-nhan': { products: ['thẻ thành viên siêu thị', 'ứng dụng giao đồ ăn', 'gói bảo hiểm'], businesses: ['Siêu thị Tiện Lợi 365', 'Ứng dụng GiaoNhanh', 'Đại lý Bảo hiểm An Tâm'], channel: ['in_store', 'online'], platform: [null, null, 'Zalo'], story: ['Sau khi mua, tôi liên tục bị gọi điện quảng cáo.', 'Thông tin cá nhân bị chia sẻ cho bên thứ ba mà không hỏi tôi.'], amount: [50_000, 5_000_000] },
  khac: { products: ['vé gửi xe', 'phiếu quà tặng'], businesses: ['Trung tâm Thương mại Lotus', 'Cửa hàng Quà Tặng Xinh'], channel: ['in_store'], story: ['Phiếu quà tặng không được chấp nhận như quảng cáo.'], amount: [50_000, 500_000] },
};
const categoryWeights: ReadonlyArray<readonly [string, number]> = [['mua-ban-truc-tuyen', 26], ['chat-luong-hang-hoa', 18], ['bao-hanh', 14], ['dich-vu', 11], ['lua-dao', 9], ['an-toan-thuc-pham', 7], ['gia-hop-dong', 6], ['ban-hang-truc-tiep', 5], ['thong-tin-ca-nhan', 3], ['khac', 1]];
const resolvedKinds: ReadonlyArray<readonly [ComplaintStatus, number]> = [['resolved_monetary', 55], ['resolved_non_monetary', 30], ['resolved_explanation', 15]];
const askLines = ['Cho tôi gặp nhân viên', 'Tôi muốn nói chuyện với người thật', 'Bực mình quá, gặp nhân viên đi', 'Shop không trả lời, tôi cần tư vấn trực tiếp'];
const staffLines = ['Chào anh/chị, em là nhân viên Hội Bảo vệ quyền lợi người tiêu dùng. Anh/chị cho em xin thêm hóa đơn và ảnh sản phẩm nhé.', 'Trường hợp này anh/chị có quyền yêu cầu đổi hàng theo Điều 30 Luật 19/2023/QH15. Em hướng dẫn anh/chị gửi khiếu nại qua /khieunai nhé.', 'Em đã ghi nhận, hội sẽ liên hệ doanh nghiệp trong tuần này.'];

interface SeedOptions {
  readonly seed: number;
  readonly now: Date;
  readonly knowledgeDir: string;
  readonly adminEmail: string;
  readonly adminPassword: string;
  readonly agentPassword: string;
  /** The database's kind: an erasure checkpoints SQLite's log (default sqlite). */
  readonly provider?: DatabaseProvider;
}

export const demoAgentEmail = 'nhanvien@demo.hoibvntd.vn';

export interface SeedSummary {
  readonly conversations: number;
  readonly complaints: number;
  readonly handoffs: number;
  readonly assessments: number;
}

export async function seedDemo(db: Db, options: SeedOptions): Promise<SeedSummary> {
  const demo = new PrismaDemoData(db);
  if (await isDemoDatabase(demo)) {
    await clearDemoData(demo);
  } else {
    const held = Object.entries(await recordCounts(demo));
    if (held.length > 0) {
      throw new DemoSeedError(
        `The database holds records (${held.map(([what, n]) => `${n} ${what}`).join(', ')}) and is not marked as a demo: ` +
          'demo:seed never mixes invented data with real data. Point DATABASE_URL at a new file.',
      );
    }
  }
  // Marked before the first sample row: an interrupted seed leaves a demo database, never one that looks real.
  await markDemoDatabase(demo, options.now);
  const r = rng(options.seed);
  const dataDir = path.join(options.knowledgeDir, 'complaints');
  const complaintStores = prismaComplaintStores(db);
  await seedComplaintData(complaintStores.seed, dataDir);
  const taxonomy = ComplaintTaxonomy.load(dataDir);
  const law = consumerLaw(await loadKnowledgeBase(options.knowledgeDir), taxonomy);
  const provinceDirectory = ProvinceDirectory.load(dataDir);
  const routing = new RoutingDirectory(complaintStores.routing);
  const calendar = await loadWorkingCalendar(complaintStores.holidays);
  const repo = new ComplaintRepository(complaintStores.complaints);
  await new StaffAccounts(new PrismaStaffAccounts(db)).create({ email: options.adminEmail, password: options.adminPassword, role: 'admin' }, 'demo-seed', options.now);
  await new StaffAccounts(new PrismaStaffAccounts(db)).create({ email: demoAgentEmail, password: options.agentPassword, role: 'agent' }, 'demo-seed', options.now);
  const agents = [options.adminEmail, demoAgentEmail];

  const today = vietnamDate(options.now);
  const year = Number(today.slice(0, 4));
  const currentMonth = Number(today.slice(5, 7));
  let conversations = 0;
  let complaints = 0;
  let handoffs = 0;
  let externalSeq = 1000;

  const conversation = async (channel: ChannelName, at: Date, userName: string, lines: ReadonlyArray<readonly ['in' | 'out' | 'staff', string, number]>, state = 'idle') => {
    conversations++;
    const row = await db.conversation.create({ data: { channel, externalId: `demo-${channel}-${externalSeq++}`, userName, state, createdAt: at, lastMessageAt: at } });
    await db.message.createMany({ data: lines.map(([direction, text, minutes]) => ({ conversationId: row.id, direction, text, createdAt: new Date(at.getTime() + minutes * 60_000), payload: direction === 'staff' ? JSON.stringify({ by: agents[0] }) : '{}' })) });
    return row.id;
  };

  for (let month = 1; month <= currentMonth; month++) {
    // Activity grows through the year as the bot becomes known.
    const perMonth = 18 + month * 2 + r.int(0, 6);
    const lastDay = month === currentMonth ? Number(today.slice(8, 10)) : new Date(Date.UTC(year, month, 0)).getUTCDate();
    for (let i = 0; i < perMonth; i++) {
      const day = r.int(1, lastDay);
      const filedDay = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      const createdAt = new Date(`${filedDay}T${String(r.int(7, 21)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}:00+07:00`);
      if (createdAt > options.now) continue;
      const category = r.weighted(categoryWeights);
      const issue = r.pick(taxonomy.all().filter((x) => x.categoryCode === category));
      const record = await complaintFor(r, issue, law, createdAt, filedDay, calendar.addWorkingDays.bind(calendar), routing, provinceDirectory);
      const conversationId = await conversation(record.channel, createdAt, record.consumer.name ?? '', [
        ['in', '/khieunai', -6],
        ['out', 'Bạn kể giúp tôi chuyện gì đã xảy ra nhé.', -6],
        ['in', record.narrative, -5],
        ['out', `Đã ghi nhận khiếu nại ${record.reference}. Hội sẽ liên hệ doanh nghiệp trong 3 ngày làm việc.`, 0],
      ]);
      await repo.create(record, conversationId);
      complaints++;
      await progress(r, repo, record, createdAt, options.now, agents, calendar.addWorkingDays.bind(calendar));
    }
    // Requests for a person: most answered within minutes during working hours.
    const handoffCount = 6 + month + r.int(0, 4);
    for (let i = 0; i < handoffCount; i++) {
      const lastDayH = month === currentMonth ? Number(today.slice(8, 10)) : new Date(Date.UTC(year, month, 0)).getUTCDate();
      const at = new Date(`${year}-${String(month).padStart(2, '0')}-${String(r.int(1, lastDayH)).padStart(2, '0')}T${String(r.int(8, 16)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}:00+07:00`);
      if (at.getTime() > options.now.getTime() - 3 * 3_600_000) continue;
      const channel = r.weighted(channels);
      const answered = r.chance(0.88);
      const wait = r.weighted([[r.int(1, 6), 50], [r.int(7, 20), 35], [r.int(21, 90), 15]] as const);
      const name = personName(r);
      const conversationId = await conversation(channel, at, name, [
        ['in', r.pick(askLines), 0],
        ['out', 'Tôi đã chuyển cuộc trò chuyện tới nhân viên của Hội Bảo vệ quyền lợi người tiêu dùng.', 0],
        ...(answered ? ([['staff', r.pick(staffLines), wait], ['in', 'Dạ cảm ơn anh/chị.', wait + 3]] as const) : []),
      ]);
      handoffs++;
      await db.handoff.create({
        data: {
          conversationId,
          reason: r.weighted([['requested', 70], ['low_confidence', 20], ['upset', 10]] as const),
          status: 'closed',
          createdAt: at,
          firstResponseAt: answered ? new Date(at.getTime() + wait * 60_000) : null,
          closedAt: new Date(at.getTime() + (answered ? wait + 15 : 24 * 60) * 60_000),
          assignedTo: answered ? r.pick(agents) : null,
        },
      });
    }
  }
  // Today's inbox: people waiting for a person, one chat being answered.
  for (const [minutesAgo, status, text] of [[42, 'waiting', 'Shop trên Shopee không hoàn tiền 1,2 triệu, tôi cần người tư vấn'], [17, 'waiting', 'Cho tôi gặp nhân viên, bảo hành mãi không xong'], [6, 'waiting', 'Bực mình quá!!! Mua nồi chiên hỏng sau 1 tuần'], [25, 'active', 'Tôi bị trừ tiền gói internet không báo trước']] as const) {
    const at = new Date(options.now.getTime() - minutesAgo * 60_000);
    const channel = r.weighted(channels);
    const lines: Array<readonly ['in' | 'out' | 'staff', string, number]> = [['in', text, 0], ['out', 'Tôi đã chuyển cuộc trò chuyện tới nhân viên của Hội Bảo vệ quyền lợi người tiêu dùng.', 0]];
    if (status === 'active') lines.push(['staff', staffLines[0]!, 8], ['in', 'Dạ, tôi gửi hóa đơn đây ạ.', 12]);
    const conversationId = await conversation(channel, at, personName(r), lines, status === 'active' ? 'handoff.active' : 'handoff.waiting');
    handoffs++;
    await db.handoff.create({ data: { conversationId, reason: 'requested', status, createdAt: at, ...(status === 'active' ? { firstResponseAt: new Date(at.getTime() + 8 * 60_000), assignedTo: agents[0] } : {}) } });
  }
  const assessments = await seedAssessments(db, r, options, year, currentMonth);
  // One consumer used /xoadulieu: the console shows the anonymised shell and the audit entry.
  const erased = await db.complaint.findFirst({ where: { conversationId: { not: null }, status: { startsWith: 'resolved' } }, orderBy: { createdAt: 'asc' } });
  if (erased?.conversationId) await new PrismaPersonalDataStore(db, { anonymise: anonymiseComplaintRecord, provider: options.provider ?? 'sqlite' }).erase(erased.conversationId, new Date(options.now.getTime() - 2 * 86_400_000));
  return { conversations, complaints, handoffs, assessments };
}

function personName(r: Rng): string {
  return `${r.pick(familyNames)} ${r.pick(middleNames)} ${r.pick(givenNames)}`;
}

async function complaintFor(
  r: Rng,
  issue: ComplaintIssue,
  law: ConsumerLaw,
  createdAt: Date,
  filedDay: string,
  addWorkingDays: (from: string, n: number) => string,
  routing: RoutingDirectory,
  provinceDirectory: ProvinceDirectory,
): Promise<ComplaintRecord> {
  const s = scenarios[issue.categoryCode] ?? scenarios.khac!;
  const province = r.weighted(provinces);
  const purchaseChannel = r.pick(s.channel);
  const platform = purchaseChannel === 'online' ? r.pick(s.platform ?? [null]) : null;
  const purchaseDate = addDays(filedDay, -r.int(3, 60));
  const phone = r.chance(0.85) ? `09${String(r.int(10_000_000, 99_999_999))}` : null;
  const name = personName(r);
  const agency = await routing.suggest(issue.routing, filedDay, provinceDirectory.fullName(province) ?? province);
  const reference = `KN-${filedDay.replaceAll('-', '')}-${Array.from({ length: 5 }, () => r.pick('23456789ABCDEFGHJKMNPQRSTUVWXYZ'.split(''))).join('')}`;
  return {
    reference,
    status: 'received',
    channel: r.weighted(channels),
    createdAt: createdAt.toISOString(),
    consumer: { name, phone, email: phone && r.chance(0.6) ? null : `${foldDiacritics(name.split(' ').at(-1)!.toLowerCase())}${r.int(10, 99)}@example.com`, province },
    business: { name: r.pick(s.businesses), address: purchaseChannel === 'online' ? null : `${r.int(1, 300)} đường ${r.pick(['Lê Lợi', 'Trần Phú', 'Nguyễn Huệ', 'Hùng Vương', '30/4'])}`, platform },
    product: r.pick(s.products),
    category: issue.categoryCode,
    issue: issue.code,
    purchaseDate,
    amountVnd: Math.round(r.int(s.amount[0], s.amount[1]) / 1000) * 1000,
    purchaseChannel,
    narrative: r.pick(s.story).replace('{n}', String(r.int(2, 5))),
    desiredResolution: [r.weighted([['refund', 40], ['exchange', 25], ['repair', 15], ['compensation', 10], ['apology', 5], ['stop_practice', 5]] as const)],
    evidence: r.chance(0.7) ? [{ kind: 'photo', fileId: `demo-file-${r.int(1000, 9999)}`, fileName: null, mimeType: 'image/jpeg', receivedAt: new Date(createdAt.getTime() - 120_000).toISOString() }] : [],
    legalBasis: [...issue.anchors.map((a) => ({ doc: law.current, article: a.article, clause: a.clause })), { doc: law.current, article: 57, clause: 2 }],
    applicableLaw: applicableLaw(law, purchaseDate),
    suggestedAgency: agency.agency,
    consent: { shareWithBusiness: r.chance(0.85), shareWithAgency: r.chance(0.55) },
    handling: 'negotiation',
    deadlines: { acknowledgeBy: addWorkingDays(filedDay, 3), negotiateBy: addWorkingDays(filedDay, 7) },
  };
}

/** Moves a complaint along a plausible path; the older it is, the further it got. */
async function progress(r: Rng, repo: ComplaintRepository, record: ComplaintRecord, createdAt: Date, now: Date, agents: readonly string[], addWorkingDays: (from: string, n: number) => string): Promise<void> {
  const ageDays = (now.getTime() - createdAt.getTime()) / 86_400_000;
  const filed = vietnamDate(createdAt);
  const at = (workingDays: number, hour = 9) => new Date(`${addWorkingDays(filed, workingDays)}T${String(hour).padStart(2, '0')}:30:00+07:00`);
  const steps: Array<[ComplaintStatus, Date, string]> = [];
  const ending = r.weighted([['resolved', 76], ['referred', 8], ['closed', 6], ['withdrawn', 4], ['stuck', 6]] as const);
  if (ending === 'withdrawn') steps.push(['withdrawn', at(1, 15), 'Người tiêu dùng tự thỏa thuận được với cửa hàng.']);
  else if (ending !== 'stuck' || r.chance(0.5)) {
    const ackDay = r.chance(0.9) ? r.int(1, 3) : r.int(4, 6);
    steps.push(['acknowledged', at(ackDay), '']);
    steps.push(['sent_to_business', at(ackDay + r.int(0, 2), 14), 'Đã gửi văn bản đề nghị doanh nghiệp thương lượng.']);
    if (ending !== 'stuck') {
      const talk = ackDay + r.int(2, 6);
      steps.push(['negotiating', at(talk), '']);
      const end = talk + r.int(3, 15);
      if (ending === 'resolved') steps.push([r.weighted(resolvedKinds), at(end, 16), 'Doanh nghiệp đồng ý giải quyết theo yêu cầu.']);
      if (ending === 'referred') steps.push([r.chance(0.6) ? 'referred_agency' : 'referred_mediation', at(end, 16), 'Doanh nghiệp không hợp tác, chuyển cơ quan có thẩm quyền.']);
      if (ending === 'closed') steps.push(['closed_unresolved', at(end, 16), 'Không liên hệ được doanh nghiệp sau nhiều lần.']);
    }
  }
  for (const [status, when, note] of steps) {
    if (when > now || ageDays < 0) break;
    await repo.transition(record.reference, status, { actor: r.pick(agents), note, now: when });
  }
}

async function seedAssessments(db: Db, r: Rng, options: SeedOptions, year: number, currentMonth: number): Promise<number> {
  const criteria = await loadCriteria(path.join(options.knowledgeDir, currentCriteriaFile));
  const store = new PrismaAssessmentStore(db);
  const names = ['Điện Máy Sao Việt', 'Siêu thị Mini Hòa Bình', 'Shop Mây Store', 'Nhà mạng FastNet', 'Phòng tập Power Gym', 'Cửa hàng Thực phẩm Sạch An Phú', 'Công ty Địa ốc Hưng Thịnh', 'Trung tâm Di Động 24h', 'Bếp ăn Hương Quê', 'Spa Hoa Sen'];
  let count = 0;
  for (let i = 0; i < 36; i++) {
    const month = r.int(1, currentMonth);
    const completedAt = new Date(`${year}-${String(month).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}T10:00:00+07:00`);
    if (completedAt > options.now) continue;
    const profile: BusinessProfile = { sector: r.pick(['goods_retail', 'electronics', 'food', 'services'] as const), size: r.pick(['micro', 'small', 'medium_large'] as const), online: r.chance(0.6), premises: true, continuous: r.chance(0.2), mlm: false, doorToDoor: false, awayFromPremises: false, standardContracts: r.chance(0.4), registration: 'no', warranty: r.chance(0.6), customerData: r.chance(0.7) };
    const diligence = r.next();
    const answers: Record<string, AnswerValue> = {};
    for (const item of criteria.items) answers[item.id] = r.weighted([['yes', 30 + diligence * 50], ['partly', 20], ['no', 30 - diligence * 20], ['unknown', 5]] as const);
    const conversationId = (await db.conversation.create({ data: { channel: 'zalo', externalId: `demo-business-${i}`, createdAt: completedAt } })).id;
    const stored = await store.create({ conversationId, businessName: r.pick(names), criteriaVersion: String(criteria.version), stated: profile, now: completedAt });
    const record = buildAssessmentRecord({ criteria, business: stored.businessName, profile, result: scoreAssessment(criteria, profile, answers), locale: 'vi', completedAt });
    await store.saveProgress(stored.id, { answers: record.answers }, completedAt);
    await store.complete(stored.id, record, completedAt);
    if (r.chance(0.6)) await store.setConsent(stored.id, true, completedAt);
    count++;
  }
  return count;
}

/** A password nobody has read anywhere: a published demo password opens every demo console left on a network. */
export function randomDemoPassword(): string {
  for (;;) {
    const candidate = randomBytes(15).toString('base64url');
    if (passwordProblem(candidate) === null) return candidate;
  }
}

export interface DemoSeedIo {
  readonly databaseUrl: string;
  readonly knowledgeDir: string;
  /** TZ_NAME: the figures printed are counted by local days and years, as the console counts them. */
  readonly timeZone?: string;
  readonly now: Date;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

const usage = 'Usage: npm run demo:seed -- --demo [--seed N] [--admin-email E]\n';

/** The command itself, callable from a test: returns the exit code. */
export async function runDemoSeed(argv: readonly string[], io: DemoSeedIo): Promise<number> {
  let values: ReturnType<typeof readArgs>;
  try {
    values = readArgs(argv);
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    return 2;
  }
  if (values['admin-password'] !== undefined) {
    io.err(`--admin-password is refused: the demo accounts get random passwords, printed once, so no known password opens a demo console.\n${usage}`);
    return 2;
  }
  if (!values.demo) {
    io.err(`demo:seed writes invented complaints, chats and accounts into ${io.databaseUrl}; say --demo to confirm that this database is for a demonstration.\n${usage}`);
    return 2;
  }
  const adminEmail = values['admin-email'];
  const passwords = { admin: randomDemoPassword(), agent: randomDemoPassword() };
  const { now } = io;
  const database = await openDatabase(io.databaseUrl);
  try {
    const summary = await seedDemo(database.prisma, { seed: Number(values.seed), now, knowledgeDir: io.knowledgeDir, adminEmail, adminPassword: passwords.admin, agentPassword: passwords.agent, provider: database.provider });
    const calendar = new LocalCalendar(io.timeZone ?? 'Asia/Ho_Chi_Minh');
    const year = Number(calendar.dateOf(now).slice(0, 4));
    const stats = await programmeStats(new PrismaProgrammeRecords(database.prisma), year, now, calendar);
    const criteria = await loadCriteria(path.join(io.knowledgeDir, currentCriteriaFile));
    const programme = await programmeAggregates(new PrismaAssessmentStore(database.prisma), criteria, calendar.yearRange(year));
    const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
    const out = [
      `Seeded ${io.databaseUrl}: ${summary.conversations} conversations, ${summary.complaints} complaints, ${summary.handoffs} hand-offs, ${summary.assessments} self-assessments.`,
      'The database is marked as a demo: the console shows a DEMO DATA banner on every page.',
      'Console: /staff — passwords generated now, shown only this once:',
      `  admin  ${adminEmail}  ${passwords.admin}`,
      `  agent  ${demoAgentEmail}  ${passwords.agent}`,
      '',
      `Dashboard ${year} (as of ${stats.asOf}):`,
      `  requests received ${stats.total.received} (${stats.total.complaints} complaints + ${stats.total.handoffs} hand-offs)`,
      `  advised ${stats.total.advised} = ${pct(stats.total.advisedRate)} (target >= 80%)`,
      `  resolved ${stats.total.resolved} of ${stats.total.complaints - stats.total.withdrawn} complaints = ${pct(stats.total.resolvedRate)} (target > 70%)`,
      `  overdue now ${stats.total.overdue}; withdrawn ${stats.total.withdrawn}; median first response ${stats.medianFirstResponseMinutes === null ? '—' : `${Math.round(stats.medianFirstResponseMinutes)} min`}`,
      '  by month:    ' + stats.byMonth.filter((m) => m.received > 0).map((m) => `${m.key.slice(5)}:${m.received}/${pct(m.advisedRate)}/${pct(m.resolvedRate)}`).join(' '),
      '  by category: ' + stats.byCategory.map((c) => `${c.key} ${c.complaints}`).join(', '),
      '  by channel:  ' + stats.byChannel.map((c) => `${c.key} ${c.received}`).join(', '),
      `  self-assessments ${programme.assessments} by ${programme.businesses} businesses, average ${programme.averagePercent === null ? '—' : `${programme.averagePercent.toFixed(1)}%`}, most missed: ${programme.topGaps.slice(0, 3).map((g) => `${g.item} (${g.share}%)`).join(', ')}`,
    ];
    io.out(`${out.join('\n')}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof DemoSeedError)) throw error;
    io.err(`${error.message}\n`);
    return 1;
  } finally {
    await database.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const main = async () => {
    const config = loadConfig();
    return runDemoSeed(process.argv.slice(2), {
      databaseUrl: config.DATABASE_URL,
      knowledgeDir: config.KNOWLEDGE_DIR,
      timeZone: config.TZ_NAME,
      now: new Date(),
      out: (text) => process.stdout.write(text),
      err: (text) => process.stderr.write(text),
    });
  };
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}

function readArgs(argv: readonly string[]) {
  return parseArgs({ args: [...argv], options: { demo: { type: 'boolean', default: false }, seed: { type: 'string', default: '2026' }, 'admin-email': { type: 'string', default: 'admin@demo.hoibvntd.vn' }, 'admin-password': { type: 'string' } }, strict: true }).values;
}
