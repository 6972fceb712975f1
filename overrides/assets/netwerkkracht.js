/* Netwerkkracht learner workspace: everything stays in this browser (localStorage), nothing is sent.
   Learner text is only set with textContent, never parsed as HTML. */
(() => {
"use strict";
const d = document;
const $ = (s, r = d) => r.querySelector(s);
const $$ = (s, r = d) => [...r.querySelectorAll(s)];
const meta = (n) => ($(`meta[name="${n}"]`) || {}).content || "";
const NS = meta("nk-namespace") || "netwerkkracht";
const KEY = NS + ":werkruimte", TKEY = NS + ":trainer";
const FORMAAT = "netwerkkracht-werkruimte", VERSIE = 1;
const ID = /^[a-z0-9][a-z0-9-]{0,99}$/;

/* ---- storage: localStorage when allowed, otherwise memory for this page only ---- */
let ls = null, mem = {}, stuk = false;
try { ls = window.localStorage; ls.getItem(KEY); } catch (e) { ls = null; stuk = true; }
if (ls) try { ls.setItem(NS + ":test", "1"); ls.removeItem(NS + ":test"); } catch (e) { stuk = true; } // full: still readable
const lees = (k) => {
  if (ls) try { return ls.getItem(k); } catch (e) { ls = null; stuk = true; }
  return k in mem ? mem[k] : null;
};
const schrijf = (k, v) => {
  if (ls) try { v === null ? ls.removeItem(k) : ls.setItem(k, v); return true; } catch (e) {
    try { for (const x of [KEY, TKEY]) mem[x] = ls.getItem(x); } catch (e2) { /* unreadable as well */ }
    ls = null; stuk = true;
  }
  mem[k] = v;
  melding();
  return false;
};

const isObj = (v) => !!v && typeof v === "object" && !Array.isArray(v);
const tekst = (v, max = 20000) => (typeof v === "string" ? v.slice(0, max) : "");
const getal = (v) => (typeof v === "number" && isFinite(v) ? v : 0);
const leeg = () => ({ antwoorden: {}, zelftesten: {}, afgerond: {}, modules: {}, simulaties: {}, eindtoets: {}, attest: {} });
const pad = (u) => {
  // Only a path on this site: an imported file must not smuggle in javascript: or other hosts.
  if (typeof u !== "string" || !u.startsWith("/") || u.startsWith("//")) return "";
  try { const x = new URL(u, location.origin); return x.origin === location.origin ? x.pathname + x.hash : ""; } catch (e) { return ""; }
};

/* Validate and rebuild stored or imported data; null when the shape is wrong. */
function schoon(x) {
  if (!isObj(x)) return null;
  const o = leeg();
  for (const deel in o) if (x[deel] !== undefined && !isObj(x[deel])) return null;
  const plek = (a) => ({ module: ID.test(a.module) ? a.module : "", titel: tekst(a.titel, 300), pagina: tekst(a.pagina, 300), url: pad(a.url), tijd: getal(a.tijd) });
  for (const [id, a] of Object.entries(x.antwoorden || {})) {
    if (!ID.test(id) || !isObj(a) || !Array.isArray(a.velden)) return null;
    if (a.velden.some((v) => !isObj(v) || typeof v.tekst !== "string")) return null;
    o.antwoorden[id] = Object.assign(plek(a), { vraag: tekst(a.vraag, 2000), velden: a.velden.slice(0, 50).map((v) => ({ label: tekst(v.label, 500), tekst: tekst(v.tekst) })) });
  }
  for (const [id, t] of Object.entries(x.zelftesten || {})) {
    if (!ID.test(id) || !isObj(t) || !isObj(t.keuzes)) return null;
    const keuzes = {};
    for (const [q, n] of Object.entries(t.keuzes)) {
      if (!/^\d{1,3}$/.test(q) || !Number.isInteger(n) || n < 1 || n > 99) return null;
      keuzes[q] = n;
    }
    o.zelftesten[id] = Object.assign(plek(t), { keuzes, juist: getal(t.juist), totaal: getal(t.totaal) });
  }
  for (const [id, t] of Object.entries(x.afgerond || {})) {
    if (!ID.test(id) || typeof t !== "number") return null;
    o.afgerond[id] = t;
  }
  for (const [id, m] of Object.entries(x.modules || {})) {
    if (!ID.test(id) || !isObj(m)) return null;
    o.modules[id] = { titel: tekst(m.titel, 300), volgorde: getal(m.volgorde) };
  }
  if (!schoonOefenen(x, o, plek)) return null;
  return o;
}
function laad() {
  let x = null;
  try { x = JSON.parse(lees(KEY)); } catch (e) { /* damaged: start empty */ }
  return schoon(x) || leeg();
}
const bewaar = (data) => schrijf(KEY, JSON.stringify(Object.assign({ versie: VERSIE }, data)));

function el(ouder, tag, txt, attrs) {
  const e = (ouder ? ouder.ownerDocument : d).createElement(tag);
  if (txt) e.textContent = txt;
  for (const k in attrs || {}) e.setAttribute(k, attrs[k]);
  if (ouder) ouder.appendChild(e);
  return e;
}
const knop = (ouder, txt, cls) => el(ouder, "button", txt, { type: "button", class: "md-button " + (cls || "") });
const zuiver = (node) => {
  if (!node) return "";
  const c = node.cloneNode(true);
  $$(".headerlink, .nk-kicker", c).forEach((x) => x.remove());
  return c.textContent.replace(/\s+/g, " ").trim();
};
const vandaag = (t) => new Date(t).toDateString() === new Date().toDateString();
const uur = (t) => new Date(t).toLocaleTimeString("nl-BE", { hour: "2-digit", minute: "2-digit" });
const datum = (t) => new Date(t).toLocaleDateString("nl-BE", { day: "numeric", month: "long", year: "numeric" });
const wanneer = (t) => (vandaag(t) ? "om " + uur(t) : "op " + datum(t) + " om " + uur(t));

/* The module title from the navigation ("3. De visie ..."), stored so the portfolio can group. */
function noteerModule(data, slug) {
  if (!slug) return;
  for (const t of $$(".md-nav--primary .md-nav__item--active.md-nav__item--nested > nav > .md-nav__title").reverse()) {
    const m = zuiver(t).match(/^(\d+)\.\s+(.+)$/);
    if (m) { data.modules[slug] = { titel: m[2], volgorde: +m[1] }; return; }
  }
}
function plek(sec) {
  return { module: sec.dataset.nkModule || meta("nk-module"), pagina: zuiver($(".md-content h1")), url: location.pathname + (sec.id ? "#" + sec.id : ""), tijd: Date.now() };
}

/* ---- notice when the browser refuses storage ---- */
function melding() {
  if (!stuk || $(".nk-melding")) return;
  const doel = $(".md-content__inner h1");
  if (!doel) return;
  doel.after(el(null, "p", "Je browser laat niet toe dat deze site iets bewaart (bijvoorbeeld in een privévenster of door je instellingen). " +
    "Alles werkt, maar je antwoorden en voortgang verdwijnen zodra je deze pagina verlaat. Kopieer je tekst als je hem wil houden.",
  { class: "nk-melding", role: "status" }));
}

/* ---- trainer view ---- */
function trainer(aan, onthoud) {
  d.documentElement.setAttribute("data-nk-trainer", aan ? "aan" : "uit");
  $$("[data-nk-trainerknop]").forEach((b) => b.setAttribute("aria-pressed", String(aan)));
  if (onthoud) schrijf(TKEY, aan ? "aan" : null);
}
function initTrainer() {
  const p = new URLSearchParams(location.search).get("trainer");
  if (p === "1" || p === "0") trainer(p === "1", true);
  else trainer(lees(TKEY) === "aan", false);
  for (const b of $$("[data-nk-trainerknop]")) {
    if (!b.hidden) continue;
    b.hidden = false;
    b.addEventListener("click", () => trainer(b.getAttribute("aria-pressed") !== "true", true));
  }
}

/* ---- reflections: autosave every field ---- */
function initReflecties() {
  for (const sec of $$("[data-nk-reflectie]")) {
    const id = sec.dataset.nkReflectie;
    const velden = $$("textarea[data-nk-veld]", sec);
    const status = $(".nk-status", sec);
    if (!ID.test(id) || !velden.length) continue;
    const oud = laad().antwoorden[id];
    if (oud) {
      velden.forEach((ta, i) => { if (oud.velden[i]) ta.value = oud.velden[i].tekst; });
      if (status) status.textContent = "Je antwoord van eerder staat er weer (opgeslagen " + wanneer(oud.tijd) + ").";
    }
    let timer = 0;
    const opslaan = () => {
      clearTimeout(timer); timer = 0;
      const data = laad();
      const inhoud = velden.map((ta) => ({ label: zuiver(ta.labels && ta.labels[0]), tekst: ta.value }));
      let zin;
      if (inhoud.every((v) => !v.tekst.trim())) {
        if (!data.antwoorden[id]) return;
        delete data.antwoorden[id];
        zin = "Je antwoord is leeg en dus niet meer bewaard.";
      } else {
        const kop = zuiver($(".nk-heading", sec));
        data.antwoorden[id] = Object.assign(plek(sec), {
          titel: kop || "Even stilstaan", vraag: zuiver($(".nk-prompt", sec)).slice(0, 2000), velden: inhoud,
        });
        noteerModule(data, data.antwoorden[id].module);
        zin = "Opgeslagen " + wanneer(Date.now());
      }
      const ok = bewaar(data);
      if (status) status.textContent = ok ? zin : "Niet opgeslagen: je browser laat geen opslag toe. Kopieer je tekst als je hem wil houden.";
    };
    velden.forEach((ta) => {
      ta.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(opslaan, 500); });
      ta.addEventListener("blur", () => timer && opslaan());
    });
    addEventListener("pagehide", () => timer && opslaan());
  }
}

