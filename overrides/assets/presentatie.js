/* Slide decks: keyboard, overview, presenter window, timing. Loaded only on deck pages.

   Why our own script (16 kB, 5.6 kB gzipped; with presentatie.css 27 kB, 8.7 kB gzipped) and not a
   library such as reveal.js: the presenter window must show the session plan's timing and work from
   file:// and under a strict Content-Security-Policy, where reveal's notes plugin writes its speaker
   view into a blank window with document.write from an HTML string full of inline script; and the
   slides must be the site's own components. What a deck needs here is small.

   Two windows stay in step without a server: a BroadcastChannel per deck, plus postMessage
   between the deck and the presenter window it opened (for browsers that give file:// pages no
   shared channel). Nothing is stored but the colour scheme and the presenter's clock, in
   sessionStorage (gone when the window closes). No element gets an inline style from HTML; sizes
   are CSS custom properties set from here. */
(() => {
"use strict";
const d = document, root = d.documentElement;
const deck = d.querySelector("[data-nk-deck]");
if (!deck) return;
const slides = [...deck.children].filter((s) => s.matches(".nk-dia"));
if (!slides.length) return;
const slug = deck.dataset.nkDeck || "deck";
const presenter = new URLSearchParams(location.search).get("weergave") === "presentator";
const SIZE = { w: 1920, h: 1080 }, MIN_FONT = 28;
const ID = Math.random().toString(36).slice(2);
const $ = (s, r = d) => r.querySelector(s);
const store = (() => { try { return window.sessionStorage; } catch (e) { return null; } })();
const remember = (k, v) => { try { if (store) v === null ? store.removeItem(k) : store.setItem(k, v); } catch (e) { /* private mode */ } };
const recall = (k) => { try { return store ? store.getItem(k) : null; } catch (e) { return null; } };
const el = (tag, attrs, text) => {
  const e = d.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
};

root.classList.add("nk-js");
let current = 0, overview = false;

/* ---- colour scheme: follows the system, K switches for this window ---- */
const dark = matchMedia("(prefers-color-scheme: dark)");
const schemeKey = "nk-presentatie:kleur";
function applyScheme() {
  const chosen = recall(schemeKey);
  const isDark = chosen ? chosen === "donker" : dark.matches;
  d.body.setAttribute("data-md-color-scheme", isDark ? "slate" : "default");
  const b = $('[data-nk-actie="kleur"]');
  if (b) b.textContent = isDark ? "Licht" : "Donker";
}
function toggleScheme() {
  remember(schemeKey, d.body.getAttribute("data-md-color-scheme") === "slate" ? "licht" : "donker");
  applyScheme();
  send({ soort: "kleur", waarde: recall(schemeKey) });
}
dark.addEventListener("change", applyScheme);
applyScheme();

/* ---- scale: a slide is 1920x1080, scaled to fit the window ---- */
function fitStage() {
  deck.style.setProperty("--nk-schaal", String(Math.min(innerWidth / SIZE.w, innerHeight / SIZE.h)));
  const columns = innerWidth < 900 ? 2 : innerWidth < 1500 ? 3 : 4;
  deck.style.setProperty("--nk-duim", String(Math.max(0.08, (innerWidth - 48 - 24 * (columns - 1)) / columns / SIZE.w - 0.002)));
}
/* Text that does not fit gets smaller, never under 28 px. */
function fitText(slide) {
  slide.style.removeProperty("font-size");
  let size = parseFloat(getComputedStyle(slide).fontSize);
  while (slide.scrollHeight > slide.clientHeight + 1 && size > MIN_FONT) {
    size -= 1;
    slide.style.fontSize = size + "px";
  }
}
slides.forEach(fitText);
addEventListener("resize", fitStage);
fitStage();

/* ---- moving through the deck ---- */
const counter = $("[data-nk-teller]");
const title = (s) => {
  const h = s.querySelector("h1, h2, h3");
  if (!h) return "";
  const c = h.cloneNode(true);
  c.querySelectorAll(".headerlink").forEach((a) => a.remove());
  return c.textContent.trim();
};
function show(n, options = {}) {
  n = Math.max(0, Math.min(slides.length - 1, Number(n) || 0));
  const changed = n !== current || options.force;
  slides[current].classList.remove("nk-dia--nu");
  current = n;
  const slide = slides[current];
  slide.classList.add("nk-dia--nu");
  slides.forEach((s, i) => {
    if (i === current) s.removeAttribute("aria-hidden"); else if (!overview) s.setAttribute("aria-hidden", "true");
    if (i !== current) s.querySelectorAll("video").forEach((v) => v.pause());
  });
  if (counter) counter.textContent = `Dia ${current + 1} van ${slides.length}` + (title(slide) ? `: ${title(slide)}` : "");
  if (changed) {
    try { history.replaceState(null, "", "#dia-" + (current + 1)); } catch (e) { /* file:// in some browsers */ }
    if (options.send !== false) send({ soort: "dia", n: current });
  }
  if (overview) slide.scrollIntoView({ block: "nearest" });
  if (presenter) drawPresenter();
}
const next = () => show(current + 1);
const previous = () => show(current - 1);

function setOverview(on) {
  overview = on;
  deck.classList.toggle("nk-deck--overzicht", on);
  slides.forEach((s, i) => {
    if (on) { s.setAttribute("tabindex", "0"); s.setAttribute("role", "button"); s.removeAttribute("aria-hidden"); }
    else { s.removeAttribute("tabindex"); s.removeAttribute("role"); if (i !== current) s.setAttribute("aria-hidden", "true"); }
  });
  const b = $('[data-nk-actie="overzicht"]');
  if (b) b.setAttribute("aria-pressed", String(on));
  if (on) { slides[current].focus({ preventScroll: true }); slides[current].scrollIntoView({ block: "center" }); }
}
deck.addEventListener("click", (ev) => {
  if (!overview) return;
  const s = ev.target.closest(".nk-dia");
  if (!s) return;
  ev.preventDefault();
  show(slides.indexOf(s));
  setOverview(false);
});

/* ---- keyboard: arrows, PageUp/PageDown (clickers), Home/End, O, P, F, K, B ---- */
const typing = (t) => t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT|VIDEO|AUDIO|IFRAME)$/.test(t.tagName));
d.addEventListener("keydown", (ev) => {
  if (ev.ctrlKey || ev.metaKey || ev.altKey || typing(ev.target)) return;
  const onButton = ev.target && ev.target.tagName === "BUTTON";
  const k = ev.key;
  let done = true;
  if (overview && (k === "Enter" || k === " ")) { setOverview(false); }
  else if (k === "ArrowRight" || k === "ArrowDown" || k === "PageDown" || (k === " " && !onButton)) next();
  else if (k === "ArrowLeft" || k === "ArrowUp" || k === "PageUp" || k === "Backspace") previous();
  else if (k === "Home") show(0);
  else if (k === "End") show(slides.length - 1);
  else if (k === "o" || k === "O") setOverview(!overview);
  else if (k === "Escape" && overview) setOverview(false);
  else if ((k === "p" || k === "P") && !presenter) openPresenter();
  else if (k === "f" || k === "F") fullscreen();
  else if (k === "k" || k === "K") toggleScheme();
  else if (k === "b" || k === "B" || k === ".") deck.classList.toggle("nk-deck--zwart");
  else if (k === "?") help();
  else done = false;
  if (done) ev.preventDefault();
  if (done && overview) slides[current].focus({ preventScroll: true });
});

