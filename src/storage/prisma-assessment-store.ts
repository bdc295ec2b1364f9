import { z } from 'zod';
import { assessmentRecordSchema, type AssessmentRecord } from '../assessment/assessment-record.ts';
import { parseColumn, type AssessmentStore, type FinishedAssessment, type FinishedAssessments, type StoredAssessment } from '../assessment/assessment-store.ts';
import { profileSchema, type BusinessProfile } from '../assessment/business-profile.ts';
import { answerValues, type AnswerValue } from '../assessment/criteria-schema.ts';
import type { Db } from './database.ts';

const answersSchema = z.record(z.string(), z.enum(answerValues));

type Row = Awaited<ReturnType<Db['selfAssessment']['findUniqueOrThrow']>>;

/** Self-assessments in the SelfAssessment table: profile, answers and result as JSON columns. */
export class PrismaAssessmentStore implements AssessmentStore, FinishedAssessments {
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

  async discard(id: string): Promise<void> {
    await this.db.selfAssessment.deleteMany({ where: { id, completedAt: null } });
  }

  async finished(range: { readonly from?: Date; readonly to?: Date }): Promise<FinishedAssessment[]> {
    const rows = await this.db.selfAssessment.findMany({
      where: { completedAt: { not: null, ...(range.from ? { gte: range.from } : {}), ...(range.to ? { lt: range.to } : {}) } },
      orderBy: { completedAt: 'asc' },
      select: { id: true, conversationId: true, consentToShare: true, result: true },
    });
    // An assessment whose chat was erased has no conversation left: it stands for a business of its own.
    return rows.map((r) => ({ id: r.id, business: r.conversationId ?? `assessment:${r.id}`, consent: r.consentToShare, record: parseColumn(r.id, 'result', assessmentRecordSchema, r.result) }));
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
