import { readFile } from 'node:fs/promises';
import type { z } from 'zod';

/**
 * A JSON Lines file (evaluation questions, complaint stories), each line validated with `schema`;
 * a bad line fails with its file, line number and the first problem's path.
 */
export async function loadJsonl<S extends z.ZodType>(file: string, schema: S): Promise<Array<z.infer<S>>> {
  const lines = (await readFile(file, 'utf8')).split(/\r?\n/);
  return lines.flatMap((line, i) => {
    if (line.trim() === '') return [];
    const parsed = schema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
    return [parsed.data];
  });
}
