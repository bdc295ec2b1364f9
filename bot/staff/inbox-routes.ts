import { Hono } from 'hono';
import { html } from 'hono/html';
import { z } from 'zod';
import { cannedReplyInput } from '../../src/handoff/canned-replies.ts';
import { HandoffDeskError, inboxFilters, staffNoteSchema, type InboxFilter } from '../../src/handoff/handoff-desk.ts';
import type { InboxItem } from '../../src/handoff/handoff-desk-store.ts';
import { maskContactsInText } from '../../src/staff/contact-masking.ts';
import { errorPage } from './error-pages.ts';
import { formBody, pathParams } from './form-body.ts';
import { adminOnly, type StaffContext, type StaffDeps, type StaffEnv } from './staff-env.ts';
import { csrfField, flashFrom, formatDateTime, formatDuration, page } from './view.ts';

const replyForm = z.object({ text: z.string().trim().min(1).max(4000) });
/** The close form's button sends confirm=yes: a POST without it (a stray click, an old form) closes nothing. */
const closeForm = z.object({ confirm: z.literal('yes') });
const idParam = z.string().regex(/^[a-z0-9]{10,40}$/);
const assignForm = z.object({ action: z.enum(['take', 'release']) });
const noteForm = z.object({ text: staffNoteSchema });
const cannedForm = cannedReplyInput.extend({ id: z.union([idParam, z.literal('')]).default('') });
const filterParam = z.enum(inboxFilters).catch('all');

