/**
 * Data kept only as long as its purpose needs it (data minimisation, Luật 19/2023 Art. 15–20 and
 * Nghị định 13/2023 on personal data): raw platform updates serve replay after a crash and spotting
 * redeliveries, which take minutes; login attempts serve the 15-minute login throttle and a look
 * back at an attack. Both are removed after their configured period. A file uploaded through the
 * web chat that no complaint came to refer to (sent outside an intake, an intake given up) goes after
 * its own period; evidence of a complaint stays with the complaint (until /xoadulieu).
 */
export interface RetentionPeriods {
  /** JOURNAL_RETENTION_DAYS */
  readonly journalDays: number;
  /** LOGIN_ATTEMPT_RETENTION_DAYS */
  readonly loginAttemptDays: number;
  /** UPLOAD_RETENTION_DAYS */
  readonly uploadDays: number;
}

export interface RetentionCutoffs {
  readonly journalBefore: Date;
  readonly loginAttemptsBefore: Date;
  readonly uploadsBefore: Date;
  /** Updates being handled right now (an unexpired claim) are left alone whatever their age. */
  readonly now: Date;
}

export interface RetentionReport {
  readonly journal: number;
  readonly loginAttempts: number;
  /** Uploaded files no complaint refers to. */
  readonly uploads: number;
}

/** Implemented by src/storage/prisma-retention.ts. */
export interface RetentionStore {
  purge(cutoffs: RetentionCutoffs): Promise<RetentionReport>;
}

const dayMs = 86_400_000;

export function retentionCutoffs(periods: RetentionPeriods, now: Date): RetentionCutoffs {
  return {
    journalBefore: new Date(now.getTime() - periods.journalDays * dayMs),
    loginAttemptsBefore: new Date(now.getTime() - periods.loginAttemptDays * dayMs),
    uploadsBefore: new Date(now.getTime() - periods.uploadDays * dayMs),
    now,
  };
}

export function runRetention(store: RetentionStore, periods: RetentionPeriods, now: Date): Promise<RetentionReport> {
  return store.purge(retentionCutoffs(periods, now));
}
