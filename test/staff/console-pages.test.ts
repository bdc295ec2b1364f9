import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarRoutes } from '../../bot/staff/calendar-routes.ts';
import { complaintRoutes } from '../../bot/staff/complaint-routes.ts';
import { dashboardRoutes } from '../../bot/staff/dashboard-routes.ts';
import type { RunningServer } from '../../bot/web/web-server.ts';
import { currentCriteriaFile, loadCriteria } from '../../src/assessment/criteria-loader.ts';
import { ComplaintRepository } from '../../src/complaints/complaint-repository.ts';
import { ComplaintTaxonomy } from '../../src/complaints/complaint-taxonomy.ts';
import { TelegramFiles } from '../../bot/telegram/telegram-files.ts';
import { EvidenceFiles } from '../../src/evidence/evidence-files.ts';
import { silentLogger } from '../../src/shared/logger.ts';
import { PrismaEvidenceStore } from '../../src/storage/prisma-evidence-store.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { complaintRecord } from '../support/complaint-fixture.ts';
import { knowledgeDir, loadRealKnowledgeBase } from '../support/knowledge.ts';
import { adminLogin, agentLogin, StaffClient, staffDeps, startStaffServer, testIssuer } from '../support/staff-server.ts';
import { openTempDatabase, type TempDatabase } from '../support/temp-database.ts';
import { readXlsx } from '../support/xlsx-reader.ts';
import { PrismaAssessmentStore } from '../../src/storage/prisma-assessment-store.ts';
import { PrismaComplaintStore } from '../../src/storage/prisma-complaint-store.ts';
import { PrismaComplaintTranscripts, PrismaHolidayTable, PrismaRoutingTable } from '../../src/storage/prisma-complaint-tables.ts';

// Friday 27/11/2026: the fixture's acknowledgement deadline (25/11) has passed.
const clock = fixedClock(new Date('2026-11-27T10:00:00+07:00'));
let database: TempDatabase;
let server: RunningServer;
let agent: StaffClient;
let admin: StaffClient;

beforeAll(async () => {
  database = await openTempDatabase();
  const deps = staffDeps(database.prisma, clock);
  const taxonomy = ComplaintTaxonomy.load(path.join(knowledgeDir, 'complaints'));
  const sections = [
    // No Telegram token here: the Telegram photo of the fixture cannot be fetched, and the page says so.
    { path: '/', app: complaintRoutes({ ...deps, taxonomy, complaints: new ComplaintRepository(new PrismaComplaintStore(database.prisma)), transcripts: new PrismaComplaintTranscripts(database.prisma), knowledgeBase: await loadRealKnowledgeBase(), issuer: testIssuer, evidence: new EvidenceFiles(new PrismaEvidenceStore(database.prisma), { telegram: new TelegramFiles({ token: undefined, apiRoot: 'http://127.0.0.1:9', logger: silentLogger }) }) }) },
    { path: '/', app: dashboardRoutes({ ...deps, taxonomy, issuer: testIssuer, criteria: () => loadCriteria(path.join(knowledgeDir, currentCriteriaFile)), assessments: new PrismaAssessmentStore(database.prisma) }) },
    { path: '/', app: calendarRoutes({ ...deps, holidays: new PrismaHolidayTable(database.prisma), routing: new PrismaRoutingTable(database.prisma) }) },
  ];
  server = await startStaffServer(database.prisma, clock, { sections });
  const repo = new ComplaintRepository(new PrismaComplaintStore(database.prisma));
  await repo.create(complaintRecord(), null);
  await repo.create(complaintRecord({ reference: 'KN-20261126-ABCDE', createdAt: '2026-11-26T08:00:00+07:00', category: 'mua-ban-truc-tuyen', issue: 'giao-sai-thieu-hang', consumer: { name: '=HYPERLINK("http://x")', phone: '0987654321', email: null, province: 'Khánh Hòa' }, consent: { shareWithBusiness: true, shareWithAgency: true }, deadlines: { acknowledgeBy: '2026-12-01', negotiateBy: '2026-12-07' } }), null);
  agent = new StaffClient(server.url);
  await agent.login(agentLogin);
  admin = new StaffClient(server.url);
  await admin.login(adminLogin);
});
afterAll(async () => {
  await server.close();
  await database.dispose();
});

