// An open chat opens on its newest message with the reply box in view (after a reply, an automatic
// reload, or a visit), as a messenger does; a page of older messages stays where the reader is.
(function () {
  'use strict';
  if (!document.querySelector('[data-autorefresh="chat"]')) return;
  window.scrollTo(0, document.scrollingElement.scrollHeight);
})();

// Keeps the inbox and an open chat current without a full-page poll while someone is typing.
(function () {
  'use strict';
  var list = document.querySelector('[data-autorefresh]');
  if (!list) return;
  var kind = list.getAttribute('data-autorefresh');
  var seen = null;
  // A reload made by this script carries ?refresh=auto, so the server does not count it as someone at
  // work (the 30-minute idle limit); the mark is taken off the address bar at once, so a reload by hand
  // or a copied link is an ordinary one.
  var here = new URL(window.location.href);
  if (here.searchParams.has('refresh')) {
    here.searchParams.delete('refresh');
    window.history.replaceState(null, '', here.pathname + here.search + here.hash);
  }
  function typing() {
    var el = document.activeElement;
    return el && (el.tagName === 'TEXTAREA' || el.tagName === 'INPUT') && el.value !== '';
  }
  function reload() {
    var next = new URL(window.location.href);
    next.searchParams.set('refresh', 'auto');
    window.location.replace(next.pathname + next.search + next.hash);
  }
  function check() {
    fetch('/staff/inbox/api/state' + (kind === 'chat' ? '?handoff=' + encodeURIComponent(list.getAttribute('data-handoff')) : ''), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) {
        // The session ended (idle, expired, logged out elsewhere): take the personal data off the screen.
        if (r.status === 401) {
          window.location.replace('/staff/login');
          return null;
        }
        return r.ok ? r.json() : null;
      })
      .then(function (state) {
        if (!state) return;
        var key = JSON.stringify(state);
        if (seen !== null && key !== seen && !typing()) reload();
        seen = key;
      })
      .catch(function () { /* offline for a moment: try again on the next tick */ });
  }
  check();
  setInterval(check, 15000);
})();

// A new chat waiting for staff is announced on every console page: the count beside "Hộp thư", the
// tab's title, a notice with a link to the inbox and, if the person turned it on, a short tone. The
// first poll of a page only learns what is already waiting (sessionStorage carries it across pages),
// so moving between pages never announces the same chat twice.
(function () {
  'use strict';
  var notice = document.querySelector('[data-new-chat]');
  if (!notice) return;
  var badge = document.querySelector('[data-waiting]');
  var text = notice.querySelector('[data-notice-text]');
  var sound = notice.querySelector('[data-notice-sound]');
  var title = document.title;
  var seenKey = 'staff.newestWaiting';
  var soundKey = 'staff.noticeSound';
  try {
    sound.checked = window.localStorage.getItem(soundKey) === 'on';
  } catch (e) { /* storage disabled: the tone stays off */ }
  sound.addEventListener('change', function () {
    try { window.localStorage.setItem(soundKey, sound.checked ? 'on' : 'off'); } catch (e) { /* not kept */ }
  });
  function tone() {
    var Ctx = window.AudioContext || window.webkitAudioContext;
    if (!sound.checked || !Ctx) return;
    try {
      const ctx = new Ctx();
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = 880;
      gain.gain.setValueAtTime(0.15, ctx.currentTime);
      gain.gain.exponentialRampToValueAtTime(0.001, ctx.currentTime + 0.4);
      osc.connect(gain).connect(ctx.destination);
      osc.start();
      osc.stop(ctx.currentTime + 0.4);
    } catch (e) { /* the browser refused audio before a click: the visible notice is enough */ }
  }
  function seen() {
    try { return Number(window.sessionStorage.getItem(seenKey)); } catch (e) { return NaN; }
  }
  function remember(value) {
    try { window.sessionStorage.setItem(seenKey, String(value)); } catch (e) { /* not kept */ }
  }
  function show(state) {
    badge.hidden = state.waiting === 0;
    badge.textContent = String(state.waiting);
    document.title = state.waiting > 0 ? '(' + state.waiting + ') ' + title : title;
    var before = seen();
    if (!isNaN(before) && state.newestWaiting > before && state.waiting > 0) {
      text.textContent = state.notice;
      notice.hidden = false;
      tone();
    }
    if (state.waiting === 0) notice.hidden = true;
    remember(state.newestWaiting);
  }
  function poll() {
    fetch('/staff/inbox/api/state', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (state) { if (state) show(state); })
      .catch(function () { /* offline for a moment: try again on the next tick */ });
  }
  poll();
  setInterval(poll, 15000);
})();
