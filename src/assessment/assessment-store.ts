import { z } from 'zod';
import type { AssessmentRecord } from './assessment-record.ts';
import type { BusinessProfile } from './business-profile.ts';
import type { AnswerValue } from './criteria-schema.ts';

/** One self-assessment, in progress (completedAt null) or finished (with its record). */
export interface StoredAssessment {
  readonly id: string;
  readonly conversationId: string | null;
  readonly businessName: string;
  readonly criteriaVersion: string;
  /** What the business said about itself; inferences are recomputed, never stored here. */
  readonly stated: BusinessProfile;
  readonly answers: Readonly<Record<string, AnswerValue>>;
  readonly record: AssessmentRecord | null;
  readonly consentToShare: boolean;
  readonly completedAt: Date | null;
  readonly createdAt: Date;
}

export class AssessmentStoreError extends Error {
  override readonly name = 'AssessmentStoreError';
}

/** What a finished assessment is read back as by the programme view (programme-aggregates.ts). */
export interface FinishedAssessment {
  readonly id: string;
  /** The business: its conversation, or the assessment itself once the chat was erased. */
  readonly business: string;
  readonly consent: boolean;
  readonly record: AssessmentRecord;
}

/**
 * Where self-assessments are kept (src/storage/prisma-assessment-store.ts). Progress is written
 * after every answer, so a business can stop, come back after a restart or on another day, and
 * carry on where it left off.
 */
export interface AssessmentStore {
  create(input: { conversationId: string; businessName: string; criteriaVersion: string; stated: BusinessProfile; now: Date }): Promise<StoredAssessment>;
  get(id: string): Promise<StoredAssessment | null>;
  /** The unfinished assessment of this conversation, if any (the newest). */
  inProgress(conversationId: string): Promise<StoredAssessment | null>;
  latestCompleted(conversationId: string): Promise<StoredAssessment | null>;
  completed(conversationId: string): Promise<StoredAssessment[]>;
  saveProgress(id: string, change: { businessName?: string; stated?: BusinessProfile; answers?: Readonly<Record<string, AnswerValue>> }, now: Date): Promise<void>;
  complete(id: string, record: AssessmentRecord, now: Date): Promise<void>;
  setConsent(id: string, consent: boolean, now: Date): Promise<void>;
  /** Drops an unfinished assessment the business chose to start over; finished ones are kept. */
  discard(id: string): Promise<void>;
}

/** Finished assessments finished in [from, to), oldest first: what the programme view counts. */
export interface FinishedAssessments {
  finished(range: { readonly from?: Date; readonly to?: Date }): Promise<FinishedAssessment[]>;
}

/** A JSON column read back through its schema: a row that does not match is an error, never a default. */
export function parseColumn<T>(id: string, column: string, schema: z.ZodType<T>, json: string): T {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw new AssessmentStoreError(`Self-assessment ${id}: column ${column} is not JSON.`, { cause: error });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new AssessmentStoreError(`Self-assessment ${id}: column ${column} does not match its schema.`, { cause: parsed.error });
  return parsed.data;
}