describe('complaint pages', () => {
  it('lists with filters, masks contacts, and marks what is overdue', async () => {
    const all = await agent.page('/staff/complaints');
    expect(all.html).toContain('2 hồ sơ');
    expect(all.html).toContain('09******78');
    expect(all.html).not.toContain('0912345678');
    // The province filter offers each consumer province complaints name, once, in order.
    expect(/<select name="province">([\s\S]*?)<\/select>/.exec(all.html)![1]!.match(/<option[^>]*>[^<]*/g)!.map((o) => o.replace(/<option[^>]*>/, ''))).toEqual(['Tất cả', 'Hồ Chí Minh', 'Khánh Hòa']);
    expect((await agent.page('/staff/complaints?overdue=1')).html).toMatch(/1 hồ sơ[\s\S]*KN-20261120-7QH2D[\s\S]*QUÁ HẠN/);
    expect((await agent.page('/staff/complaints?province=Kh%C3%A1nh%20H%C3%B2a')).html).toContain('KN-20261126-ABCDE');
    expect((await agent.page('/staff/complaints?category=bao-hanh')).html).toContain('1 hồ sơ');
    expect((await agent.page('/staff/complaints?status=resolved_monetary')).html).toContain('0 hồ sơ');
  });

  it('audits a search by phone or e-mail, keeping the term masked', async () => {
    await agent.page('/staff/complaints?q=0912345678');
    await agent.page('/staff/complaints?q=n%E1%BB%93i');
    const searches = await database.prisma.auditLog.findMany({ where: { action: 'complaint.search' } });
    expect(searches).toHaveLength(1);
    expect(searches[0]!.detail).toContain('09******78');
  });

  it('shows the record in full, with legal basis, deadlines and history, and audits the access', async () => {
    const { html } = await agent.page('/staff/complaints/KN-20261120-7QH2D');
    expect(html).toContain('<a href="/staff/complaints">← Danh sách khiếu nại</a>');
    expect(html).toContain('0912345678');
    expect(html).toContain('khoản 1 Điều 30 Luật Bảo vệ quyền lợi người tiêu dùng 2023');
    expect(html).toMatch(/class="deadline overdue">25\/11\/2026/);
    expect(html).toContain('Tệp nằm trên Telegram; máy chủ chưa được cấu hình mã bot Telegram nên chưa xem được ở đây.');
    expect(html).not.toContain('AgAD-photo-1');
    // Opening it anyway gives the console's polite page, not a failure, and the attempt is audited.
    const opened = await agent.request('/staff/complaints/KN-20261120-7QH2D/evidence/0');
    expect(opened.status).toBe(404);
    expect(await opened.text()).toContain('Chưa mở được tệp bằng chứng ở đây');
    expect((await database.prisma.auditLog.findMany({ where: { action: 'complaint.evidence' } })).map((a) => JSON.parse(a.detail))).toEqual([{ index: 0, served: false, download: false }]);
    expect(html).toContain('Thương lượng với doanh nghiệp');
    expect((await database.prisma.auditLog.findMany({ where: { action: 'complaint.view' } })).map((a) => a.target)).toContain('KN-20261120-7QH2D');
  });

  it('moves a complaint along the lifecycle with notes, refusing what the lifecycle forbids', async () => {
    const ref = 'KN-20261120-7QH2D';
    await agent.page(`/staff/complaints/${ref}`);
    expect((await agent.post(`/staff/complaints/${ref}/status`, { status: 'negotiating', note: '' })).headers.get('location')).toContain('error=transition');
    expect((await agent.post(`/staff/complaints/${ref}/status`, { status: 'acknowledged', note: '' })).headers.get('location')).toContain('ok=statusChanged');
    expect((await agent.post(`/staff/complaints/${ref}/status`, { status: 'resolved_explanation', note: '' })).headers.get('location')).toContain('error=noteRequired');
    expect((await agent.post(`/staff/complaints/${ref}/forward`, { note: 'Gửi kèm hóa đơn.' })).headers.get('location')).toContain('ok=forwarded');
    const history = await new ComplaintRepository(new PrismaComplaintStore(database.prisma)).history(ref);
    expect(history.map((h) => h.toStatus)).toEqual(['received', 'acknowledged', 'referred_agency']);
    expect(history.at(-1)!.note).toBe('Chuyển hồ sơ tới: Hội Bảo vệ quyền lợi người tiêu dùng Thành phố Hồ Chí Minh. Gửi kèm hóa đơn.');
    expect(history.at(-1)!.actor).toBe(agentLogin.email);
  });

  it('exports CSV for people: Vietnamese headers and labels, Vietnam time, semicolons, masked contacts, defused formulas', async () => {
    const res = await agent.request('/staff/complaints.csv');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="khieu-nai-2026-11-27.csv"/);
    const bytes = Buffer.from(await res.arrayBuffer());
    // The byte-order mark tells Excel the file is UTF-8 (text() would drop it).
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = bytes.subarray(3).toString('utf8').trim().split('\r\n');
    expect(header!.split(';').slice(0, 8)).toEqual(['Mã hồ sơ', 'Trạng thái', 'Kênh tiếp nhận', 'Ngày giờ tiếp nhận', 'Họ tên người tiêu dùng', 'Điện thoại', 'Email', 'Tỉnh/thành người tiêu dùng']);
    expect(header).toContain(';Lĩnh vực;Vấn đề;Ngày mua;Số tiền (đồng);Hình thức mua;');
    expect(rows).toHaveLength(2);
    const masked = rows.find((r) => r.startsWith('KN-20261120-7QH2D'))!;
    // Filed 09:15 Vietnam time; the codes become their labels, booleans Có/Không, days dd/mm/yyyy.
    expect(masked).toContain('KN-20261120-7QH2D;Chuyển cơ quan chức năng;Telegram;20/11/2026 09:15;Nguyễn Thị Lan;09******78;la***@example.com;');
    expect(masked).toContain(';Bảo hành;');
    expect(masked).toContain(';02/10/2026;2490000;');
    expect(masked).toContain(';Có;Không;25/11/2026;01/12/2026;Thương lượng với doanh nghiệp');
    expect(masked).toContain(';đổi hàng;ảnh (AgAD-photo-1, 20/11/2026 09:16);khoản 1 Điều 30 Luật Bảo vệ quyền lợi người tiêu dùng 2023 (19/2023/QH15);');
    expect(masked).not.toMatch(/bao-hanh|referred_agency|telegram|in_store|exchange|true|false|negotiation/);
    const open = rows.find((r) => r.startsWith('KN-20261126-ABCDE'))!;
    expect(open).toContain(`;"'=HYPERLINK(""http://x"")";0987654321;`);
    expect(open).toContain(';Có;Có;01/12/2026;07/12/2026;Thương lượng với doanh nghiệp');
    expect(await database.prisma.auditLog.count({ where: { action: 'export.complaints' } })).toBe(1);
  });

  it('keeps the codes in a second export for programs', async () => {
    const list = await agent.page('/staff/complaints?status=referred_agency');
    expect(list.html).toContain('href="/staff/complaints.csv?status=referred_agency&amp;format=codes"');
    const res = await agent.request('/staff/complaints.csv?format=codes');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="khieu-nai-ma-2026-11-27.csv"/);
    const [header, ...rows] = (await res.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(header!.split(',').slice(0, 8)).toEqual(['reference', 'status', 'channel', 'createdAt', 'consumer.name', 'consumer.phone', 'consumer.email', 'consumer.province']);
    expect(header!.split(',').at(-1)).toBe('handling');
    expect(rows).toHaveLength(2);
    const masked = rows.find((r) => r.startsWith('KN-20261120-7QH2D'))!;
    expect(masked).toContain('KN-20261120-7QH2D,referred_agency,telegram,2026-11-20T09:15:00+07:00,');
    expect(masked).toContain(',09******78,la***@example.com,');
    expect(masked).toContain(',bao-hanh,bao-hanh,');
    const open = rows.find((r) => r.startsWith('KN-20261126-ABCDE'))!;
    expect(open).toContain(`"'=HYPERLINK(""http://x"")",0987654321,`);
    expect(open).toContain(',true,true,2026-12-01,2026-12-07,negotiation');
    const audits = await database.prisma.auditLog.findMany({ where: { action: 'export.complaints' }, orderBy: { createdAt: 'asc' } });
    expect(audits.map((a) => JSON.parse(a.detail).format)).toEqual(['labels', 'codes']);
  });
  it('exports the same table as an Excel workbook, linked beside the CSV and audited', async () => {
    const list = await agent.page('/staff/complaints?province=Kh%C3%A1nh%20H%C3%B2a');
    expect(list.html).toContain('href="/staff/complaints.xlsx?province=Kh%C3%A1nh+H%C3%B2a">Xuất Excel</a>');
    const res = await agent.request('/staff/complaints.xlsx');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="khieu-nai-2026-11-27.xlsx"/);
    const book = readXlsx(new Uint8Array(await res.arrayBuffer()));
    expect(['A1', 'B1', 'D1', 'P1'].map(book.text)).toEqual(['Mã hồ sơ', 'Trạng thái', 'Ngày giờ tiếp nhận', 'Số tiền (đồng)']);
    const row = ['2', '3'].find((r) => book.text(`A${r}`) === 'KN-20261120-7QH2D')!;
    expect(book.text(`B${row}`)).toBe('Chuyển cơ quan chức năng');
    expect(book.text(`F${row}`)).toBe('09******78');
    expect(book.parts['xl/sharedStrings.xml']).not.toContain('0912345678');
    expect(book.cells.get(`D${row}`)).toMatchObject({ type: null, value: String(46346 + (9 * 60 + 15) / 1440) });
    expect(book.cells.get(`P${row}`)).toMatchObject({ type: null, value: '2490000' });
    const audits = await database.prisma.auditLog.findMany({ where: { action: 'export.complaints' }, orderBy: { createdAt: 'asc' } });
    expect(JSON.parse(audits.at(-1)!.detail)).toMatchObject({ count: 2, format: 'xlsx' });
    const auditPage = await admin.page('/staff/audit');
    expect(auditPage.html).toContain('Xuất 2 hồ sơ, bảng Excel cho người đọc; bộ lọc: không lọc.');
  });
});

