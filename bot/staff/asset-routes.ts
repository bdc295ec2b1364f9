import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';

const require = createRequire(import.meta.url);
const publicDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'public');

// A fixed list: no path from the URL ever reaches the file system. Chart.js comes from node_modules
// so the console works without any CDN (its package exports hide dist/, hence the path from its main file).
const assets: Record<string, { file: () => string; type: string }> = {
  'console.css': { file: () => path.join(publicDir, 'console.css'), type: 'text/css; charset=utf-8' },
  'console.js': { file: () => path.join(publicDir, 'console.js'), type: 'text/javascript; charset=utf-8' },
  'dashboard.js': { file: () => path.join(publicDir, 'dashboard.js'), type: 'text/javascript; charset=utf-8' },
  'chart.umd.min.js': { file: () => path.join(path.dirname(require.resolve('chart.js')), 'chart.umd.min.js'), type: 'text/javascript; charset=utf-8' },
};

/** Static files of the console: public, since they hold no data and the login page needs its CSS. */
export function assetRoutes(): Hono {
  const app = new Hono();
  const cache = new Map<string, Buffer>();
  app.get('/:name', async (c) => {
    const asset = assets[c.req.param('name')];
    if (!asset) return c.notFound();
    let body = cache.get(c.req.param('name'));
    if (!body) {
      body = await readFile(asset.file());
      cache.set(c.req.param('name'), body);
    }
    c.header('Content-Type', asset.type);
    c.header('Cache-Control', 'no-cache');
    return c.body(new Uint8Array(body));
  });
  return app;
}
