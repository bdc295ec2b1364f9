import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ComplaintExtractor } from '../../src/complaints/complaint-extractor.ts';
import type { SpanReader, TaggedValues } from '../../src/complaints/complaint-span-tagger.ts';
import { ProvinceDirectory } from '../../src/complaints/province-directory.ts';
import { decideSpan, defaultSpanPolicy, needsTagger, type SpanPolicy } from '../../src/complaints/span-decisions.ts';
import { loadSpanTagger, spanTaggerCacheFile } from '../../src/complaints/span-tagger-store.ts';
import { knowledgeDir, projectRoot } from '../support/knowledge.ts';

const dataDir = path.join(knowledgeDir, 'complaints');
const provinces = ProvinceDirectory.load(dataDir);
const today = '2026-11-20';

/** A tagger that reads what the test says it reads: the checks on its spans are the subject here. */
function reading(values: Partial<Record<keyof TaggedValues, string>>, margin = 10): SpanReader {
  const tagged = (v: string | undefined) => (v === undefined ? null : { value: v, margin });
  return { tag: () => ({ seller: tagged(values.seller), address: tagged(values.address), product: tagged(values.product) }) };
}
const override: SpanPolicy = { seller: { use: 'override', margin: 0 }, address: { use: 'override', margin: 0 }, product: { use: 'override', margin: 0 } };

describe('weighing a tagged span against the rules', () => {
  const tagged = { value: 'Mây Store', margin: 3 };
  const valid = () => true;

  it('rules: the tagger is not heard', () => {
    expect(decideSpan({ use: 'rules', margin: 0 }, null, tagged, valid)).toBeNull();
  });

  it("fill: the tagger's span only where the rules read nothing", () => {
    expect(decideSpan({ use: 'fill', margin: 0 }, null, tagged, valid)).toBe('Mây Store');
    expect(decideSpan({ use: 'fill', margin: 0 }, 'Shop Hoa', tagged, valid)).toBe('Shop Hoa');
  });

  it('override: the tagger wins when sure enough, else the rules', () => {
    expect(decideSpan({ use: 'override', margin: 2 }, 'Shop Hoa', tagged, valid)).toBe('Mây Store');
    expect(decideSpan({ use: 'override', margin: 5 }, 'Shop Hoa', tagged, valid)).toBe('Shop Hoa');
  });

  it('the tagger is read only when a field could file its reading', () => {
    expect(needsTagger(defaultSpanPolicy, { seller: 'Shop Hoa', address: null, product: null })).toBe(false);
    expect(needsTagger(defaultSpanPolicy, { seller: null, address: 'Huế', product: 'áo' })).toBe(true);
    expect(needsTagger(override, { seller: 'Shop Hoa', address: 'Huế', product: 'áo' })).toBe(true);
  });

  it('a span that fails the checks is never filed', () => {
    expect(decideSpan({ use: 'override', margin: 0 }, 'Shop Hoa', tagged, () => false)).toBe('Shop Hoa');
  });
});

describe('the extractor checks what the tagger reads', () => {
  const read = (text: string, tagger: SpanReader, policy: SpanPolicy = override) => new ComplaintExtractor(provinces, tagger, policy).extract(text, { today, asked: null }).values;

  it('a self-introduction is never the seller', () => {
    const values = read('Tôi tên Trần Thị Mai, mua áo bị rách', reading({ seller: 'Trần Thị Mai' }));
    expect(values.businessName).toBeUndefined();
    expect(values.consumerName).toBe('Trần Thị Mai');
  });

  it('a phone number is neither seller nor product nor address', () => {
    const values = read('gọi 0903 123 456 mãi không ai nghe', reading({ seller: '0903 123 456', product: '0903 123 456', address: '0903 123 456' }));
    expect(values.businessName).toBeUndefined();
    expect(values.product).toBeUndefined();
    expect(values.businessAddress).toBeUndefined();
  });

  it('a province or the platform alone is no seller, and no product', () => {
    expect(read('mua trên Shopee, tôi ở Đà Nẵng', reading({ seller: 'Đà Nẵng', product: 'Shopee' })).businessName).toBeUndefined();
    expect(read('mua trên Shopee, tôi ở Đà Nẵng', reading({ seller: 'Shopee', product: 'Đà Nẵng' })).product).toBeUndefined();
  });

  it('the product is never the seller just read', () => {
    const values = read('Quán Bếp Mẹ Nấu phục vụ chậm', reading({ seller: 'Bếp Mẹ Nấu', product: 'Bếp Mẹ Nấu' }));
    expect(values.businessName).toBe('Bếp Mẹ Nấu');
    expect(values.product).toBeUndefined();
  });

  it("a seller the tagger reads brings its own place after it as the seller's address", () => {
    const values = read('Hãng xe Sao Mai ở 45 đường Trần Hưng Đạo, Cần Thơ tính sai tiền', reading({ seller: 'Sao Mai' }), { ...defaultSpanPolicy, seller: { use: 'override', margin: 0 } });
    expect(values.businessName).toBe('Sao Mai');
    expect(values.businessAddress).toBe('45 đường Trần Hưng Đạo, Cần Thơ');
  });

  it('by default the rules keep the address and the product', () => {
    const values = read('Mua nồi cơm ở cửa hàng Hoa Mai', reading({ product: 'cơm', address: 'Hoa Mai' }), defaultSpanPolicy);
    expect(values.product).toBe('nồi cơm');
    expect(values.businessAddress).toBeUndefined();
  });
});

describe('the trained tagger in the intake (sellers named by a word the rules do not list)', () => {
  const tagger = loadSpanTagger({ dataDir, provinces, cacheFile: spanTaggerCacheFile(path.join(projectRoot, 'generated')) });
  const read = (text: string) => new ComplaintExtractor(provinces, tagger).extract(text, { today, asked: null }).values;
  const rulesAlone = (text: string) => new ComplaintExtractor(provinces).extract(text, { today, asked: null }).values;

  it.each([
    ['a delivery app', 'Tôi đặt đồ ăn qua app Giao Nhanh 247 hôm qua, họ trừ tiền hai lần mà không giao', 'Giao Nhanh 247'],
    ['an insurer', 'Mẹ tôi bị nhân viên bảo hiểm Tâm An Life gọi điện dụ ký hợp đồng, phí 12 triệu', 'Tâm An Life'],
    ['a sale "by" a seller in English', 'My father was sold a water filter by Clean Home Viet at a free health check, 9 million VND', 'Clean Home Viet'],
  ])('%s', (_, text, seller) => {
    expect(rulesAlone(text).businessName).toBeUndefined();
    expect(read(text).businessName).toBe(seller);
  });
});
