import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { warningRoutes } from '../../bot/staff/warning-routes.ts';
import type { RunningServer } from '../../bot/web/web-server.ts';
import type { Clock } from '../../src/shared/clock.ts';
import type { WarningsModule } from '../../src/warnings/warnings-module.ts';
import { adminLogin, agentLogin, StaffClient, staffDeps, startStaffServer } from '../support/staff-server.ts';
import { openTempDatabase, type TempDatabase } from '../support/temp-database.ts';
import { testWarningsModule } from '../support/warnings-fixture.ts';

const form = {
  kind: 'recall',
  title: 'Thu hồi máy sấy tóc Hanami HD-200',
  text: 'Công ty Hanami thu hồi máy sấy tóc HD-200 do dây nguồn có thể quá nhiệt. Ngừng sử dụng và mang tới cửa hàng để được đổi.',
  products: 'máy sấy tóc',
  brands: 'Hanami',
  shops: '',
  sourceName: 'Cục Cạnh tranh và Bảo vệ người tiêu dùng',
  sourceReference: '123/TB-CTBVNTD',
  sourceUrl: 'https://vcccp.gov.vn/thu-hoi/123',
  validFrom: '2026-11-20',
  validTo: '',
  enTitle: 'Hanami HD-200 hair dryer recalled',
  enText: 'Hanami recalls its HD-200 hair dryer: the cord can overheat. Stop using it.',
};

