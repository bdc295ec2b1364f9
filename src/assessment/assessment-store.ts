import { z } from 'zod';
import type { Db } from '../storage/database.ts';
import { assessmentRecordSchema, type AssessmentRecord } from './assessment-record.ts';
import { profileSchema, type BusinessProfile } from './business-profile.ts';
import { answerValues, type AnswerValue } from './criteria-schema.ts';

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

const answersSchema = z.record(z.string(), z.enum(answerValues));

type Row = Awaited<ReturnType<Db['selfAssessment']['findUniqueOrThrow']>>;

/**
 * Self-assessments in the SelfAssessment table. Progress is written after every answer, so a business
 * can stop, come back after a restart or on another day, and carry on where it left off.
 */
export class PrismaAssessmentStore {
  constructor(private readonly db: Db) {}

  async create(input: { conversationId: string; businessName: string; criteriaVersion: string; stated: BusinessProfile; now: Date }): Promise<StoredAssessment> {
    const row = await this.db.selfAssessment.create({
      data: {
        conversationId: input.conversationId,
        businessName: input.businessName,
        criteriaVersion: input.criteriaVersion,
        profile: JSON.stringify(input.stated),
        createdAt: input.now,
      },
    });
    return toStored(row);
  }

  async get(id: string): Promise<StoredAssessment | null> {
    const row = await this.db.selfAssessment.findUnique({ where: { id } });
    return row ? toStored(row) : null;
  }

  /** The unfinished assessment of this conversation, if any (the newest). */
  async inProgress(conversationId: string): Promise<StoredAssessment | null> {
    const row = await this.db.selfAssessment.findFirst({ where: { conversationId, completedAt: null }, orderBy: { createdAt: 'desc' } });
    return row ? toStored(row) : null;
  }

  async latestCompleted(conversationId: string): Promise<StoredAssessment | null> {
    const row = await this.db.selfAssessment.findFirst({ where: { conversationId, completedAt: { not: null } }, orderBy: { completedAt: 'desc' } });
    return row ? toStored(row) : null;
  }

  async completed(conversationId: string): Promise<StoredAssessment[]> {
    const rows = await this.db.selfAssessment.findMany({ where: { conversationId, completedAt: { not: null } }, orderBy: { completedAt: 'asc' } });
    return rows.map(toStored);
  }

  async saveProgress(id: string, change: { businessName?: string; stated?: BusinessProfile; answers?: Readonly<Record<string, AnswerValue>> }, now: Date): Promise<void> {
    await this.db.selfAssessment.update({
      where: { id },
      data: {
        ...(change.businessName !== undefined ? { businessName: change.businessName } : {}),
        ...(change.stated !== undefined ? { profile: JSON.stringify(change.stated) } : {}),
        ...(change.answers !== undefined ? { answers: JSON.stringify(change.answers) } : {}),
        updatedAt: now,
      },
    });
  }

  async complete(id: string, record: AssessmentRecord, now: Date): Promise<void> {
    await this.db.selfAssessment.update({
      where: { id },
      data: {
        answers: JSON.stringify(record.answers),
        score: record.score,
        maxScore: record.maxScore,
        result: JSON.stringify(record),
        completedAt: now,
        updatedAt: now,
      },
    });
  }

  async setConsent(id: string, consent: boolean, now: Date): Promise<void> {
    await this.db.selfAssessment.update({ where: { id }, data: { consentToShare: consent, updatedAt: now } });
  }

  /** Drops an unfinished assessment the business chose to start over; finished ones are kept. */
  async discard(id: string): Promise<void> {
    await this.db.selfAssessment.deleteMany({ where: { id, completedAt: null } });
  }
}

function toStored(row: Row): StoredAssessment {
  return {
    id: row.id,
    conversationId: row.conversationId,
    businessName: row.businessName,
    criteriaVersion: row.criteriaVersion,
    stated: parseColumn(row.id, 'profile', profileSchema, row.profile),
    answers: parseColumn(row.id, 'answers', answersSchema, row.answers),
    record: row.completedAt ? parseColumn(row.id, 'result', assessmentRecordSchema, row.result) : null,
    consentToShare: row.consentToShare,
    completedAt: row.completedAt,
    createdAt: row.createdAt,
  };
}

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
