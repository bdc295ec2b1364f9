import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { stemEnglish } from './english-stem.ts';
import {
  abbreviationsFileSchema,
  phraseMapFileSchema,
  stopwordsFileSchema,
} from './lexicon-schema.ts';
import { LexiconError } from './text-errors.ts';
import { makeToken, tokenize, type Token } from './tokenizer.ts';

/** A lexicon phrase that fires when a question contains `pattern`, adding `expansions`. */
export interface PhraseRule {
  readonly pattern: readonly Token[];
  readonly expansions: readonly (readonly Token[])[];
}

export interface AbbreviationRule {
  readonly form: Token;
  readonly means: readonly (readonly Token[])[];
}

/** The lexicons compiled for matching; immutable and shared by every analyser. */
export interface Lexicon {
  /** Shorthand rules by the folded form of the shorthand. */
  readonly abbreviations: ReadonlyMap<string, readonly AbbreviationRule[]>;
  /** Colloquial rules by the folded form of their first word. */
  readonly colloquial: ReadonlyMap<string, readonly PhraseRule[]>;
  /** English rules by the stem of their first word. */
  readonly english: ReadonlyMap<string, readonly PhraseRule[]>;
  /** Vietnamese stop phrases ("thế nào", "tôi") by the folded form of their first word. */
  readonly vietnameseStopwordPhrases: ReadonlyMap<string, readonly (readonly Token[])[]>;
  readonly englishStopwords: ReadonlySet<string>;
  /** Every stemmed English word the glossary or stop list knows, to recognise an English question. */
  readonly englishVocabulary: ReadonlySet<string>;
  /** Every accent-free word the lexicons mention (patterns and shorthand), so none is "repaired". */
  readonly words: ReadonlySet<string>;
  /** sha256 over the files, so caches and reports can tell lexicon versions apart. */
  readonly hash: string;
}

export const LEXICON_FILES = ['abbreviations.json', 'colloquial.json', 'english.json', 'stopwords.json'] as const;

export const defaultLexiconDir = fileURLToPath(new URL('../../knowledge/lexicon/', import.meta.url));

/**
 * Question words match a lexicon word the way a reader would: an accented word must be that word
 * ("sữa" is not "sửa"), an unaccented one may be any accented reading of it.
 */
export function tokenMatches(query: Token, pattern: Token): boolean {
  return query.marked ? query.exact === pattern.exact : query.folded === pattern.folded;
}

export function loadLexicon(dir: string = defaultLexiconDir): Lexicon {
  const hash = createHash('sha256');
  const read = <T>(name: string, schema: z.ZodType<T>): T => {
    const file = path.join(dir, name);
    let raw: string;
    try {
      raw = readFileSync(file, 'utf8');
    } catch (error) {
      throw new LexiconError(file, 'cannot be read', { cause: error });
    }
    hash.update(name).update('\0').update(raw);
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (error) {
      throw new LexiconError(file, 'is not valid JSON', { cause: error });
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new LexiconError(file, z.prettifyError(parsed.error), { cause: parsed.error });
    return parsed.data;
  };

  const abbreviationsFile = read('abbreviations.json', abbreviationsFileSchema);
  const colloquialFile = read('colloquial.json', phraseMapFileSchema);
  const englishFile = read('english.json', phraseMapFileSchema);
  const stopwordsFile = read('stopwords.json', stopwordsFileSchema);

  const abbreviations = new Map<string, AbbreviationRule[]>();
  for (const entry of abbreviationsFile.entries) {
    const means = entry.means.map((m) => tokenize(m));
    for (const f of entry.forms) {
      const form = makeToken(f);
      const list = abbreviations.get(form.folded) ?? [];
      if (list.some((r) => r.form.exact === form.exact)) {
        throw new LexiconError(path.join(dir, 'abbreviations.json'), `form "${f}" is listed twice`);
      }
      list.push({ form, means });
      abbreviations.set(form.folded, list);
    }
  }

  const vietnameseStopwordPhrases = new Map<string, Token[][]>();
  for (const w of stopwordsFile.vietnamese) {
    const phrase = tokenize(w);
    const first = phrase[0];
    if (!first) continue;
    vietnameseStopwordPhrases.set(first.folded, [...(vietnameseStopwordPhrases.get(first.folded) ?? []), phrase]);
  }

  const colloquial = indexRules(
    colloquialFile.entries.flatMap((e) => e.phrases.map((p) => rule(tokenize(p), e.expand))),
    (t) => t.folded,
  );

  const englishRules = englishFile.entries.flatMap((e) =>
    e.phrases.map((p) => rule(tokenize(p).map((t) => makeToken(stemEnglish(t.text))), e.expand)),
  );
  const english = indexRules(englishRules, (t) => t.folded);
  const englishStopwords = new Set(stopwordsFile.english.map((w) => stemEnglish(w.toLowerCase())));
  const englishVocabulary = new Set<string>(englishStopwords);
  for (const r of englishRules) for (const t of r.pattern) englishVocabulary.add(t.folded);

  const words = new Set<string>([...abbreviations.keys()]);
  for (const list of [...colloquial.values(), ...english.values()]) for (const r of list) for (const t of r.pattern) words.add(t.folded);

  return {
    words,
    abbreviations,
    colloquial,
    english,
    vietnameseStopwordPhrases,
    englishStopwords,
    englishVocabulary,
    hash: hash.digest('hex'),
  };
}

let cached: Lexicon | undefined;

/** The lexicon shipped in knowledge/lexicon, loaded once per process. */
export function defaultLexicon(): Lexicon {
  cached ??= loadLexicon();
  return cached;
}

function rule(pattern: Token[], expand: readonly string[]): PhraseRule {
  return { pattern, expansions: expand.map((e) => tokenize(e)) };
}

function indexRules(rules: PhraseRule[], key: (t: Token) => string): Map<string, PhraseRule[]> {
  const byFirst = new Map<string, PhraseRule[]>();
  for (const r of rules) {
    const first = r.pattern[0];
    if (!first) continue;
    const list = byFirst.get(key(first)) ?? [];
    list.push(r);
    byFirst.set(key(first), list);
  }
  // Longest pattern first so "hàng giả" wins over "hàng".
  for (const list of byFirst.values()) list.sort((a, b) => b.pattern.length - a.pattern.length);
  return byFirst;
}
