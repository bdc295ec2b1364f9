import { normaliseDocId } from './document-id.ts';
import type { DocumentMetadata } from './document-metadata.ts';

/** A calendar day as YYYY-MM-DD, or an instant, read in Vietnam's calendar (UTC+7, no daylight saving). */
export type DayLike = string | Date;

/** One text replacing another: from `cutOver` on, `by` applies and `replaced` no longer does. */
export interface Succession {
  readonly replaced: string;
  readonly by: string;
  /** The first day of the new text (its effectiveFrom; the old one's effectiveTo + 1 day when the new one is not held). */
  readonly cutOver: string;
}

/** A header that contradicts another document's, named by document and header key. */
export interface TimelineIssue {
  readonly docId: string;
  readonly key: 'effectiveTo' | 'replaces' | 'replacedBy' | 'implements';
  readonly message: string;
}

/**
 * What is in force when, read from the documents' metadata alone (effectiveFrom/effectiveTo,
 * replaces/replacedBy, implements): no law is named in code, so adding a text or a successor is a
 * matter of its header. Pure: built from metadata, no I/O, no clock (callers pass the day).
 */
export class LegalTimeline {
  private readonly byId = new Map<string, DocumentMetadata>();
  private readonly succession: readonly Succession[];

  constructor(readonly documents: readonly DocumentMetadata[]) {
    for (const doc of documents) this.byId.set(normaliseDocId(doc.id), doc);
    // A succession may be written on either side (or both): "replacedBy" on the old text, "replaces" on the new.
    const pairs = new Map<string, { replaced: string; by: string }>();
    for (const doc of documents) {
      for (const id of doc.replacedBy) pairs.set(`${normaliseDocId(doc.id)}>${normaliseDocId(id)}`, { replaced: doc.id, by: id });
      for (const id of doc.replaces) pairs.set(`${normaliseDocId(id)}>${normaliseDocId(doc.id)}`, { replaced: id, by: doc.id });
    }
    const successions: Succession[] = [];
    for (const pair of pairs.values()) {
      const replaced = this.document(pair.replaced);
      const by = this.document(pair.by);
      const cutOver = by?.effectiveFrom ?? (replaced?.effectiveTo ? addDays(replaced.effectiveTo, 1) : null);
      if (cutOver) successions.push({ replaced: replaced?.id ?? pair.replaced, by: by?.id ?? pair.by, cutOver });
    }
    this.succession = successions.sort((a, b) => a.cutOver.localeCompare(b.cutOver) || a.replaced.localeCompare(b.replaced));
  }

  document(id: string): DocumentMetadata | undefined {
    return this.byId.get(normaliseDocId(id));
  }

  /** Is the text in force on that day (effectiveFrom <= day <= effectiveTo)? */
  isInForce(id: string, day: DayLike): boolean {
    const doc = this.document(id);
    return doc !== undefined && inForce(doc, calendarDay(day));
  }

  /** The documents in force on that day, in the knowledge base's order. */
  inForceOn(day: DayLike): DocumentMetadata[] {
    const d = calendarDay(day);
    return this.documents.filter((doc) => inForce(doc, d));
  }

  /**
   * What retrieval searches on a day: the texts in force then, and every provincial plan (a plan
   * whose period is over is still quoted for who does what in the province, and said to be over).
   */
  searchableOn(day: DayLike): string[] {
    const d = calendarDay(day);
    return this.documents.filter((doc) => doc.kind === 'plan' || inForce(doc, d)).map((doc) => doc.id);
  }

  /** Every succession the headers record, earliest cut-over first. */
  successions(): readonly Succession[] {
    return this.succession;
  }

  /** What replaced the text and from which day; null while nothing has. */
  successorOf(id: string): Succession | null {
    const key = normaliseDocId(id);
    return this.succession.find((s) => normaliseDocId(s.replaced) === key) ?? null;
  }

  /**
   * Has a text the knowledge base holds replaced this one (whatever the day)? Such a text is kept
   * for transactions before the cut-over, not as the latest wording of its line.
   */
  isSuperseded(id: string): boolean {
    const key = normaliseDocId(id);
    return this.succession.some((s) => normaliseDocId(s.replaced) === key && this.document(s.by) !== undefined);
  }

  /** The text this one replaced and from which day; null for a text that replaced none. */
  predecessorOf(id: string): Succession | null {
    return this.predecessorsOf(id)[0] ?? null;
  }

  /** Every text this one replaced (a decision may replace two), with the cut-over day. */
  predecessorsOf(id: string): Succession[] {
    const key = normaliseDocId(id);
    return this.succession.filter((s) => normaliseDocId(s.by) === key);
  }

