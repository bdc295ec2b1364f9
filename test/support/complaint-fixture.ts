import type { ComplaintRecord } from '../../src/complaints/complaint-record.ts';

/** A complete, valid complaint record; tests override what they look at. */
export function complaintRecord(overrides: Partial<ComplaintRecord> = {}): ComplaintRecord {
  return {
    reference: 'KN-20261120-7QH2D',
    status: 'received',
    channel: 'telegram',
    createdAt: '2026-11-20T09:15:00+07:00',
    consumer: { name: 'Nguyễn Thị Lan', phone: '0912345678', email: 'lan.nguyen@example.com', province: 'Hồ Chí Minh' },
    business: { name: 'Cửa hàng Điện Máy Sao Mai', address: '12 Lê Lợi, Thủ Dầu Một', platform: null },
    product: 'nồi chiên không dầu',
    category: 'bao-hanh',
    issue: 'bao-hanh',
    purchaseDate: '2026-10-02',
    amountVnd: 2_490_000,
    purchaseChannel: 'in_store',
    narrative: 'Nồi hỏng sau 3 tuần, cửa hàng từ chối bảo hành.',
    desiredResolution: ['exchange'],
    evidence: [{ kind: 'photo', fileId: 'AgAD-photo-1', fileName: null, mimeType: 'image/jpeg', receivedAt: '2026-11-20T09:16:00+07:00' }],
    legalBasis: [{ doc: '19/2023/QH15', article: 30, clause: 1 }],
    applicableLaw: '19/2023/QH15',
    suggestedAgency: 'Hội Bảo vệ quyền lợi người tiêu dùng Thành phố Hồ Chí Minh',
    consent: { shareWithBusiness: true, shareWithAgency: false },
    handling: 'negotiation',
    deadlines: { acknowledgeBy: '2026-11-25', negotiateBy: '2026-12-01' },
    ...overrides,
  };
}
