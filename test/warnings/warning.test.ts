import { describe, expect, it } from 'vitest';
import { createTranslators } from '../../src/i18n/translator.ts';
import { wants } from '../../src/warnings/subscription.ts';
import { isCurrent, localized, warningContentSchema } from '../../src/warnings/warning.ts';
import { WarningError } from '../../src/warnings/warning-errors.ts';
import { assertStep } from '../../src/warnings/warning-lifecycle.ts';
import { broadcastText, deliveryLocale } from '../../src/warnings/warning-text.ts';
import { recallContent, warningOf } from './warning-fixture.ts';

const translators = createTranslators();

describe('warning content', () => {
  it('needs a source with a number or a link', () => {
    const parsed = warningContentSchema.safeParse({ ...recallContent(), source: { name: 'Báo X', reference: '', url: '' } });
    expect(parsed.success).toBe(false);
  });

  it('refuses a validity that ends before it starts', () => {
    expect(warningContentSchema.safeParse({ ...recallContent(), validTo: '2026-10-01' }).success).toBe(false);
  });

  it('is current only while published and within its dates', () => {
    const content = recallContent({ validTo: '2026-12-31' });
    expect(isCurrent(warningOf(content), '2026-11-23')).toBe(true);
    expect(isCurrent(warningOf(content), '2027-01-01')).toBe(false);
    expect(isCurrent(warningOf(content), '2026-10-31')).toBe(false);
    expect(isCurrent(warningOf(content, { status: 'withdrawn' }), '2026-11-23')).toBe(false);
  });

  it('reads in English when translated, in Vietnamese otherwise', () => {
    const translated = recallContent({ translations: { en: { title: 'Hanami HD-200 hair dryer recalled', text: 'Hanami recalls its HD-200 hair dryer: the cord can overheat.' } } });
    expect(localized(translated, 'en').title).toBe('Hanami HD-200 hair dryer recalled');
    expect(localized(recallContent(), 'en').translated).toBe(false);
    expect(deliveryLocale(translated, 'en')).toBe('en');
    expect(deliveryLocale(recallContent(), 'en')).toBe('vi');
  });
});

describe('lifecycle', () => {
  it('publishes drafts only and keeps withdrawn warnings read-only', () => {
    expect(() => assertStep('publish', 'draft', 'w')).not.toThrow();
    expect(() => assertStep('publish', 'published', 'w')).toThrow(WarningError);
    expect(() => assertStep('edit', 'withdrawn', 'w')).toThrow(/cannot edit/);
    expect(() => assertStep('withdraw', 'withdrawn', 'w')).toThrow(WarningError);
  });
});

describe('who hears a warning', () => {
  const base = { active: true, topics: ['recall'] as const, provinces: [] as string[] };
  it('follows the kind and meets on a province', () => {
    const local = warningOf(recallContent({ provinces: ['Khánh Hòa'] }));
    expect(wants(base, local)).toBe(true);
    expect(wants({ ...base, provinces: ['Khánh Hòa'] }, local)).toBe(true);
    expect(wants({ ...base, provinces: ['Hà Nội'] }, local)).toBe(false);
    expect(wants({ ...base, provinces: ['Hà Nội'] }, warningOf(recallContent()))).toBe(true);
    expect(wants({ ...base, topics: ['scam'] }, local)).toBe(false);
    expect(wants({ ...base, active: false }, local)).toBe(false);
  });
});

describe('broadcast text', () => {
  it('carries the source, the dates and how to stop', () => {
    const text = broadcastText(warningOf(recallContent({ validTo: '2026-12-31' })), translators('vi'));
    expect(text).toContain('Thu hồi sản phẩm: Thu hồi máy sấy tóc Hanami HD-200');
    expect(text).toContain('Nguồn: Cục Cạnh tranh và Bảo vệ người tiêu dùng, số 123/TB-CTBVNTD, https://vcccp.gov.vn/thu-hoi/123');
    expect(text).toContain('Hiệu lực từ 01/11/2026 đến 31/12/2026');
    expect(text).toContain('Phạm vi: toàn quốc');
    expect(text).toContain('/canhbao');
  });
});
