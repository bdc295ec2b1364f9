/** What a conversation holds about its user, shown before erasing so the user knows what goes. */
export interface PersonalDataSummary {
  readonly messages: number;
  readonly complaints: number;
  readonly assessments: number;
}

/**
 * What an erasure did, in counts only: which complaints were the person's is exactly what it must
 * not say (the audit log keeps this report).
 */
export interface ErasureReport extends PersonalDataSummary {
  /** Open complaints ended as withdrawn: nobody is left to handle them for. */
  readonly withdrawn: number;
}

/**
 * Erases a consumer's personal data on request (Luật 19/2023 Art. 15-20: access and erasure). Complaints
 * keep an anonymised shell (status, category, province, dates) so the yearly figures do not change.
 * Implemented by src/storage/prisma-personal-data.ts.
 */
export interface PersonalDataStore {
  summary(conversationId: string): Promise<PersonalDataSummary>;
  erase(conversationId: string, now: Date): Promise<ErasureReport>;
}
