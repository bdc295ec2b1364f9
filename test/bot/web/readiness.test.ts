import { describe, expect, it } from 'vitest';
import { createWebServer } from '../../../bot/web/web-server.ts';
import { silentLogger } from '../../../src/shared/logger.ts';

describe('health and readiness', () => {
  it('answers /healthz always and /readyz with 503 while the instance should get no traffic', async () => {
    let ready = false;
    const app = createWebServer({ logger: silentLogger, mounts: [], ready: async () => ready });
    expect((await app.request('/healthz')).status).toBe(200);
    expect((await app.request('/readyz')).status).toBe(503);
    ready = true;
    const res = await app.request('/readyz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ready: true });
  });

  it('is not ready when the check itself fails (the database is unreachable)', async () => {
    const app = createWebServer({ logger: silentLogger, mounts: [], ready: () => Promise.reject(new Error('ECONNREFUSED')) });
    expect((await app.request('/readyz')).status).toBe(503);
  });
});
