import { html } from 'hono/html';
import type { Translator } from '../../src/i18n/translator.ts';
import type { StaffSession } from '../../src/staff/staff-sessions.ts';
import { formatIsoDay, formatNumber, formatPercent } from '../../src/staff/vietnamese-format.ts';
import type { DeliveryFigures } from '../../src/warnings/delivery-ledger.ts';
import { warningKinds, type Warning, type WarningContent, type WarningRevision } from '../../src/warnings/warning.ts';
import { canStep } from '../../src/warnings/warning-lifecycle.ts';
import { broadcastText } from '../../src/warnings/warning-text.ts';
import { csrfField, formatDateTime, formatDuration, type Html } from './view.ts';

const s = (t: Translator, key: string, params?: Record<string, string | number>) => t.t(`staff.warnings.${key}`, params);

export function statusBadge(t: Translator, w: Pick<Warning, 'status'>): Html {
  const cls = w.status === 'published' ? 'done' : w.status === 'withdrawn' ? 'warn' : 'st-waiting';
  return html`<span class="badge ${cls}">${s(t, `status.${w.status}`)}</span>`;
}

export function validity(content: WarningContent, t: Translator): string {
  return `${formatIsoDay(content.validFrom)} → ${content.validTo ? formatIsoDay(content.validTo) : s(t, 'open')}`;
}

export function listView(t: Translator, warnings: readonly Warning[], canWrite: boolean, timeZone: string): Html {
  return html`${canWrite ? html`<p class="actions"><a class="button" href="/staff/warnings/new">${s(t, 'new')}</a></p>` : html`<p class="muted">${s(t, 'readOnly')}</p>`}
    ${warnings.length === 0 ? html`<p class="empty">${t.t('staff.none')}</p>` : html`<div class="table-wrap"><table class="responsive">
      <thead><tr><th>${s(t, 'title.col')}</th><th>${s(t, 'kind')}</th><th>${s(t, 'statusLabel')}</th><th>${s(t, 'validity')}</th><th>${s(t, 'publishedAt')}</th><th>${s(t, 'audience')}</th></tr></thead>
      <tbody>${warnings.map((w) => html`<tr>
        <td data-label="${s(t, 'title.col')}"><a href="/staff/warnings/${w.id}">${w.content.title}</a></td>
        <td data-label="${s(t, 'kind')}">${t.t(`warnings.kind.${w.content.kind}`)}</td>
        <td data-label="${s(t, 'statusLabel')}">${statusBadge(t, w)}</td>
        <td data-label="${s(t, 'validity')}">${validity(w.content, t)}</td>
        <td data-label="${s(t, 'publishedAt')}">${formatDateTime(w.publishedAt, timeZone)}</td>
        <td data-label="${s(t, 'audience')}">${w.audience === null ? '' : formatNumber(w.audience)}</td>
      </tr>`)}</tbody></table></div>`}`;
}

/** Form values: the warning's content, or what was typed when it did not validate. */
export type FormValues = Record<string, string>;

export function formValues(content: WarningContent | null, provinces: readonly string[]): FormValues {
  if (!content) return { kind: 'recall' };
  const values: FormValues = {
    kind: content.kind,
    title: content.title,
    text: content.text,
    products: content.products.join('\n'),
    brands: content.brands.join('\n'),
    shops: content.shops.join('\n'),
    sourceName: content.source.name,
    sourceReference: content.source.reference,
    sourceUrl: content.source.url,
    validFrom: content.validFrom,
    validTo: content.validTo ?? '',
    enTitle: content.translations.en?.title ?? '',
    enText: content.translations.en?.text ?? '',
  };
  provinces.forEach((p, i) => {
    if (content.provinces.includes(p)) values[`province_${i}`] = 'on';
  });
  return values;
}

