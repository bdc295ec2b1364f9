import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ComplaintTaxonomy } from '../../src/complaints/complaint-taxonomy.ts';
import { applicableLaw, findLegalBasis } from '../../src/complaints/legal-basis.ts';
import type { PurchaseChannel } from '../../src/complaints/infer-purchase-channel.ts';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { KeywordPassageSearch } from '../support/keyword-passage-search.ts';
import { knowledgeDir, loadRealKnowledgeBase, projectRoot } from '../support/knowledge.ts';

const taxonomy = ComplaintTaxonomy.load(path.join(knowledgeDir, 'complaints'));
let knowledgeBase: KnowledgeBase;
let search: KeywordPassageSearch;

beforeAll(async () => {
  knowledgeBase = await loadRealKnowledgeBase();
  search = new KeywordPassageSearch(knowledgeBase);
});

const basisFor = async (story: string, purchaseDate = '2025-03-01', channel: PurchaseChannel | null = null) => {
  const issue = taxonomy.classify(story);
  return { issue, refs: await findLegalBasis({ search, knowledgeBase, taxonomy }, issue, story, { date: purchaseDate, channel }) };
};

describe('classification', () => {
  it.each([
    ['máy giặt bảo hành 3 lần vẫn không sửa được, trung tâm bảo hành từ chối đổi', 'bao-hanh', 'bao-hanh'],
    ['áo nhận được không giống hình, khác mô tả trên shopee', 'mua-ban-truc-tuyen', 'khong-dung-mo-ta'],
    ['chuyển khoản rồi shop chặn liên lạc, không giao hàng, lừa đảo', 'lua-dao', 'lua-dao-chiem-doat'],
    ['mua nước hoa bị hàng giả, không chính hãng', 'chat-luong-hang-hoa', 'hang-gia-hang-nhai'],
    ['ăn ở quán về bị ngộ độc, đau bụng cả nhà', 'an-toan-thuc-pham', 'thuc-pham-che-bien-khong-an-toan'],
    ['nhân viên đến nhà tư vấn rồi ép mua máy lọc nước, không cho hủy hợp đồng', 'ban-hang-truc-tiep', 'ban-hang-tan-cua'],
    ['nhà mạng tự gia hạn gói cước và trừ tiền', 'dich-vu', 'dich-vu-lien-tuc'],
    ['tôi muốn hỏi chuyện khác', 'khac', 'khac'],
  ])('"%s" -> %s / %s', (story, category, issue) => {
    const found = taxonomy.classify(story);
    expect([found.categoryCode, found.code]).toEqual([category, issue]);
  });

  it('is documented: docs/complaint-taxonomy.md lists every category and issue code', () => {
    const doc = readFileSync(path.join(projectRoot, 'docs/complaint-taxonomy.md'), 'utf8');
    for (const issue of taxonomy.all()) {
      expect(doc).toContain(`\`${issue.categoryCode}\``);
      expect(doc).toContain(`\`${issue.code}\``);
    }
  });

  it('names every issue in Vietnamese and routes it to a directory category', () => {
    for (const issue of taxonomy.all()) {
      expect(issue.label).toMatch(/\p{L}/u);
      expect(['general', 'trade', 'counterfeit', 'food_health', 'food_agri', 'quality_standards', 'fraud']).toContain(issue.routing);
    }
  });
});

describe('legal basis', () => {
  it('cites Điều 30 for a warranty story, plus the procedural clauses', async () => {
    const { refs } = await basisFor('máy giặt bảo hành 3 lần vẫn không sửa được lỗi');
    expect(refs.map((r) => r.article)).toContain(30);
    expect(refs).toEqual(expect.arrayContaining([{ doc: '19/2023/QH15', article: 31, clause: 2 }, { doc: '19/2023/QH15', article: 57, clause: 2 }]));
  });

  it('cites Điều 37-39 for an online sale with a wrong description', async () => {
    const { refs } = await basisFor('mua trên shopee nhận được áo không giống hình, khác mô tả');
    expect(refs.some((r) => [37, 38, 39].includes(r.article))).toBe(true);
  });

  it('cites Điều 43-44 for a door-to-door sale', async () => {
    const { refs } = await basisFor('nhân viên đến nhà tư vấn bán máy lọc nước, tôi muốn hủy hợp đồng trong 3 ngày');
    expect(refs.some((r) => [43, 44].includes(r.article))).toBe(true);
  });

  it('adds the articles of the way the purchase was made, and only those', async () => {
    const online = await basisFor('nồi cơm điện bảo hành mãi không sửa được', '2025-03-01', 'online');
    expect(online.refs.some((r) => [37, 38, 39].includes(r.article))).toBe(true);
    const inStore = await basisFor('nồi cơm điện bảo hành mãi không sửa được, mua online lần trước thì khác', '2025-03-01', 'in_store');
    expect(inStore.refs.some((r) => [37, 38, 39, 43, 44, 47].includes(r.article))).toBe(false);
  });

  it('adds Điều 80 for a purchase before 01/7/2024', async () => {
    const { refs } = await basisFor('máy giặt bảo hành mãi không xong', '2024-05-20');
    expect(refs).toContainEqual({ doc: '19/2023/QH15', article: 80, clause: 1 });
  });

  it('only cites what the knowledge base holds', async () => {
    for (const story of ['hàng giả', 'lừa đảo chặn liên lạc', 'ngộ độc thực phẩm', 'không cho đổi trả', 'gói cước tự gia hạn', 'chuyện khác']) {
      const { refs } = await basisFor(story);
      expect(refs.length).toBeGreaterThan(2);
      for (const ref of refs) expect(knowledgeBase.resolves(ref)).toBe(true);
    }
  });

  it('picks the law from the purchase date (Điều 79-80)', () => {
    expect(applicableLaw('2024-06-30')).toBe('59/2010/QH12');
    expect(applicableLaw('2024-07-01')).toBe('19/2023/QH15');
  });
});
