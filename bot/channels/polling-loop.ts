import type { Logger } from '../../src/shared/logger.ts';
import { backoffDelay, sleep } from './backoff.ts';

export interface PollingLoopOptions {
  /** For log lines. */
  readonly name: string;
  /** One round of work; true when there may be more right away (no pause before the next round). */
  readonly step: (signal: AbortSignal) => Promise<boolean>;
  readonly intervalMs: number;
  readonly backoff: { readonly baseMs: number; readonly maxMs: number };
  readonly logger: Logger;
}

/**
 * Runs a step until stopped: at once again when it reports more work, after `intervalMs` when idle,
 * with bounded exponential backoff after failures (an unreachable API, a busy database), so a
 * failure is logged and retried rather than ending the loop.
 */
export class PollingLoop {
  private controller: AbortController | null = null;
  private running: Promise<void> | null = null;

  constructor(private readonly options: PollingLoopOptions) {}

  start(): void {
    if (this.running) return;
    const controller = new AbortController();
    this.controller = controller;
    this.running = this.loop(controller.signal);
  }

  /** Stops after the current step; resolves once it has finished. */
  async stop(): Promise<void> {
    this.controller?.abort();
    await this.running;
    this.running = null;
    this.controller = null;
  }

  private async loop(signal: AbortSignal): Promise<void> {
    let failures = 0;
    while (!signal.aborted) {
      let pause = this.options.intervalMs;
      try {
        const more = await this.options.step(signal);
        failures = 0;
        if (more) pause = 0;
      } catch (error) {
        if (signal.aborted) break;
        pause = backoffDelay(failures, this.options.backoff.baseMs, this.options.backoff.maxMs);
        failures += 1;
        this.options.logger.error({ err: error, loop: this.options.name, retryInMs: pause, failures }, 'polling step failed');
      }
      if (pause > 0) await sleep(pause, signal);
    }
  }
}