/* ---- progress: finish a module, counts on the overviews ---- */
function initVoortgang() {
  const data = laad();
  for (const box of $$(".nk-afronden[data-nk-module]")) {
    const slug = box.dataset.nkModule;
    if (!ID.test(slug)) continue;
    box.replaceChildren();
    const b = knop(box, "Ik heb deze module afgerond", "nk-afronden__knop");
    const st = el(box, "p", "", { class: "nk-status", role: "status", "aria-live": "polite" });
    const toon = (t, nu) => {
      b.setAttribute("aria-pressed", String(!!t));
      st.textContent = t ? "Afgerond op " + datum(t) + ". Je ziet je voortgang in het cursusoverzicht." : nu ? "Niet meer als afgerond gemarkeerd." : "";
    };
    toon(data.afgerond[slug]);
    b.addEventListener("click", () => {
      const x = laad();
      if (x.afgerond[slug]) delete x.afgerond[slug];
      else { x.afgerond[slug] = Date.now(); noteerModule(x, slug); }
      bewaar(x);
      toon(x.afgerond[slug], true);
    });
    box.hidden = false;
  }
  const aantal = (slug) => Object.values(data.antwoorden).filter((a) => a.module === slug).length;
  const oef = (n) => n + (n === 1 ? " oefening" : " oefeningen");
  const kaarten = $$(".nk-voortgang-module[data-nk-module]");
  let af = 0;
  for (const s of kaarten) {
    const slug = s.dataset.nkModule, n = aantal(slug);
    if (data.afgerond[slug]) af++;
    s.textContent = (data.afgerond[slug] ? "Afgerond" : "Nog niet afgerond") + (n ? ` · ${oef(n)} ingevuld` : "");
    s.hidden = false;
  }
  for (const p of $$(".nk-voortgang-cursus[data-nk-totaal]")) {
    const tot = parseInt(p.dataset.nkTotaal, 10) || 0;
    if (!kaarten.length) af = Object.keys(data.afgerond).length;
    p.replaceChildren();
    el(p, "span", `Je voortgang: ${Math.min(af, tot)}/${tot} modules afgerond.`);
    el(p, "progress", "", { max: tot, value: Math.min(af, tot), "aria-hidden": "true" });
    p.hidden = false;
  }
  const slug = meta("nk-module");
  const feiten = $(".nk-modulefeiten");
  if (slug && feiten && !$(".nk-voortgang")) {
    const n = aantal(slug), t = data.afgerond[slug];
    feiten.after(el(null, "p", "Je voortgang: " + (t ? "afgerond op " + datum(t) + "." : "nog niet afgerond.") +
      (n ? ` Je vulde ${oef(n)} in.` : ""), { class: "nk-voortgang" }));
  }
}

