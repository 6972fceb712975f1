/* Runs in <head>, before Material's bundle: anything that must be in place before the theme starts.
   One section per concern. Loaded synchronously from overrides/main.html. */

/* ---- lazy search: hold back the index request and the search worker until someone searches ----
   The search index grows with the course and is only needed once someone searches: Material
   requests it on every page load, so that request (and the worker) waits until the search field
   is used. */
(function () {
  var open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send, waiting = [], ready = false;
  function release() { if (ready) return; ready = true; waiting.splice(0).forEach(function (go) { go(); }); }
  XMLHttpRequest.prototype.open = function (method, url) {
    this.nkIndex = /search\/search_index\.json$/.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var xhr = this, args = arguments;
    if (!xhr.nkIndex || ready) return send.apply(xhr, args);
    waiting.push(function () { send.apply(xhr, args); });
  };
  // The search worker (and the Dutch language files it imports) starts with the first message
  // Material sends it, which carries the index: so it too waits until someone searches.
  var RealWorker = window.Worker;
  function LazyWorker(url, options) {
    var real = null, listeners = [];
    this.postMessage = function (message) {
      if (!real) {
        real = new RealWorker(url, options);
        listeners.forEach(function (l) { real.addEventListener(l[0], l[1], l[2]); });
      }
      real.postMessage(message);
    };
    this.addEventListener = function (type, fn, opts) { real ? real.addEventListener(type, fn, opts) : listeners.push([type, fn, opts]); };
    this.removeEventListener = function (type, fn, opts) {
      if (real) real.removeEventListener(type, fn, opts);
      listeners = listeners.filter(function (l) { return l[0] !== type || l[1] !== fn; });
    };
    this.terminate = function () { if (real) real.terminate(); };
  }
  window.Worker = function (url, options) {
    return /workers\/search/.test(String(url)) ? new LazyWorker(url, options) : new RealWorker(url, options);
  };
  document.addEventListener("focusin", function (e) { if (e.target.name === "query") release(); });
  document.addEventListener("change", function (e) { if (e.target.id === "__search") release(); });
})();
