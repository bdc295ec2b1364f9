/**
 * Replays complaint stories through the real dialogue engine, as a consumer who has told everything
 * they know: `/khieunai`, the story's messages in order, then "không rõ" ("I don't know") to any
 * question, the confirm button at the summary and "share with both" at the consent step. Scores the
 * filed record (or, if nothing was filed, the draft the bot held) field by field against the
 * expected record, the share of records exactly right, how often one question was asked more than
 * twice, and the turn latency.
 *
 *   npm run --silent eval:complaints -- --stories test/fixtures/complaints/stories-dev.jsonl [--json] [--show ID]
 *
 * `--tagger-exclude stories-dev.jsonl` trains the span tagger without that file of
 * knowledge/complaints/tagger-training (leave-one-set-out: a story the tagger learnt from says nothing
 * about it); `--tagger-policy off` files the rules' reading alone (`before`).
 *
 * The baseline is the same script run on the commit before the intake rewrite (see
 * test/fixtures/complaints/README.md); `--baseline FILE` prints a saved `--json` output beside.
 * With --json, stdout carries exactly one JSON object; progress goes to stderr.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createApp, type App } from '../bot/app.ts';
import { loadConfig } from '../src/config/config.ts';
import { complaintMetrics, loadComplaintStories, scoreStory, scoredFields, type ComplaintMetrics, type ComplaintStory, type ObservedRecord, type StoryScore } from '../src/complaints/complaint-evaluation.ts';
import type { ComplaintRecord } from '../src/complaints/complaint-record.ts';
import { defaultSpanPolicy } from '../src/complaints/span-decisions.ts';
import type { EngineResult } from '../src/dialogue/messages.ts';
import { SettableClock } from '../src/shared/clock.ts';
import { silentLogger } from '../src/shared/logger.ts';

const { values } = parseArgs({
  options: {
    stories: { type: 'string', multiple: true },
    json: { type: 'boolean', default: false },
    show: { type: 'string', multiple: true },
    // Print expected beside filed for every story wrong on this field (to sort the misses into classes).
    field: { type: 'string', multiple: true },
    baseline: { type: 'string' },
    // Leave-one-set-out: the span tagger trains without these files of knowledge/complaints/tagger-training.
    'tagger-exclude': { type: 'string', multiple: true },
    // How the tagger is weighed against the rules, per field (span-decisions.ts), as JSON; or "off".
    'tagger-policy': { type: 'string' },
  },
  strict: true,
});
const files = values.stories ?? [];
if (files.length === 0) {
  process.stderr.write('usage: eval:complaints -- --stories FILE [--stories FILE2] [--json] [--show ID] [--field NAME] [--baseline FILE] [--tagger-exclude FILE] [--tagger-policy JSON|off]\n');
  process.exit(2);
}
const stories = (await Promise.all(files.map(loadComplaintStories))).flat();
const tmp = await mkdtemp(path.join(os.tmpdir(), 'bvntd-eval-complaints-'));
const clock = new SettableClock();
const config = loadConfig({ ...process.env, DATABASE_URL: `file:${path.join(tmp, 'eval.db')}`, LLM_BASE_URL: '', LLM_MODEL: '', LOG_LEVEL: 'silent' });
const spanTagger = values['tagger-policy'] === 'off' ? ('off' as const) : { exclude: values['tagger-exclude'] ?? [], ...(values['tagger-policy'] ? { policy: { ...defaultSpanPolicy, ...JSON.parse(values['tagger-policy']) } } : {}) };
const app: App = await createApp({ config, logger: silentLogger, clock, spanTagger });

/** What the simulated consumer says when asked for something the story does not hold. */
const dontKnow = { vi: 'không rõ', en: "I don't know" } as const;
const maxExtraTurns = 14;

interface Replay {
  readonly score: StoryScore;
  readonly transcript: string[];
  readonly seen: ObservedRecord;
}

const latencies: number[] = [];
/** Turns whose reply carries the letter's PDF: rendering it is most of such a turn. */
const letterLatencies: number[] = [];

