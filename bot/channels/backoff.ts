/**
 * Exponential backoff with jitter, capped: attempt 0 waits about `baseMs`, each further attempt
 * twice as long, never more than `maxMs`. Jitter spreads retries of many chats hitting one limit.
 */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const exponential = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.round(exponential / 2 + (random() * exponential) / 2);
}

/** Resolves after `ms`, or at once (without error) when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}
