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

/* ---- strict CSP: Material's inline scripts, as a file ----
   Material's templates carry small inline scripts; under a strict Content-Security-Policy
   (script-src 'self', see netwerkkracht/hosting/csp.py) the browser refuses them. The overrides in
   overrides/partials/javascripts/ drop them and this section does their work:
   1. the storage helpers the bundle needs (__md_scope, __md_hash, __md_get, __md_set), scoped to
      the site root given by <meta name="nk-md-scope">;
   2. the saved colour scheme, set on <body> as soon as it exists (before the first paint);
   3. the content tab named in the URL's #fragment, checked when the page is parsed. */
(function () {
  var meta = document.querySelector('meta[name="nk-md-scope"]');
  window.__md_scope = new URL(meta ? meta.content : ".", location);
  window.__md_hash = function (text) {
    return Array.from(text).reduce(function (h, c) { return (h << 5) - h + c.charCodeAt(0); }, 0);
  };
  window.__md_get = function (key, storage, scope) {
    return JSON.parse((storage || localStorage).getItem((scope || __md_scope).pathname + "." + key));
  };
  window.__md_set = function (key, value, storage, scope) {
    try { (storage || localStorage).setItem((scope || __md_scope).pathname + "." + key, JSON.stringify(value)); } catch (e) { /* full or refused */ }
  };

  function palette() {  /* true when done, false when the palette inputs are not parsed yet */
    var saved = null;
    try { saved = __md_get("__palette"); } catch (e) { return true; }
    if (!saved || !saved.color) return true;
    var color = saved.color;
    if (color.media === "(prefers-color-scheme)") {
      var light = matchMedia("(prefers-color-scheme: light)").matches;
      var input = document.querySelector("[data-md-color-media='(prefers-color-scheme: " + (light ? "light" : "dark") + ")']");
      if (!input) return false;
      ["media", "scheme", "primary", "accent"].forEach(function (k) { color[k] = input.getAttribute("data-md-color-" + k); });
    }
    Object.keys(color).forEach(function (k) { document.body.setAttribute("data-md-color-" + k, color[k]); });
    return true;
  }
  function whenBody(fn) {
    if (document.body) return fn();
    new MutationObserver(function (_, observer) {
      if (!document.body) return;
      observer.disconnect();
      fn();
    }).observe(document.documentElement, { childList: true });
  }
  whenBody(function () {
    if (!palette()) document.addEventListener("DOMContentLoaded", palette);
  });

  document.addEventListener("DOMContentLoaded", function () {
    var id = location.hash.slice(1);
    try { id = decodeURIComponent(id); } catch (e) { /* not percent-encoding (#100%): use it as it is */ }
    var target = document.getElementById(id);
    if (target && target.name && target.name.indexOf("__tabbed_") === 0 && !target.checked) {
      target.checked = true;
      target.dispatchEvent(new Event("change", { bubbles: true }));
    }
  });
})();

/* ---- wide tables: a scroll container keyboard users can reach ----
   Material wraps each table in .md-typeset__scrollwrap at run time, a scroll region that keyboard
   users cannot reach (axe scrollable-region-focusable, WCAG 2.1.1): an overflowing wrapper becomes
   focusable and named; a wrapper that fits loses that again. Runs on every page Material shows. */
(function () {
  function fit() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (e) {
      if (e.scrollWidth > e.clientWidth + 1) {
        if (!e.hasAttribute("tabindex")) {
          e.tabIndex = 0;
          e.setAttribute("role", "region");
          e.setAttribute("aria-label", "Tabel (horizontaal scrollen)");
        }
      } else if (e.getAttribute("role") === "region") {
        e.removeAttribute("tabindex");
        e.removeAttribute("role");
        e.removeAttribute("aria-label");
      }
    });
  }
  addEventListener("DOMContentLoaded", function () {
    if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(fit);
    else fit();
  });
  var timer;
  addEventListener("resize", function () { clearTimeout(timer); timer = setTimeout(fit, 200); });
})();
