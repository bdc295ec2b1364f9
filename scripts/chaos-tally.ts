// What `npm run chaos` counts, as a pure function of what the fake platform received, so the
// classification of duplicates can be tested without starting anything.

/** One message the platform accepted from the bot, with the time it answered the send. */
export interface Received {
  readonly text: string;
  readonly at: number;
}

export interface Kill {
  readonly at: number;
  readonly instance: number;
}

export interface TallyInput {
  /** The parts the bot sends for each scripted message, in order (from the calibration chat). */
  readonly expected: ReadonlyArray<readonly string[]>;
  /** Everything each chat received, in the order the platform answered. */
  readonly received: ReadonlyMap<string, readonly Received[]>;
  readonly kills: readonly Kill[];
  /**
   * A duplicate whose first copy the platform answered at most this long before a kill was in
   * flight: the process may have died before it could record the send. Anything older, or with no
   * kill after it, was avoidable.
   */
  readonly inFlightMs: number;
  /** Texts that are the channel's error apology (after a failed turn). */
  readonly isApology: (text: string) => boolean;
}

export interface Tally {
  readonly turns: number;
  /** Turns some expected part of which never arrived. */
  readonly lost: number;
  /** The first few lost turns, as chat and message number (from 1), to look them up in the logs. */
  readonly lostTurns: readonly string[];
  readonly apologies: number;
  readonly duplicatesAvoidable: number;
  readonly duplicatesInFlight: number;
  /** In-flight duplicates attributed to each kill, in kill order. */
  readonly inFlightPerKill: readonly number[];
  /** For each duplicate after a kill: how long before the kill the platform answered its first copy (ms). */
  readonly duplicateAgesMs: readonly number[];
  /** Received texts that are neither an expected part nor an apology (a turn answered differently). */
  readonly unexpected: number;
  /** Every repeated send, to look it up in the instances' logs and traces. */
  readonly duplicates: readonly Duplicate[];
}

export interface Duplicate {
  readonly chatId: string;
  /** The start of the repeated text. */
  readonly text: string;
  /** When the platform answered the first copy, and the repeat. */
  readonly firstAt: number;
  readonly againAt: number;
  /** The kill between the copies nearest the first one, if any. */
  readonly killAt: number | null;
  readonly inFlight: boolean;
}

export function tally(input: TallyInput): Tally {
  const { expected, received, kills, inFlightMs, isApology } = input;
  const wanted = new Map<string, number>();
  for (const parts of expected) for (const text of parts) wanted.set(text, (wanted.get(text) ?? 0) + 1);
  const sortedKills = [...kills].sort((a, b) => a.at - b.at);
  const inFlightPerKill = sortedKills.map(() => 0);
  let lost = 0;
  let apologies = 0;
  let avoidable = 0;
  let inFlight = 0;
  let unexpected = 0;
  const ages: number[] = [];
  const duplicates: Duplicate[] = [];
  const lostTurns: string[] = [];
  for (const [chatId, messages] of received) {
    const byText = new Map<string, Received[]>();
    for (const m of messages) {
      if (isApology(m.text)) apologies += 1;
      else if (!wanted.has(m.text)) unexpected += 1;
      else byText.set(m.text, [...(byText.get(m.text) ?? []), m]);
    }
    expected.forEach((parts, m) => {
      if (!parts.some((text) => (byText.get(text)?.length ?? 0) === 0)) return;
      lost += 1;
      if (lostTurns.length < 10) lostTurns.push(`${chatId}#${m + 1}`);
    });
    for (const [text, copies] of byText) {
      const allowed = wanted.get(text) ?? 0;
      for (let i = allowed; i < copies.length; i++) {
        // The copy repeated is the one just before it: that send was answered and then made again.
        const original = copies[i - 1]!;
        const again = copies[i]!;
        // A kill between the copies, the one nearest the first. The first copy may even be stamped a
        // little after the kill: the platform can read a request the process wrote just before dying.
        const between = sortedKills.map((kill, index) => ({ kill, index })).filter(({ kill }) => kill.at >= original.at - inFlightMs && kill.at <= again.at);
        const nearest = between.sort((a, b) => Math.abs(a.kill.at - original.at) - Math.abs(b.kill.at - original.at))[0];
        if (nearest) ages.push(nearest.kill.at - original.at);
        const isInFlight = nearest !== undefined && Math.abs(nearest.kill.at - original.at) <= inFlightMs;
        if (nearest && isInFlight) {
          inFlight += 1;
          inFlightPerKill[nearest.index]! += 1;
        } else {
          avoidable += 1;
        }
        duplicates.push({ chatId, text: text.slice(0, 40), firstAt: original.at, againAt: again.at, killAt: nearest?.kill.at ?? null, inFlight: isInFlight });
      }
    }
  }
  return {
    // Every chat of the run has an entry, an empty one when it received nothing (all its turns lost).
    turns: received.size * expected.length,
    lost,
    lostTurns,
    apologies,
    duplicatesAvoidable: avoidable,
    duplicatesInFlight: inFlight,
    inFlightPerKill,
    duplicateAgesMs: ages.sort((a, b) => a - b),
    unexpected,
    duplicates,
  };
}
