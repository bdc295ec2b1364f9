import path from 'node:path';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import { AssessmentFlow } from './assessment-flow.ts';
import type { AssessmentStore } from './assessment-store.ts';
import { assertBasesResolve, currentCriteriaFile, loadCriteria } from './criteria-loader.ts';

/**
 * Builds the self-assessment flow for the composition root. The criteria are checked against the
 * knowledge base before the bot answers anyone: a citation that points nowhere stops the start-up.
 */
export async function createAssessmentFlow(options: { store: AssessmentStore; knowledgeBase: KnowledgeBase; knowledgeDir: string; timeZone: string }): Promise<AssessmentFlow> {
  const criteria = await loadCriteria(path.join(options.knowledgeDir, currentCriteriaFile));
  assertBasesResolve(criteria, options.knowledgeBase);
  return new AssessmentFlow({ store: options.store, criteria, knowledgeBase: options.knowledgeBase, timeZone: options.timeZone });
}
