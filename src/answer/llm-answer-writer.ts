import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import type { Locale, Translator } from '../i18n/translator.ts';
import type { CitationRef } from '../knowledge/citation.ts';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import type { Logger } from '../shared/logger.ts';
import { citationSchemeFor, findCitations, unknownCitations } from './citation-check.ts';

/** What a writer is given: the composed draft and the only sources it may use. */
export interface AnswerDraft {
  readonly question: string;
  readonly locale: Locale;
  /** The verdict, conditions and steps as the offline composer wrote them. */
  readonly draft: string;
  /** The entry's facts and the quoted clauses, the only material allowed. */
  readonly sources: string;
  /** Citations the rewritten text may contain (the entry's own). */
  readonly allowed: readonly CitationRef[];
}

/** Rewords a composed answer for the user's question; null keeps the draft. */
export interface AnswerWriter {
  write(draft: AnswerDraft): Promise<string | null>;
}

export interface LlmAnswerWriterDeps {
  readonly model: BaseChatModel;
  readonly knowledgeBase: KnowledgeBase;
  readonly translators: (locale: Locale) => Translator;
  readonly logger: Logger;
  readonly timeoutMs: number;
}

/** The first line of an answer is its verdict, in either language. */
const verdictStart: Record<Locale, RegExp> = {
  vi: /^(Có|Không|Được|Tùy|Tuỳ|Bạn|Chưa|Nên|Phải|Người|Doanh nghiệp|Câu hỏi)(?!\p{L})/u,
  en: /^(Yes|No|It depends|You|Not|The|A|An|Only|Businesses|This)\b/,
};

/**
 * A configured chat model words the verdict, conditions and steps for the user's own question,
 * from the guidance entry and the quoted clauses only. Its text must keep the shape (verdict first,
 * the steps header, numbered steps), stay short, and cite nothing the entry does not; otherwise the
 * offline draft stands. The legal basis is never the model's: the composer appends it.
 */
export class LlmAnswerWriter implements AnswerWriter {
  constructor(private readonly deps: LlmAnswerWriterDeps) {}

  async write(input: AnswerDraft): Promise<string | null> {
    const t = this.deps.translators(input.locale);
    let generated: string;
    try {
      const response = await this.deps.model.invoke(
        [new SystemMessage(t.t('answer.llm.system', { steps: t.t('answer.guided.steps') })), new HumanMessage(t.t('answer.llm.user', { question: input.question, draft: input.draft, sources: input.sources }))],
        { signal: AbortSignal.timeout(this.deps.timeoutMs) },
      );
      generated = typeof response.content === 'string' ? response.content : response.content.map((c) => ('text' in c ? c.text : '')).join('');
    } catch (error) {
      this.deps.logger.warn({ err: error }, 'chat model failed; keeping the offline answer');
      return null;
    }
    const text = generated.trim();
    const problem = this.problemWith(text, input, t);
    if (problem) {
      this.deps.logger.warn({ problem }, 'chat model answer rejected; keeping the offline answer');
      return null;
    }
    return text;
  }

  private problemWith(text: string, input: AnswerDraft, t: Translator): string | null {
    if (text === '') return 'empty';
    if (text.length > Math.max(700, input.draft.length * 1.3)) return 'too long';
    if (!verdictStart[input.locale].test(text)) return 'does not open with a verdict';
    if (!text.includes(t.t('answer.guided.steps')) || !/^1\.\s/m.test(text)) return 'lost the numbered steps';
    const found = findCitations(text, citationSchemeFor(this.deps.knowledgeBase, input.allowed.map((c) => ({ docId: c.doc, article: c.article }))));
    const unknown = unknownCitations(found, this.deps.knowledgeBase, input.allowed);
    return unknown.length > 0 ? `cites ${unknown.map((u) => u.raw).join(', ')}` : null;
  }
}