function fullscreen() {
  if (d.fullscreenElement) d.exitFullscreen().catch(() => {});
  else if (root.requestFullscreen) root.requestFullscreen().catch(() => {});
}
function help() {
  const box = $("#nk-deck-hulp"), b = $('[data-nk-actie="hulp"]');
  box.hidden = !box.hidden;
  b.setAttribute("aria-expanded", String(!box.hidden));
}

/* ---- toolbar: shown on mouse movement or focus, hidden while presenting ---- */
const bar = $("[data-nk-balk]");
let idle;
function wake() {
  bar.classList.remove("nk-deck__balk--rust");
  clearTimeout(idle);
  idle = setTimeout(() => bar.classList.add("nk-deck__balk--rust"), 2500);
}
if (bar && !presenter) {
  bar.hidden = false;
  d.addEventListener("mousemove", wake);
  wake();
  bar.addEventListener("click", (ev) => {
    const b = ev.target.closest("[data-nk-actie]");
    if (!b) return;
    ({ vorige: previous, volgende: next, overzicht: () => setOverview(!overview), presentator: openPresenter,
       scherm: fullscreen, kleur: toggleScheme, hulp: help })[b.dataset.nkActie]();
  });
}

/* ---- two windows in step ---- */
const channel = "BroadcastChannel" in window ? new BroadcastChannel("nk-presentatie:" + slug) : null;
let partner = null;
function send(message) {
  const m = Object.assign({ nkPresentatie: slug, van: ID }, message);
  if (channel) channel.postMessage(m);
  const other = partner && !partner.closed ? partner : window.opener;
  if (other && other !== window) try { other.postMessage(m, "*"); } catch (e) { /* closed */ }
}
function receive(m) {
  if (!m || m.nkPresentatie !== slug || m.van === ID) return;
  if (m.soort === "dia") show(m.n, { send: false });
  else if (m.soort === "hallo") send({ soort: "dia", n: current });
  else if (m.soort === "kleur") { remember(schemeKey, m.waarde); applyScheme(); }
}
if (channel) channel.onmessage = (ev) => receive(ev.data);
addEventListener("message", (ev) => receive(ev.data));

