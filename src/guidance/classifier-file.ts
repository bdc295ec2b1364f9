import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeWholeFileSync } from '../shared/whole-file.ts';
import type { ClassifierModel } from './entry-classifier.ts';

/**
 * Where knowledge:build saves the entry classifier it trains on the guidance phrasings: a build
 * output like the Prisma clients, never committed. The app reads it at start; when it is missing
 * or was trained on other phrasings (its fingerprint differs) the matcher trains its own, which
 * gives the same weights, only later.
 */
export const defaultClassifierFile = path.join('generated', 'guidance-classifier.json');

const modelSchema = z.object({
  version: z.literal(1),
  fingerprint: z.string().min(1),
  classes: z.number().int().nonnegative(),
  weights: z.record(z.string(), z.array(z.number())),
});

/** The saved model, or null when there is none or it is not one (a build will write it again). */
export async function readClassifier(file: string = defaultClassifierFile): Promise<ClassifierModel | null> {
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    // A torn or foreign file is as good as none: the matcher trains its own and the next build rewrites it.
    return null;
  }
  const parsed = modelSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/** Saves the model whole or not at all (written beside it, then renamed into place). */
export async function writeClassifier(model: ClassifierModel, file: string = defaultClassifierFile): Promise<void> {
  writeWholeFileSync(file, JSON.stringify(model));
}
