import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { loadKnowledgeBase } from '../../src/knowledge/knowledge-loader.ts';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const knowledgeDir = path.join(projectRoot, 'knowledge');

let cached: Promise<KnowledgeBase> | null = null;

/** The project's own knowledge base, loaded once per test file. */
export function loadRealKnowledgeBase(): Promise<KnowledgeBase> {
  cached ??= loadKnowledgeBase(knowledgeDir);
  return cached;
}