/* ---- video: nothing from a platform until the learner clicks ---- */
function initVideo() {
  for (const b of $$(".nk-video__laad[data-embed]")) {
    b.addEventListener("click", () => {
      let u;
      try { u = new URL(b.dataset.embed); } catch (e) { return; }
      if (u.protocol !== "https:" || !/^(www\.youtube-nocookie\.com|player\.vimeo\.com)$/.test(u.hostname)) return;
      if (u.hostname === "player.vimeo.com") u.searchParams.set("dnt", "1");
      const f = el(null, "iframe", "", {
        src: u.href, title: "Video: " + (b.dataset.title || ""), allow: "autoplay; fullscreen",
        allowfullscreen: "", referrerpolicy: "strict-origin-when-cross-origin",
      });
      const hint = b.nextElementSibling;
      if (hint && hint.matches(".nk-hint")) hint.remove();
      b.replaceWith(f);
      f.focus();
    });
  }
  for (const det of $$("details.nk-transcript[id]")) {
    const fig = det.closest(".nk-video"), na = fig && $(".nk-meta", fig);
    if (!na || !$(".nk-body", det) || $(".nk-video__transcript", fig)) continue;
    const p = el(null, "p", "", { class: "nk-video__transcript" });
    el(p, "a", "Lees het transcript (tekstversie)", { href: "#" + det.id }).addEventListener("click", () => { det.open = true; });
    na.after(p);
  }
  const open = () => {
    const t = location.hash && d.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (t && t.matches("details")) t.open = true;
  };
  open();
  addEventListener("hashchange", open);
}

