/**
 * Prints which articles of each text the guidance entries reach, which were left out on purpose
 * (and why), and the gaps.
 *
 *   npm run --silent guidance:coverage [-- --json]
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config/config.ts';
import { guidanceCoverage } from '../src/guidance/guidance-coverage.ts';
import { loadGuidance } from '../src/guidance/guidance-loader.ts';
import { loadKnowledgeBase } from '../src/knowledge/knowledge-loader.ts';

const { values } = parseArgs({ options: { json: { type: 'boolean', default: false } }, strict: true });
const config = loadConfig();
const knowledgeBase = await loadKnowledgeBase(config.KNOWLEDGE_DIR);
const guidance = await loadGuidance(config.KNOWLEDGE_DIR, knowledgeBase);
const coverage = guidanceCoverage(guidance, knowledgeBase);

if (values.json) {
  const plain = coverage.map((c) => ({ doc: c.doc, covered: Object.fromEntries(c.covered), leftOut: Object.fromEntries(c.leftOut), missing: c.missing }));
  process.stdout.write(`${JSON.stringify({ entries: guidance.entries.length, coverage: plain })}\n`);
} else {
  const out = [`${guidance.entries.length} guidance entries (${guidance.entries.filter((e) => e.kind === 'answer').length} answers, ${guidance.entries.filter((e) => e.kind === 'out_of_scope').length} out of scope, ${guidance.entries.filter((e) => e.kind === 'clarify').length} clarifying)`];
  for (const c of coverage) {
    out.push('', `${c.doc}: ${c.covered.size} articles reached, ${c.leftOut.size} left out on purpose, ${c.missing.length} gaps`);
    for (const [article, ids] of [...c.covered].sort((a, b) => a[0] - b[0])) out.push(`  Điều ${article}: ${ids.join(', ')}`);
    for (const [article, why] of [...c.leftOut].sort((a, b) => a[0] - b[0])) out.push(`  Điều ${article}: left out — ${why}`);
    if (c.missing.length > 0) out.push(`  gaps: ${c.missing.map((n) => `Điều ${n}`).join(', ')}`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
}
