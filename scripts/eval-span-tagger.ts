/**
 * The span tagger's own accuracy under leave-one-set-out cross-validation: for each training file
 * in knowledge/complaints/tagger-training, a tagger trained on the other files reads that file's
 * stories, and its seller, seller's address and product are compared with the expected ones (equal
 * after folding diacritics and case), beside the rules' reading of the same messages.
 *
 *   npm run --silent eval:span-tagger [-- --json] [-- --rule-features] [-- --dump FILE]
 *
 * `--rule-features` trains with the rules' spans among the features (off in the intake: it then
 * learns to copy them).
 *
 * Per field: precision (of the values read, how many are right), recall (of the values the stories
 * say, how many were read right) and F1. A story's value is the one read with the largest margin
 * over its messages (the tagger) or the first read (the rules).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readTrainingStories } from '../src/complaints/complaint-span-tagger.ts';
import { loadSpanTagger } from '../src/complaints/span-tagger-store.ts';
import { foldAligned, foldPhrase } from '../src/complaints/folded-text.ts';
import { ProvinceDirectory } from '../src/complaints/province-directory.ts';
import { readByRules } from '../src/complaints/rule-readings.ts';
import { spanFields, type SpanField, type SpanStory } from '../src/complaints/span-alignment.ts';
import { loadConfig } from '../src/config/config.ts';

const { values: args } = parseArgs({ options: { json: { type: 'boolean', default: false }, dump: { type: 'string' }, 'rule-features': { type: 'boolean', default: false } }, strict: true });
const config = loadConfig();
const dataDir = path.join(config.KNOWLEDGE_DIR, 'complaints');
const trainingDir = path.join(dataDir, 'tagger-training');
const provinces = ProvinceDirectory.load(dataDir);
const { files } = readTrainingStories(trainingDir);

interface Counts {
  read: number;
  right: number;
  said: number;
}
const blank = (): Record<SpanField, Counts> => Object.fromEntries(spanFields.map((f) => [f, { read: 0, right: 0, said: 0 }])) as Record<SpanField, Counts>;
/** Same value: folded, with a leading kind word ("shop", "cửa hàng") dropped as the scorer does. */
const same = (a: string, b: string) => key(a) === key(b);
const key = (v: string) => foldPhrase(v).replace(/^(shop|cua hang|cong ty|quan|tiem|nha hang|sieu thi|dai ly|showroom|trung tam) /, '').replace(/[.,"“”]/g, '').trim();

function count(into: Record<SpanField, Counts>, story: SpanStory, seen: Record<SpanField, string | null>): void {
  for (const f of spanFields) {
    const expected = story.values[f];
    const got = seen[f];
    if (expected) into[f].said++;
    if (got) into[f].read++;
    if (expected && got && same(expected, got)) into[f].right++;
  }
}

/** With --dump FILE: per message, the rules' and the tagger's reading beside the expected value (to weigh policies). */
const dump: unknown[] = [];
const results: Array<{ file: string; stories: number; trainMs: number; tagger: Record<SpanField, Counts>; rules: Record<SpanField, Counts> }> = [];
for (const file of files) {
  const tagger = loadSpanTagger({ dataDir, provinces, exclude: [file], cacheFile: null, ruleFeatures: args['rule-features'] });
  const held = readTrainingStories(trainingDir, files.filter((f) => f !== file)).stories;
  const byTagger = blank();
  const byRules = blank();
  for (const story of held) {
    const taggerSeen: Record<SpanField, { value: string; margin: number } | null> = { seller: null, address: null, product: null };
    const rulesSeen: Record<SpanField, string | null> = { seller: null, address: null, product: null };
    for (const message of story.messages) {
      const ft = foldAligned(message);
      const rules = readByRules(ft, provinces, { alone: true, actedOn: true });
      const tagged = tagger.tag(ft, rules);
      dump.push({ file, id: story.id, expected: story.values, rules: { seller: rules.seller, address: rules.address, product: rules.product }, tagged });
      for (const f of spanFields) {
        const t = tagged[f];
        if (t && (taggerSeen[f] === null || t.margin > taggerSeen[f]!.margin)) taggerSeen[f] = t;
      }
      rulesSeen.seller ??= rules.seller;
      rulesSeen.address ??= rules.address;
      rulesSeen.product ??= rules.product;
    }
    count(byTagger, story, { seller: taggerSeen.seller?.value ?? null, address: taggerSeen.address?.value ?? null, product: taggerSeen.product?.value ?? null });
    count(byRules, story, rulesSeen);
  }
  results.push({ file, stories: held.length, trainMs: tagger.report.milliseconds, tagger: byTagger, rules: byRules });
}

if (args.dump) writeFileSync(args.dump, `${dump.map((d) => JSON.stringify(d)).join('\n')}\n`);
const pct = (x: number) => `${Math.round(x * 100)}`;
const f1 = (c: Counts) => {
  const p = c.read ? c.right / c.read : 0;
  const r = c.said ? c.right / c.said : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
};
if (args.json) process.stdout.write(`${JSON.stringify(results.map((r) => ({ ...r, taggerF1: Object.fromEntries(spanFields.map((f) => [f, f1(r.tagger[f])])), rulesF1: Object.fromEntries(spanFields.map((f) => [f, f1(r.rules[f])])) })))}\n`);
else {
  process.stdout.write(`held-out file            stories  ${spanFields.map((f) => `${f}: tagger P/R/F1 | rules P/R/F1`).join('   ')}\n`);
  for (const r of results) {
    const cells = spanFields.map((f) => {
      const t = f1(r.tagger[f]);
      const u = f1(r.rules[f]);
      return `${f} ${pct(t.p)}/${pct(t.r)}/${pct(t.f)} | ${pct(u.p)}/${pct(u.r)}/${pct(u.f)}`;
    });
    process.stdout.write(`${r.file.padEnd(26)} ${String(r.stories).padStart(4)}  ${cells.join('   ')}  (trained in ${r.trainMs} ms)\n`);
  }
}
