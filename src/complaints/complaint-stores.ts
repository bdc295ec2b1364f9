import type { HolidayTable } from './calendar-store.ts';
import type { ConversationAddresses } from './complaint-reminders.ts';
import type { ComplaintStore } from './complaint-repository.ts';
import type { ComplaintSeedTable } from './complaint-seed.ts';
import type { ComplaintTranscripts } from './complaint-transcripts.ts';
import type { RoutingTable } from './routing-directory.ts';

/** The complaint module's persistence ports, built once by the composition root (src/storage/prisma-complaint-tables.ts). */
export interface ComplaintStores {
  readonly complaints: ComplaintStore;
  readonly holidays: HolidayTable;
  readonly routing: RoutingTable;
  readonly seed: ComplaintSeedTable;
  readonly conversations: ConversationAddresses;
  readonly transcripts: ComplaintTranscripts;
}
