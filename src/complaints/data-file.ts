import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { ComplaintDataError } from './complaint-errors.ts';

/** Reads and validates one JSON data file; any problem names the file and the first bad field. */
export function readDataFile<T extends z.ZodType>(file: string, schema: T): z.infer<T> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ComplaintDataError(`Cannot read ${file}`, { cause: error });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ComplaintDataError(`${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`, { cause: parsed.error });
  }
  return parsed.data;
}
