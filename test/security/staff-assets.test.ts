import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffApp } from '../../bot/staff/staff-app.ts';
import { createWebServer, listen, type RunningServer } from '../../bot/web/web-server.ts';
import type { Logger } from '../../src/shared/logger.ts';
import { staffDeps, testSecrets } from '../support/staff-server.ts';
import { openTempDatabase, type TempDatabase } from '../support/temp-database.ts';

// Item 1 of the security work: the console's assets were looked up in a plain object, so names of
// Object.prototype ("constructor", "toString", "__proto__") were "found", crashed the handler and
// answered 500 with a stack in the log. Every unknown name must be a quiet 404, without a session.
let database: TempDatabase;
let server: RunningServer;
const logged: unknown[] = [];
const recording: Logger = { debug() {}, info() {}, warn: (o) => void logged.push(o), error: (o) => void logged.push(o) };

beforeAll(async () => {
  database = await openTempDatabase();
  const staff = createStaffApp({ ...staffDeps(database.prisma, { now: () => new Date() }), logger: recording, secrets: testSecrets });
  server = await listen(createWebServer({ logger: recording, mounts: [{ path: '/staff', app: staff }] }), 0, '127.0.0.1');
});
afterAll(async () => {
  await server.close();
  await database.dispose();
});

const unknownNames = [
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
  'isPrototypeOf',
  'constructor.js',
  'toString.css',
  'no-such-file.css',
  'console.css.map',
  'CONSOLE.CSS',
  '.gitignore',
  'index.html',
  'sub/console.css',
  '%2e%2e%2fpublic%2fconsole.css',
  '..%2f..%2fstaff-app.ts',
  '%2e%2e/%2e%2e/staff-app.ts',
  '..%5c..%5cstaff-app.ts',
];

describe('console assets', () => {
  it.each(unknownNames)('answers 404 for /staff/assets/%s without a session, and logs nothing', async (name) => {
    logged.length = 0;
    const res = await fetch(`${server.url}/staff/assets/${name}`, { redirect: 'manual' });
    expect(res.status).toBe(404);
    const body = await res.text();
    expect(body).not.toMatch(/at .*\.ts:\d+|TypeError|internal_error/);
    expect(body).not.toContain('import ');
    expect(logged).toEqual([]);
  });

  it('serves the console files and Chart.js with their types, to anyone', async () => {
    for (const [name, type] of [
      ['console.css', 'text/css'],
      ['console.js', 'text/javascript'],
      ['dashboard.js', 'text/javascript'],
      ['chart.umd.min.js', 'text/javascript'],
    ] as const) {
      const res = await fetch(`${server.url}/staff/assets/${name}`, { redirect: 'manual' });
      expect(res.status, name).toBe(200);
      expect(res.headers.get('content-type'), name).toContain(type);
      expect(res.headers.get('cache-control'), name).toBe('no-cache');
      expect((await res.text()).length, name).toBeGreaterThan(100);
    }
    expect(logged).toEqual([]);
  });

  it('answers 404 to other methods and deeper paths too, never a redirect to the login form', async () => {
    for (const [method, path] of [
      ['POST', '/staff/assets/constructor'],
      ['PUT', '/staff/assets/console.css'],
      ['GET', '/staff/assets/'],
      ['GET', '/staff/assets/a/b/c'],
    ] as const) {
      const res = await fetch(`${server.url}${path}`, { method, redirect: 'manual' });
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    expect(logged).toEqual([]);
  });
});
