import { warningContentSchema, type Warning, type WarningContent } from '../../src/warnings/warning.ts';

/** A recall as staff would write it; override what a test is about. */
export function recallContent(overrides: Partial<WarningContent> = {}): WarningContent {
  return warningContentSchema.parse({
    kind: 'recall',
    title: 'Thu hồi máy sấy tóc Hanami HD-200 do nguy cơ cháy nổ',
    text: 'Công ty Hanami thu hồi máy sấy tóc HD-200 sản xuất từ 01/2026 do dây nguồn có thể quá nhiệt. Ngừng sử dụng và mang tới cửa hàng để được đổi miễn phí.',
    products: ['máy sấy tóc'],
    brands: ['Hanami'],
    source: { name: 'Cục Cạnh tranh và Bảo vệ người tiêu dùng', reference: '123/TB-CTBVNTD', url: 'https://vcccp.gov.vn/thu-hoi/123' },
    validFrom: '2026-11-01',
    ...overrides,
  });
}

export function warningOf(content: WarningContent, overrides: Partial<Warning> = {}): Warning {
  const at = new Date('2026-11-02T03:00:00Z');
  return { id: 'w1', status: 'published', content, version: 2, createdBy: 'admin@hoibvntd.vn', createdAt: at, updatedAt: at, publishedAt: at, withdrawnAt: null, audience: null, ...overrides };
}