export function formView(t: Translator, session: StaffSession, spec: { action: string; values: FormValues; version: number; provinces: readonly string[]; today: string; submit: string }): Html {
  const v = (k: string) => spec.values[k] ?? '';
  const field = (name: string, input: Html) => html`<label class="wide">${s(t, `field.${name}`)}${input}${t.has(`staff.warnings.hint.${name}`) ? html`<span class="hint">${s(t, `hint.${name}`)}</span>` : ''}</label>`;
  return html`<form method="post" action="${spec.action}" class="card grid-form warning-form">
    ${csrfField(session)}<input type="hidden" name="version" value="${spec.version}">
    <label>${s(t, 'field.kind')}<select name="kind">${warningKinds.map((k) => html`<option value="${k}"${k === v('kind') ? html` selected` : ''}>${t.t(`warnings.kind.${k}`)}</option>`)}</select></label>
    ${field('title', html`<input name="title" value="${v('title')}" required maxlength="200">`)}
    ${field('text', html`<textarea name="text" rows="6" required maxlength="3000">${v('text')}</textarea>`)}
    ${field('products', html`<textarea name="products" rows="2">${v('products')}</textarea>`)}
    ${field('brands', html`<textarea name="brands" rows="2">${v('brands')}</textarea>`)}
    ${field('shops', html`<textarea name="shops" rows="2">${v('shops')}</textarea>`)}
    <fieldset class="wide provinces"><legend>${s(t, 'field.provinces')}</legend><span class="hint">${s(t, 'hint.provinces')}</span>
      ${spec.provinces.map((p, i) => html`<label class="check"><input type="checkbox" name="province_${i}"${v(`province_${i}`) === 'on' ? html` checked` : ''}> ${p}</label>`)}</fieldset>
    ${field('sourceName', html`<input name="sourceName" value="${v('sourceName')}" required maxlength="300">`)}
    <label>${s(t, 'field.sourceReference')}<input name="sourceReference" value="${v('sourceReference')}" maxlength="100"></label>
    <label>${s(t, 'field.sourceUrl')}<input type="url" name="sourceUrl" value="${v('sourceUrl')}"></label>
    <label>${s(t, 'field.validFrom')}<input type="date" name="validFrom" value="${v('validFrom') || spec.today}" required></label>
    <label>${s(t, 'field.validTo')}<input type="date" name="validTo" value="${v('validTo')}"></label>
    <fieldset class="wide"><legend>${s(t, 'field.translation')}</legend><span class="hint">${s(t, 'hint.translation')}</span>
      <label class="wide">${s(t, 'field.enTitle')}<input name="enTitle" value="${v('enTitle')}" maxlength="200" lang="en"></label>
      <label class="wide">${s(t, 'field.enText')}<textarea name="enText" rows="4" maxlength="3000" lang="en">${v('enText')}</textarea></label></fieldset>
    <button type="submit">${spec.submit}</button>
  </form>`;
}

/** The message as a subscriber's phone shows it, in each language it will be sent in. */
export function phonePreview(t: Translator, translators: (l: 'vi' | 'en') => Translator, w: Warning): Html {
  const locales: ('vi' | 'en')[] = w.content.translations.en ? ['vi', 'en'] : ['vi'];
  return html`<div class="phones">${locales.map((l) => html`<figure class="phone" aria-label="${s(t, `preview.${l}`)}"><figcaption class="small muted">${s(t, `preview.${l}`)}</figcaption>
    <div class="screen"><div class="bubble">${broadcastText(w, translators(l))}</div></div></figure>`)}</div>`;
}

