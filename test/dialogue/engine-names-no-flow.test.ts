import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The engine composes whatever flows it is given: a flow's name, command or intent written into the
// engine would make adding or removing a flow an edit of the engine. Flows declare these themselves.
const root = path.resolve(import.meta.dirname, '../..');
const engine = readFileSync(path.join(root, 'src/dialogue/dialogue-engine.ts'), 'utf8');
const flowFiles = ['src/complaints', 'src/assessment', 'src/handoff', 'src/privacy'].flatMap((dir) =>
  readdirSync(path.join(root, dir)).filter((f) => f.endsWith('-flow.ts') || f === 'create-complaint-flow.ts' || f === 'assessment-setup.ts').map((f) => readFileSync(path.join(root, dir, f), 'utf8')),
);

describe('the dialogue engine', () => {
  it('names no flow, command or intent that a flow declares', () => {
    const declared = new Set<string>();
    for (const text of flowFiles) {
      for (const m of text.matchAll(/readonly (?:name|commands|servesIntents) = (\[[^\]]*\]|'[^']*')/g)) {
        for (const word of m[1]!.matchAll(/'([^']+)'/g)) declared.add(word[1]!);
      }
    }
    expect(declared.size).toBeGreaterThan(5);
    const code = engine.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    expect([...declared].filter((word) => new RegExp(`['"\`]${word}['"\`.]`).test(code))).toEqual([]);
  });
});
