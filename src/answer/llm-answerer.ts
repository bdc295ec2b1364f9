import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import type { Logger } from '../shared/logger.ts';
import type { AnswerRequest, QaAnswer, QuestionAnswerer } from './answer-types.ts';
import { citationSchemeFor, findCitations, unknownCitations } from './citation-check.ts';
import type { OfflineAnswerer } from './offline-answerer.ts';

export interface LlmAnswererDeps {
  readonly model: BaseChatModel;
  readonly offline: OfflineAnswerer;
  readonly logger: Logger;
  readonly timeoutMs: number;
}

const systemPrompt = {
  vi: [
    'Bạn là trợ lý pháp lý về bảo vệ quyền lợi người tiêu dùng Việt Nam.',
    'Chỉ trả lời dựa trên các đoạn văn bản pháp luật được cung cấp; không dùng kiến thức khác, không bịa điều khoản.',
    'Trả lời ngắn gọn 1-3 câu bằng tiếng Việt, nêu rõ trích dẫn theo dạng "khoản X Điều Y (số hiệu văn bản)" hoặc "mục Z (số hiệu kế hoạch)".',
    'Nếu các đoạn không đủ để trả lời, hãy nói "Tôi không chắc" và không trích dẫn gì.',
  ].join('\n'),
  en: [
    'You are a legal assistant on Vietnamese consumer protection.',
    'Answer ONLY from the legal passages given; use no other knowledge and never invent provisions.',
    'Answer in 1-3 short sentences in English, citing as "Article Y(X) (document number)" or "section Z (plan id)".',
    'If the passages are not enough, say "I am not sure" and cite nothing.',
  ].join('\n'),
} as const;

/**
 * Lets a configured chat model word the direct answer from the retrieved passages only. Every
 * citation in its text is checked against the corpus and the passages it was given; one unknown
 * citation, an error or a time-out, and the offline answer is used instead.
 */
export class LlmAnswerer implements QuestionAnswerer {
  constructor(private readonly deps: LlmAnswererDeps) {}

  async answer(request: AnswerRequest): Promise<QaAnswer> {
    const { offline } = this.deps;
    const found = await offline.retrieve(request);
    if (!found) return offline.notSure(request);
    const passages = found.hits
      .map((h, i) => `[${i + 1}] ${offline.citation(h.passage, 'vi')}\n${h.passage.articleTitle ?? h.passage.sectionTitle ?? ''}\n${h.passage.text}`)
      .join('\n\n');
    let generated: string;
    try {
      const response = await this.deps.model.invoke(
        [new SystemMessage(systemPrompt[request.locale]), new HumanMessage(`Câu hỏi / Question: ${found.query}\n\nCác đoạn / Passages:\n${passages}`)],
        { signal: AbortSignal.timeout(this.deps.timeoutMs) },
      );
      generated = typeof response.content === 'string' ? response.content : response.content.map((c) => ('text' in c ? c.text : '')).join('');
    } catch (error) {
      this.deps.logger.warn({ err: error }, 'chat model failed; using the offline answer');
      return offline.compose(request, found);
    }
    generated = generated.trim();
    const citations = findCitations(generated, citationSchemeFor(offline.knowledgeBase, found.hits.map((h) => h.passage)));
    const allowed = found.hits.map((h) => ({ doc: h.passage.docId, article: h.passage.article, clause: h.passage.clause, section: h.passage.section }));
    const unknown = unknownCitations(citations, offline.knowledgeBase, allowed);
    if (generated === '' || citations.length === 0 || unknown.length > 0) {
      this.deps.logger.warn({ unknown: unknown.map((u) => u.raw), cited: citations.length }, 'chat model answer rejected by the citation check; using the offline answer');
      return offline.compose(request, found);
    }
    return { ...offline.compose(request, found, generated), source: 'llm' };
  }
}
