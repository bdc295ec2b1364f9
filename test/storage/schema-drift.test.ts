// Fails when prisma/schema.prisma and the SQL migrations disagree: someone edited the schema without
// running `npm run db:migration`, or edited a migration by hand.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MIGRATIONS_DIRS } from '../../src/storage/migrator.ts';
import {
  type CatalogDifference,
  findSqliteDrift,
  formatCatalogDifference,
  isSameCatalog,
} from '../../scripts/db-catalog.ts';
import { SCHEMA_SNAPSHOT_PATH } from '../../scripts/db-migration.ts';
import { SQLITE_SCHEMA_PATH } from '../../scripts/db-sync-postgres-schema.ts';

let workDir: string;
let schemaDrift: CatalogDifference;
let snapshotDrift: CatalogDifference;
let alteredDrift: CatalogDifference;

const FIX = 'Run `npm run db:migration -- --name <change>` (or `-- --reset-init` before the first release).';

beforeAll(async () => {
  workDir = mkdtempSync(path.join(os.tmpdir(), 'bvntd-drift-test-'));
  const schema = readFileSync(SQLITE_SCHEMA_PATH, 'utf8');
  const snapshot = readFileSync(SCHEMA_SNAPSHOT_PATH, 'utf8');

  // The probe: a copy of the real schema with one extra column that no migration creates.
  const alteredPath = path.join(workDir, 'altered.prisma');
  const altered = schema.replace(/^model AuditLog \{\n/m, 'model AuditLog {\n  driftProbe String?\n');
  expect(altered).not.toBe(schema);
  writeFileSync(alteredPath, altered);

  // Each check shells out to the offline diff engine (~1 s), so they run side by side.
  const snapshotPath = path.join(workDir, 'snapshot.prisma');
  writeFileSync(snapshotPath, snapshot);
  [schemaDrift, alteredDrift, snapshotDrift] = await Promise.all([
    findSqliteDrift(SQLITE_SCHEMA_PATH, DEFAULT_MIGRATIONS_DIRS.sqlite),
    findSqliteDrift(alteredPath, DEFAULT_MIGRATIONS_DIRS.sqlite),
    // Identical text is trivially consistent; only a differing snapshot needs its own database.
    snapshot === schema ? Promise.resolve({ onlyInMigrations: [], onlyInSchema: [] }) : findSqliteDrift(snapshotPath, DEFAULT_MIGRATIONS_DIRS.sqlite),
  ]);
});

afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

describe('schema drift (SQLite)', () => {
  it('the migrations build exactly prisma/schema.prisma', () => {
    expect(isSameCatalog(schemaDrift), `prisma/schema.prisma and prisma/migrations differ:\n${formatCatalogDifference(schemaDrift)}\n${FIX}`).toBe(true);
  });

  it('the schema snapshot records what the migrations build, so the next migration diffs from the right place', () => {
    expect(isSameCatalog(snapshotDrift), `prisma/migrations/schema.snapshot.prisma is stale:\n${formatCatalogDifference(snapshotDrift)}`).toBe(
      true,
    );
  });

  it('catches a schema change that has no migration', () => {
    expect(isSameCatalog(alteredDrift)).toBe(false);
    expect(alteredDrift).toEqual({ onlyInMigrations: [], onlyInSchema: ['column AuditLog.driftProbe TEXT'] });
  });
});
