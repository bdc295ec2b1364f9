import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { Translator } from '../../src/i18n/translator.ts';
import type { StaffSession } from '../../src/staff/staff-sessions.ts';

/** Everything a page template returns; strings interpolated into `html` are escaped by it. */
export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

export interface PageSpec {
  readonly t: Translator;
  readonly title: string;
  readonly session: StaffSession | null;
  readonly nav?: NavId;
  readonly body: Html;
  /** A status line from the last action (a translated key from the redirect, never free text). */
  readonly flash?: { readonly kind: 'ok' | 'error'; readonly text: string } | null;
  readonly scripts?: readonly string[];
}

export type NavId = 'inbox' | 'complaints' | 'warnings' | 'dashboard' | 'programme' | 'directory' | 'holidays' | 'audit' | 'accounts';

const navItems: readonly { id: NavId; href: string; admin?: boolean }[] = [
  { id: 'inbox', href: '/staff/inbox' },
  { id: 'complaints', href: '/staff/complaints' },
  { id: 'warnings', href: '/staff/warnings' },
  { id: 'dashboard', href: '/staff/dashboard' },
  { id: 'programme', href: '/staff/programme' },
  { id: 'directory', href: '/staff/directory' },
  { id: 'holidays', href: '/staff/holidays' },
  { id: 'audit', href: '/staff/audit' },
  { id: 'accounts', href: '/staff/accounts', admin: true },
];

export function page(spec: PageSpec): Html {
  const { t, session } = spec;
  const nav = session
    ? html`<nav class="nav" aria-label="${t.t('staff.nav.label')}">
        ${navItems
          .filter((n) => !n.admin || session.user.role === 'admin')
          .map((n) => html`<a href="${n.href}"${n.id === spec.nav ? raw(' aria-current="page" class="current"') : ''}>${t.t(`staff.nav.${n.id}`)}${n.id === 'inbox' ? html` <span class="count" data-waiting hidden></span>` : ''}</a>`)}
      </nav>
      <form method="post" action="/staff/logout" class="logout">
        ${csrfField(session)}<span class="who">${session.user.email} · ${t.t(`staff.role.${session.user.role}`)}</span>
        <a href="/staff/password">${t.t('staff.password.link')}</a>
        <button type="submit" class="link">${t.t('staff.logout')}</button>
      </form>`
    : '';
  // Signed-in pages all carry console.js: it keeps the waiting count in the menu and tells staff,
  // wherever they are in the console, when a new chat starts waiting.
  const scripts = [...new Set([...(session ? ['/staff/assets/console.js'] : []), ...(spec.scripts ?? [])])];
  const notice = session
    ? html`<div class="notice" data-new-chat hidden role="status" aria-live="polite">
        <span data-notice-text></span> <a href="/staff/inbox">${t.t('staff.notice.open')}</a>
        <label class="sound"><input type="checkbox" data-notice-sound> ${t.t('staff.notice.sound')}</label>
      </div>`
    : '';
  return html`<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${spec.title} · ${t.t('staff.brand')}</title>
<link rel="stylesheet" href="/staff/assets/console.css">
${scripts.map((s) => html`<script src="${s}" defer></script>`)}
</head>
<body>
<header class="top"><a class="brand" href="/staff/inbox">${t.t('staff.brand')}</a>${nav}</header>
${notice}
<main>
<h1>${spec.title}</h1>
${spec.flash ? html`<p class="flash ${spec.flash.kind}" role="status">${spec.flash.text}</p>` : ''}
${spec.body}
</main>
</body>
</html>`;
}

export function csrfField(session: StaffSession): Html {
  return html`<input type="hidden" name="_csrf" value="${session.csrfToken}">`;
}

/** Local date and time in the console's zone, "23/11/2026 10:05". */
export function formatDateTime(at: Date | null | undefined, timeZone: string): string {
  if (!at) return '';
  return new Intl.DateTimeFormat('vi-VN', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
}

export function formatDate(at: Date | null | undefined, timeZone: string): string {
  if (!at) return '';
  return new Intl.DateTimeFormat('vi-VN', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric' }).format(at);
}

/**
 * Numbered pages: the first and the last, two either side of the current one, "…" for the rest, and
 * ‹ › one step; the current page is marked for screen readers too.
 */
export function pager(t: Translator, current: number, pages: number, href: (page: number) => string): Html | '' {
  if (pages <= 1) return '';
  const shown = [...new Set([1, current - 2, current - 1, current, current + 1, current + 2, pages])].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
  const numbers = shown.map((p, i) => html`${i > 0 && p - shown[i - 1]! > 1 ? html`<span class="gap" aria-hidden="true">…</span>` : ''}${p === current
      ? html`<a href="${href(p)}" aria-current="page" class="current" aria-label="${t.t('staff.pager.page', { page: p })}">${p}</a>`
      : html`<a href="${href(p)}" aria-label="${t.t('staff.pager.page', { page: p })}">${p}</a>`}`);
  return html`<nav class="pager" aria-label="${t.t('staff.pager.label')}">
    ${current > 1 ? html`<a href="${href(current - 1)}" rel="prev" aria-label="${t.t('staff.pager.previous')}">‹</a>` : ''}
    ${numbers}
    ${current < pages ? html`<a href="${href(current + 1)}" rel="next" aria-label="${t.t('staff.pager.next')}">›</a>` : ''}
    <span class="muted small">${t.t('staff.page', { current, pages })}</span>
  </nav>`;
}

/** "12 phút", "3 giờ 5 phút", "2 ngày 4 giờ". */
export function formatDuration(ms: number, t: Translator): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return t.t('staff.duration.minutes', { m: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t.t('staff.duration.hours', { h: hours, m: minutes % 60 });
  return t.t('staff.duration.days', { d: Math.floor(hours / 24), h: hours % 24 });
}

/** The flash line named by ?ok= or ?error= after a redirect; unknown keys show nothing. */
export function flashFrom(query: { ok?: string | undefined; error?: string | undefined }, t: Translator): PageSpec['flash'] {
  const kind = query.error ? 'error' : query.ok ? 'ok' : null;
  if (!kind) return null;
  const key = `staff.flash.${(query.error ?? query.ok)!.replace(/[^a-zA-Z.]/g, '')}`;
  return t.has(key) ? { kind, text: t.t(key) } : null;
}
