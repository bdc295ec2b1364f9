/** Used until enough hand-offs have been answered to measure: one person's turn at the desk. */
export const defaultMinutesPerPerson = 5;

/**
 * Expected wait for the person at `position`: the median of recent waits divided by the queue they
 * stood in is unknowable from the table, so the median first-response time is taken as the cost of
 * one turn. Bounded so one slow afternoon does not promise an hour, nor a quick one "0 minutes".
 */
export function expectedWaitMinutes(position: number, recentWaits: readonly number[]): number {
  const perPerson = recentWaits.length >= 3 ? clamp(median(recentWaits), 2, 30) : defaultMinutesPerPerson;
  const raw = perPerson * Math.max(1, position);
  // People read "about 15 minutes" better than "13.4 minutes".
  return raw <= 5 ? Math.max(1, Math.round(raw)) : Math.round(raw / 5) * 5;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
