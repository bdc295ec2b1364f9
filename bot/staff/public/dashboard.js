// Draws every <canvas data-chart="{...Chart.js config...}">: the server writes the configuration as
// an attribute (escaped like any other), so the page needs no inline script under its CSP.
(function () {
  'use strict';
  if (typeof Chart === 'undefined') return;
  Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif';
  Chart.defaults.animation = false;
  document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    try {
      new Chart(canvas, JSON.parse(canvas.getAttribute('data-chart')));
    } catch (error) {
      canvas.replaceWith(document.createTextNode('(' + error.message + ')'));
    }
  });
})();
