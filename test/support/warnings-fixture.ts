import path from 'node:path';
import { ProvinceDirectory } from '../../src/complaints/province-directory.ts';
import { foldAligned } from '../../src/complaints/folded-text.ts';
import { createTranslators } from '../../src/i18n/translator.ts';
import type { Clock } from '../../src/shared/clock.ts';
import { silentLogger } from '../../src/shared/logger.ts';
import type { Db } from '../../src/storage/database.ts';
import { PrismaLeases } from '../../src/storage/prisma-leases.ts';
import { createWarningsModule } from '../../bot/create-warnings-module.ts';
import type { WarningsModule } from '../../src/warnings/warnings-module.ts';
import { knowledgeDir } from './knowledge.ts';

/** The warnings module as the app builds it, on a test database and clock. */
export function testWarningsModule(db: Db, clock: Clock, owner = 'test-instance'): WarningsModule {
  const provinces = ProvinceDirectory.load(path.join(knowledgeDir, 'complaints'));
  return createWarningsModule({
    db,
    translators: createTranslators(),
    leases: new PrismaLeases(db),
    owner,
    clock,
    logger: silentLogger,
    hotline: '1800.6838',
    publicListUrl: 'http://localhost:3000/canh-bao',
    provinces: { names: provinces.names, find: (text) => provinces.find(foldAligned(text), true)?.name ?? null },
    maxAttempts: 12,
  });
}
