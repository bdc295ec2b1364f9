import type { DemoDataStore } from './demo-database.ts';
import type { LoginAttemptStore } from './login-throttle.ts';
import type { ProgrammeRecords } from './programme-stats.ts';
import type { SecondFactorStore } from './second-factor.ts';
import type { StaffAccountStore } from './staff-accounts.ts';
import type { StaffSessionStore } from './staff-sessions.ts';

/** The staff console's persistence ports, built once by the composition root (src/storage/prisma-staff-stores.ts). */
export interface StaffStores {
  readonly accounts: StaffAccountStore;
  readonly sessions: StaffSessionStore;
  readonly secondFactor: SecondFactorStore;
  readonly loginAttempts: LoginAttemptStore;
  readonly programme: ProgrammeRecords;
  readonly demo: DemoDataStore;
}