/** Escalated chats: the queue, one chat's transcript with a reply box, closing. */
export function inboxRoutes(deps: StaffDeps): Hono<StaffEnv> {
  const app = new Hono<StaffEnv>();
  const { desk } = deps;
  const t = deps.translators('vi');
  /** A chat's id in the path; anything else is a page that does not exist. */
  const chat = pathParams(z.object({ id: idParam }), (c) => errorPage(c, 'notFound'));
  /** Back to the chat with the flash of a form that was not filled in. */
  const backWith = (error: string) => (c: StaffContext) => c.redirect(`/staff/inbox/${c.req.param('id')}?error=${error}`, 303);

  app.get('/', async (c) => {
    const now = deps.clock.now();
    const me = c.get('session').user.email;
    const filter: InboxFilter = filterParam.parse(c.req.query('show'));
    const [{ items: open, counts }, closed] = await Promise.all([desk.inboxFor(me, filter), desk.recentlyClosed(10)]);
    const assignee = (item: InboxItem) =>
      item.handoff.assignedTo === null
        ? html`<span class="badge unassigned">${t.t('staff.inbox.unassigned')}</span>`
        : html`<span class="muted">${item.handoff.assignedTo === me ? t.t('staff.inbox.takenByMe') : t.t('staff.inbox.takenBy', { who: item.handoff.assignedTo })}</span>`;
    const tabs = html`<nav class="tabs" aria-label="${t.t('staff.inbox.views')}">${inboxFilters.map((f) => html`<a href="/staff/inbox${f === 'all' ? '' : `?show=${f}`}"${f === filter ? html` aria-current="page" class="current"` : ''}>${t.t(`staff.inbox.view.${f}`, { count: counts[f] })}</a>`)}</nav>`;
    const row = (item: InboxItem) => html`<li class="item ${item.handoff.status}">
      <a href="/staff/inbox/${item.handoff.id}">
        <span class="who">${item.conversation.userName ?? t.t('staff.inbox.anonymous')}</span>
        <span class="badge ch-${item.conversation.channel}">${t.t(`staff.channel.${item.conversation.channel}`)}</span>
        <span class="badge st-${item.handoff.status}">${t.t(`staff.handoff.status.${item.handoff.status}`)}</span>
        <span class="muted">${t.t(`staff.handoff.reason.${item.handoff.reason}`)}</span>
        ${item.handoff.status === 'waiting' ? html`<span class="wait">${t.t('staff.inbox.waiting', { duration: formatDuration(now.getTime() - item.handoff.createdAt.getTime(), t) })}</span>` : ''}
        ${item.conversation.stillWaiting ? '' : html`<span class="badge warn">${t.t('staff.inbox.left')}</span>`}
        ${assignee(item)}
        ${item.lastMessage ? html`<span class="preview">${preview(item.lastMessage.text)}</span>` : ''}
      </a>
    </li>`;
    const body = html`<p class="actions"><a href="/staff/inbox${filter === 'all' ? '' : `?show=${filter}`}" class="button secondary">${t.t('staff.refresh')}</a></p>
      ${tabs}
      ${open.length === 0 ? html`<p class="empty" data-autorefresh="inbox">${t.t(filter === 'all' ? 'staff.inbox.empty' : `staff.inbox.emptyView.${filter}`)}</p>` : html`<ul class="list" data-autorefresh="inbox">${open.map(row)}</ul>`}
      <h2>${t.t('staff.inbox.recentlyClosed')}</h2>
      ${closed.length === 0 ? html`<p class="muted">${t.t('staff.none')}</p>` : html`<ul class="list compact">${closed.map((item) => html`<li><a href="/staff/inbox/${item.handoff.id}">${item.conversation.userName ?? t.t('staff.inbox.anonymous')}</a> · ${t.t(`staff.channel.${item.conversation.channel}`)} · ${t.t('staff.inbox.closedAt', { at: formatDateTime(item.handoff.closedAt, deps.timeZone), by: item.handoff.assignedTo ?? '—' })}</li>`)}</ul>`}`;
    return c.html(page({ t, title: t.t('staff.inbox.title', { count: open.length }), session: c.get('session'), nav: 'inbox', body, flash: flashFrom(c.req.query(), t), scripts: ['/staff/assets/console.js'] }));
  });

  /** Canned replies: everyone picks from them on a chat page, admins keep the list here. */
  app.get('/canned', async (c) => {
    const session = c.get('session');
    const admin = session.user.role === 'admin';
    const replies = await deps.cannedReplies.list();
    const editing = idParam.safeParse(c.req.query('edit'));
    const current = editing.success ? replies.find((r) => r.id === editing.data) : undefined;
    const body = html`<p class="back"><a href="/staff/inbox">${t.t('staff.inbox.back')}</a></p>
      <p class="muted">${t.t('staff.canned.intro')}</p>
      ${replies.length === 0
        ? html`<p class="empty">${t.t('staff.canned.empty')}</p>`
        : html`<ul class="list compact">${replies.map((r) => html`<li class="card"><strong>${r.title}</strong><div class="bubble">${r.text}</div>
            <div class="muted small">${t.t('staff.canned.updated', { by: r.updatedBy, at: formatDateTime(r.updatedAt, deps.timeZone) })}</div>
            ${admin
              ? html`<p class="actions"><a class="button secondary small" href="/staff/inbox/canned?edit=${r.id}#canned-form">${t.t('staff.canned.edit')}</a>
                  <form method="post" action="/staff/inbox/canned/${r.id}/delete" class="inline">${csrfField(session)}<button type="submit" class="secondary small">${t.t('staff.canned.delete')}</button></form></p>`
              : ''}</li>`)}</ul>`}
      ${admin
        ? html`<form method="post" action="/staff/inbox/canned" class="card grid-form" id="canned-form">
            ${csrfField(session)}<input type="hidden" name="id" value="${current?.id ?? ''}">
            <label>${t.t('staff.canned.title')}<input name="title" maxlength="80" required value="${current?.title ?? ''}"></label>
            <label class="wide">${t.t('staff.canned.text')}<textarea name="text" rows="4" maxlength="4000" required>${current?.text ?? ''}</textarea></label>
            <button type="submit">${t.t(current ? 'staff.canned.saveChanges' : 'staff.canned.add')}</button>
          </form>`
        : ''}`;
    return c.html(page({ t, title: t.t('staff.canned.pageTitle'), session, nav: 'inbox', body, flash: flashFrom(c.req.query(), t) }));
  });

  app.post('/canned', adminOnly, formBody(cannedForm, (c) => c.redirect('/staff/inbox/canned?error=invalid', 303)), async (c) => {
    const { id, ...input } = c.req.valid('form');
    const saved = await deps.cannedReplies.save(id === '' ? null : id, input, c.get('session').user.email, deps.clock.now());
    return c.redirect(saved ? '/staff/inbox/canned?ok=saved' : '/staff/inbox/canned?error=notFound', 303);
  });

  app.post('/canned/:cid/delete', adminOnly, async (c) => {
    const id = idParam.safeParse(c.req.param('cid'));
    const removed = id.success && (await deps.cannedReplies.remove(id.data, c.get('session').user.email, deps.clock.now()));
    return c.redirect(removed ? '/staff/inbox/canned?ok=deleted' : '/staff/inbox/canned?error=notFound', 303);
  });

  app.get('/:id', async (c) => {
    const id = idParam.safeParse(c.req.param('id'));
    if (!id.success) return errorPage(c, 'notFound');
    // ?before=<message id>: the page of older messages a long chat's page links to.
    const before = idParam.safeParse(c.req.query('before'));
    const session = c.get('session');
    const now = deps.clock.now();
    // Reading a transcript shows a person's words and contacts in full: the desk puts the reader on the record.
    const found = await desk.detail(id.data, { ...(before.success ? { before: before.data } : {}), reader: session.user.email, now }).catch(notFoundAsNull);
    if (!found) return errorPage(c, 'notFound');
    // Only the latest page follows the chat (data-autorefresh): reloading a page of history would lose the reader's place.
    const { item, transcript, older, newer, complaints, notes } = found;
    const me = session.user.email;
    const canned = await deps.cannedReplies.list();
    // ?template=<id> fills the reply box with a canned reply, to edit before sending (no script needed).
    const template = idParam.safeParse(c.req.query('template'));
    const prefill = template.success ? (canned.find((r) => r.id === template.data)?.text ?? '') : '';
    const open = item.handoff.status !== 'closed';
    const name = item.conversation.userName ?? t.t('staff.inbox.anonymous');
    // The outcome of a reply is shown beside the reply box, where the page opens (console.js scrolls there).
    const flash = flashFrom(c.req.query(), t);
    const body = html`<p class="back"><a href="/staff/inbox">${t.t('staff.inbox.back')}</a></p>
      <section class="meta card">
        <dl>
          <dt>${t.t('staff.inbox.user')}</dt><dd>${name}</dd>
          <dt>${t.t('staff.inbox.channel')}</dt><dd>${t.t(`staff.channel.${item.conversation.channel}`)}</dd>
          <dt>${t.t('staff.inbox.status')}</dt><dd><span class="badge st-${item.handoff.status}">${t.t(`staff.handoff.status.${item.handoff.status}`)}</span> ${item.conversation.stillWaiting || !open ? '' : html`<span class="badge warn">${t.t('staff.inbox.left')}</span>`}</dd>
          <dt>${t.t('staff.inbox.reason')}</dt><dd>${t.t(`staff.handoff.reason.${item.handoff.reason}`)}</dd>
          <dt>${t.t('staff.inbox.requestedAt')}</dt><dd>${formatDateTime(item.handoff.createdAt, deps.timeZone)} (${formatDuration(now.getTime() - item.handoff.createdAt.getTime(), t)})</dd>
          ${item.handoff.firstResponseAt ? html`<dt>${t.t('staff.inbox.firstResponse')}</dt><dd>${formatDateTime(item.handoff.firstResponseAt, deps.timeZone)}</dd>` : ''}
          <dt>${t.t('staff.inbox.assignee')}</dt><dd>${item.handoff.assignedTo === null ? t.t('staff.inbox.unassigned') : item.handoff.assignedTo === me ? t.t('staff.inbox.takenByMe') : item.handoff.assignedTo}</dd>
          <dt>${t.t('staff.inbox.complaints')}</dt><dd>${complaints.length === 0 ? t.t('staff.none') : complaints.map((k, i) => html`${i > 0 ? ', ' : ''}<a href="/staff/complaints/${k.reference}">${k.reference}</a> <span class="muted">(${t.has(`staff.status.${k.status}`) ? t.t(`staff.status.${k.status}`) : k.status})</span>`)}</dd>
        </dl>
        ${open
          ? html`<form method="post" action="/staff/inbox/${item.handoff.id}/assign" class="inline">
              ${csrfField(session)}
              ${item.handoff.assignedTo === me
                ? html`<button type="submit" name="action" value="release" class="secondary">${t.t('staff.inbox.release')}</button>`
                : html`<button type="submit" name="action" value="take">${t.t(item.handoff.assignedTo === null ? 'staff.inbox.take' : 'staff.inbox.takeOver')}</button>`}
            </form>`
          : ''}
      </section>
      <section class="notes card">
        <h2>${t.t('staff.notes.title')}</h2>
        <p class="muted small">${t.t('staff.notes.hint')}</p>
        ${notes.length === 0 ? html`<p class="muted">${t.t('staff.none')}</p>` : html`<ul class="list compact">${notes.map((n) => html`<li><div class="bubble note">${n.text}</div><div class="at">${n.author} · ${formatDateTime(n.createdAt, deps.timeZone)}</div></li>`)}</ul>`}
        <form method="post" action="/staff/inbox/${item.handoff.id}/note">
          ${csrfField(session)}
          <label for="note-text">${t.t('staff.notes.label')}</label>
          <textarea id="note-text" name="text" rows="2" maxlength="2000" required></textarea>
          <button type="submit" class="secondary">${t.t('staff.notes.add')}</button>
        </form>
      </section>
      ${older ? html`<p class="older"><a href="/staff/inbox/${item.handoff.id}?before=${older}">${t.t('staff.inbox.older')}</a></p>` : ''}
      <ol class="transcript"${newer ? '' : html` data-autorefresh="chat" data-handoff="${item.handoff.id}"`}>
        ${transcript.map((m) => html`<li class="msg ${m.direction}"><div class="bubble">${m.text}</div><div class="at">${m.direction === 'staff' ? `${m.by ?? ''} · ` : m.direction === 'out' ? `${t.t('staff.inbox.bot')} · ` : ''}${formatDateTime(m.createdAt, deps.timeZone)}</div></li>`)}
      </ol>
      ${newer ? html`<p class="newer"><a href="/staff/inbox/${item.handoff.id}">${t.t('staff.inbox.newest')}</a></p>` : ''}
      ${flash ? html`<p class="flash ${flash.kind}" role="status">${flash.text}</p>` : ''}
      ${open
        ? html`<form method="post" action="/staff/inbox/${item.handoff.id}/reply" class="card reply" id="reply">
            ${csrfField(session)}
            <label for="reply-text">${t.t('staff.inbox.replyLabel')}</label>
            <textarea id="reply-text" name="text" rows="4" maxlength="4000" required>${prefill}</textarea>
            <button type="submit">${t.t('staff.inbox.send')}</button>
          </form>
          <details class="canned">
            <summary>${t.t('staff.canned.pick')}</summary>
            ${canned.length === 0
              ? html`<p class="muted">${t.t('staff.canned.none')} <a href="/staff/inbox/canned">${t.t('staff.canned.manage')}</a></p>`
              : html`<ul class="list compact">${canned.map((r) => html`<li><a href="/staff/inbox/${item.handoff.id}?template=${r.id}#reply">${r.title}</a></li>`)}</ul>
                  <p class="small"><a href="/staff/inbox/canned">${t.t('staff.canned.manage')}</a></p>`}
          </details>
          <details class="close">
            <summary class="button secondary">${t.t('staff.inbox.close')}</summary>
            <form method="post" action="/staff/inbox/${item.handoff.id}/close" class="card">
              ${csrfField(session)}
              <p>${t.t('staff.inbox.closeConfirm', { name })}</p>
              <p class="muted">${t.t('staff.inbox.closeHint')}</p>
              <button type="submit" name="confirm" value="yes">${t.t('staff.inbox.closeYes')}</button>
            </form>
          </details>`
        : html`<p class="muted">${t.t('staff.inbox.closedAt', { at: formatDateTime(item.handoff.closedAt, deps.timeZone), by: item.handoff.assignedTo ?? '—' })}</p>`}`;
    return c.html(page({ t, title: t.t('staff.inbox.chatTitle', { name }), session, nav: 'inbox', body, scripts: ['/staff/assets/console.js'] }));
  });

  app.post('/:id/reply', chat, formBody(replyForm, backWith('emptyReply')), async (c) => {
    const { id } = c.req.valid('param');
    const outcome = await desk.reply(id, c.get('session').user.email, c.req.valid('form').text, deps.clock.now()).then(() => 'sent', deskOutcome);
    return c.redirect(`/staff/inbox/${id}?${outcome === 'sent' ? 'ok=sent' : `error=${outcome}`}`, 303);
  });

  app.post('/:id/close', chat, formBody(closeForm, backWith('confirmClose')), async (c) => {
    const { id } = c.req.valid('param');
    const outcome = await desk.close(id, c.get('session').user.email, deps.clock.now()).then(() => 'closed', deskOutcome);
    return c.redirect(outcome === 'closed' ? '/staff/inbox?ok=closed' : `/staff/inbox/${id}?error=${outcome}`, 303);
  });

  app.post('/:id/note', chat, formBody(noteForm, backWith('emptyNote')), async (c) => {
    const { id } = c.req.valid('param');
    const outcome = await desk.addNote(id, c.get('session').user.email, c.req.valid('form').text, deps.clock.now()).then(() => 'noted', deskOutcome);
    return c.redirect(`/staff/inbox/${id}?${outcome === 'noted' ? 'ok=noted' : `error=${outcome}`}`, 303);
  });

  app.post('/:id/assign', chat, formBody(assignForm, (c) => c.redirect(`/staff/inbox/${c.req.param('id')}`, 303)), async (c) => {
    const { id } = c.req.valid('param');
    const { action } = c.req.valid('form');
    const me = c.get('session').user.email;
    const act = action === 'take' ? desk.take(id, me, deps.clock.now()) : desk.release(id, me, deps.clock.now());
    const outcome = await act.then(() => (action === 'take' ? 'taken' : 'released'), deskOutcome);
    return c.redirect(`/staff/inbox/${id}?${outcome === 'taken' || outcome === 'released' ? `ok=${outcome}` : `error=${outcome}`}`, 303);
  });

  /** For console.js: has anything changed since the page was drawn? */
  app.get('/api/state', async (c) => {
    const handoff = idParam.safeParse(c.req.query('handoff'));
    if (handoff.success) {
      // The latest message's id, not a count of what one page shows: a chat longer than a page still changes it.
      const state = await desk.chatState(handoff.data).catch(notFoundAsNull);
      return state ? c.json(state) : c.json({ error: 'not_found' }, 404);
    }
    const items = await desk.inbox();
    // `waiting` drives the new-chat notice on every console page; `assigned` changes when a colleague takes a chat.
    return c.json({
      open: items.length,
      waiting: items.filter((i) => i.handoff.status === 'waiting').length,
      newestWaiting: items.reduce((max, i) => (i.handoff.status === 'waiting' ? Math.max(max, i.handoff.createdAt.getTime()) : max), 0),
      latest: items.reduce((max, i) => Math.max(max, i.lastMessage?.createdAt.getTime() ?? 0), 0),
      assigned: items.map((i) => `${i.handoff.id}:${i.handoff.assignedTo ?? ''}`).join(','),
      notice: t.t('staff.notice.newChat', { count: items.filter((i) => i.handoff.status === 'waiting').length }),
    });
  });

  return app;
}

/** The inbox list shows contacts masked; the full text is on the chat's own (audited) page. */
function preview(text: string): string {
  const masked = maskContactsInText(text);
  return masked.length > 140 ? `${masked.slice(0, 140)}…` : masked;
}

function notFoundAsNull(error: unknown): null {
  if (error instanceof HandoffDeskError && error.code === 'not_found') return null;
  throw error;
}

function deskOutcome(error: unknown): string {
  if (error instanceof HandoffDeskError) return error.code === 'closed' ? 'alreadyClosed' : 'notFound';
  throw error;
}