  /**
   * The text of the same line of succession that applied on a day: for a day before a cut-over,
   * the text the current one replaced (back as far as the knowledge base holds); for a day after
   * one, its successor. Undefined when no held text of that line applied then.
   */
  appliedOn(id: string, day: DayLike): DocumentMetadata | undefined {
    const d = calendarDay(day);
    let doc = this.document(id);
    const visited = new Set<string>();
    while (doc && !visited.has(doc.id)) {
      visited.add(doc.id);
      if (inForce(doc, d)) return doc;
      const step: Succession | null = d < doc.effectiveFrom ? this.predecessorOf(doc.id) : this.successorOf(doc.id);
      doc = step ? this.document(d < doc.effectiveFrom ? step.replaced : step.by) : undefined;
    }
    return undefined;
  }

  /** Texts in force on `then` that were replaced by `now`, with what replaced them: "which texts applied then". */
  replacedBetween(then: DayLike, now: DayLike): Succession[] {
    const from = calendarDay(then);
    const to = calendarDay(now);
    return this.succession.filter((s) => s.cutOver > from && s.cutOver <= to && this.isInForce(s.replaced, from));
  }

  /** The law a text belongs to: a law itself, or the law a decree or decision details. */
  lawOf(id: string): DocumentMetadata | undefined {
    const doc = this.document(id);
    if (!doc || doc.kind === 'law' || doc.implements === null) return doc;
    return this.document(doc.implements) ?? doc;
  }

  /** The document ids a citation may name: every text the knowledge base holds. */
  citationIds(): string[] {
    return this.documents.map((d) => d.id);
  }
}

/** Headers that contradict themselves or each other; the loader refuses to start on the first. */
export function timelineIssues(documents: readonly DocumentMetadata[]): TimelineIssue[] {
  const byId = new Map(documents.map((d) => [normaliseDocId(d.id), d]));
  const names = (ids: readonly string[], id: string) => ids.some((x) => normaliseDocId(x) === normaliseDocId(id));
  const issues: TimelineIssue[] = [];
  for (const doc of documents) {
    if (doc.effectiveTo !== null && doc.effectiveTo < doc.effectiveFrom) {
      issues.push({ docId: doc.id, key: 'effectiveTo', message: `"effectiveTo" ${doc.effectiveTo} is before "effectiveFrom" ${doc.effectiveFrom}` });
    }
    for (const id of doc.replacedBy) {
      if (doc.effectiveTo === null) {
        issues.push({ docId: doc.id, key: 'effectiveTo', message: `replaced by ${id} but has no "effectiveTo" (its last day in force)` });
      }
      const next = byId.get(normaliseDocId(id));
      if (!next) continue;
      if (!names(next.replaces, doc.id)) issues.push({ docId: doc.id, key: 'replacedBy', message: `says it is replaced by ${next.id}, whose "replaces" does not name ${doc.id}` });
      if (doc.effectiveTo !== null && doc.effectiveTo >= next.effectiveFrom) {
        issues.push({ docId: doc.id, key: 'effectiveTo', message: `in force until ${doc.effectiveTo}, but ${next.id} replaces it from ${next.effectiveFrom}` });
      }
    }
    for (const id of doc.replaces) {
      const previous = byId.get(normaliseDocId(id));
      if (previous && !names(previous.replacedBy, doc.id)) {
        issues.push({ docId: doc.id, key: 'replaces', message: `says it replaces ${previous.id}, whose "replacedBy" does not name ${doc.id}` });
      }
    }
    if (doc.implements !== null) {
      const law = byId.get(normaliseDocId(doc.implements));
      if (normaliseDocId(doc.implements) === normaliseDocId(doc.id)) issues.push({ docId: doc.id, key: 'implements', message: 'a text cannot implement itself' });
      else if (doc.kind === 'law' || doc.kind === 'plan') issues.push({ docId: doc.id, key: 'implements', message: `"implements" is for decrees and decisions, not a ${doc.kind}` });
      else if (law && law.kind !== 'law') issues.push({ docId: doc.id, key: 'implements', message: `${law.id} is a ${law.kind}, not a law` });
    }
  }
  return issues;
}

function inForce(doc: DocumentMetadata, day: string): boolean {
  return doc.effectiveFrom <= day && (doc.effectiveTo === null || day <= doc.effectiveTo);
}

const vietnamOffsetMs = 7 * 60 * 60 * 1000;

/** The calendar day in Vietnam: a law takes effect at local midnight wherever the server runs. */
export function calendarDay(day: DayLike): string {
  if (typeof day === 'string') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new RangeError(`expected a day as YYYY-MM-DD, got "${day}"`);
    return day;
  }
  return new Date(day.getTime() + vietnamOffsetMs).toISOString().slice(0, 10);
}

function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + n)).toISOString().slice(0, 10);
}