describe('warnings in the staff console', () => {
  let database: TempDatabase;
  let server: RunningServer;
  let warnings: WarningsModule;
  const now = new Date('2026-11-23T03:00:00Z');
  const clock: Clock = { now: () => now };

  beforeEach(async () => {
    database = await openTempDatabase();
    warnings = testWarningsModule(database.prisma, clock);
    const deps = staffDeps(database.prisma, clock);
    server = await startStaffServer(database.prisma, clock, { sections: [{ path: '/', app: warningRoutes({ ...deps, warnings }) }] });
  });
  afterEach(async () => {
    await server.close();
    await database.dispose();
  });

  async function signedIn(login: { email: string; password: string }): Promise<StaffClient> {
    const client = new StaffClient(server.url);
    expect((await client.login(login)).status).toBe(303);
    await client.page('/staff/warnings');
    return client;
  }

  const idFrom = (res: Response) => /\/staff\/warnings\/([a-z0-9]+)/.exec(res.headers.get('location') ?? '')![1]!;
  const provinceIndex = (name: string) => warnings.provinces.indexOf(name);

  it('lets an admin write, preview, publish and withdraw, with every step audited and delivered once', async () => {
    await warnings.subscriptions.subscribe('telegram', '101', { topics: ['recall'], provinces: [], locale: 'vi' }, 'consent', now);
    await warnings.subscriptions.subscribe('zalo', 'z-202', { topics: ['recall'], provinces: ['Khánh Hòa'], locale: 'en' }, 'consent', now);
    await warnings.subscriptions.subscribe('telegram', '303', { topics: ['recall'], provinces: ['Hà Nội'], locale: 'vi' }, 'consent', now);
    await warnings.subscriptions.subscribe('web', 'w-404', { topics: ['scam'], provinces: [], locale: 'vi' }, 'consent', now);
    const admin = await signedIn(adminLogin);

    const invalid = await admin.post('/staff/warnings', { ...form, sourceReference: '', sourceUrl: '' });
    expect(invalid.status).toBe(400);
    const invalidPage = await invalid.text();
    expect(invalidPage).toContain('Chưa lưu: cần kiểm tra lại');
    expect(invalidPage).toContain('value="Thu hồi máy sấy tóc Hanami HD-200"');

    const created = await admin.post('/staff/warnings', { ...form, [`province_${provinceIndex('Khánh Hòa')}`]: 'on' });
    expect(created.status).toBe(303);
    const id = idFrom(created);
    const draft = await admin.page(`/staff/warnings/${id}`);
    expect(draft.html).toContain('Bản nháp');
    expect(draft.html).toContain('class="phone"');
    expect(draft.html).toContain('Hanami HD-200 hair dryer recalled');
    expect(draft.html).toContain('Phạm vi: Khánh Hòa');

    expect((await admin.post(`/staff/warnings/${id}/publish`, { version: '1' })).headers.get('location')).toContain('error=warning.confirm');
    // The form is checked by the validator before the step: an unknown warning is still a 404 page.
    expect((await admin.post('/staff/warnings/nosuchwarning/publish', { version: '1' })).status).toBe(404);
    expect((await admin.post(`/staff/warnings/${id}/publish`, { version: '1', confirm: 'on' })).headers.get('location')).toContain('ok=warning.published');
    await warnings.job.runOnce();
    const outbox = await database.prisma.outbox.findMany({ orderBy: { externalId: 'asc' } });
    // Telegram 101 (everywhere) and Zalo z-202 (Khánh Hòa, in English); not Hà Nội only, not scam only.
    expect(outbox.map((o) => [o.channel, o.externalId])).toEqual([['telegram', '101'], ['zalo', 'z-202']]);
    expect(outbox[1]!.payload).toContain('Hanami HD-200 hair dryer recalled');
    const published = await admin.page(`/staff/warnings/${id}`);
    expect(published.html).toContain('Đã công bố');
    expect(published.html).toMatch(/<div class="value">2<\/div><div class="label">người đăng ký phù hợp/);

    const withdrawn = await admin.post(`/staff/warnings/${id}/withdraw`, { reason: 'Nhà sản xuất đính chính số lô' });
    expect(withdrawn.headers.get('location')).toContain('ok=warning.withdrawn');
    expect(await database.prisma.outbox.count()).toBe(0);
    const history = await admin.page(`/staff/warnings/${id}`);
    expect(history.html).toContain('Nhà sản xuất đính chính số lô');
    expect(history.html).toContain('đã hủy (rút cảnh báo)');

    const audit = await admin.page('/staff/audit?action=warning');
    for (const line of ['Tạo cảnh báo (nháp)', 'Công bố cảnh báo', 'Rút cảnh báo', 'Thu hồi sản phẩm “Thu hồi máy sấy tóc Hanami HD-200”', 'Lý do: Nhà sản xuất đính chính số lô']) expect(audit.html).toContain(line);
  });

  it('keeps agents out until an admin grants the permission, and audits the grant', async () => {
    const agent = await signedIn(agentLogin);
    expect((await agent.page('/staff/warnings')).html).toContain('cần quyền do quản trị viên cấp');
    expect((await agent.page('/staff/warnings/new')).status).toBe(403);
    expect((await agent.post('/staff/warnings', form)).status).toBe(403);

    const admin = await signedIn(adminLogin);
    const publishers = await admin.page('/staff/warnings/publishers');
    const userId = /name="userId" value="([a-z0-9]+)"/.exec(publishers.html)![1]!;
    // A grant for an id no account has is refused before any permission is written.
    expect((await admin.post('/staff/warnings/publishers', { userId: 'nosuchaccount', grant: 'true' })).headers.get('location')).toBe('/staff/warnings/publishers?error=invalid');
    expect((await admin.post('/staff/warnings/publishers', { userId, grant: 'maybe' })).headers.get('location')).toBe('/staff/warnings/publishers?error=invalid');
    expect((await agent.page('/staff/warnings/new')).status).toBe(403);
    expect((await admin.post('/staff/warnings/publishers', { userId, grant: 'true' })).headers.get('location')).toContain('ok=saved');

    expect((await agent.page('/staff/warnings/new')).status).toBe(200);
    expect((await agent.post('/staff/warnings', form)).status).toBe(303);
    const audit = await admin.page('/staff/audit?action=staff.permission');
    expect(audit.html).toContain('Cấp quyền');
    expect(audit.html).toContain('Soạn và công bố cảnh báo.');
  });

  it('refuses an edit made from an old version, naming what happened', async () => {
    const admin = await signedIn(adminLogin);
    const id = idFrom(await admin.post('/staff/warnings', form));
    await admin.page(`/staff/warnings/${id}/edit`);
    expect((await admin.post(`/staff/warnings/${id}/edit`, { ...form, title: 'Thu hồi máy sấy tóc Hanami HD-200 và HD-210', version: '1' })).headers.get('location')).toContain('ok=warning.saved');
    expect((await admin.post(`/staff/warnings/${id}/edit`, { ...form, title: 'Một bản sửa khác', version: '1' })).headers.get('location')).toContain('error=warning.stale');
    const audit = await admin.page('/staff/audit?action=warning');
    expect(audit.html).toContain('sửa tiêu đề');
  });
});
