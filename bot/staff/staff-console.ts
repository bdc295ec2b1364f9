import type { Hono } from 'hono';
import type { ThrottlePolicy } from '../../src/staff/login-throttle.ts';
import type { App } from '../app.ts';
import { createStaffApp } from './staff-app.ts';

/** The console as `npm start` mounts it at /staff, built from the application graph. */
export function staffConsole(app: App, options: { throttle?: ThrottlePolicy } = {}): Hono {
  const publicUrl = app.config.PUBLIC_URL;
  return createStaffApp({
    db: app.db,
    translators: app.translators,
    clock: app.clock,
    logger: app.logger,
    timeZone: app.config.TZ_NAME,
    secureCookies: publicUrl?.startsWith('https:') ?? false,
    ...(publicUrl ? { publicOrigin: new URL(publicUrl).origin } : {}),
    ...(options.throttle ? { throttle: options.throttle } : {}),
    sections: [],
  });
}
