import type { MiddlewareHandler } from 'hono';
import { html } from 'hono/html';
import type { Translator } from '../../src/i18n/translator.ts';
import { isDemoDatabase, type DemoDataStore } from '../../src/staff/demo-database.ts';

/**
 * On a database filled by demo:seed, every HTML page (the login form included) opens with a DEMO DATA
 * banner, so nobody mistakes invented complaints for real ones or types real ones into a demo. It is
 * added here, after the page is rendered, rather than by each route: a new page cannot forget it.
 */
export function demoBanner(demo: DemoDataStore, t: Translator): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (!c.res.headers.get('Content-Type')?.startsWith('text/html')) return;
    if (!(await isDemoDatabase(demo))) return;
    const banner = await html`<div class="demo-banner" role="alert"><strong>${t.t('staff.demo.banner.title')}</strong> ${t.t('staff.demo.banner.text')}</div>`;
    const page = await c.res.text();
    // The template writes <body> once; whatever a consumer typed is escaped, so it cannot be this tag.
    const headers = new Headers(c.res.headers);
    headers.delete('Content-Length');
    c.res = new Response(page.replace('<body>', `<body>\n${banner}`), { status: c.res.status, headers });
  };
}
