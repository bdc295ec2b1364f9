import type { ComplaintRecord } from '../../src/complaints/complaint-record.ts';

/** A filed warranty complaint from Đà Nẵng; tests override the parts they look at. */
export function sampleRecord(overrides: Partial<ComplaintRecord> = {}): ComplaintRecord {
  const base: ComplaintRecord = {
    reference: 'KN-20250310-7QH2D',
    status: 'received',
    channel: 'zalo',
    createdAt: '2025-03-10T02:00:00.000Z',
    consumer: { name: 'Trần Thị Mai', phone: '0905123456', email: null, province: 'Đà Nẵng' },
    business: { name: 'Điện Máy Sông Hàn', address: '45 Hùng Vương, Hải Châu', platform: null },
    product: 'máy giặt cửa trước',
    category: 'bao-hanh',
    issue: 'bao-hanh',
    purchaseDate: '2024-11-02',
    amountVnd: 8_900_000,
    purchaseChannel: 'in_store',
    narrative: 'Máy giặt bảo hành 3 lần vẫn báo lỗi, cửa hàng không chịu đổi máy mới.',
    desiredResolution: ['exchange', 'compensation'],
    evidence: [{ kind: 'photo', fileId: 'zalo-photo-17', fileName: null, mimeType: 'image/jpeg', receivedAt: '2025-03-10T02:01:00.000Z' }],
    legalBasis: [
      { doc: '19/2023/QH15', article: 30, clause: 2 },
      { doc: '19/2023/QH15', article: 31, clause: 2 },
      { doc: '19/2023/QH15', article: 57, clause: 2 },
    ],
    applicableLaw: '19/2023/QH15',
    suggestedAgency: 'Hội Bảo vệ quyền lợi người tiêu dùng thành phố Đà Nẵng',
    consent: { shareWithBusiness: true, shareWithAgency: true },
    handling: 'negotiation',
    deadlines: { acknowledgeBy: '2025-03-13', negotiateBy: '2025-03-19' },
  };
  return { ...base, ...overrides };
}
