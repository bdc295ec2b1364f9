import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { html } from 'hono/html';
import { vietnamDate } from '../../src/complaints/local-date.ts';
import type { Locale, Translator } from '../../src/i18n/translator.ts';
import type { Clock } from '../../src/shared/clock.ts';
import { formatIsoDay } from '../../src/staff/vietnamese-format.ts';
import { isCurrent, type Warning } from '../../src/warnings/warning.ts';
import type { WarningRepository } from '../../src/warnings/warning-repository.ts';
import { concernsLines, sourceLine, validityLine } from '../../src/warnings/warning-text.ts';

export interface WarningFeedDeps {
  readonly warnings: WarningRepository;
  readonly translators: (locale: Locale) => Translator;
  readonly clock: Clock;
  /** Absolute base of links in the feeds (PUBLIC_URL). */
  readonly publicUrl: string;
  readonly hotline: string;
}

const cssFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'public', 'warnings.css');
/** Feeds and the page read at most this many warnings (newest first). */
const listed = 500;
/** Readers and aggregators poll feeds; five minutes of staleness is fine for a warning list. */
const cacheControl = 'public, max-age=300';

/**
 * The public, read-only list of current warnings (mounted at /canh-bao): a page, a JSON feed and an
 * RSS feed. Only what staff published for the public is shown: never who wrote it, never anything
 * about subscribers. The web server adds the same security headers as to every other page.
 */
export function warningFeedRoutes(deps: WarningFeedDeps): Hono {
  const app = new Hono();
  const t = deps.translators('vi');
  const base = deps.publicUrl.replace(/\/+$/, '');
  const link = (w: Warning) => `${base}/canh-bao/${w.id}`;
  const current = async () => {
    const today = vietnamDate(deps.clock.now());
    return (await deps.warnings.published(listed)).filter((w) => isCurrent(w, today));
  };

  app.get('/warnings.css', async (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'no-cache');
    return c.body(await readFile(cssFile));
  });

  app.get('/feed.json', async (c) => {
    c.header('Cache-Control', cacheControl);
    return c.json({ title: t.t('warnings.public.title'), home: `${base}/canh-bao`, warnings: (await current()).map((w) => publicWarning(w, link(w), t)) });
  });

  app.get('/feed.rss', async (c) => {
    const warnings = await current();
    const items = warnings.map((w) => {
      const description = [w.content.text, ...concernsLines(w.content, t), sourceLine(w.content, t), validityLine(w.content, t)].join('\n');
      return `<item><title>${xml(`${t.t(`warnings.kind.${w.content.kind}`)}: ${w.content.title}`)}</title><link>${xml(link(w))}</link><guid isPermaLink="false">${xml(w.id)}</guid><category>${xml(t.t(`warnings.kind.${w.content.kind}`))}</category>${w.publishedAt ? `<pubDate>${w.publishedAt.toUTCString()}</pubDate>` : ''}<description>${xml(description)}</description></item>`;
    });
    const built = (warnings[0]?.publishedAt ?? deps.clock.now()).toUTCString();
    c.header('Content-Type', 'application/rss+xml; charset=utf-8');
    c.header('Cache-Control', cacheControl);
    return c.body(`<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>${xml(t.t('warnings.public.title'))}</title><link>${xml(`${base}/canh-bao`)}</link><description>${xml(t.t('warnings.public.intro'))}</description><language>vi</language><lastBuildDate>${built}</lastBuildDate>${items.join('')}</channel></rss>\n`);
  });

  app.get('/', async (c) => {
    c.header('Cache-Control', cacheControl);
    return c.html(pageOf(t, await current(), deps.hotline));
  });

  app.get('/:id', async (c) => {
    const w = await deps.warnings.get(c.req.param('id'));
    // Drafts and withdrawn warnings are not public: the same 404 as an unknown id.
    if (!w || w.status !== 'published') return c.json({ error: 'not_found' }, 404);
    c.header('Cache-Control', cacheControl);
    return c.html(pageOf(t, [w], deps.hotline));
  });

  return app;
}

/** What the JSON feed says of a warning: the notice and its facts, nothing about people. */
function publicWarning(w: Warning, url: string, t: Translator) {
  const { content } = w;
  return {
    id: w.id,
    url,
    kind: content.kind,
    kindLabel: t.t(`warnings.kind.${content.kind}`),
    title: content.title,
    text: content.text,
    products: content.products,
    brands: content.brands,
    shops: content.shops,
    provinces: content.provinces,
    source: content.source,
    validFrom: content.validFrom,
    validTo: content.validTo,
    publishedAt: w.publishedAt?.toISOString() ?? null,
    updatedAt: w.updatedAt.toISOString(),
    translations: content.translations,
  };
}

function pageOf(t: Translator, warnings: readonly Warning[], hotline: string) {
  return html`<!doctype html>
<html lang="vi">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t.t('warnings.public.title')}</title>
<link rel="stylesheet" href="/canh-bao/warnings.css">
<link rel="alternate" type="application/rss+xml" href="/canh-bao/feed.rss" title="RSS">
<link rel="alternate" type="application/json" href="/canh-bao/feed.json" title="JSON">
</head>
<body>
<header><h1>${t.t('warnings.public.title')}</h1></header>
<main>
<p class="intro">${t.t('warnings.public.intro')}</p>
${warnings.length === 0 ? html`<p>${t.t('warnings.public.none')}</p>` : warnings.map((w) => html`<article id="${w.id}">
  <span class="kind">${t.t(`warnings.kind.${w.content.kind}`)}</span>
  <h2><a href="/canh-bao/${w.id}">${w.content.title}</a></h2>
  <p class="text">${w.content.text}</p>
  <ul class="facts">${concernsLines(w.content, t).map((l) => html`<li>${l}</li>`)}
    <li>${sourceLine(w.content, t)}${w.content.source.url ? html` · <a href="${w.content.source.url}" rel="noopener noreferrer">${t.t('warnings.public.sourceLink')}</a>` : ''}</li>
    <li>${validityLine(w.content, t)}</li>
    ${w.publishedAt ? html`<li>${t.t('warnings.public.published', { date: formatIsoDay(vietnamDate(w.publishedAt)) })}</li>` : ''}</ul>
  ${w.content.translations.en ? html`<details lang="en"><summary>English</summary><p><strong>${w.content.translations.en.title}</strong></p><p class="text">${w.content.translations.en.text}</p></details>` : ''}
</article>`)}
</main>
<footer><p>${t.t('warnings.public.feeds')} <a href="/canh-bao/feed.rss">RSS</a> · <a href="/canh-bao/feed.json">JSON</a></p><p>${t.t('warnings.public.subscribe')}</p><p>${t.t('warnings.public.report', { hotline })}</p></footer>
</body>
</html>`;
}

function xml(text: string): string {
  return text.replace(/[<>&"']/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[ch]!);
}
