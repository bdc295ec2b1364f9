import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Document } from '@langchain/core/documents';
import { BaseRetriever } from '@langchain/core/retrievers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/knowledge/knowledge-loader.ts';
import { recommendedConfidenceThreshold } from '../../src/retrieval/confidence.ts';
import { createEmbeddings } from '../../src/retrieval/embeddings-factory.ts';
import type { HybridRetriever } from '../../src/retrieval/hybrid-retriever.ts';
import { citationKey } from '../../src/retrieval/hybrid-retriever.ts';
import {
  firstRelevantRank,
  loadEvalQuestions,
  metricsReport,
  type EvalQuestion,
  type MetricsReport,
} from '../../src/retrieval/retrieval-evaluation.ts';
import { ensureSearchIndex } from '../../src/retrieval/search-index.ts';

let indexDir: string;
let retriever: HybridRetriever;
/** What the answerer searches on the tests' day: the texts in force and the plans. */
let inForce: string[];

beforeAll(async () => {
  indexDir = await mkdtemp(path.join(os.tmpdir(), 'hybrid-'));
  const knowledgeBase = await loadKnowledgeBase('knowledge');
  retriever = await ensureSearchIndex({ knowledgeBase, indexDir, embeddings: createEmbeddings({ provider: 'corpus' }) });
  inForce = knowledgeBase.timeline.searchableOn('2026-11-23');
});

afterAll(async () => {
  await rm(indexDir, { recursive: true, force: true });
});

async function evaluate(questions: readonly EvalQuestion[]): Promise<MetricsReport> {
  const ranks = [];
  for (const q of questions) ranks.push(firstRelevantRank((await retriever.search(q.question, { k: 10, docIds: inForce })).hits.map((h) => h.passage), q));
  return metricsReport(questions, ranks);
}

describe('retrieval quality floor (regression guard, not the benchmark)', () => {
  it('finds the dev questions', async () => {
    const m = await evaluate(await loadEvalQuestions('test/fixtures/eval/dev-questions.jsonl'));
    expect(m.overall.recallAt5).toBeGreaterThanOrEqual(0.9);
    expect(m.overall.mrrAt10).toBeGreaterThanOrEqual(0.8);
  });

  it('finds the extra held-out-style questions in every style', async () => {
    const m = await evaluate(await loadEvalQuestions('test/fixtures/eval/extra-questions.jsonl'));
    expect(m.overall.recallAt5).toBeGreaterThanOrEqual(0.9);
    expect(m.overall.mrrAt10).toBeGreaterThanOrEqual(0.8);
    for (const [style, s] of Object.entries(m.byStyle)) {
      expect.soft(s.recallAt5, style).toBeGreaterThanOrEqual(style === 'english' ? 2 / 3 : 0.85);
    }
  });
});

