import path from 'node:path';
import { createApp, type App, type AppOptions } from '../bot/app.ts';
import { loadConfig } from '../src/config/config.ts';
import { fixedClock } from '../src/shared/clock.ts';
import { silentLogger } from '../src/shared/logger.ts';

/**
 * The real application with one answer composer, for the answer evaluation and benchmark: its own
 * SQLite file in `dir`, the default search index, a fixed clock, no chat model (figures must not
 * depend on a remote service), no logs.
 */
export function composerApp(
  composer: 'guided' | 'extractive',
  dir: string,
  now: Date,
  tuning: Pick<AppOptions, 'answerTuning' | 'matcherWeights'> = {},
): Promise<App> {
  const config = loadConfig({ ...process.env, DATABASE_URL: `file:${path.join(dir, `${composer}.db`)}`, ANSWER_COMPOSER: composer, LLM_BASE_URL: '', LLM_MODEL: '', LOG_LEVEL: 'silent' });
  return createApp({ config, logger: silentLogger, clock: fixedClock(now), ...tuning });
}
