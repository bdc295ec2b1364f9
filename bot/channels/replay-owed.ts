import type { JournalEntry } from '../../src/dialogue/inbound-journal.ts';
import type { Clock } from '../../src/shared/clock.ts';
import type { Logger } from '../../src/shared/logger.ts';
import type { InboundPipeline } from './inbound-pipeline.ts';
import { PollingLoop } from './polling-loop.ts';

/** Feeds a journaled raw update back through the channel, as if the platform delivered it again. */
export type Replay = (entry: JournalEntry) => Promise<void>;

/**
 * Replays every update received before `receivedBefore` that is still owed a delivery: at start-up
 * (what a killed process left) and periodically (sends that failed for a transient reason).
 * Returns how many were replayed.
 */
export async function replayOwed(pipeline: InboundPipeline, replay: Replay, receivedBefore: Date, logger: Logger): Promise<number> {
  const seen = new Set<string>();
  for (;;) {
    const batch = (await pipeline.owed(receivedBefore, 200)).filter((e) => !seen.has(e.key));
    if (batch.length === 0) return seen.size;
    for (const entry of batch) {
      seen.add(entry.key);
      try {
        await replay(entry);
      } catch (error) {
        // One unreadable entry must not keep the bot from starting; it stays owed and is logged.
        logger.error({ err: error, key: entry.key }, 'could not replay a journaled update');
      }
    }
  }
}

/**
 * The periodic sweep: updates owed for longer than `staleMs` are replayed every `intervalMs`. Short
 * both: what is being handled here or on another instance is not owed (see InboundPipeline.owed),
 * so the sweep mostly retries turns that failed for a passing reason, and a user should not wait long.
 */
export function replayLoop(options: {
  readonly name: string;
  readonly pipeline: InboundPipeline;
  readonly replay: Replay;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly intervalMs?: number;
  readonly staleMs?: number;
}): PollingLoop {
  const staleMs = options.staleMs ?? 5_000;
  return new PollingLoop({
    name: options.name,
    step: async () => {
      const count = await replayOwed(options.pipeline, options.replay, new Date(options.clock.now().getTime() - staleMs), options.logger);
      if (count > 0) options.logger.info({ loop: options.name, count }, 'replayed updates still owed a delivery');
      return false;
    },
    intervalMs: options.intervalMs ?? 10_000,
    backoff: { baseMs: 5_000, maxMs: 5 * 60_000 },
    logger: options.logger,
  });
}