export function figuresView(t: Translator, w: Warning, f: DeliveryFigures, activeSubscribers: Record<string, number>, timeZone: string): Html {
  if (w.status === 'draft') {
    const total = Object.values(activeSubscribers).reduce((a, b) => a + b, 0);
    return html`<p class="muted">${s(t, 'figures.beforePublish', { count: formatNumber(total) })}</p>`;
  }
  const done = f.queued === 0 ? null : f.delivered / f.queued;
  const took = w.publishedAt && f.lastDeliveredAt ? formatDuration(f.lastDeliveredAt.getTime() - w.publishedAt.getTime(), t) : '';
  const cancelled = (c: { queued: number; delivered: number; pending: number; failed: number }) => c.queued - c.delivered - c.pending - c.failed;
  return html`<div class="kpis">
      <div class="kpi"><div class="value">${w.audience === null ? s(t, 'figures.fanningOut') : formatNumber(w.audience)}</div><div class="label">${s(t, 'figures.audience')}</div></div>
      <div class="kpi"><div class="value">${formatNumber(f.delivered)}</div><div class="label">${s(t, 'figures.delivered')} (${formatPercent(done)})</div></div>
      <div class="kpi"><div class="value">${formatNumber(f.pending)}</div><div class="label">${s(t, 'figures.pending')}</div></div>
      <div class="kpi"><div class="value">${formatNumber(f.failed)}</div><div class="label">${s(t, 'figures.failed')}</div></div>
      <div class="kpi"><div class="value">${formatNumber(f.retries)}</div><div class="label">${s(t, 'figures.retries')}</div></div>
    </div>
    ${f.queued > 0 ? html`<progress max="${f.queued}" value="${f.delivered}" aria-label="${s(t, 'figures.progress')}"></progress>` : ''}
    ${took ? html`<p class="small">${s(t, 'figures.took', { duration: took, last: formatDateTime(f.lastDeliveredAt, timeZone) })}</p>` : ''}
    <div class="table-wrap"><table class="responsive"><thead><tr><th>${s(t, 'figures.channel')}</th><th>${s(t, 'figures.queued')}</th><th>${s(t, 'figures.delivered')}</th><th>${s(t, 'figures.pending')}</th><th>${s(t, 'figures.failed')}</th><th>${s(t, 'figures.cancelled')}</th></tr></thead>
    <tbody>${Object.entries(f.byChannel).map(([ch, c]) => html`<tr><td data-label="${s(t, 'figures.channel')}">${t.t(`staff.channel.${ch}`)}</td><td data-label="${s(t, 'figures.queued')}">${formatNumber(c.queued)}</td><td data-label="${s(t, 'figures.delivered')}">${formatNumber(c.delivered)}</td><td data-label="${s(t, 'figures.pending')}">${formatNumber(c.pending)}</td><td data-label="${s(t, 'figures.failed')}">${formatNumber(c.failed)}</td><td data-label="${s(t, 'figures.cancelled')}">${formatNumber(cancelled(c))}</td></tr>`)}</tbody></table></div>
    <p class="small muted">${s(t, 'figures.webNote')}</p>`;
}

export function historyView(t: Translator, revisions: readonly WarningRevision[], timeZone: string): Html {
  return html`<ol class="list history">${revisions.map((r) => html`<li><strong>${s(t, `action.${r.action}`)}</strong> · ${r.actor} · ${formatDateTime(r.at, timeZone)} · ${s(t, 'versionN', { n: r.version })}
    ${r.note ? html`<br><span class="small">${s(t, 'reason')}: ${r.note}</span>` : ''}
    <details><summary class="small">${s(t, 'contentThen')}</summary><p><strong>${r.content.title}</strong></p><p class="narrative">${r.content.text}</p><p class="small">${validity(r.content, t)} · ${r.content.source.name} ${r.content.source.reference}</p></details></li>`)}</ol>`;
}

export function actionsView(t: Translator, session: StaffSession, w: Warning): Html {
  return html`<div class="actions">
    ${canStep('edit', w.status) ? html`<a class="button secondary" href="/staff/warnings/${w.id}/edit">${s(t, 'edit')}</a>` : ''}
    ${canStep('publish', w.status) ? html`<form method="post" action="/staff/warnings/${w.id}/publish">${csrfField(session)}<input type="hidden" name="version" value="${w.version}">
      <label class="check"><input type="checkbox" name="confirm" required> ${s(t, 'publishConfirm')}</label><button type="submit">${s(t, 'publish')}</button></form>` : ''}
    ${canStep('withdraw', w.status) ? html`<form method="post" action="/staff/warnings/${w.id}/withdraw" class="grid-form">${csrfField(session)}
      <label class="wide">${s(t, 'withdrawReason')}<input name="reason" required minlength="5" maxlength="500"></label><button type="submit" class="secondary">${s(t, 'withdraw')}</button></form>` : ''}
  </div>`;
}
