import type { StaffStores } from '../staff/staff-stores.ts';
import type { Db } from './database.ts';
import { PrismaDemoData } from './prisma-demo-data.ts';
import { PrismaLoginAttempts } from './prisma-login-attempts.ts';
import { PrismaProgrammeRecords } from './prisma-programme-records.ts';
import { PrismaSecondFactorStore } from './prisma-second-factor-store.ts';
import { PrismaStaffAccounts } from './prisma-staff-accounts.ts';
import { PrismaStaffSessionStore } from './prisma-staff-session-store.ts';

/** Every staff port over one database. */
export function prismaStaffStores(db: Db): StaffStores {
  return {
    accounts: new PrismaStaffAccounts(db),
    sessions: new PrismaStaffSessionStore(db),
    secondFactor: new PrismaSecondFactorStore(db),
    loginAttempts: new PrismaLoginAttempts(db),
    programme: new PrismaProgrammeRecords(db),
    demo: new PrismaDemoData(db),
  };
}
