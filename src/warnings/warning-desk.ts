import type { DeliveryLedger } from './delivery-ledger.ts';
import type { Warning } from './warning.ts';
import type { WarningFanOutJob } from './warning-fan-out-job.ts';
import type { WarningRepository } from './warning-repository.ts';

/**
 * The steps that reach beyond the warning itself: publishing starts the fan-out at once (the job's
 * timer would find it anyway), withdrawing takes the copies not yet sent out of the outbox.
 */
export class WarningDesk {
  constructor(private readonly deps: { readonly repository: WarningRepository; readonly ledger: DeliveryLedger; readonly job: WarningFanOutJob }) {}

  async publish(id: string, expectedVersion: number, actor: string, now: Date): Promise<Warning> {
    const published = await this.deps.repository.publish(id, expectedVersion, actor, now);
    this.deps.job.kick();
    return published;
  }

  async withdraw(id: string, reason: string, actor: string, now: Date): Promise<{ warning: Warning; cancelled: number }> {
    const warning = await this.deps.repository.withdraw(id, reason, actor, now);
    return { warning, cancelled: await this.deps.ledger.cancelPending(id) };
  }
}
