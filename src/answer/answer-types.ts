import { z } from 'zod';
import type { Locale } from '../i18n/translator.ts';
import type { CitationRef } from '../knowledge/citation.ts';

/** What a conversation remembers of the last question, so "còn nếu mua online thì sao?" makes sense. */
export interface QaContext {
  readonly lastQuestion: string;
  readonly citations: readonly CitationRef[];
}

/** The stored context as read back from the database; anything else means "no context". */
export const qaContextSchema = z.object({
  lastQuestion: z.string(),
  citations: z.array(z.object({ doc: z.string(), article: z.number().nullable(), clause: z.number().nullable(), section: z.string().nullable() })),
});

export interface AnswerRequest {
  readonly question: string;
  readonly locale: Locale;
  readonly context: QaContext | null;
  readonly now: Date;
}

export interface QaAnswer {
  readonly text: string;
  /** false: the bot said it does not know and offered who can help. */
  readonly confident: boolean;
  readonly citations: readonly CitationRef[];
  /** Context to store for the next turn. */
  readonly context: QaContext | null;
  /** Which writer produced it: the offline composer, or the chat model after its citations checked out. */
  readonly source: 'offline' | 'llm';
}

export interface QuestionAnswerer {
  answer(request: AnswerRequest): Promise<QaAnswer>;
}