async function say(externalId: string, input: { text: string; choice?: string }, transcript: string[]): Promise<EngineResult> {
  transcript.push(`> ${input.choice ? `[${input.choice}] ` : ''}${input.text}`);
  const started = performance.now();
  const result = await app.engine.handle({ channel: 'cli', externalId, text: input.text, ...(input.choice ? { choice: input.choice } : {}) });
  const elapsed = performance.now() - started;
  latencies.push(elapsed);
  if (result.replies.some((r) => r.file !== undefined)) letterLatencies.push(elapsed);
  for (const r of result.replies) transcript.push(`< ${r.text.replace(/\n/g, '\n  ')}${r.options?.length ? `\n  [${r.options.map((o) => o.id).join(' | ')}]` : ''}${r.file ? `\n  (file ${r.file.fileName})` : ''}`);
  return result;
}

async function replay(story: ComplaintStory): Promise<Replay> {
  clock.set(`${story.today}T03:00:00Z`);
  const externalId = `story-${story.id}`;
  const transcript: string[] = [];
  let result = await say(externalId, { text: '/khieunai' }, transcript);
  for (const text of story.messages) result = await say(externalId, { text }, transcript);
  const asked = new Map<string, number>();
  let letterSent = false;
  let turns = story.messages.length + 1;
  for (let extra = 0; extra < maxExtraTurns; extra++) {
    letterSent ||= result.replies.some((r) => r.file !== undefined);
    const conversation = await app.store.findOrCreate('cli', externalId, undefined, clock.now());
    if (!conversation.state.startsWith('complaint.')) break;
    const options = result.replies.flatMap((r) => r.options ?? []).map((o) => o.id);
    const pick = options.find((id) => id === 'complaint.confirm') ?? options.find((id) => id === 'complaint.consent.both') ?? options.find((id) => /skip/.test(id));
    const data = conversation.stateData as { asked?: string | null; step?: string };
    if (!pick && data.step === 'collect' && data.asked) asked.set(data.asked, (asked.get(data.asked) ?? 0) + 1);
    result = pick ? await say(externalId, { text: '', choice: pick }, transcript) : await say(externalId, { text: dontKnow[story.language] }, transcript);
    turns++;
  }
  letterSent ||= result.replies.some((r) => r.file !== undefined);
  const conversationId = result.conversationId;
  const filed = (await app.complaints.repository.forConversation(conversationId)).at(-1)?.record ?? null;
  const conversation = await app.store.findOrCreate('cli', externalId, undefined, clock.now());
  const seen = filed ? fromRecord(filed, letterSent) : fromDraft((conversation.stateData as { draft?: Record<string, unknown> }).draft ?? {});
  const procedural = app.complaints.taxonomy.procedural;
  const score = scoreStory(story, seen, { procedural: [...procedural, app.complaints.taxonomy.transitional] }, { maxAsked: Math.max(0, ...asked.values()), turns });
  return { score, transcript, seen };
}

function fromRecord(r: ComplaintRecord, letterSent: boolean): ObservedRecord {
  // The baseline is this script run on the first build (test/fixtures/complaints/README.md), whose
  // records have no `handling`: there a scam is one filed as fraud with no letter sent.
  const record = r as ComplaintRecord & { handling?: string };
  return {
    filed: true,
    business: r.business.name,
    businessAddress: r.business.address,
    platform: r.business.platform,
    product: r.product,
    amountVnd: r.amountVnd,
    purchaseDate: r.purchaseDate,
    purchaseChannel: r.purchaseChannel,
    desiredResolution: r.desiredResolution,
    consumerName: r.consumer.name,
    phone: r.consumer.phone,
    email: r.consumer.email,
    province: r.consumer.province,
    category: r.category,
    fraud: record.handling !== undefined ? record.handling === 'fraud_report' : r.category === 'lua-dao' && !letterSent,
    legalBasis: r.legalBasis,
    applicableLaw: r.applicableLaw,
  };
}

function fromDraft(d: Record<string, unknown>): ObservedRecord {
  const s = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : null);
  return {
    filed: false,
    business: s('businessName'),
    businessAddress: s('businessAddress'),
    platform: s('platform'),
    product: s('product'),
    amountVnd: typeof d.amountVnd === 'number' ? d.amountVnd : null,
    purchaseDate: s('purchaseDate'),
    purchaseChannel: s('purchaseChannel'),
    desiredResolution: Array.isArray(d.desiredResolution) ? (d.desiredResolution as string[]) : [],
    consumerName: s('consumerName'),
    phone: s('phone'),
    email: s('email'),
    province: s('province'),
    category: null,
    fraud: false,
    legalBasis: [],
    applicableLaw: null,
  };
}

