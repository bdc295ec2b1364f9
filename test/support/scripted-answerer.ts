import type { AnswerRequest, QaAnswer, QuestionAnswerer } from '../../src/answer/answer-types.ts';

/**
 * A real QuestionAnswerer for engine tests that do not need retrieval: confident about warranty
 * questions (citing Điều 30), unsure about anything else, and it records what it was asked.
 */
export class ScriptedAnswerer implements QuestionAnswerer {
  readonly requests: AnswerRequest[] = [];

  async answer(request: AnswerRequest): Promise<QaAnswer> {
    this.requests.push(request);
    const confident = /bảo hành|bao hanh|warranty/i.test(request.question);
    const citations = confident ? [{ doc: '19/2023/QH15', article: 30, clause: 1, section: null }] : [];
    return {
      text: confident ? `[${request.locale}] Theo Điều 30 Luật 19/2023/QH15: bảo hành.` : `[${request.locale}] Tôi chưa chắc.`,
      confident,
      citations,
      context: confident ? { lastQuestion: request.question, citations } : request.context,
      source: 'offline',
      offer: confident ? ['complaint', 'handoff'] : ['handoff'],
    };
  }
}