describe('dashboard and reports', () => {
  it('counts requests against the targets and produces the yearly report as PDF and CSV', async () => {
    const { html } = await agent.page('/staff/dashboard?year=2026');
    expect(html).toContain('data-chart=');
    expect(html).toMatch(/data-kpi="Yêu cầu tiếp nhận">2</);
    expect(html).toMatch(/data-kpi="Quá hạn">0</);
    // Vietnamese formats; the month under way (clock: 27/11/2026) is marked partial, December has no figures yet.
    expect(html).toContain('Năm 2026 chưa kết thúc: số liệu tính đến ngày 27/11/2026');
    expect(html).toContain('<th>tháng 11/2026 (chưa hết tháng, đến 27/11/2026)</th>');
    expect(html).toContain('<th>tháng 1/2026</th>');
    expect(html).not.toMatch(/<th>2026-\d\d<\/th>|<th>tháng 12\/2026/);
    expect(html).toContain('* tháng 11/2026 chưa kết thúc');
    expect(html).not.toMatch(/data-kpi="[^"]+">\d+\.\d%/);
    const chart = (id: string) => JSON.parse(/<canvas id="([^"]+)" data-chart="([^"]+)"/g.exec(html.slice(html.indexOf(`<canvas id="${id}"`)))![2]!.replaceAll('&quot;', '"').replaceAll('&amp;', '&')) as { data: { labels: string[]; datasets: { data: (number | null)[]; backgroundColor: string[] | string }[] }; options: { locale: string } };
    const byMonth = chart('by-month');
    expect(byMonth.data.labels.slice(9)).toEqual(['tháng 10', 'tháng 11*', 'tháng 12']);
    expect(byMonth.data.datasets[0]!.data.slice(9)).toEqual([0, 2, null]);
    expect((byMonth.data.datasets[0]!.backgroundColor as string[]).slice(9)).toEqual(['#0b5cad', '#0b5cad66', '#0b5cad']);
    expect(byMonth.options.locale).toBe('vi-VN');
    expect(chart('rates').data.datasets[0]!.data.at(-1)).toBeNull();
    const pdf = await agent.request('/staff/reports/yearly.pdf?year=2026');
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    const csv = await (await agent.request('/staff/reports/yearly.csv?year=2026')).text();
    const [head, ...lines] = csv.trim().split('\r\n');
    expect(head).toBe('Phần;Nhóm;Yêu cầu tiếp nhận;Đã tư vấn, hỗ trợ;Tỷ lệ tư vấn, hỗ trợ;Đã giải quyết;Tỷ lệ giải quyết thành công;Quá hạn;Khiếu nại;Yêu cầu gặp nhân viên');
    expect(lines[0]).toMatch(/^Cả năm;2026;2;\d+;(\d+,\d%|—);/);
    expect(lines).toContain('Theo tháng;tháng 1/2026;0;0;—;0;—;0;0;0');
    expect(lines.find((l) => l.startsWith('Theo tháng;tháng 11/2026 (chưa hết tháng, đến 27/11/2026);2;'))).toBeDefined();
    expect(lines.some((l) => l.includes('tháng 12/2026'))).toBe(false);
    expect(lines.find((l) => l.startsWith('Theo lĩnh vực;Bảo hành;'))).toBeDefined();
    const codes = await (await agent.request('/staff/reports/yearly.csv?year=2026&format=codes')).text();
    expect(codes).toContain('total,2026,2,');
    expect(codes).toContain('month,2026-11,2,');
    expect((await agent.page('/staff/programme')).status).toBe(200);
  });
});

