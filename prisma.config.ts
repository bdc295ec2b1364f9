// Prisma 7 CLI configuration, used by `prisma generate` (see scripts/db-generate.ts). Migrations are
// not run through the CLI: src/storage/migrator.ts applies them at start-up, and new ones are made by
// scripts/db-migration.ts. prisma/README.md explains why.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
