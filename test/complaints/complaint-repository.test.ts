import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ComplaintRequestError } from '../../src/complaints/complaint-errors.ts';
import { ComplaintRepository } from '../../src/complaints/complaint-repository.ts';
import { sampleRecord } from './sample-record.ts';
import { openTempDatabase, type TempDatabase } from '../support/temp-database.ts';
import { PrismaComplaintStore } from '../../src/storage/prisma-complaint-store.ts';

let db: TempDatabase;
let repo: ComplaintRepository;
const now = new Date('2025-03-12T03:00:00Z');

beforeAll(async () => {
  db = await openTempDatabase();
  repo = new ComplaintRepository(new PrismaComplaintStore(db.prisma));
  await repo.create(sampleRecord(), null);
  await repo.create(sampleRecord({ reference: 'KN-20250311-AAAAA', createdAt: '2025-03-11T10:00:00+07:00', category: 'lua-dao', issue: 'lua-dao-chiem-doat', consumer: { name: 'Lê Văn Bình', phone: '0987654321', email: null, province: 'Cần Thơ' } }), null);
});
afterAll(() => db.dispose());

describe('the complaint repository', () => {
  it('stores the record and gives it back validated', async () => {
    const stored = await repo.get('KN-20250310-7QH2D');
    expect(stored?.record).toEqual(sampleRecord());
    expect(await repo.get('KN-20990101-ZZZZZ')).toBeNull();
  });

  it('lists with filters, newest first', async () => {
    expect((await repo.list()).items.map((c) => c.record.reference)).toEqual(['KN-20250311-AAAAA', 'KN-20250310-7QH2D']);
    expect((await repo.list({ province: 'Cần Thơ' })).items).toHaveLength(1);
    expect((await repo.list({ category: 'bao-hanh' })).items[0]?.record.reference).toBe('KN-20250310-7QH2D');
    expect((await repo.list({ text: 'Bình' })).total).toBe(1);
    expect((await repo.list({ from: '2025-03-11', to: '2025-03-11' })).items.map((c) => c.record.reference)).toEqual(['KN-20250311-AAAAA']);
    await expect(repo.list({ limit: 0 })).rejects.toBeInstanceOf(ComplaintRequestError);
  });

  it('moves along the lifecycle with the actor and note recorded, and refuses what the lifecycle forbids', async () => {
    await repo.transition('KN-20250310-7QH2D', 'acknowledged', { actor: 'staff@hoi.vn', note: 'Doanh nghiệp đã gọi lại', now });
    await expect(repo.transition('KN-20250310-7QH2D', 'received', { actor: 'staff@hoi.vn', now })).rejects.toMatchObject({ code: 'invalid_transition' });
    await expect(repo.transition('KN-20250310-7QH2D', 'closed_unresolved', { actor: 'staff@hoi.vn', now })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(repo.transition('KN-20250310-7QH2D', 'negotiating', { actor: 'not an email', now })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(repo.transition('KN-20990101-ZZZZZ', 'negotiating', { actor: 'bot', now })).rejects.toMatchObject({ code: 'not_found' });
    const stored = await repo.get('KN-20250310-7QH2D');
    expect(stored?.record.status).toBe('acknowledged');
    const history = await repo.history('KN-20250310-7QH2D');
    expect(history.map((e) => [e.fromStatus, e.toStatus, e.actor, e.note])).toEqual([
      [null, 'received', 'consumer', ''],
      ['received', 'acknowledged', 'staff@hoi.vn', 'Doanh nghiệp đã gọi lại'],
    ]);
  });

  it('exports records in the one schema', async () => {
    const exported = await repo.export({ statuses: ['acknowledged'] });
    expect(exported).toHaveLength(1);
    expect(exported[0]).toMatchObject({ reference: 'KN-20250310-7QH2D', status: 'acknowledged' });
  });
});