function openPresenter() {
  const url = location.href.split(/[?#]/)[0] + "?weergave=presentator#dia-" + (current + 1);
  partner = window.open(url, "nk-presentator-" + slug, "popup,width=1280,height=800");
}

/* ---- presenter window: now, next, notes, clock, session plan ---- */
const plan = [...d.querySelectorAll("[data-nk-draaiboek] li")].map((li) => ({
  naam: li.textContent.trim(), minuten: Number(li.dataset.minuten) || 0,
}));
const clockKey = "nk-presentatie:" + slug + ":klok";
let pres = null;

function clone(slide) {
  const c = slide.cloneNode(true);
  c.removeAttribute("id");
  c.querySelectorAll("[id]").forEach((e) => e.removeAttribute("id"));
  c.querySelectorAll("video, iframe, button").forEach((e) => e.replaceWith(el("p", { class: "nk-hint" }, "(video)")));
  c.querySelectorAll(".nk-dia__notities").forEach((e) => e.remove());
  c.classList.remove("nk-dia--nu");
  c.setAttribute("aria-hidden", "true");
  c.inert = true;
  return c;
}
function frame(box, slide) {
  box.replaceChildren();
  box.classList.toggle("nk-pres__kader--leeg", !slide);
  if (!slide) return;
  box.append(clone(slide));
  box.style.setProperty("--nk-schaal", String(box.clientWidth / SIZE.w));
}
function buildPresenter() {
  d.body.classList.add("nk-presentator");
  d.title = "Presentator · " + d.title;
  pres = el("div", { class: "nk-pres" });
  const head = el("div", { class: "nk-pres__kop" });
  const klok = el("p", { class: "nk-pres__klok", "aria-label": "Klok" });
  const verstreken = el("p", { class: "nk-pres__verstreken", "aria-live": "off" });
  const start = el("button", { type: "button", class: "nk-deck__knop", "data-nk-klok": "start" }, "Start de klok");
  const reset = el("button", { type: "button", class: "nk-deck__knop", "data-nk-klok": "opnieuw" }, "Klok op nul");
  const prev = el("button", { type: "button", class: "nk-deck__knop" }, "Vorige");
  const nxt = el("button", { type: "button", class: "nk-deck__knop" }, "Volgende");
  const teller = el("p", { class: "nk-pres__verstreken", "data-nk-presteller": "" });
  head.append(klok, verstreken, start, reset, prev, teller, nxt);
  const nu = el("section", { class: "nk-pres__vak nk-pres__nu", "aria-label": "Huidige dia" });
  nu.append(el("h2", {}, "Nu"), el("div", { class: "nk-pres__kader", "data-nk-nu": "" }));
  const notes = el("section", { class: "nk-pres__vak nk-pres__notities", "aria-label": "Notities", "data-nk-notities": "" });
  const right = el("div", { class: "nk-pres__rechts" });
  const straks = el("section", { class: "nk-pres__vak nk-pres__straks", "aria-label": "Volgende dia" });
  straks.append(el("h2", {}, "Volgende"), el("div", { class: "nk-pres__kader", "data-nk-straks": "" }));
  const planBox = el("section", { class: "nk-pres__vak nk-pres__plan", "aria-label": "Draaiboek", "data-nk-plan": "" });
  right.append(straks, planBox);
  pres.append(head, nu, notes, right);
  d.body.append(pres);
  prev.addEventListener("click", previous);
  nxt.addEventListener("click", next);
  start.addEventListener("click", () => {
    const state = clockState();
    if (!state.start) saveClock({ start: Date.now(), pauze: 0, sinds: 0 });
    else if (state.sinds) saveClock({ start: state.start, pauze: state.pauze + (Date.now() - state.sinds), sinds: 0 });
    else saveClock({ start: state.start, pauze: state.pauze, sinds: Date.now() });
    tick();
  });
  reset.addEventListener("click", () => { remember(clockKey, null); tick(); });
  addEventListener("resize", drawPresenter);
  setInterval(tick, 1000);
}
function clockState() {
  try { return Object.assign({ start: 0, pauze: 0, sinds: 0 }, JSON.parse(recall(clockKey) || "{}")); }
  catch (e) { return { start: 0, pauze: 0, sinds: 0 }; }
}
function saveClock(state) { remember(clockKey, JSON.stringify(state)); }
const two = (n) => String(n).padStart(2, "0");
const hhmm = (t) => `${two(t.getHours())}:${two(t.getMinutes())}`;
function elapsedMs() {
  const s = clockState();
  if (!s.start) return null;
  return (s.sinds || Date.now()) - s.start - s.pauze;
}
function tick() {
  if (!pres) return;
  const now = new Date();
  $(".nk-pres__klok", pres).textContent = hhmm(now);
  const s = clockState(), ms = elapsedMs();
  const startButton = $('[data-nk-klok="start"]', pres);
  startButton.textContent = !s.start ? "Start de klok" : s.sinds ? "Verder" : "Pauzeer";
  const mins = ms === null ? null : Math.floor(ms / 60000);
  $(".nk-pres__verstreken", pres).textContent = ms === null ? "Klok staat stil"
    : `Bezig: ${Math.floor(mins / 60)}:${two(mins % 60)}:${two(Math.floor(ms / 1000) % 60)}` + (s.sinds ? " (gepauzeerd)" : "");
  drawPlan(ms, s.start ? new Date(s.start + s.pauze) : now);
}
function drawPlan(ms, begin) {
  const box = $("[data-nk-plan]", pres);
  if (!box || !plan.length) return;
  const minutes = ms === null ? -1 : ms / 60000;
  let offset = 0, index = -1;
  const items = plan.map((step, i) => {
    const from = offset;
    offset += step.minuten;
    if (minutes >= from && minutes < offset) index = i;
    return { step, from, to: offset };
  });
  const total = offset;
  if (minutes >= total) index = plan.length;
  box.replaceChildren(el("h2", {}, "Draaiboek"));
  if (index >= 0 && index < plan.length) {
    const it = items[index], left = Math.ceil(it.to - minutes);
    box.append(el("p", { class: "nk-pres__activiteit", "data-nk-activiteit": "" }, "Nu: " + it.step.naam),
               el("p", { class: "nk-pres__rest", "data-nk-rest": String(left) },
                  `nog ${left} min` + (items[index + 1] ? ` · daarna: ${items[index + 1].step.naam}` : " · daarna: einde")));
  } else if (index >= plan.length) {
    box.append(el("p", { class: "nk-pres__activiteit", "data-nk-activiteit": "" }, "Het draaiboek is rond"),
               el("p", { class: "nk-pres__rest" }, `${Math.round(minutes - total)} min over de geplande ${total} min`));
  } else {
    box.append(el("p", { class: "nk-pres__activiteit", "data-nk-activiteit": "" }, `Draaiboek van ${total} min`),
               el("p", { class: "nk-pres__rest" }, "Start de klok wanneer de workshop begint."));
  }
  const list = el("ol");
  items.forEach((it, i) => {
    const li = el("li", i === index ? { "aria-current": "step" } : {});
    if (i < index) li.classList.add("nk-pres__klaar");
    li.append(el("span", { class: "nk-pres__tijd" }, hhmm(new Date(begin.getTime() + it.from * 60000))),
              d.createTextNode(`${it.step.naam} (${it.step.minuten} min)`));
    list.append(li);
  });
  box.append(list);
}
function drawPresenter() {
  if (!pres) return;
  frame($("[data-nk-nu]", pres), slides[current]);
  frame($("[data-nk-straks]", pres), slides[current + 1] || null);
  const box = $("[data-nk-notities]", pres), notes = slides[current].querySelector(".nk-dia__notities");
  box.replaceChildren(el("h2", {}, "Notities"));
  if (notes) for (const child of [...notes.children]) box.append(child.cloneNode(true));
  else box.append(el("p", {}, "Geen notities bij deze dia."));
  $("[data-nk-presteller]", pres).textContent = `Dia ${current + 1} van ${slides.length}`;
}

/* ---- start ---- */
const fromHash = () => { const m = /^#dia-(\d+)$/.exec(location.hash); return m ? Number(m[1]) - 1 : 0; };
if (presenter) buildPresenter();
slides.forEach((s, i) => { if (i) s.setAttribute("aria-hidden", "true"); });
show(fromHash(), { force: true, send: false });
addEventListener("hashchange", () => { const n = fromHash(); if (n !== current) show(n); });
if (presenter) { tick(); send({ soort: "hallo" }); }
})();
