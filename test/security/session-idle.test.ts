import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../bot/web/web-server.ts';
import type { Clock } from '../../src/shared/clock.ts';
import { sessionIdleMs, sessionLifetimeMs } from '../../src/staff/staff-sessions.ts';
import { agentLogin, StaffClient, startStaffServer } from '../support/staff-server.ts';
import { openTempDatabase, type TempDatabase } from '../support/temp-database.ts';

// Item 4: beside the 12-hour limit, a session ends after 30 minutes without activity. Last-seen is
// kept server-side (StaffSession.lastSeenAt) and slides with each request made by the person; the
// inbox's background polls do not move it.
let database: TempDatabase;
let server: RunningServer;
let now: Date;
const clock: Clock = { now: () => now };
const minutes = (n: number) => {
  now = new Date(now.getTime() + n * 60_000);
};

beforeEach(async () => {
  now = new Date('2026-11-23T08:00:00+07:00');
  database = await openTempDatabase();
  server = await startStaffServer(database.prisma, clock);
});
afterEach(async () => {
  await server.close();
  await database.dispose();
});

async function loggedIn(): Promise<StaffClient> {
  const client = new StaffClient(server.url);
  expect((await client.login(agentLogin)).status).toBe(303);
  return client;
}

describe('staff session idle timeout', () => {
  it('is 30 minutes beside the 12-hour lifetime', () => {
    expect(sessionIdleMs).toBe(30 * 60_000);
    expect(sessionLifetimeMs).toBe(12 * 60 * 60_000);
  });

  it('ends a session left alone for 30 minutes, on the server, and says so at the login form', async () => {
    const client = await loggedIn();
    minutes(29);
    expect((await client.request('/staff/inbox')).status).toBe(200);
    minutes(30);
    const res = await client.request('/staff/inbox');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/staff/login?idle=1');
    expect(await database.prisma.staffSession.count()).toBe(0);
    // Ended for good: going back in time does not revive the cookie.
    minutes(-30);
    expect((await client.request('/staff/inbox')).status).toBe(303);
    const { html } = await client.page('/staff/login?idle=1');
    expect(html).toContain('không có thao tác nào trong 30 phút');
    // Files and JSON get a 401 rather than a redirect.
    expect((await client.request('/staff/inbox/api/state')).status).toBe(401);
  });

  it('slides with activity, storing the last request server-side', async () => {
    const client = await loggedIn();
    for (let i = 0; i < 5; i++) {
      minutes(25);
      expect((await client.request('/staff/audit')).status, `after ${(i + 1) * 25} min`).toBe(200);
    }
    const row = await database.prisma.staffSession.findFirstOrThrow();
    expect(row.lastSeenAt.getTime()).toBe(now.getTime());
    // An unsafe request counts as activity too.
    minutes(25);
    await client.page('/staff/inbox');
    minutes(25);
    expect((await client.post('/staff/logout', {})).status).toBe(303);
    expect(await database.prisma.staffSession.count()).toBe(0);
  });

  it('does not count the inbox’s background polls, nor the reload a poll triggers, as activity', async () => {
    const client = await loggedIn();
    for (let i = 0; i < 5; i++) {
      minutes(5);
      expect((await client.request('/staff/inbox/api/state')).status).toBe(200);
      expect((await client.request('/staff/inbox?refresh=auto')).status).toBe(200);
    }
    minutes(6); // 31 minutes after the login, the last thing the person did
    expect((await client.request('/staff/inbox')).headers.get('location')).toBe('/staff/login?idle=1');
    expect((await client.request('/staff/inbox/api/state')).status).toBe(401);
  });

  it('still ends an active session after 12 hours', async () => {
    const client = await loggedIn();
    for (let elapsed = 20; elapsed < 12 * 60; elapsed += 20) {
      minutes(20);
      expect((await client.request('/staff/inbox')).status, `after ${elapsed} min`).toBe(200);
    }
    minutes(20);
    expect((await client.request('/staff/inbox')).headers.get('location')).toBe('/staff/login');
  });

  it('sweeps idle sessions at the next login', async () => {
    await loggedIn();
    await loggedIn();
    minutes(31);
    await loggedIn();
    expect(await database.prisma.staffSession.count()).toBe(1);
  });
});
