import type { Context } from 'hono';
import { html } from 'hono/html';
import type { StaffEnv } from './staff-env.ts';
import { page } from './view.ts';

/** What went wrong, as the console tells a person (never Hono's bare English text). */
export type ConsoleError = 'forbidden' | 'notFound' | 'staleForm' | 'crossSite' | 'evidenceUnavailable' | 'evidenceNotConfigured';

const statusOf = { forbidden: 403, notFound: 404, staleForm: 403, crossSite: 403, evidenceUnavailable: 404, evidenceNotConfigured: 404 } as const;

/**
 * An error page inside the console's layout: the menu stays, the page says in Vietnamese what
 * happened and offers a way on (back to the page the person came from, when it was a console page).
 */
export function errorPage(c: Context<StaffEnv>, error: ConsoleError): Response | Promise<Response> {
  const t = c.get('t');
  const back = refererPath(c.req.header('Referer'), c.req.url);
  const body = html`<section class="card error-page">
      <p>${t.t(`staff.error.${error}.text`)}</p>
      <p class="actions">${back ? html`<a class="button secondary" href="${back}">${t.t('staff.error.back')}</a>` : ''}<a class="button" href="/staff/inbox">${t.t('staff.error.home')}</a></p>
    </section>`;
  return c.html(page({ t, title: t.t(`staff.error.${error}.title`), session: c.get('session') ?? null, body }), statusOf[error]);
}

/** The console page the request came from, when the browser says so and it is this server's own. */
function refererPath(referer: string | undefined, requestUrl: string): string | null {
  if (!referer) return null;
  try {
    const from = new URL(referer);
    return from.origin === new URL(requestUrl).origin && from.pathname.startsWith('/staff/') && from.pathname !== '/staff/login' ? from.pathname + from.search : null;
  } catch {
    // A malformed Referer offers no way back; the link to the inbox remains.
    return null;
  }
}
