import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes a built artefact whole or not at all: beside its place under a name of this process, then
 * renamed into place, so a process starting meanwhile reads the old file or the new, never half.
 */
export function writeWholeFileSync(file: string, content: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const aside = `${file}.${process.pid}.tmp`;
  writeFileSync(aside, content);
  renameSync(aside, file);
}
