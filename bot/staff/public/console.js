// Keeps the inbox and an open chat current without a full-page poll while someone is typing.
(function () {
  'use strict';
  var list = document.querySelector('[data-autorefresh]');
  if (!list) return;
  var kind = list.getAttribute('data-autorefresh');
  var seen = null;
  function typing() {
    var el = document.activeElement;
    return el && (el.tagName === 'TEXTAREA' || el.tagName === 'INPUT') && el.value !== '';
  }
  function check() {
    fetch('/staff/inbox/api/state' + (kind === 'chat' ? '?handoff=' + encodeURIComponent(list.getAttribute('data-handoff')) : ''), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (state) {
        if (!state) return;
        var key = JSON.stringify(state);
        if (seen !== null && key !== seen && !typing()) window.location.reload();
        seen = key;
      })
      .catch(function () { /* offline for a moment: try again on the next tick */ });
  }
  check();
  setInterval(check, 15000);
})();