describe('routing directory and holidays', () => {
  it('lets admins edit both, audited, and agents only read', async () => {
    await agent.page('/staff/holidays');
    expect((await agent.post('/staff/holidays', { date: '2026-12-24', name: 'Nghỉ thử' })).status).toBe(403);
    const { html } = await admin.page('/staff/holidays?year=2026');
    expect(html).toContain('Thêm hoặc sửa ngày');
    expect((await admin.post('/staff/holidays', { date: '2026-12-24', name: 'Nghỉ <b>thử</b>', isWorkingDay: 'false' })).headers.get('location')).toContain('ok=saved');
    expect((await admin.page('/staff/holidays?year=2026')).html).toContain('Nghỉ &lt;b&gt;thử&lt;/b&gt;');
    // Saving the same date again replaces it; deleting it removes it; each edit has its audit line.
    await admin.post('/staff/holidays', { date: '2026-12-24', name: 'Nghỉ bù', isWorkingDay: 'false' });
    const days = (await admin.page('/staff/holidays?year=2026')).html;
    expect(days).toContain('Nghỉ bù');
    expect(days).not.toContain('Nghỉ &lt;b&gt;thử&lt;/b&gt;');
    const dayId = (await database.prisma.holiday.findUniqueOrThrow({ where: { date: '2026-12-24' } })).id;
    expect((await admin.post(`/staff/holidays/${dayId}/delete`, {})).headers.get('location')).toBe('/staff/holidays?year=2026&ok=deleted');
    expect(await database.prisma.holiday.findUnique({ where: { date: '2026-12-24' } })).toBeNull();
    expect((await admin.post(`/staff/holidays/${dayId}/delete`, {})).headers.get('location')).toBe('/staff/holidays?error=notFound');
    expect(await database.prisma.auditLog.count({ where: { action: { in: ['holiday.save', 'holiday.delete'] }, target: '2026-12-24' } })).toBe(3);

    await admin.page('/staff/directory');
    const saved = await admin.post('/staff/directory', { key: 'consumer.hoi-kh.2026', category: 'general', agency: 'Hội BVQLNTD tỉnh Khánh Hòa', validFrom: '2026-07-01', validTo: '', description: '', contact: '0258 000 000', source: 'test' });
    expect(saved.headers.get('location')).toContain('ok=saved');
    const entry = await database.prisma.routingEntry.findUniqueOrThrow({ where: { key: 'consumer.hoi-kh.2026' } });
    expect(entry.updatedBy).toBe(adminLogin.email);
    await admin.post(`/staff/directory/${entry.id}/retire`, {});
    expect((await database.prisma.routingEntry.findUniqueOrThrow({ where: { id: entry.id } })).validTo).toBe('2026-11-26');
    expect((await admin.post('/staff/directory/no-such-entry/retire', {})).headers.get('location')).toBe('/staff/directory?error=notFound');
    const actions = (await database.prisma.auditLog.findMany({ where: { actor: adminLogin.email } })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['holiday.save', 'directory.save', 'directory.retire']));
  });

  it('shows the directory in words and lets admins add an entry by choosing, without typing codes', async () => {
    // As the seed (knowledge/complaints/routing.json) writes them.
    await database.prisma.routingEntry.createMany({
      data: [
        { key: 'counterfeit.cuc-qltt.2025', category: 'counterfeit', agency: 'Cục Quản lý thị trường {province}', description: 'Hàng giả.', contact: '', source: 'thử', validFrom: '2025-03-01', validTo: null, updatedBy: 'seed' },
        { key: 'food-agri.so-nn-mt.2025', category: 'food_agri', agency: 'Sở Nông nghiệp và Môi trường {province}', description: 'Nông sản.', contact: '', source: 'thử', validFrom: '2025-03-01', validTo: null, updatedBy: 'seed' },
        { key: 'fraud.cong-an.2019', category: 'fraud', agency: 'Công an {province}', description: 'Lừa đảo.', contact: '', source: 'thử', validFrom: '2019-01-01', validTo: null, updatedBy: 'seed' },
      ],
    });
    const { html } = await admin.page('/staff/directory');
    expect(html).toContain('<td data-label="Loại việc">Hàng giả, hàng nhập lậu, gian lận thương mại</td>');
    expect(html).toContain('Cục Quản lý thị trường <span class="placeholder">‹tỉnh/thành của người tiêu dùng›</span>');
    expect(html).not.toMatch(/>counterfeit<|>food_agri<|<strong>[^<]*\{province\}/);
    expect(html).toContain('<option value="food_agri">An toàn thực phẩm nông, lâm, thủy sản</option>');
    expect(html).not.toContain('name="key" value=""');
    const added = await admin.post('/staff/directory', { category: 'fraud', agency: 'Công an {province}', validFrom: '2026-12-01', validTo: '', description: 'Tố giác lừa đảo qua mạng.', contact: '113', source: 'thử' });
    expect(added.headers.get('location')).toContain('ok=saved');
    const entry = await database.prisma.routingEntry.findFirstOrThrow({ where: { description: 'Tố giác lừa đảo qua mạng.' } });
    expect(entry.key).toMatch(/^fraud\.2026-12-01\.[0-9a-f]{6}$/);
    expect(entry.category).toBe('fraud');
    // Editing keeps the entry's key.
    await admin.post('/staff/directory', { key: entry.key, category: 'fraud', agency: 'Công an {province}', validFrom: '2026-12-01', validTo: '', description: 'Tố giác lừa đảo qua mạng.', contact: '113 hoặc 069.219.4053', source: 'thử' });
    expect(await database.prisma.routingEntry.count({ where: { description: 'Tố giác lừa đảo qua mạng.' } })).toBe(1);
    expect((await database.prisma.routingEntry.findUniqueOrThrow({ where: { key: entry.key } })).contact).toBe('113 hoặc 069.219.4053');
  });
});

