/* SCORM 1.2 adapter of the launch page (scorm.html); netwerkkracht/hosting/scorm.py says what it reports.
   The course runs in the frame below; the learner's data stays where the site keeps it (localStorage,
   <namespace>:werkruimte and :netwerkkaart) and this script mirrors it to and from the LMS. */
(function () {
  "use strict";
  var LIMIT = 4096, ROOT = document.documentElement;
  var NS = ROOT.getAttribute("data-nk-namespace") || "netwerkkracht";
  var MODULES = (ROOT.getAttribute("data-nk-modules") || "").split(" ").filter(Boolean);
  var KEYS = { werkruimte: NS + ":werkruimte", netwerkkaart: NS + ":netwerkkaart" };
  var frame = document.querySelector(".nk-scorm__cursus");
  var notice = document.querySelector(".nk-scorm__melding");
  var started = Date.now(), api = null, last = { status: "", score: "", suspend: "", location: "" }, finished = false;

  /* A page inside this package, as a relative path: the only thing a parameter may open. */
  function safePage(p) {
    if (typeof p !== "string" || !/^[A-Za-z0-9._\/-]+\.html(#[A-Za-z0-9._-]*)?$/.test(p)) return "";
    return p.split("/").indexOf("..") >= 0 || p.charAt(0) === "/" ? "" : p;
  }
  var wanted = safePage(new URLSearchParams(location.search).get("pagina")) || safePage(ROOT.getAttribute("data-nk-start")) || "index.html";

  function findApi(win) {
    for (var i = 0; win && i < 12; i++) {
      try { if (win.API && typeof win.API.LMSInitialize === "function") return win.API; } catch (e) { /* another origin */ }
      if (win.parent === win) break;
      win = win.parent;
    }
    return null;
  }
  api = (window.parent !== window && findApi(window.parent)) || (window.opener && findApi(window.opener)) || null;
  if (!api) { location.replace(wanted); return; } // outside an LMS: just the course
  if (String(api.LMSInitialize("")) !== "true") { location.replace(wanted); return; }

  function get(name) { var v = api.LMSGetValue(name); return v === null || v === undefined ? "" : String(v); }
  function set(name, value) { return String(api.LMSSetValue(name, String(value))) === "true"; }
  function read(key) { try { return JSON.parse(localStorage.getItem(key)); } catch (e) { return null; } }
  function isObj(v) { return !!v && typeof v === "object" && !Array.isArray(v); }
  function time(v) { return isObj(v) && typeof v.tijd === "number" ? v.tijd : (typeof v === "number" ? v : -1); }

  /* Merge two copies of the learner data: per entry, the newest (by its `tijd`) wins; nothing is dropped. */
  function merge(local, saved) {
    if (!isObj(saved)) return local;
    if (!isObj(local)) return saved;
    var out = {};
    Object.keys(local).forEach(function (k) { out[k] = local[k]; });
    Object.keys(saved).forEach(function (part) {
      var a = local[part], b = saved[part];
      if (!(part in local)) { out[part] = b; return; }
      if (isObj(a) && isObj(b) && !("tijd" in a) && !("tijd" in b)) {
        var m = {};
        Object.keys(a).forEach(function (k) { m[k] = a[k]; });
        Object.keys(b).forEach(function (k) { if (!(k in m) || time(b[k]) > time(m[k])) m[k] = b[k]; });
        out[part] = m;
      } else if (time(b) > time(a)) out[part] = b;
    });
    return out;
  }

  /* ---- restore at launch: suspend_data back into the browser, before the course reads it ---- */
  var restored = null;
  try { restored = JSON.parse(get("cmi.suspend_data") || "null"); } catch (e) { restored = null; }
  if (isObj(restored) && restored.v === 1) {
    var werk = merge(read(KEYS.werkruimte), restored.w);
    if (werk) localStorage.setItem(KEYS.werkruimte, JSON.stringify(werk));
    if (isObj(restored.k) && !read(KEYS.netwerkkaart)) localStorage.setItem(KEYS.netwerkkaart, JSON.stringify(restored.k));
  }

  /* ---- what the LMS hears ---- */
  function verdict(w) {
    var toets = isObj(w) && isObj(w.eindtoets) ? w.eindtoets : null;
    if (toets && typeof toets.score === "number" && typeof toets.geslaagd === "boolean") {
      return { status: toets.geslaagd ? "passed" : "failed", score: String(Math.max(0, Math.min(100, Math.round(toets.score)))) };
    }
    var klaar = MODULES.length > 0 && MODULES.every(function (m) { return isObj(w) && isObj(w.afgerond) && typeof w.afgerond[m] === "number"; });
    return { status: klaar ? "completed" : "incomplete", score: "" };
  }

  /* The learner data as suspend_data: all of it when it fits, else less, in a fixed order (scorm.py). */
  function compact(w) {
    var c = JSON.parse(JSON.stringify(w));
    Object.keys(c.antwoorden || {}).forEach(function (id) {
      var a = c.antwoorden[id];
      delete a.vraag; delete a.pagina;
      (a.velden || []).forEach(function (v) { delete v.label; });
    });
    return c;
  }
  function suspendData(w, kaart) {
    var tries = [];
    if (isObj(w)) {
      tries.push({ v: 1, w: w, k: kaart || undefined });
      tries.push({ v: 1, w: compact(w), k: kaart || undefined });
      tries.push({ v: 1, w: compact(w) });
      var c = compact(w), ids = Object.keys(c.antwoorden || {}).sort(function (x, y) { return time(c.antwoorden[y]) - time(c.antwoorden[x]); });
      while (ids.length) {
        ids.pop();
        var kort = JSON.parse(JSON.stringify(c));
        kort.antwoorden = {};
        ids.forEach(function (id) { kort.antwoorden[id] = c.antwoorden[id]; });
        tries.push({ v: 1, w: kort, onvolledig: true });
      }
      tries.push({ v: 1, w: { afgerond: w.afgerond || {}, modules: {}, eindtoets: w.eindtoets }, onvolledig: true });
    }
    tries.push({ v: 1, onvolledig: true });
    for (var i = 0; i < tries.length; i++) {
      var text = JSON.stringify(tries[i]);
      if (text.length <= LIMIT) return { text: text, complete: i < 3 };
    }
    return { text: "", complete: false };
  }

  function report() {
    if (finished) return;
    var w = read(KEYS.werkruimte), changed = false;
    var v = verdict(w);
    var keep = (last.status === "passed" || last.status === "completed" || last.status === "failed") && v.status === "incomplete";
    if (!keep && v.status !== last.status && set("cmi.core.lesson_status", v.status)) { last.status = v.status; changed = true; }
    if (v.score && v.score !== last.score) {
      set("cmi.core.score.min", "0"); set("cmi.core.score.max", "100");
      if (set("cmi.core.score.raw", v.score)) { last.score = v.score; changed = true; }
    }
    var s = suspendData(w, read(KEYS.netwerkkaart));
    if (s.text !== last.suspend && set("cmi.suspend_data", s.text)) { last.suspend = s.text; changed = true; }
    notice.hidden = s.complete;
    notice.textContent = s.complete ? "" : "Niet al je antwoorden passen in het leerplatform (SCORM bewaart maar 4096 tekens). " +
      "Je voortgang en resultaten zijn bewaard; je langste en oudste reflecties blijven alleen in deze browser. " +
      "Neem een back-up via 'Mijn leerportfolio' als je op een andere computer verder wil.";
    if (changed) api.LMSCommit("");
  }
  function where() {
    try {
      var base = new URL(".", location.href).href, here = frame.contentWindow.location.href.split("?")[0];
      if (here.indexOf(base) !== 0) return;
      var page = safePage(decodeURIComponent(here.slice(base.length)).split("#")[0]);
      if (page && page !== last.location && page.length <= 255 && set("cmi.core.lesson_location", page)) {
        last.location = page;
        api.LMSCommit("");
      }
    } catch (e) { /* a page of another origin: nothing to remember */ }
  }
  function duration(ms) {
    var s = Math.round(ms / 1000), pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return pad(Math.floor(s / 3600)) + ":" + pad(Math.floor(s / 60) % 60) + ":" + pad(s % 60);
  }
  function finish() {
    if (finished) return;
    report();
    set("cmi.core.exit", "suspend"); // the answers must come back next time
    set("cmi.core.session_time", duration(Date.now() - started));
    api.LMSCommit("");
    finished = true;
    api.LMSFinish("");
  }

  last.status = get("cmi.core.lesson_status");
  last.location = safePage(get("cmi.core.lesson_location"));
  if (last.status === "not attempted" || last.status === "browsed") last.status = "";
  report();
  frame.addEventListener("load", function () { where(); report(); });
  addEventListener("storage", function (e) { if (e.key === KEYS.werkruimte || e.key === KEYS.netwerkkaart) report(); });
  setInterval(report, 5000); // a safety net: a browser may not tell this page about every save
  addEventListener("pagehide", finish);
  addEventListener("beforeunload", finish);
  frame.src = last.location || wanted;
})();
