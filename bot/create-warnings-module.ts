import type { Locale, Translator } from '../src/i18n/translator.ts';
import type { Clock } from '../src/shared/clock.ts';
import type { Leases } from '../src/shared/leases.ts';
import type { Logger } from '../src/shared/logger.ts';
import type { Db } from '../src/storage/database.ts';
import { PrismaStaffPermissions } from '../src/storage/prisma-staff-permissions.ts';
import { PrismaDeliveryLedger } from '../src/storage/prisma-warning-deliveries.ts';
import { PrismaWarningRepository } from '../src/storage/prisma-warning-repository.ts';
import { PrismaSubscriptionStore } from '../src/storage/prisma-warning-subscriptions.ts';
import { SubscriptionFlow } from '../src/warnings/subscription-flow.ts';
import { WarningAnswers } from '../src/warnings/warning-answer.ts';
import { WarningDesk } from '../src/warnings/warning-desk.ts';
import { WarningFanOut } from '../src/warnings/warning-fan-out.ts';
import { WarningFanOutJob } from '../src/warnings/warning-fan-out-job.ts';
import { WarningQuestionFlow } from '../src/warnings/warning-question-flow.ts';
import type { WarningsModule } from '../src/warnings/warnings-module.ts';

export interface WarningsSetup {
  readonly db: Db;
  readonly translators: (locale: Locale) => Translator;
  readonly leases: Leases;
  /** This instance's owner id: the fan-out job's lease holder. */
  readonly owner: string;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly hotline: string;
  /** Where the public list of warnings is (quoted in answers). */
  readonly publicListUrl: string;
  readonly provinces: { readonly names: readonly string[]; readonly find: (text: string) => string | null };
  /** The outbox dispatcher's retry limit (a copy that failed this often is given up). */
  readonly maxAttempts: number;
}

/**
 * Warnings, subscriptions and their delivery, built on the application's database: part of the
 * composition root, which is why it lives in bot/ and may name the Prisma adapters.
 */
export function createWarningsModule(setup: WarningsSetup): WarningsModule {
  const repository = new PrismaWarningRepository(setup.db);
  const subscriptions = new PrismaSubscriptionStore(setup.db);
  const ledger = new PrismaDeliveryLedger(setup.db);
  const fanOut = new WarningFanOut({ warnings: repository, ledger, translators: setup.translators, logger: setup.logger });
  const job = new WarningFanOutJob({ fanOut, leases: setup.leases, owner: setup.owner, clock: setup.clock, logger: setup.logger });
  const answers = new WarningAnswers({ warnings: repository, translators: setup.translators, hotline: setup.hotline, publicListUrl: setup.publicListUrl });
  return {
    repository,
    subscriptions,
    ledger,
    permissions: new PrismaStaffPermissions(setup.db),
    job,
    desk: new WarningDesk({ repository, ledger, job }),
    answers,
    flows: [new SubscriptionFlow({ subscriptions, answers, findProvince: setup.provinces.find }), new WarningQuestionFlow(answers)],
    provinces: setup.provinces.names,
    maxAttempts: setup.maxAttempts,
  };
}