describe('the audit log', () => {
  it('reads each detail as a sentence, with labels instead of codes, in the text font', async () => {
    const at = new Date('2026-11-27T09:00:00+07:00');
    await database.prisma.auditLog.createMany({
      data: [
        { actor: 'consumer', action: 'privacy.erase', target: 'c1', detail: JSON.stringify({ messages: 1234, complaints: 1, assessments: 0, complaintReferences: ['KN-20261120-7QH2D'] }), createdAt: at },
        { actor: 'system', action: 'something.new', target: '', detail: JSON.stringify({ note: 'thử', handoffId: 'abc', shared: true }), createdAt: at },
      ],
    });
    const { html } = await admin.page('/staff/audit');
    const details = [...html.matchAll(/<td data-label="Chi tiết" class="detail">([\s\S]*?)<\/td>/g)].map((m) => m[1]!.trim());
    expect(details).toEqual(expect.arrayContaining([
      'Từ “Đã tiếp nhận” sang “Đã xác nhận”.',
      'Từ “Đã xác nhận” sang “Chuyển cơ quan chức năng”. Ghi chú: Chuyển hồ sơ tới: Hội Bảo vệ quyền lợi người tiêu dùng Thành phố Hồ Chí Minh. Gửi kèm hóa đơn.',
      'Xuất 2 hồ sơ, bản cho người đọc; bộ lọc: không lọc.',
      'Xuất 2 hồ sơ, bản dạng mã cho phần mềm; bộ lọc: không lọc.',
      'Tìm “09******78” (đã che bớt).',
      '“Nghỉ &lt;b&gt;thử&lt;/b&gt;”, ngày nghỉ.',
      'Loại việc “Khiếu nại tiêu dùng chung, hỗ trợ thương lượng” giao cho Hội BVQLNTD tỉnh Khánh Hòa, áp dụng từ 01/07/2026.',
      'Đã xóa 1.234 tin nhắn; 1 khiếu nại được ẩn danh (KN-20261120-7QH2D); 0 bản tự đánh giá được tách khỏi cuộc trò chuyện.',
      'Ghi chú: thử; Mã hỗ trợ: abc; shared: có',
    ]));
    expect(details.filter((d) => /^Từ địa chỉ \S+\.$/.test(d)).length).toBeGreaterThan(0);
    expect(html).not.toMatch(/from: |to: |resolved_|class="mono small"/);
  });
});

