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