const replays: Replay[] = [];
try {
  // One warm-up story so the first one does not pay for lazy initialisation.
  if (stories[0]) await replay({ ...stories[0], id: 'warm-up' });
  latencies.length = 0;
  letterLatencies.length = 0;
  for (const [i, story] of stories.entries()) {
    replays.push(await replay(story));
    if (!values.json) process.stderr.write(`\r${i + 1}/${stories.length}`);
  }
  if (!values.json) process.stderr.write('\n');
} finally {
  await app.close();
  await rm(tmp, { recursive: true, force: true });
}

const scores = replays.map((r) => r.score);
const metrics = complaintMetrics(scores);
const percentile = (xs: readonly number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * q)] ?? 0;
const p95 = percentile(latencies, 0.95);
const letters = new Set(letterLatencies);
const p95WithoutLetter = percentile(latencies.filter((x) => !letters.has(x)), 0.95);
const letterP50 = percentile(letterLatencies, 0.5);
const round = (x: number) => Math.round(x * 10) / 10;
const byStyle = Object.fromEntries([...new Set(scores.map((s) => s.style))].map((style) => [style, complaintMetrics(scores.filter((s) => s.style === style))]));
const misses = scores.filter((s) => !s.exact).map((s) => ({ id: s.id, style: s.style, filed: s.filed, wrong: scoredFields.filter((f) => !s.fields[f]) }));
const baseline = values.baseline ? (JSON.parse(await readFile(values.baseline, 'utf8')) as { metrics: ComplaintMetrics; turnP95Ms: number }) : null;

if (values.json) {
  process.stdout.write(`${JSON.stringify({ files, metrics, turnP95Ms: round(p95), turnP95WithoutLetterMs: round(p95WithoutLetter), letterTurnP50Ms: round(letterP50), byStyle, misses })}\n`);
} else {
  const pct = (x: number) => `${Math.round(x * 100)}%`.padStart(5);
  const row = (label: string, now: number, base?: number) => `${label.padEnd(26)}${pct(now)}${base !== undefined ? `   (baseline ${pct(base).trim()})` : ''}`;
  const b = baseline?.metrics;
  const lines = [
    `${metrics.stories} stories from ${files.join(', ')}`,
    row('filed', metrics.filed, b?.filed),
    row('records exactly right', metrics.exact, b?.exact),
    ...scoredFields.map((f) => row(`  ${f}`, metrics.fields[f], b?.fields[f])),
    row('  all expected articles', metrics.allBasisCited, b?.allBasisCited),
    row('a question asked >2 times', metrics.askedMoreThanTwice, b?.askedMoreThanTwice),
    `median turns ${metrics.medianTurns}${b ? ` (baseline ${b.medianTurns})` : ''}; turn p95 ${p95.toFixed(1)} ms${baseline ? ` (baseline ${baseline.turnP95Ms} ms)` : ''}`,
    `  turns without the letter: p95 ${p95WithoutLetter.toFixed(1)} ms; the turn that files and renders the letter's PDF: median ${letterP50.toFixed(1)} ms`,
    '',
    'by style (exact / filed):',
    ...Object.entries(byStyle).map(([style, m]) => `  ${style.padEnd(16)} ${pct(m.exact)} / ${pct(m.filed)}  (${m.stories})`),
    '',
    'not exactly right:',
    ...misses.map((m) => `  ${m.id} ${m.style.padEnd(14)} ${m.filed ? '' : '[not filed] '}${m.wrong.join(', ')}`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
for (const field of values.field ?? []) {
  if (!(scoredFields as readonly string[]).includes(field)) throw new Error(`--field ${field}: not one of ${scoredFields.join(', ')}`);
  const key = field as (typeof scoredFields)[number];
  process.stderr.write(`\n${field}: expected → filed\n`);
  for (const r of replays.filter((x) => !x.score.fields[key])) {
    const story = stories.find((s) => s.id === r.score.id);
    const expected = story ? (story.expected as Record<string, unknown>)[field] : undefined;
    process.stderr.write(`  ${r.score.id}  ${JSON.stringify(expected)}  →  ${JSON.stringify((r.seen as unknown as Record<string, unknown>)[field])}\n`);
  }
}
for (const id of values.show ?? []) {
  const r = replays.find((x) => x.score.id === id);
  if (!r) continue;
  process.stderr.write(`\n=== ${id}\n${r.transcript.join('\n')}\nseen: ${JSON.stringify(r.seen)}\n`);
}
