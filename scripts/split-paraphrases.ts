/**
 * Splits independently written paraphrases into a half to learn from and a half only to measure,
 * before anyone reads them: within each entry, the paraphrases are ordered by a hash of entry and
 * text, and alternate between held-out (ranks 0, 2, 4 …) and train (1, 3, 5 …), so every entry with
 * two or more has some in both halves and the split does not depend on the file's line order.
 * Prints counts only, never a text.
 *
 *   npx tsx scripts/split-paraphrases.ts --in FILE --train OUT --holdout OUT
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { in: { type: 'string' }, train: { type: 'string' }, holdout: { type: 'string' } }, strict: true });
if (!values.in || !values.train || !values.holdout) {
  process.stderr.write('usage: split-paraphrases --in FILE --train OUT --holdout OUT\n');
  process.exit(2);
}

const lines = (await readFile(values.in, 'utf8')).split('\n').filter((l) => l.trim() !== '');
const byEntry = new Map<string, { line: string; key: string }[]>();
const seen = new Set<string>();
let duplicates = 0;
for (const line of lines) {
  const item = JSON.parse(line) as { entry: string; text: string };
  const key = createHash('sha256').update(`${item.entry}\n${item.text.normalize('NFC').trim()}`).digest('hex');
  if (seen.has(key)) {
    duplicates++;
    continue;
  }
  seen.add(key);
  const list = byEntry.get(item.entry) ?? [];
  list.push({ line: JSON.stringify(JSON.parse(line)), key });
  byEntry.set(item.entry, list);
}
const train: string[] = [];
const holdout: string[] = [];
for (const entry of [...byEntry.keys()].sort()) {
  const list = byEntry.get(entry)!.sort((a, b) => a.key.localeCompare(b.key));
  list.forEach((x, rank) => {
    (rank % 2 === 0 ? holdout : train).push(x.line);
  });
}
await writeFile(values.train, `${train.join('\n')}\n`);
await writeFile(values.holdout, `${holdout.join('\n')}\n`);
const both = [...byEntry.values()].filter((l) => l.length >= 2).length;
process.stdout.write(`${lines.length} lines, ${duplicates} duplicates dropped, ${byEntry.size} entries (${both} in both halves): train ${train.length}, held out ${holdout.length}\n`);
