import { z } from 'zod';
import type { Locale } from '../i18n/translator.ts';
import type { CitationRef } from '../knowledge/citation.ts';

/** What a conversation remembers of the last question, so "còn nếu mua online thì sao?" makes sense. */
export interface QaContext {
  readonly lastQuestion: string;
  readonly citations: readonly CitationRef[];
  /** The guidance entry that answered it, so a follow-up knows the topic. */
  readonly entryId?: string | undefined;
  /** A clarifying question was asked (its entry id): the next reply picks one of its cases. */
  readonly pendingClarify?: string | undefined;
}

/** The stored context as read back from the database; anything else means "no context". */
export const qaContextSchema = z.object({
  lastQuestion: z.string(),
  citations: z.array(z.object({ doc: z.string(), article: z.number().nullable(), clause: z.number().nullable(), section: z.string().nullable() })),
  entryId: z.string().optional(),
  pendingClarify: z.string().optional(),
});

/** A button under an answer (another situation, the full article, a case of a clarifying question). */
export interface AnswerOption {
  readonly id: string;
  readonly label: string;
}

/** What the user may do next, by intent; the engine offers the flows that serve these intents. */
export type AnswerIntent = 'complaint' | 'handoff';

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
  /** The language the answer is written in (the question's, which may differ from the conversation's). */
  readonly locale?: Locale;
  /** Flows worth offering after this answer; when absent the engine offers its defaults. */
  readonly offer?: readonly AnswerIntent[];
  /** Buttons of the answer's own (full article, another issue, clarifying cases). */
  readonly options?: readonly AnswerOption[];
  /** The question is outside what the bot answers: no complaint is offered. */
  readonly outOfScope?: boolean;
}

export interface QuestionAnswerer {
  answer(request: AnswerRequest): Promise<QaAnswer>;
  /** A button of an earlier answer (ids it issued itself); null when the id is not its own. */
  choose?(choice: string, request: AnswerRequest): Promise<QaAnswer | null>;
  /** Commands the answerer serves itself (e.g. the full text of an article). */
  readonly commands?: readonly string[];
  command?(args: string, request: AnswerRequest): Promise<QaAnswer>;
}
