import { Hono } from 'hono';
import { html } from 'hono/html';
import { z } from 'zod';
import { SecondFactorError, totpIssuer, type SecondFactor } from '../../src/staff/second-factor.ts';
import { groupedKey, otpauthUri } from '../../src/staff/totp.ts';
import { formBody } from './form-body.ts';
import type { StaffContext, StaffDeps, StaffEnv } from './staff-env.ts';
import { csrfField, formatDateTime, page, type Html } from './view.ts';

const codeForm = z.object({ code: z.string().max(40) });

/**
 * Everyone's own second factor at /staff/security: set it up (a new key shown once, as an otpauth
 * link and as text, confirmed by a code from the app; then the recovery codes, shown once), or switch
 * it off with a current code. Nothing here shows a key or a code again later.
 */
export function secondFactorRoutes(deps: StaffDeps, factor: SecondFactor): Hono<StaffEnv> {
  const app = new Hono<StaffEnv>();
  const t = deps.translators('vi');
  const s = (key: string, params?: Record<string, string | number>) => t.t(`staff.secondFactor.${key}`, params);

  const render = (c: StaffContext, body: Html, flash: { kind: 'ok' | 'error'; text: string } | null = null, status: 200 | 400 = 200) =>
    c.html(page({ t, title: s('title'), session: c.get('session'), body, flash }), status);

  /** The key and a code field: after "set up", and again after a mistyped code. */
  const enrolment = (c: StaffContext, secret: string, error: string | null) => {
    const uri = otpauthUri(totpIssuer, c.get('session').user.email, secret);
    return render(
      c,
      html`<section class="card"><ol>
        <li>${s('stepApp')}</li>
        <li>${s('stepKey')}<br><a href="${uri}">${s('openInApp')}</a><br><code class="mono">${groupedKey(secret)}</code></li>
        <li>${s('stepCode')}</li></ol>
        <form method="post" action="/staff/security/totp/confirm" class="login">${csrfField(c.get('session'))}
          <label>${s('code')}<input type="text" name="code" inputmode="numeric" autocomplete="one-time-code" maxlength="40" required autofocus></label>
          <button type="submit">${s('confirm')}</button></form></section>`,
      error ? { kind: 'error', text: error } : null,
      error ? 400 : 200,
    );
  };

  app.get('/', async (c) => {
    const session = c.get('session');
    const since = await deps.staffAccounts.secondFactorSince(session.user.id);
    const required = c.req.query('required') === '1' ? { kind: 'error' as const, text: s('requiredForAdmins') } : c.req.query('ok') === 'removed' ? { kind: 'ok' as const, text: s('removed') } : null;
    const body = since
      ? html`<section class="card"><p>${s('on', { since: formatDateTime(since, deps.timeZone), left: await factor.recoveryCodesLeft(session.user.id) })}</p>
          <form method="post" action="/staff/security/totp/remove" class="login">${csrfField(session)}
            <label>${s('code')}<input type="text" name="code" inputmode="numeric" autocomplete="one-time-code" maxlength="40" required></label>
            <button type="submit" class="secondary">${s('remove')}</button></form>
          <p class="muted small">${s('renew')}</p>
          <form method="post" action="/staff/security/totp">${csrfField(session)}<button type="submit" class="secondary">${s('setUpAgain')}</button></form></section>`
      : html`<section class="card"><p>${s('off')}</p>
          <form method="post" action="/staff/security/totp">${csrfField(session)}<button type="submit">${s('setUp')}</button></form></section>`;
    return render(c, body, required);
  });

  // A POST, not a GET: a new key is made each time, and the page is never cached (Cache-Control: no-store).
  app.post('/totp', async (c) => {
    const { secret } = await factor.begin(c.get('session').user.id);
    return enrolment(c, secret, null);
  });

  /** The enrolment page again with "wrong code", or the security page when nothing is being set up. */
  const enrolAgain = async (c: StaffContext) => {
    const pending = await factor.pending(c.get('session').user.id);
    return pending ? enrolment(c, pending.secret, s('wrongCode')) : c.redirect('/staff/security', 303);
  };
  const wrongCodePage = (c: StaffContext) => render(c, html`<p><a href="/staff/security">${s('back')}</a></p>`, { kind: 'error', text: s('wrongCode') }, 400);

  app.post('/totp/confirm', formBody(codeForm, enrolAgain), async (c) => {
    const form = c.req.valid('form');
    const session = c.get('session');
    try {
      const codes = await factor.confirm(session.user.id, form.code, c.get('sessionToken'), deps.clock.now());
      return render(
        c,
        html`<section class="card"><p>${s('recoveryIntro')}</p><ol class="mono">${codes.map((code) => html`<li>${code}</li>`)}</ol>
          <p><a href="/staff/inbox">${s('done')}</a></p></section>`,
        { kind: 'ok', text: s('enabled') },
      );
    } catch (error) {
      if (!(error instanceof SecondFactorError)) throw error;
      if (error.code !== 'wrong_code') return c.redirect('/staff/security', 303);
      return enrolAgain(c);
    }
  });

  app.post('/totp/remove', formBody(codeForm, wrongCodePage), async (c) => {
    const form = c.req.valid('form');
    const { user } = c.get('session');
    // A current code, not only the open session: a console left unlocked cannot switch it off.
    if (!(await factor.verify(user.id, form.code, deps.clock.now()))) return wrongCodePage(c);
    await factor.remove(user.id, user.email, deps.clock.now());
    return c.redirect('/staff/security?ok=removed', 303);
  });

  return app;
}
