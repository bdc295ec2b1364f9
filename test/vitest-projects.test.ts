import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { integrationTests } from '../vitest.config.ts';
import { projectRoot } from './support/knowledge.ts';

/**
 * What makes a test file an integration test (vitest.config.ts): an import that opens a database,
 * starts the app, a server or a process, drives the browser or builds a search index. Such a file
 * run in the unit project's shared worker threads would share native handles and sockets.
 */
const integrationImports = [
  /\/support\/(test-app|temp-database|bot-process|browser|staff-server|channel-harness|run-chat-script|fake-[\w-]+|free-port)\.ts$/,
  /\/src\/storage\/database\.ts$/,
  /\/src\/retrieval\/search-index\.ts$/,
  /\/bot\/(app|main)\.ts$/,
  /^node:child_process$/,
  /^playwright-core$/,
];

function testFiles(dir: string): string[] {
  return readdirSync(path.join(projectRoot, dir), { withFileTypes: true }).flatMap((entry) => {
    const file = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(file);
    return entry.name.endsWith('.test.ts') ? [file] : [];
  });
}

function importsOf(file: string): string[] {
  const source = readFileSync(path.join(projectRoot, file), 'utf8');
  return [...source.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => m[1]!);
}

describe('the vitest projects', () => {
  const files = testFiles('test');
  const listed = new Set(integrationTests);

  it('list every test file that needs a process of its own as an integration test', () => {
    const missing = files.filter((file) => !listed.has(file) && importsOf(file).some((spec) => integrationImports.some((re) => re.test(spec))));
    expect(missing, 'add these to integrationTests in vitest.config.ts').toEqual([]);
  });

  it('list only test files that exist', () => {
    expect(integrationTests.filter((file) => !files.includes(file))).toEqual([]);
  });
});