describe('error pages', () => {
  /** A console page: Vietnamese, with the menu and the signed-in person. */
  const inConsole = (html: string, title: string) => {
    expect(html).toContain(`<h1>${title}</h1>`);
    expect(html).toContain('<nav class="nav"');
    expect(html).toContain(agentLogin.email);
    expect(html).toContain('href="/staff/inbox">Về hộp thư</a>');
  };

  it('tells an agent in Vietnamese, inside the console, that a page is for admins', async () => {
    const accounts = await agent.request('/staff/accounts', { headers: { Referer: `${server.url}/staff/complaints?page=2` } });
    expect(accounts.status).toBe(403);
    const html = await accounts.text();
    inConsole(html, 'Không có quyền truy cập');
    expect(html).toContain('chỉ dành cho quản trị viên');
    expect(html).toContain('href="/staff/complaints?page=2">← Quay lại trang trước</a>');
    expect(html).not.toContain('Forbidden');
    await agent.page('/staff/holidays');
    const post = await agent.post('/staff/holidays', { date: '2026-12-24', name: 'Nghỉ thử' });
    expect(post.status).toBe(403);
    inConsole(await post.text(), 'Không có quyền truy cập');
  });

  it('answers an unknown page, chat or complaint with a Vietnamese 404 page', async () => {
    for (const path of ['/staff/khong-co-trang-nay', '/staff/inbox/abcdefghij1234', '/staff/inbox/KHONG-HOP-LE', '/staff/complaints/KN-20990101-ZZZZZ', '/staff/complaints/khong-hop-le']) {
      const res = await agent.request(path);
      expect(res.status, path).toBe(404);
      const html = await res.text();
      inConsole(html, 'Không tìm thấy trang');
      // A foreign Referer offers no way back to it.
      expect(html).not.toContain('Quay lại');
    }
  });

  it('explains a stale form instead of a bare "Forbidden", and changes nothing', async () => {
    await agent.page('/staff/inbox');
    const res = await agent.post('/staff/password', { current: 'x', password: 'y', repeat: 'y' }, 'a-token-of-an-older-session');
    expect(res.status).toBe(403);
    inConsole(await res.text(), 'Biểu mẫu đã cũ');
    const fresh = new StaffClient(server.url);
    await fresh.page('/staff/login');
    const login = await fresh.post('/staff/login', agentLogin, 'from-another-tab');
    expect(login.status).toBe(403);
    const form = await login.text();
    expect(form).toContain('Trang đăng nhập này đã cũ');
    expect(form).toContain(`value="${agentLogin.email}"`);
    expect(form).toContain('name="_csrf"');
  });
});

