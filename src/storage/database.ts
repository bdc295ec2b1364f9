// The one way the application gets a database: SQLite for a single machine, PostgreSQL for scale,
// chosen by the URL. Migrations are applied before the client is handed out, so callers can rely on
// the schema being current.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { raw, type Sql } from '@prisma/client/runtime/client';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import {
  type DatabaseProvider,
  type MigrationReport,
  DEFAULT_MIGRATIONS_DIRS,
  migratePostgres,
  migrateSqlite,
  quotePostgresIdentifier,
} from './migrator.ts';
import { DatabaseError, redactDatabaseUrl } from './storage-errors.ts';

/**
 * The Prisma client callers use. It is the SQLite client's type; the PostgreSQL client is generated
 * from the same models (prisma/postgresql/schema.prisma is derived from prisma/schema.prisma) and so has
 * the same API, which is why openDatabase can hand it out under this type.
 */
export type Db = PrismaClient;

export type { DatabaseProvider } from './migrator.ts';

export interface Database {
  readonly prisma: Db;
  /**
   * The client for the writes that record a send (the journal's and the outbox's): a crash between
   * the platform's answer and this write sends the message again, so it must not wait. On
   * PostgreSQL it has a pool of its own (recordPoolSize connections), never queued behind the turns'
   * queries, whose commits do not wait for the WAL to reach the disk (`synchronous_commit = off`):
   * visible to every instance at once, lost only if the PostgreSQL server itself crashes within
   * about half a second, which then repeats those sends (never loses one). SQLite: `prisma`.
   */
  readonly records: Db;
  readonly provider: DatabaseProvider;
  /** What start-up migration did; undefined when opened with `migrate: false`. */
  readonly migrations: MigrationReport | undefined;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** Apply pending migrations before opening (default true). */
  migrate?: boolean;
  /** Overrides the provider's migrations folder (tests). */
  migrationsDir?: string;
  /** SQLite: how long a writer waits for another writer before failing with SQLITE_BUSY (default 10 s). */
  busyTimeoutMs?: number;
  /** PostgreSQL: connection pool size (pg's default is 10). */
  poolSize?: number;
}

/** PostgreSQL: the connections reserved for the writes that record a send (Database.records). */
export const recordPoolSize = 2;

export type DatabaseTarget =
  | { readonly provider: 'sqlite'; readonly filePath: string }
  | { readonly provider: 'postgresql'; readonly connectionString: string; readonly schema: string | undefined };

/**
 * `file:` URLs are SQLite (relative paths resolve against `cwd`); `postgres:`/`postgresql:` URLs are
 * PostgreSQL, where Prisma's `?schema=` parameter selects the schema.
 */
export function parseDatabaseUrl(databaseUrl: string, cwd: string = process.cwd()): DatabaseTarget {
  if (databaseUrl.startsWith('file:')) {
    const withoutQuery = databaseUrl.replace(/\?.*$/, '');
    const filePath = withoutQuery.startsWith('file://')
      ? fileURLToPath(withoutQuery)
      : decodeURIComponent(withoutQuery.slice('file:'.length));
    if (filePath === '' || filePath === ':memory:') {
      // Migrations run on their own connection, which an in-memory database would not share.
      throw new DatabaseError(`SQLite URL ${databaseUrl} must name a file (use a temporary file instead of :memory:).`);
    }
    return { provider: 'sqlite', filePath: path.resolve(cwd, filePath) };
  }
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    let url: URL;
    try {
      url = new URL(databaseUrl);
    } catch (error) {
      throw new DatabaseError(`Invalid PostgreSQL URL ${redactDatabaseUrl(databaseUrl)}.`, { cause: error });
    }
    const schema = url.searchParams.get('schema') ?? undefined;
    // `schema` is Prisma's convention, not libpq's: pg would send it to the server as a setting.
    url.searchParams.delete('schema');
    return { provider: 'postgresql', connectionString: url.toString(), schema: schema === '' ? undefined : schema };
  }
  throw new DatabaseError(
    `Unsupported database URL ${redactDatabaseUrl(databaseUrl)}: expected file:<path> (SQLite) or postgresql://… (PostgreSQL).`,
  );
}

/** The PostgreSQL schema each client was opened on (`?schema=`); absent: the connection's default. */
const clientSchemas = new WeakMap<Db, string>();

/**
 * A table name for raw SQL ($executeRaw, $queryRaw) on a client from openDatabase, qualified with
 * its schema. Prisma qualifies the tables of its own queries (the adapter's `schema` option), but the
 * text of a raw statement goes to the server as written and would resolve through search_path, that
 * is to "public", whatever DATABASE_URL says. Interpolate the result: $executeRaw`UPDATE ${sqlTable(db, 'T')} …`.
 */
export function sqlTable(db: Db, table: string): Sql {
  const schema = clientSchemas.get(db);
  const name = quotePostgresIdentifier(table);
  return raw(schema === undefined ? name : `${quotePostgresIdentifier(schema)}.${name}`);
}

// Per-connection settings, so they are applied to every connection the adapter opens. WAL lets readers
// run while a writer commits; NORMAL is durable across application crashes in WAL mode (only a power loss
// can lose the last commits) and avoids an fsync per transaction; foreign keys are off by default in SQLite;
// secure_delete overwrites deleted rows with zeros, so an erased story (/xoadulieu) is gone from the file
// itself and not only from the tables (it costs writes on DELETE only).
const SQLITE_CONNECTION_PRAGMAS = ['journal_mode = WAL', 'foreign_keys = ON', 'synchronous = NORMAL', 'secure_delete = ON'];