/* ---- portfolio ---- */
function inhoud(doel, data, absoluut) {
  const mods = new Set([...Object.values(data.antwoorden), ...Object.values(data.zelftesten)].map((a) => a.module));
  Object.keys(data.afgerond).forEach((m) => mods.add(m));
  const extra = window.nkPortfolio || []; // sections that page scripts add (assets/oefenen.js)
  if (!mods.size && !extra.some((x) => x.heeft(data))) {
    el(doel, "p", "Je hebt nog niets bewaard. Zodra je een reflectie invult, een zelftest maakt of een module afrondt, vind je het hier terug.", { class: "nk-portfolio__leeg" });
    return;
  }
  const info = (m) => data.modules[m] || { titel: m, volgorde: 0 };
  const volgorde = [...mods].sort((a, b) => (!a) - (!b) || info(a).volgorde - info(b).volgorde || a.localeCompare(b));
  const link = (p, a, txt) => {
    if (!a.url) return el(p, "span", txt);
    return el(p, "a", txt, { href: absoluut ? location.origin + a.url : a.url });
  };
  for (const m of volgorde) {
    const sec = el(doel, "section", "", { class: "nk-portfolio__module" });
    const i = info(m);
    el(sec, "h3", m ? (i.volgorde ? `Module ${i.volgorde}: ${i.titel}` : i.titel) : "Andere pagina's");
    if (m) el(sec, "p", data.afgerond[m] ? "Afgerond op " + datum(data.afgerond[m]) + "." : "Nog niet afgerond.", { class: "nk-meta" });
    for (const [id, a] of Object.entries(data.antwoorden).filter(([, a]) => a.module === m).sort((x, y) => x[1].tijd - y[1].tijd)) {
      const art = el(sec, "article", "", { class: "nk-portfolio__oefening", "data-nk-oefening": id });
      el(art, "h4", a.titel || "Reflectie");
      const meta = el(art, "p", "", { class: "nk-meta" });
      meta.append("Bij ");
      link(meta, a, a.pagina || "de oefening");
      meta.append(a.tijd ? " · laatst bewaard op " + datum(a.tijd) + " om " + uur(a.tijd) : "");
      if (a.vraag) el(art, "p", a.vraag, { class: "nk-portfolio__vraag" });
      const dl = el(art, "dl");
      for (const v of a.velden) {
        el(dl, "dt", v.label || "Antwoord");
        el(dl, "dd", v.tekst.trim() ? v.tekst : "(niet ingevuld)", { class: "nk-antwoord" });
      }
    }
    for (const t of Object.values(data.zelftesten).filter((t) => t.module === m)) {
      const p = el(sec, "p", "", { class: "nk-portfolio__zelftest" });
      p.append("Zelftest bij ");
      link(p, t, t.pagina || "de pagina");
      p.append(`: ${t.juist} van ${t.totaal} ${t.totaal === 1 ? "vraag" : "vragen"} juist.`);
    }
  }
  for (const x of extra) x.toon(doel, data, absoluut);
}

