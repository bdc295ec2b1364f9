/** One line of the audit log: who did what to which record, and when. */
export interface AuditEntry {
  readonly id: string;
  /** A staff e-mail, "consumer" (a privacy request) or "system". */
  readonly actor: string;
  /** Dotted verb, e.g. "handoff.reply", "complaint.status", "privacy.erase". */
  readonly action: string;
  readonly target: string;
  readonly detail: Record<string, unknown>;
  readonly createdAt: Date;
}

export interface AuditInput {
  readonly actor: string;
  readonly action: string;
  readonly target?: string;
  readonly detail?: Record<string, unknown>;
}

export interface AuditQuery {
  readonly action?: string;
  readonly actor?: string;
  readonly limit: number;
  readonly before?: Date;
}

/**
 * The audit log as the console sees it (src/storage/prisma-audit-log.ts). A change that must commit
 * together with its audit line writes the line in its own adapter's transaction instead.
 */
export interface AuditLog {
  record(entry: AuditInput, now: Date): Promise<void>;
  /** Newest first, filtered by action prefix and actor, older than `before`. */
  list(query: AuditQuery): Promise<AuditEntry[]>;
}
