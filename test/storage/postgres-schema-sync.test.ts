import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  expectedPostgresSchema,
  POSTGRES_SCHEMA_PATH,
  renderPostgresSchema,
  SchemaSyncError,
} from '../../scripts/db-sync-postgres-schema.ts';

describe('prisma/postgresql/schema.prisma', () => {
  it('is the committed rendering of prisma/schema.prisma', () => {
    expect(
      readFileSync(POSTGRES_SCHEMA_PATH, 'utf8') === expectedPostgresSchema(),
      'prisma/postgresql/schema.prisma is out of date: run `npm run db:sync-postgres` (db:migration does it too).',
    ).toBe(true);
  });

  it('switches only the provider and the client output', () => {
    const source = [
      'generator client {',
      '  provider = "prisma-client"',
      '  output   = "../generated/prisma"',
      '}',
      '',
      'datasource db {',
      '  provider = "sqlite"',
      '}',
      '',
      'model Note {',
      '  id       String @id',
      '  provider String @default("sqlite")',
      '}',
      '',
    ].join('\n');
    const rendered = renderPostgresSchema(source);
    expect(rendered).toContain('output   = "../../generated/prisma-postgresql"');
    expect(rendered).toContain('datasource db {\n  provider = "postgresql"\n}');
    expect(rendered).toContain('provider String @default("sqlite")');
    expect(rendered.startsWith('// GENERATED')).toBe(true);
  });

  it('refuses a schema whose datasource is not SQLite', () => {
    expect(() => renderPostgresSchema('datasource db {\n  provider = "mysql"\n}\n')).toThrow(SchemaSyncError);
  });
});