type SqliteAdapterFactory = Pick<PrismaBetterSqlite3, 'provider' | 'adapterName' | 'connect' | 'connectToShadowDb'>;

function withConnectionPragmas(inner: PrismaBetterSqlite3, busyTimeoutMs: number): SqliteAdapterFactory {
  const pragmas = [`busy_timeout = ${busyTimeoutMs}`, ...SQLITE_CONNECTION_PRAGMAS].map((p) => `PRAGMA ${p};`).join('\n');
  const prepare = async (adapter: Awaited<ReturnType<PrismaBetterSqlite3['connect']>>) => {
    await adapter.executeScript(pragmas);
    return adapter;
  };
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => prepare(await inner.connect()),
    connectToShadowDb: async () => prepare(await inner.connectToShadowDb()),
  };
}

async function importGeneratedClient<T>(load: () => Promise<T>, which: string): Promise<T> {
  try {
    return await load();
  } catch (error) {
    throw new DatabaseError(
      `Cannot load the generated Prisma client ${which}: run npm run db:generate (it runs on npm install).`,
      { cause: error },
    );
  }
}

async function connectClient(prisma: Db, description: string): Promise<void> {
  try {
    await prisma.$connect();
  } catch (error) {
    await prisma.$disconnect();
    throw new DatabaseError(`Cannot connect to ${description}.`, { cause: error });
  }
}

export async function openDatabase(databaseUrl: string, options: OpenDatabaseOptions = {}): Promise<Database> {
  const target = parseDatabaseUrl(databaseUrl);
  const migrate = options.migrate ?? true;

  if (target.provider === 'sqlite') {
    try {
      mkdirSync(path.dirname(target.filePath), { recursive: true });
    } catch (error) {
      throw new DatabaseError(`Cannot create the folder for SQLite database ${target.filePath}.`, { cause: error });
    }
    const busyTimeoutMs = options.busyTimeoutMs ?? 10_000;
    const migrations = migrate
      ? migrateSqlite(target.filePath, {
          migrationsDir: options.migrationsDir ?? DEFAULT_MIGRATIONS_DIRS.sqlite,
          busyTimeoutMs,
        })
      : undefined;
    const [{ PrismaClient }, { PrismaBetterSqlite3 }] = await Promise.all([
      importGeneratedClient(() => import('../../generated/prisma/client.ts'), 'generated/prisma'),
      import('@prisma/adapter-better-sqlite3'),
    ]);
    // better-sqlite3's `timeout` is its busy timeout; the PRAGMA repeats it so the two cannot disagree.
    const adapter = withConnectionPragmas(new PrismaBetterSqlite3({ url: target.filePath, timeout: busyTimeoutMs }), busyTimeoutMs);
    const prisma = new PrismaClient({ adapter });
    await connectClient(prisma, `SQLite database ${target.filePath}`);
    return { prisma, records: prisma, provider: 'sqlite', migrations, close: () => prisma.$disconnect() };
  }

  const description = `PostgreSQL ${redactDatabaseUrl(databaseUrl)}`;
  const migrations = migrate
    ? await migratePostgres(
        { connectionString: target.connectionString, schema: target.schema },
        { migrationsDir: options.migrationsDir ?? DEFAULT_MIGRATIONS_DIRS.postgresql },
      )
    : undefined;
  const [{ PrismaClient }, { PrismaPg }] = await Promise.all([
    importGeneratedClient(() => import('../../generated/prisma-postgresql/client.ts'), 'generated/prisma-postgresql'),
    import('@prisma/adapter-pg'),
  ]);
  const schemaOption = target.schema === undefined ? undefined : { schema: target.schema };
  const adapter = new PrismaPg({ connectionString: target.connectionString, ...(options.poolSize === undefined ? {} : { max: options.poolSize }) }, schemaOption);
  // The one place the PostgreSQL client is treated as the SQLite client's type: both are generated from
  // the same models (checked by test/storage/postgres-schema-sync.test.ts), so their APIs match; only
  // provider-specific query options (e.g. `mode: 'insensitive'`) are hidden by this view.
  // Under load a turn may wait for a pooled connection: seconds, not Prisma's default 2 s, before a
  // transaction gives up (P2028); a failure that remains is retried by the channel, not dropped.
  const prisma = new PrismaClient({ adapter, transactionOptions: { maxWait: 10_000, timeout: 20_000 } }) as unknown as Db;
  const records = new PrismaClient({
    adapter: new PrismaPg({ ...withSessionOptions(target.connectionString, '-c synchronous_commit=off'), max: recordPoolSize }, schemaOption),
  }) as unknown as Db;
  if (target.schema !== undefined) {
    clientSchemas.set(prisma, target.schema);
    clientSchemas.set(records, target.schema);
  }
  await connectClient(prisma, description);
  try {
    await connectClient(records, description);
  } catch (error) {
    await prisma.$disconnect();
    throw error;
  }
  return {
    prisma,
    records,
    provider: 'postgresql',
    migrations,
    close: async () => {
      await Promise.all([prisma.$disconnect(), records.$disconnect()]);
    },
  };
}

/**
 * Session settings for every connection of a pool (libpq's `options`, `-c name=value`), added to
 * any the URL already has: pg lets the URL's `options` override the one passed beside it.
 */
function withSessionOptions(connectionString: string, extra: string): { connectionString: string; options: string } {
  const url = new URL(connectionString);
  const given = url.searchParams.get('options');
  url.searchParams.delete('options');
  return { connectionString: url.toString(), options: given ? `${given} ${extra}` : extra };
}
