import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ComplaintDataError } from '../../src/complaints/complaint-errors.ts';
import { ComplaintTaxonomy, type TaxonomyData } from '../../src/complaints/complaint-taxonomy.ts';
import { knowledgeDir } from '../support/knowledge.ts';

const file = path.join(knowledgeDir, 'complaints', 'taxonomy.json');
const data = (): TaxonomyData => JSON.parse(readFileSync(file, 'utf8')) as TaxonomyData;
const taxonomy = ComplaintTaxonomy.load(path.join(knowledgeDir, 'complaints'));

describe('taxonomy data', () => {
  it('rejects a keyword holding an ignored word: it could never match the story it was written for', () => {
    const bad = data();
    bad.categories[0]!.issues[0]!.match[0]!.push('lua toi');
    expect(() => new ComplaintTaxonomy(bad)).toThrow(ComplaintDataError);
  });

  it('rejects an anchor article given as text', () => {
    const bad = data() as unknown as { categories: Array<{ issues: Array<{ anchors: Array<{ article: unknown }> }> }> };
    bad.categories[0]!.issues[0]!.anchors[0]!.article = '14';
    expect(() => new ComplaintTaxonomy(bad as unknown as TaxonomyData)).toThrow(ComplaintDataError);
  });

  it('maps articles of the 2023 law to the 2010 law only where the old law had one', () => {
    expect(taxonomy.previousLaw.get(30)).toEqual([21]);
    expect(taxonomy.previousLaw.get(37)).toBeUndefined();
  });

  it('gives the goods issues their Civil Code sale articles, and none to a scam or a service', () => {
    const civil = (code: string) => taxonomy.issue(code)!.civilCode.map((a) => a.article);
    expect(civil('hang-loi-hong')).toEqual([445]);
    expect(civil('bao-hanh')).toEqual([447, 448]);
    expect(civil('lua-dao-chiem-doat')).toEqual([]);
    expect(civil('dich-vu-khong-dung-cam-ket')).toEqual([]);
    for (const issue of taxonomy.all()) for (const a of issue.civilCode) expect(a.article === 608 || (a.article >= 430 && a.article <= 454)).toBe(true);
  });
});

describe('reading a story', () => {
  it('writes out shorthand, drops pronouns and masks look-alike phrases', () => {
    expect(taxonomy.normalise('e mún trả hàng mà shop ko cho, k dc')).toBe('muon tra hang ma shop khong cho, khong duoc');
    expect(taxonomy.normalise('cửa hàng gia dụng')).not.toContain('hang gia');
    expect(taxonomy.normalise("it doesn't work")).toBe('it doesn t work');
  });

  it('prefers a specific issue to the generic defect it also tells of', () => {
    expect(taxonomy.classify('laptop tự tắt nguồn, sập nguồn, đã mang đi bảo hành 3 lần').code).toBe('bao-hanh');
    expect(taxonomy.classify('váy bị bục đường may, cửa hàng không cho đổi').code).toBe('khong-doi-tra-hoan-tien');
    expect(taxonomy.classify('váy bị bục đường may, mặc một lần đã rách').code).toBe('hang-loi-hong');
  });

  it('files a story that reads as a scam under the fraud issue, whatever goods it names', () => {
    expect(taxonomy.classify('chuyển khoản mua sữa bột qua zalo, giờ bị chặn zalo, không giao hàng').code).toBe('lua-dao-chiem-doat');
    expect(taxonomy.classify('mua sữa bột về pha cho con uống bị tiêu chảy').categoryCode).toBe('an-toan-thuc-pham');
  });

  it("when no keyword says what went wrong, the record's facts do, and 'Khác' only when none does", () => {
    const story = 'chuyện xảy ra tuần trước, tôi rất bực';
    expect(taxonomy.classify(story).code).toBe('khac');
    expect(taxonomy.classify(story, { channel: 'door_to_door' }).code).toBe('ban-hang-tan-cua');
    expect(taxonomy.classify(story, { channel: 'continuous_service' }).code).toBe('dich-vu-lien-tuc');
    expect(taxonomy.classify(`tour du lịch, ${story}`, { channel: 'online', product: 'tour' }).code).toBe('dich-vu-khong-dung-cam-ket');
    expect(taxonomy.classify(story, { channel: 'online', product: 'áo len' }).code).toBe('khong-dung-mo-ta');
    expect(taxonomy.classify(story, { channel: 'in_store', product: 'nồi cơm điện' }).code).toBe('hang-loi-hong');
    // A keyword match still decides.
    expect(taxonomy.classify('siêu thị không chịu xuất hóa đơn', { channel: 'in_store', product: 'xi măng' }).code).toBe('khac');
  });

  it('food that harmed people after a banquet, or a foreign object in it, is food safety', () => {
    expect(taxonomy.classify('tiệc cưới 30 mâm. Sau tiệc có hơn 40 khách bị đau bụng, tiêu chảy, 9 người phải nhập viện, tổng hợp đồng 105 triệu').categoryCode).toBe('an-toan-thuc-pham');
    expect(taxonomy.classify('lon sữa bột. Pha đến muỗng thứ 3 thì thấy một mẩu nhựa cứng lẫn trong sữa, may bé chưa uống phải.').categoryCode).toBe('an-toan-thuc-pham');
  });

  it('marketing messages, being added to groups and a number passed on are personal data misuse', () => {
    expect(taxonomy.classify('Từ khi làm thẻ thành viên ở siêu thị, tôi bị kéo vào mấy nhóm Zalo bán bảo hiểm, ai đó còn phát tán cả số CCCD của tôi').categoryCode).toBe('thong-tin-ca-nhan');
    expect(taxonomy.classify('cua hang sim chuyen so cua toi cho ben vay tien, ngay nao cung co tin nhan quang cao').categoryCode).toBe('thong-tin-ca-nhan');
    expect(taxonomy.classify('The gym keeps sending marketing SMS although I unsubscribed when I cancelled').categoryCode).toBe('thong-tin-ca-nhan');
  });

  it('a refused invoice is filed as such, though a warranty card is asked for beside it', () => {
    expect(taxonomy.classify('Tôi đề nghị cửa hàng xuất hóa đơn và phiếu bảo hành, chủ cửa hàng nói mua giá rẻ thì không có hóa đơn. Tôi muốn cửa hàng cung cấp hóa đơn, chứng từ.').code).toBe('khac');
  });

  it('rejects a fact fallback naming no issue', () => {
    const bad = data() as unknown as { factFallbacks: Array<{ issue: string }> };
    bad.factFallbacks.push({ issue: 'no-such-issue' });
    expect(() => new ComplaintTaxonomy(bad as unknown as TaxonomyData)).toThrow(ComplaintDataError);
  });
});
