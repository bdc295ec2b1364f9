/**
 * Opening or configuring a database failed (bad URL, unreachable server, file not writable).
 * Messages never contain credentials: URLs are redacted before they are put in a message.
 */
export class DatabaseError extends Error {
  override readonly name: string = 'DatabaseError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** Applying the versioned SQL migrations failed; `migration` names the one that was being applied, if any. */
export class MigrationError extends Error {
  override readonly name: string = 'MigrationError';
  readonly migration: string | undefined;

  constructor(message: string, options?: { migration?: string; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.migration = options?.migration;
  }
}

/**
 * An already-applied migration's file was edited afterwards. The database was built from the old
 * text, so running on would leave it different from what the files describe: add a new migration instead.
 */
export class MigrationChecksumError extends MigrationError {
  override readonly name: string = 'MigrationChecksumError';
  readonly expectedChecksum: string;
  readonly actualChecksum: string;

  constructor(migration: string, expectedChecksum: string, actualChecksum: string) {
    super(
      `Migration ${migration} was changed after it was applied (applied checksum ${expectedChecksum}, ` +
        `file checksum ${actualChecksum}). Restore the original file and add a new migration for the change.`,
      { migration },
    );
    this.expectedChecksum = expectedChecksum;
    this.actualChecksum = actualChecksum;
  }
}

/**
 * The database records a migration this code does not have: it was migrated by a newer version of the
 * application, whose schema this code may not understand.
 */
export class UnknownAppliedMigrationError extends MigrationError {
  override readonly name: string = 'UnknownAppliedMigrationError';

  constructor(migration: string) {
    super(
      `The database has migration ${migration} applied, but this code has no such migration: ` +
        `it was migrated by a newer version of the application.`,
      { migration },
    );
  }
}

/** Replaces the password in a connection URL so the URL can go into logs and error messages. */
export function redactDatabaseUrl(databaseUrl: string): string {
  // SQLite URLs carry no secret, and URL parsing would rewrite their relative paths.
  if (databaseUrl.startsWith('file:')) return databaseUrl;
  try {
    const url = new URL(databaseUrl);
    if (url.password !== '') url.password = '***';
    return url.toString();
  } catch {
    // Not parseable as a URL (e.g. "file:./x.db" parses, garbage does not): nothing reliable to redact,
    // so say nothing about it rather than risk echoing a secret.
    return '<unparseable database URL>';
  }
}

/** Prisma's codes for failures that a retry can get past: no connection, a pool or transaction timeout, a write conflict or deadlock. */
const transientPrismaCodes = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028', 'P2034']);
/** The same from the drivers: PostgreSQL serialization failure, deadlock, too many connections, shutdown, lost connection; SQLite busy. */
const transientDriverCodes = new Set(['40001', '40P01', '53300', '57P01', '57P03', '08000', '08001', '08003', '08006', 'SQLITE_BUSY', 'ECONNREFUSED', 'ECONNRESET']);

/**
 * Whether a database failure is worth retrying (the same statement can succeed a moment later), as
 * opposed to a bug or a constraint the data breaks. Looks through `cause` and Prisma's `meta`.
 */
export function isTransientDatabaseError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, meta, message } = e as { code?: unknown; meta?: { code?: unknown; driverAdapterError?: { cause?: { originalCode?: unknown; kind?: unknown } } }; message?: unknown };
    if (typeof code === 'string' && (transientPrismaCodes.has(code) || transientDriverCodes.has(code))) return true;
    const driverCode = meta?.driverAdapterError?.cause?.originalCode ?? meta?.code;
    if (typeof driverCode === 'string' && transientDriverCodes.has(driverCode)) return true;
    if (typeof message === 'string' && /database is locked|SQLITE_BUSY|Unable to start a transaction in the given time|Timed out fetching a new connection|too many clients|Connection terminated/i.test(message)) return true;
  }
  return false;
}
