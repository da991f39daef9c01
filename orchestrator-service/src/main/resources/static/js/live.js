// Live pages: every element with data-live="topic topic …" (and hx-get, hx-trigger="live") is refreshed by htmx when
// the server's event stream (/live/events, fed by database changes) names one of its topics. Refreshes are
// debounced per element; after a lost connection everything is refreshed once, since changes were missed meanwhile.
(function () {
  'use strict';
  var DEBOUNCE_MS = 250;
  var pending = {};
  var everConnected = false;
  var broken = false;

  function liveParts() {
    return Array.prototype.slice.call(document.querySelectorAll('[data-live][id]'));
  }

  function status(state, text) {
    var el = document.getElementById('live-status');
    if (!el) { return; }
    el.hidden = false;
    el.querySelector('.live-dot').classList.toggle('on', state === 'on');
    el.querySelector('.label').textContent = text;
    el.title = state === 'on' ? 'This page updates by itself while work moves.' : 'Reconnecting; reload to be sure.';
  }

  function refresh(id) {
    if (pending[id]) { return; }
    pending[id] = setTimeout(function () {
      delete pending[id];
      var el = document.getElementById(id);
      if (el && window.htmx) { window.htmx.trigger(el, 'live'); }
    }, DEBOUNCE_MS);
  }

  function changed(topics) {
    var all = topics.indexOf('*') >= 0;
    liveParts().forEach(function (el) {
      var wanted = el.getAttribute('data-live').split(/\s+/);
      if (all || wanted.some(function (t) { return topics.indexOf(t) >= 0; })) { refresh(el.id); }
    });
  }

  function connect() {
    if (!liveParts().length || !window.EventSource) { return; }
    var source = new EventSource('/live/events');
    source.addEventListener('ready', function () {
      status('on', 'live');
      if (everConnected && broken) { changed(['*']); }
      everConnected = true;
      broken = false;
    });
    source.addEventListener('change', function (event) {
      try { changed(JSON.parse(event.data).topics || []); } catch (e) { changed(['*']); }
    });
    source.onerror = function () {
      broken = true;
      status('off', 'reconnecting…');
      // the browser retries by itself after a network error, but gives up on an HTTP error (e.g. 503): retry later
      if (source.readyState === EventSource.CLOSED) { setTimeout(connect, 5000); }
    };
    window.addEventListener('pagehide', function () { source.close(); });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', connect);
  } else {
    connect();
  }
})();
