import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OfflineAnswerer } from '../../src/answer/offline-answerer.ts';
import { createTranslators } from '../../src/i18n/translator.ts';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { recommendedConfidenceThreshold } from '../../src/retrieval/confidence.ts';
import { createEmbeddings } from '../../src/retrieval/embeddings-factory.ts';
import { ensureSearchIndex } from '../../src/retrieval/search-index.ts';
import { defaultQueryAnalyzer } from '../../src/text/analyzer.ts';
import { loadRealKnowledgeBase } from '../support/knowledge.ts';

// The offline answerer on its own (the app may put another answerer in front of it): what is in
// force, and which law an answer names, come from the knowledge base's timeline.
let indexDir: string;
let kb: KnowledgeBase;
let offline: OfflineAnswerer;

beforeAll(async () => {
  indexDir = await mkdtemp(path.join(os.tmpdir(), 'offline-timeline-'));
  kb = await loadRealKnowledgeBase();
  const search = await ensureSearchIndex({ knowledgeBase: kb, indexDir, embeddings: createEmbeddings({ provider: 'corpus' }) });
  offline = new OfflineAnswerer({
    knowledgeBase: kb,
    search,
    questionTokens: (text) => defaultQueryAnalyzer().analyze(text).tokens.filter((t) => t.source !== 'lexicon'),
    confidenceThreshold: recommendedConfidenceThreshold,
    translators: createTranslators(),
    contacts: { hotline: '1800.6838', province: 'Bình Dương' },
  });
});

afterAll(async () => {
  await rm(indexDir, { recursive: true, force: true });
});

const today = new Date('2026-11-23T03:00:00Z');
const ask = (question: string, now = today, locale: 'vi' | 'en' = 'vi') => offline.answer({ question, locale, context: null, now });

describe('the offline answerer and the timeline', () => {
  it('quotes only texts in force on the day asked, and names the law with the text it replaced', async () => {
    const answer = await ask('bao hanh may lan ko sua dc');
    expect(answer.citations.every((c) => kb.timeline.isInForce(c.doc, today))).toBe(true);
    expect(answer.text).toContain(
      'Luật áp dụng: Luật Bảo vệ quyền lợi người tiêu dùng 2023 (19/2023/QH15), có hiệu lực từ 01/7/2024; thay thế Luật Bảo vệ quyền lợi người tiêu dùng 2010 (59/2010/QH12) từ cùng ngày.',
    );
    expect(answer.text).not.toMatch(/59\/2010\/QH12\), có hiệu lực/);
  });

  it('on a day before the cut-over, quotes the text in force then', async () => {
    const answer = await ask('bao hanh may lan ko sua dc', new Date('2024-03-10T03:00:00Z'));
    expect(answer.citations.length).toBeGreaterThan(0);
    expect(answer.citations.every((c) => kb.timeline.isInForce(c.doc, '2024-03-10'))).toBe(true);
    expect(answer.citations.some((c) => c.doc === '59/2010/QH12')).toBe(true);
    expect(answer.text).toContain('Luật áp dụng: Luật Bảo vệ quyền lợi người tiêu dùng 2010 (59/2010/QH12), có hiệu lực từ 01/7/2011.');
  });

  it('explains the cut-over from the successor\'s transitional article for an earlier purchase', async () => {
    const answer = await ask('tôi mua máy lạnh ngày 10/3/2024, bảo hành không sửa thì theo luật nào');
    expect(answer.text).toContain('Lưu ý: theo khoản 1 Điều 80 Luật Bảo vệ quyền lợi người tiêu dùng 2023 (19/2023/QH15), giao dịch, hợp đồng giao kết trước 01/7/2024');
    expect(answer.text).toContain('tiếp tục theo Luật Bảo vệ quyền lợi người tiêu dùng 2010 (59/2010/QH12)');
  });

  it('says when a former text named in the question ceased to apply, and what replaced it', async () => {
    const law = await ask('luật 59/2010/QH12 quy định bảo hành thế nào');
    expect(law.text).toContain('Luật Bảo vệ quyền lợi người tiêu dùng 2010 (59/2010/QH12) đã hết hiệu lực từ 01/7/2024 và được thay thế bởi Luật Bảo vệ quyền lợi người tiêu dùng 2023 (19/2023/QH15)');
    expect(law.citations.every((c) => c.doc !== '59/2010/QH12')).toBe(true);
    const decree = await ask('nghị định 99 quy định gì về đăng ký hợp đồng theo mẫu');
    expect(decree.text).toContain('Nghị định 99/2011/NĐ-CP (99/2011/NĐ-CP) đã hết hiệu lực từ 01/7/2024 và được thay thế bởi Nghị định 55/2024/NĐ-CP (55/2024/NĐ-CP)');
  });

  it('names the Civil Code as the applicable law when its articles answer', async () => {
    const answer = await ask('rủi ro đối với tài sản mua bán được chuyển cho bên mua khi nào');
    expect(answer.citations[0]).toMatchObject({ doc: '91/2015/QH13', article: 441 });
    expect(answer.text).toContain('Luật áp dụng: Bộ luật Dân sự 2015 (91/2015/QH13), có hiệu lực từ 01/1/2017.');
    const english = await ask('rủi ro đối với tài sản mua bán được chuyển cho bên mua khi nào', today, 'en');
    expect(english.text).toContain('Applicable law: Civil Code 2015 (91/2015/QH13), in force from 01/1/2017.');
  });

  it('says which law was in force when a provincial plan was issued, and which applies now', async () => {
    const answer = await ask('Hội bảo vệ quyền lợi người tiêu dùng tỉnh Bình Dương làm những gì?');
    expect(answer.text).toContain(
      'được ban hành khi Luật Bảo vệ quyền lợi người tiêu dùng 2010 (59/2010/QH12) còn hiệu lực; nay áp dụng Luật Bảo vệ quyền lợi người tiêu dùng 2023 (19/2023/QH15).',
    );
  });
});
