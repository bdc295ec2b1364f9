import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';

const require = createRequire(import.meta.url);
const publicDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'public');
// Chart.js comes from node_modules so the console works without any CDN (its package exports hide
// dist/, hence the path from its main file).
const chartFile = path.join(path.dirname(require.resolve('chart.js')), 'chart.umd.min.js');

// serveStatic takes paths relative to the working directory (absolute roots are not supported).
const fromCwd = (file: string) => path.relative(process.cwd(), file) || '.';

const noCache = (_file: string, c: Context) => {
  c.header('Cache-Control', 'no-cache');
};

/**
 * Static files of the console: public, since they hold no data and the login page needs its CSS.
 * Only names like "console.css" reach the file system, and only inside bot/staff/public; anything
 * else under /staff/assets/ is a plain 404, before the session check (no redirect, no stack trace).
 */
export function assetRoutes(): Hono {
  const app = new Hono();
  app.get('/chart.umd.min.js', serveStatic({ path: fromCwd(chartFile), onFound: noCache }));
  app.get(
    '/:name{[a-z][a-z0-9-]*\\.(?:css|js)}',
    serveStatic({ root: fromCwd(publicDir), rewriteRequestPath: (requested) => path.posix.basename(requested), onFound: noCache }),
  );
  app.all('*', (c) => c.text('Not found', 404));
  return app;
}