describe('HybridRetriever search', () => {
  it('returns at most one passage per citation', async () => {
    const { hits } = await retriever.search('bảo hành sản phẩm hàng hóa linh kiện', { k: 10 });
    const keys = hits.map((h) => citationKey(h.passage));
    expect(new Set(keys).size).toBe(keys.length);
    expect(hits.length).toBe(10);
  });

  it('restricts results to the requested documents', async () => {
    const { hits } = await retriever.search('trách nhiệm của Sở Công Thương', { k: 5, docIds: ['kh-bd-ct30'] });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.passage.docId === 'KH-BD-CT30')).toBe(true);
  });

  it('holds the repealed texts, but the in-force scope never returns them', async () => {
    const question = 'Tổ chức xã hội tham gia bảo vệ quyền lợi người tiêu dùng có quyền và nghĩa vụ gì';
    const all = await retriever.search(question, { k: 10 });
    expect(all.hits.some((h) => h.passage.docId === '59/2010/QH12')).toBe(true);
    const scoped = await retriever.search(question, { k: 10, docIds: inForce });
    expect(scoped.hits.length).toBe(10);
    expect(scoped.hits.some((h) => ['59/2010/QH12', '99/2011/NĐ-CP'].includes(h.passage.docId))).toBe(false);
  });

  it('ranks the Civil Code\'s general rules below the consumer law\'s matching clause, and first where only it answers', async () => {
    const warranty = await retriever.search('thời hạn bảo hành tính từ khi nào', { k: 5, docIds: inForce });
    expect(warranty.hits[0]!.passage.docId).toBe('19/2023/QH15');
    expect(warranty.hits.some((h) => h.passage.docId === '91/2015/QH13')).toBe(true);
    const risk = await retriever.search('rủi ro đối với tài sản mua bán được chuyển cho bên mua khi nào', { k: 5, docIds: inForce });
    expect(risk.hits[0]!.passage).toMatchObject({ docId: '91/2015/QH13', article: 441 });
  });

  it('reports the analysed query and both scores', async () => {
    const result = await retriever.search('shop ko xuat hoa don cho e dc ko', { k: 3 });
    expect(result.analyzedQuery).toContain('hoa_don');
    expect(result.hits[0]?.passage.article).toBe(29);
    expect(result.hits[0]?.lexicalScore).toBeGreaterThan(0);
    expect(result.hits[0]?.vectorScore).toBeGreaterThan(0);
  });

  it('works as a LangChain retriever returning Documents with citation metadata', async () => {
    expect(retriever).toBeInstanceOf(BaseRetriever);
    const docs = await retriever.invoke('Chính sách bảo hành phải công bố những nội dung nào?');
    expect(docs).toHaveLength(retriever.k);
    expect(docs[0]).toBeInstanceOf(Document);
    expect(docs[0]!.metadata).toMatchObject({ doc: '19/2023/QH15', article: 30, clause: 2, section: null });
    expect(docs[0]!.metadata.score).toBeGreaterThan(0);
    expect(docs[0]!.pageContent).toContain('bảo hành');
    const plan = await retriever.invoke('Sở Tài chính Bình Dương làm gì trong kế hoạch thực hiện Chỉ thị 30?');
    expect(plan[0]!.metadata).toMatchObject({ doc: 'KH-BD-CT30', article: null, section: 'IV.4' });
  });
});

// Confidence is judged on what the answerer searches: the texts in force and the plans.
describe('confidence', () => {
  const offTopic = [
    'thời tiết hôm nay thế nào',
    'asdfgh',
    'công thức nấu phở',
    'cach nau pho bo ngon',
    'kết quả bóng đá tối qua',
    'ai là tổng thống mỹ',
    'hello',
    'what is the capital of france',
    'giá vàng hôm nay',
    'qwerty uiop',
    'bài hát nào hay nhất năm nay',
    '',
  ];

  it('is high for consumer-law questions in every style', async () => {
    const questions = [
      'Chính sách bảo hành phải công bố những nội dung chủ yếu nào?',
      'quyen cua nguoi tieu dung khi mua hang',
      'shop ko xuat hoa don cho e dc ko',
      'mua quần áo trên Facebook, người bán chặn luôn sau khi nhận tiền thì tôi kiện ở đâu',
      'Sở Công Thương Bình Dương có nhiệm vụ gì trong kế hoạch triển khai Chỉ thị 30?',
      'What must a warranty policy include?',
    ];
    for (const q of questions) expect.soft((await retriever.search(q, { docIds: inForce })).confidence, q).toBeGreaterThanOrEqual(recommendedConfidenceThreshold);
  });

  it('is low for off-topic text and noise', async () => {
    for (const q of offTopic) expect.soft((await retriever.search(q, { docIds: inForce })).confidence, q).toBeLessThan(recommendedConfidenceThreshold);
  });

  it('separates all evaluation questions from off-topic text on average by a wide margin', async () => {
    const questions = (await loadEvalQuestions('test/fixtures/eval/dev-questions.jsonl')).map((q) => q.question);
    const mean = async (qs: string[]) => (await Promise.all(qs.map((q) => retriever.search(q, { docIds: inForce })))).reduce((s, r) => s + r.confidence, 0) / qs.length;
    expect((await mean(questions)) - (await mean(offTopic))).toBeGreaterThan(0.5);
  });
});