// Last: the complaint it adds would change the figures counted above.
describe('a complaint filed at the end of a long chat', () => {
  it("shows the latest messages of a long chat on the complaint's page", async () => {
    const conversation = await database.prisma.conversation.create({ data: { channel: 'zalo', externalId: 'long-complaint-chat' } });
    const start = Date.parse('2026-11-01T08:00:00+07:00');
    await database.prisma.message.createMany({ data: Array.from({ length: 1_100 }, (_, i) => ({ conversationId: conversation.id, direction: i % 2 ? 'out' : 'in', text: `Tin số ${String(i + 1).padStart(4, '0')}.`, createdAt: new Date(start + i * 60_000) })) });
    await new ComplaintRepository(new PrismaComplaintStore(database.prisma)).create(complaintRecord({ reference: 'KN-20261127-LONG1', createdAt: '2026-11-27T08:00:00+07:00' }), conversation.id);
    const { html } = await agent.page('/staff/complaints/KN-20261127-LONG1');
    const shown = [...html.matchAll(/Tin số (\d{4})\./g)].map((m) => Number(m[1]));
    expect(shown).toEqual(Array.from({ length: 500 }, (_, i) => 601 + i));
    expect(html).toContain('Xem 500 tin nhắn gần nhất (cả cuộc trò chuyện có 1.100 tin)');
    // Each message keeps its side of the chat.
    expect(html).toContain('<li class="msg in"><div class="bubble">Tin số 0601.</div>');
    expect(html).toContain('<li class="msg out"><div class="bubble">Tin số 0602.</div>');
  });

  it('pages the list with numbers', async () => {
    // Copies of a stored row, written at once (one by one through the repository takes seconds on a busy machine).
    const { id: _id, reference: _reference, ...row } = await database.prisma.complaint.findFirstOrThrow({ where: { reference: 'KN-20261120-7QH2D' } });
    await database.prisma.complaint.createMany({ data: Array.from({ length: 300 }, (_, i) => ({ ...row, reference: `KN-20261101-P${String(i).padStart(4, '0')}`, createdAt: new Date('2026-11-01T08:00:00+07:00') })) });
    // 303 complaints, 50 a page: 7 pages.
    const links = (html: string) => [...html.matchAll(/<a href="\/staff\/complaints\?([^"]*)"( aria-current="page")?[^>]*>([^<]+)<\/a>/g)].map((m) => `${m[3]}${m[2] ? '*' : ''}`);
    const gaps = (html: string) => (/<nav class="pager"[\s\S]*?<\/nav>/.exec(html)?.[0].match(/…/g) ?? []).length;
    const first = await agent.page('/staff/complaints');
    expect(first.html).toContain('303 hồ sơ');
    expect(links(first.html)).toEqual(['1*', '2', '3', '7', '›']);
    expect(gaps(first.html)).toBe(1);
    const middle = await agent.page('/staff/complaints?page=4');
    expect(links(middle.html)).toEqual(['‹', '1', '2', '3', '4*', '5', '6', '7', '›']);
    expect(middle.html).toContain('Trang 4/7');
    const filtered = await agent.page('/staff/complaints?category=bao-hanh&page=6');
    expect(links(filtered.html)).toEqual(['‹', '1', '4', '5', '6*', '7', '›']);
    expect(filtered.html).toContain('href="/staff/complaints?category=bao-hanh&amp;page=5"');
  });
});
