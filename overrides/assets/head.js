/* Runs in <head>, before Material's bundle: anything that must be in place before the theme starts.
   One section per concern. Loaded synchronously from overrides/main.html. */

/* ---- storage shim: a memory stand-in when the browser refuses localStorage ----
   With storage blocked (some private windows, strict browser settings) merely reading
   window.localStorage throws, and Material's palette and search scripts stop with "The operation is
   insecure": the theme toggle disappears and search never starts. A memory Storage takes its place
   for this page. It is marked `nkGeheugen`, so that netwerkkracht.js still tells the learner that
   nothing is kept. Everything is caught: this section never stops the next one. */
(function () {
  function memory() {
    var data = Object.create(null);
    var store = {
      nkGeheugen: true,
      getItem: function (k) { k = String(k); return k in data ? data[k] : null; },
      setItem: function (k, v) { data[String(k)] = String(v); },
      removeItem: function (k) { delete data[String(k)]; },
      clear: function () { data = Object.create(null); },
      key: function (i) { var keys = Object.keys(data); return i < keys.length ? keys[i] : null; }
    };
    Object.defineProperty(store, "length", { get: function () { return Object.keys(data).length; } });
    return store;
  }
  ["localStorage", "sessionStorage"].forEach(function (name) {
    try {
      window[name].getItem("nk");
    } catch (e) {
      try { Object.defineProperty(window, name, { configurable: true, value: memory() }); } catch (e2) { /* left as it is */ }
    }
  });
})();

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
