import type { DialogueFlow } from '../dialogue/flow.ts';
import type { DeliveryLedger } from './delivery-ledger.ts';
import type { SubscriptionStore } from './subscription.ts';
import type { WarningAnswers } from './warning-answer.ts';
import type { WarningDesk } from './warning-desk.ts';
import type { WarningFanOutJob } from './warning-fan-out-job.ts';
import type { StaffPermissions } from './warning-permissions.ts';
import type { WarningRepository } from './warning-repository.ts';

/** What the composition root builds for warnings, handed to the console, the feeds and the dialogue. */
export interface WarningsModule {
  readonly repository: WarningRepository;
  readonly subscriptions: SubscriptionStore;
  readonly ledger: DeliveryLedger;
  readonly permissions: StaffPermissions;
  readonly job: WarningFanOutJob;
  /** Publish and withdraw, with what they set off (fan-out, cancelling unsent copies). */
  readonly desk: WarningDesk;
  readonly answers: WarningAnswers;
  /** `/canhbao` (subscribing) and the "is X recalled?" question. */
  readonly flows: readonly DialogueFlow[];
  /** Today's 34 province names, for the console's form. */
  readonly provinces: readonly string[];
  /** The outbox's retry limit: a copy that failed this often counts as failed. */
  readonly maxAttempts: number;
}