function download(naam, type, tekst) {
  const url = URL.createObjectURL(new Blob([tekst], { type }));
  const a = el(d.body, "a", "", { href: url, download: naam, hidden: "" });
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
const stempel = () => new Date().toISOString().slice(0, 10);

function document_(data) {
  const doc = d.implementation.createHTMLDocument("Mijn leerportfolio");
  doc.documentElement.lang = "nl";
  el(doc.head, "meta", "", { charset: "utf-8" });
  el(doc.head, "style", "body{font:16px/1.5 sans-serif;max-width:46em;margin:auto;padding:1em}dd{white-space:pre-wrap;margin:0 0 1em}dt{font-weight:600}");
  el(doc.body, "h1", "Mijn leerportfolio");
  el(doc.body, "p", `${d.title.split(" - ").pop()} · gemaakt op ${datum(Date.now())}. Alleen voor jezelf: deel het enkel als je dat wil.`);
  inhoud(doc.body, data, true);
  return "<!doctype html>\n" + doc.documentElement.outerHTML;
}

function initPortfolio() {
  const box = $("[data-nk-portfolio]");
  if (!box) return;
  box.replaceChildren();
  const acties = el(box, "section", "", { class: "nk-portfolio__acties", "aria-labelledby": "nk-acties" });
  el(acties, "h2", "Bewaren, meenemen en wissen", { id: "nk-acties" });
  const rij = el(acties, "div", "", { class: "nk-knoppen" });
  const druk = knop(rij, "Afdrukken");
  const html = knop(rij, "Download als document (HTML)");
  const json = knop(rij, "Download back-up (JSON)");
  const lees_ = knop(rij, "Back-up inlezen");
  const bestand = el(rij, "input", "", { type: "file", accept: ".json,application/json", hidden: "", "data-nk-import": "" });
  const wis = knop(rij, "Wis mijn gegevens", "nk-wis");
  const status = el(acties, "p", "", { class: "nk-status", role: "status", "aria-live": "polite" });
  el(box, "h2", "Wat je schreef en deed", { id: "nk-inhoud" });
  const lijst = el(box, "div", "", { class: "nk-portfolio__inhoud" });
  const teken = () => { lijst.replaceChildren(); inhoud(lijst, laad(), false); };
  teken();

  druk.addEventListener("click", () => window.print());
  html.addEventListener("click", () => download(`leerportfolio-${stempel()}.html`, "text/html", document_(laad())));
  json.addEventListener("click", () => download(`leerportfolio-${NS}-${stempel()}.json`, "application/json",
    JSON.stringify({ formaat: FORMAAT, versie: VERSIE, namespace: NS, gemaakt: new Date().toISOString(), data: laad() }, null, 2)));
  lees_.addEventListener("click", () => bestand.click());
  bestand.addEventListener("change", async () => {
    const f = bestand.files[0];
    bestand.value = "";
    if (!f) return;
    let x = null;
    try { if (f.size < 5e6) x = JSON.parse(await f.text()); } catch (e) { /* not JSON */ }
    let zin, nieuw = null;
    if (!isObj(x) || x.formaat !== FORMAAT) zin = "Dit bestand is geen back-up van je leerportfolio. Er is niets veranderd.";
    else if (x.namespace !== NS) zin = "Deze back-up hoort bij een andere cursus. Er is niets veranderd.";
    else if (x.versie !== VERSIE || !(nieuw = schoon(x.data))) zin = "Deze back-up is beschadigd of onvolledig. Er is niets veranderd.";
    if (!nieuw) { status.dataset.nkSoort = "fout"; status.textContent = zin; return; }
    const data = laad();
    if (nieuw.zaad && !data.zaad) data.zaad = nieuw.zaad;
    for (const deel in data) Object.assign(data[deel], nieuw[deel]);
    const ok = bewaar(data);
    teken();
    status.dataset.nkSoort = ok ? "ok" : "fout";
    status.textContent = ok
      ? `Je back-up is ingelezen: ${Object.keys(nieuw.antwoorden).length} oefening(en), ${Object.keys(nieuw.zelftesten).length} zelftest(en), ${Object.keys(nieuw.afgerond).length} afgeronde module(s).`
      : "Je back-up is ingelezen, maar je browser laat niet toe dat hij bewaard blijft.";
  });

  const dlg = el(box, "dialog", "", { class: "nk-dialoog", "aria-labelledby": "nk-wis-titel" });
  el(dlg, "h2", "Al je gegevens wissen?", { id: "nk-wis-titel" });
  el(dlg, "p", "Dit wist al je antwoorden, je resultaten van de zelftests, je voortgang en je keuze voor de trainersweergave uit deze browser. " +
    "Dat kan je niet ongedaan maken. Wil je ze houden? Download dan eerst een back-up.");
  const ja = knop(dlg, "Ja, wis alles", "md-button--primary nk-wis-ja");
  const nee = knop(dlg, "Annuleren", "nk-wis-nee");
  nee.autofocus = true;
  wis.addEventListener("click", () => (dlg.showModal ? dlg.showModal() : dlg.setAttribute("open", "")));
  nee.addEventListener("click", () => dlg.close());
  ja.addEventListener("click", () => {
    mem = {};
    if (ls) try {
      for (let i = ls.length - 1; i >= 0; i--) { const k = ls.key(i); if (k && k.startsWith(NS + ":")) ls.removeItem(k); }
    } catch (e) { /* nothing left to do */ }
    trainer(false, false);
    dlg.close();
    teken();
    status.dataset.nkSoort = "ok";
    status.textContent = "Al je gegevens zijn gewist uit deze browser.";
  });
}

/* ==== practice and assessment (w-assess): parts simulaties, eindtoets, attest; the seed of volgorde.js ====
   Their page scripts load only where needed and use window.nkWerkruimte. */
const geheel = (v, min, max) => Number.isInteger(v) && v >= min && v <= max;
const keuzes = (v) => isObj(v) && Object.entries(v).every(([k, n]) => ID.test(k) && geheel(n, 1, 99)) && Object.assign({}, v);
const vragen = (v) => Array.isArray(v) && v.length <= 200 && v.every((i) => ID.test(i)) && v.slice();
const uitslag = (r) => isObj(r) && geheel(r.totaal, 1, 999) && geheel(r.juist, 0, r.totaal) && geheel(r.score, 0, 100) &&
  typeof r.geslaagd === "boolean" && { tijd: getal(r.tijd), juist: r.juist, totaal: r.totaal, score: r.score, geslaagd: r.geslaagd };
function schoonOefenen(x, o, plek) { // false when a part is damaged, as in schoon()
  for (const [id, s] of Object.entries(x.simulaties || {})) {
    if (!ID.test(id) || !isObj(s) || !Array.isArray(s.pad) || s.pad.length > 200) return false;
    if (s.pad.some((p) => !isObj(p) || !ID.test(p.stap) || !geheel(p.keuze, 1, 4))) return false;
    o.simulaties[id] = Object.assign(plek(s), { pad: s.pad.map((p) => ({ stap: p.stap, keuze: p.keuze, tekst: tekst(p.tekst, 2000) })),
      einde: ID.test(s.einde) ? s.einde : "", eindtitel: tekst(s.eindtitel, 300), uitkomst: /^(good|mixed|poor)$/.test(s.uitkomst) ? s.uitkomst : "" });
  }
  const e = x.eindtoets || {}, a = x.attest || {}, b = e.bezig;
  if (e.score !== undefined) {
    const p = Array.isArray(e.pogingen) && e.pogingen.slice(-50)
      .map((r) => uitslag(r) && Object.assign(uitslag(r), { vragen: vragen(r.vragen) || [], keuzes: keuzes(r.keuzes) || {} }));
    if (!uitslag(e) || !p || !p.every(Boolean)) return false;
    o.eindtoets = Object.assign(uitslag(e), { pogingen: p });
  }
  if (b !== undefined) {
    if (!isObj(b) || !vragen(b.vragen) || !keuzes(b.keuzes)) return false;
    o.eindtoets.bezig = { tijd: getal(b.tijd), poging: getal(b.poging), vragen: vragen(b.vragen), keuzes: keuzes(b.keuzes) };
  }
  if (a.naam !== undefined) {
    if (typeof a.naam !== "string" || !Array.isArray(a.modules) || a.modules.length > 50 || !a.modules.every(isObj)) return false;
    o.attest = { tijd: getal(a.tijd), naam: tekst(a.naam, 200), cursus: tekst(a.cursus, 300), organisatie: tekst(a.organisatie, 300),
      datum: getal(a.datum), score: geheel(a.score, 0, 100) ? a.score : 0,
      modules: a.modules.map((m) => ({ titel: tekst(m.titel, 300), minuten: geheel(m.minuten, 0, 6000) ? m.minuten : 0 })) };
  }
  if (geheel(x.zaad, 1, 2147483647)) o.zaad = x.zaad;
  return true;
}
const elk = (sel, fn) => { // fn once per matching element, when the page is parsed (page scripts are deferred)
  const go = () => $$(sel).forEach((x) => { if (!x.nkKlaar) { x.nkKlaar = true; fn(x); } });
  if (d.readyState === "loading") d.addEventListener("DOMContentLoaded", go); else go();
};
window.nkWerkruimte = { ID, $, $$, elk, laad, bewaar, el, knop, plek, noteerModule, zuiver, datum, wanneer, inhoud, melding };

function init() {
  // Material's document$ emits once per page (and again per page with instant navigation).
  const main = $(".md-content") || d.body;
  if (main.nkKlaar) return;
  main.nkKlaar = true;
  initTrainer();
  initReflecties();
  initVoortgang();
  initVideo();
  initPortfolio();
  if ($("[data-nk-reflectie], [data-nk-zelftest], .nk-afronden, [data-nk-portfolio], .nk-voortgang-cursus")) melding();
}
if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
else if (d.readyState === "loading") d.addEventListener("DOMContentLoaded", init);
else init();
})();
