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

/* ---- storage: localStorage when allowed, otherwise memory for this page only ----
   `stuk` says why not: "geblokkeerd" (refused; head.js's memory stand-in counts as refused) or "vol"
   (readable, but writing fails). Every key this site keeps is in the table of parts below. */
const KAARTKEY = NS + ":netwerkkaart";
let ls = null, mem = {}, stuk = "";
try { ls = window.localStorage; ls.getItem(KEY); if (ls.nkGeheugen) { ls = null; stuk = "geblokkeerd"; } } catch (e) { ls = null; stuk = "geblokkeerd"; }
if (ls) try { ls.setItem(NS + ":test", "1"); ls.removeItem(NS + ":test"); } catch (e) { stuk = "vol"; } // full: still readable
const lees = (k) => {
  if (ls) try { return ls.getItem(k); } catch (e) { ls = null; stuk = stuk || "geblokkeerd"; }
  return k in mem ? mem[k] : null;
};
const schrijf = (k, v) => {
  if (ls) try { v === null ? ls.removeItem(k) : ls.setItem(k, v); return true; } catch (e) {
    try { for (const x of [KEY, ...sleutels()]) if (!(x in mem)) mem[x] = ls.getItem(x); } catch (e2) { /* unreadable as well */ }
    ls = null; stuk = stuk || "vol";
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
  const plek = (a) => ({ module: ID.test(a.module) ? a.module : "", titel: tekst(a.titel, 300), pagina: tekst(a.pagina, 300), url: pad(a.url), tijd: getal(a.tijd), paginanr: getal(a.paginanr), nr: getal(a.nr) });
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
  const o = schoon(x);
  if (o || !isObj(x)) return o || leeg();
  // One damaged part never takes the others along (they would be overwritten at the next save):
  // every part that passes the check on its own is kept.
  const heel = leeg();
  for (const deel of Object.keys(x)) {
    const los = schoon({ [deel]: x[deel] });
    if (los && deel in los) heel[deel] = los[deel];
  }
  return heel;
}
const bewaar = (data) => schrijf(KEY, JSON.stringify(Object.assign({ versie: VERSIE }, data)));

/* ---- the network map's data: its export format, checked for the map page, backup and import ---- */
const KAART = {
  formaat: "netwerkkracht-netwerkkaart", versie: 1, maxNaam: 20, maxPersonen: 500,
  sectoren: ["huishouden", "familie", "vrienden", "buren", "kennissen-verenigingen", "school-werk", "professionele-hulp"],
  ringen: [1, 2, 3],
  steun: ["emotioneel", "praktisch", "informatie", "gezelschap", "waardering"],
  wederkerigheid: ["wederzijds", "krijgt", "geeft", "onbekend"],
};
const kaartNaam = (v) => String(v == null ? "" : v).replace(/\s+/g, " ").trim().slice(0, KAART.maxNaam);
function persoonFout(p, i) {
  const wie = "Persoon " + (i + 1);
  if (!isObj(p)) return wie + " is geen geldig item.";
  if (typeof p.name !== "string" || !kaartNaam(p.name)) return wie + " heeft geen initialen of bijnaam.";
  if (p.name.length > KAART.maxNaam) return wie + ": de naam is langer dan " + KAART.maxNaam + " tekens.";
  if (!KAART.sectoren.includes(p.sector)) return wie + " heeft een onbekende sector.";
  if (!KAART.ringen.includes(p.ring)) return wie + " heeft een ring die niet 1, 2 of 3 is.";
  if (!Array.isArray(p.support)) return wie + ": de soorten steun staan niet in een lijst.";
  if (p.support.some((s) => !KAART.steun.includes(s))) return wie + " heeft een onbekende soort steun.";
  if (!KAART.wederkerigheid.includes(p.reciprocity)) return wie + " heeft een onbekende waarde voor wederkerigheid.";
  return "";
}
/* A map in its export format: { kaart } rebuilt from known fields only, or { fout } in one sentence. */
function kaartLezen(x) {
  if (!isObj(x) || x.format !== KAART.formaat) return { fout: "Dit bestand is geen netwerkkaart van Netwerkkracht (het veld 'format' ontbreekt of klopt niet)." };
  if (x.version !== KAART.versie) return { fout: "Deze versie van het bestand (" + String(x.version).slice(0, 10) + ") kan de kaart niet lezen." };
  if (!Array.isArray(x.people)) return { fout: "Het bestand bevat geen lijst met personen." };
  if (x.people.length > KAART.maxPersonen) return { fout: "Het bestand bevat meer dan " + KAART.maxPersonen + " personen." };
  const people = [], gezien = new Set();
  for (let i = 0; i < x.people.length; i++) {
    const p = x.people[i], fout = persoonFout(p, i);
    if (fout) return { fout };
    let id = typeof p.id === "string" && /^[A-Za-z0-9_-]{1,40}$/.test(p.id) ? p.id : "p" + i;
    while (gezien.has(id)) id += "-" + i;
    gezien.add(id);
    people.push({ id, name: kaartNaam(p.name), sector: p.sector, ring: p.ring,
      support: KAART.steun.filter((s) => p.support.includes(s)), reciprocity: p.reciprocity });
  }
  const t = Date.parse(x.exported);
  return { kaart: { format: KAART.formaat, version: KAART.versie, title: kaartNaam(typeof x.title === "string" ? x.title : ""),
    exported: isFinite(t) ? new Date(t).toISOString() : "", people } };
}

/* ---- learner data: one table of parts ----
   Backup, wipe, import and the wipe dialog all read this table. A part is a part of the werkruimte
   object (validated in schoon()) or has its own key (`sleutel`, validated by its own `schoon`).
   `label` names what the learner has, for the dialogs; a part without one goes along with the
   others but is never listed (module titles). `enkel`: one entry, not a collection of entries by id.
   `onleesbaar`: how the wipe dialog names a stored value that no longer passes the check.
   Every entry's time (`tijd`, or the value itself for afgerond) decides "keep the newest". */
const aantal = (een, meer) => (n) => (n === 1 ? "1 " + een : n + " " + meer);
const personen = aantal("persoon", "personen");
const DELEN = [
  { naam: "antwoorden", label: aantal("antwoord op een reflectie", "antwoorden op reflecties") },
  { naam: "zelftesten", label: aantal("zelftest", "zelftests") },
  { naam: "afgerond", label: aantal("afgeronde module", "afgeronde modules") },
  { naam: "simulaties", label: aantal("gesprekssimulatie", "gesprekssimulaties") },
  { naam: "eindtoets", enkel: true, label: () => "je resultaat van de eindtoets" },
  { naam: "attest", enkel: true, label: () => "je deelnameattest" },
  { naam: "modules" },
  { naam: "zaad", enkel: true, tijd: () => 0 },  // w-assess's shuffle seed: travels along, this device's own wins
  { naam: "netwerkkaart", sleutel: KAARTKEY, enkel: true, json: true, label: (n, k) => `je netwerkkaart (${personen(k.people.length)})`,
    schoon: (x) => kaartLezen(x).kaart || null, tijd: (k) => Date.parse(k.exported) || 0, onleesbaar: "je netwerkkaart (die niet meer te lezen is)" },
  { naam: "trainer", sleutel: TKEY, enkel: true, label: () => "je keuze voor de trainersweergave", schoon: (x) => (x === "aan" ? "aan" : null) },
];
const MAX_BACKUP = 5e6, MAX_ITEMS = 2000;
const sleutels = () => DELEN.filter((x) => x.sleutel).map((x) => x.sleutel);
const tijdVan = (deel, e) => (deel.tijd ? deel.tijd(e) : typeof e === "number" ? e : isObj(e) ? getal(e.tijd) : 0);
/* The entries of a part's value: [id, entry] pairs ("" for a part that is one entry). */
const items = (deel, v) => (v == null || (isObj(v) && !Object.keys(v).length) ? [] : deel.enkel ? [["", v]] : isObj(v) ? Object.entries(v) : []);

/* Everything this browser holds for the course, part by part (null: nothing). */
function alles() {
  const w = laad(), o = {};
  for (const deel of DELEN) {
    if (!deel.sleutel) { o[deel.naam] = deel.naam in w ? w[deel.naam] : null; continue; }
    let v = lees(deel.sleutel);
    if (v !== null && deel.json) try { v = JSON.parse(v); } catch (e) { v = null; }
    o[deel.naam] = v === null ? null : deel.schoon(v);
  }
  return o;
}
/* Write every part (null or empty removes it); false when the browser keeps nothing. */
function zetAlles(o) {
  const w = laad(), niets = leeg();
  for (const deel of DELEN) {
    if (deel.sleutel) continue;
    if (o[deel.naam] != null) w[deel.naam] = o[deel.naam];
    else if (deel.naam in niets) w[deel.naam] = niets[deel.naam];
    else delete w[deel.naam];
  }
  let ok = bewaar(w);
  for (const deel of DELEN) {
    if (!deel.sleutel) continue;
    const v = o[deel.naam];
    ok = schrijf(deel.sleutel, v == null ? null : deel.json ? JSON.stringify(v) : v) && ok;
  }
  return ok;
}
/* "2 antwoorden op reflecties", "je netwerkkaart (3 personen)", ... for every listed part that holds something. */
function inventaris(o) {
  const uit = [];
  for (const deel of DELEN) {
    const n = items(deel, o[deel.naam]).length;
    if (deel.label && n) uit.push(deel.label(n, o[deel.naam]));
  }
  return uit;
}
/* A backup's data, checked part by part; null when any part is damaged. */
function leesBackup(data) {
  const w = schoon(data);
  if (!w) return null;
  const o = {};
  for (const deel of DELEN) {
    if (!deel.sleutel) o[deel.naam] = deel.naam in w ? w[deel.naam] : null;
    else if (data[deel.naam] == null) o[deel.naam] = null;
    else if ((o[deel.naam] = deel.schoon(data[deel.naam])) === null) return null;
  }
  return o;
}
const telRuw = (data) => DELEN.reduce((n, deel) => n + items(deel, data[deel.naam]).length, 0);
/* How this device and a backup differ, entry by entry, over the listed parts. */
function verschil(hier, back) {
  const v = { nieuwerHier: 0, alleenHier: 0, nieuwerBack: 0, alleenBack: 0 };
  for (const deel of DELEN.filter((x) => x.label)) {
    const a = new Map(items(deel, hier[deel.naam])), b = new Map(items(deel, back[deel.naam]));
    for (const [id, e] of a) {
      if (!b.has(id)) v.alleenHier++;
      else if (tijdVan(deel, e) > tijdVan(deel, b.get(id))) v.nieuwerHier++;
      else if (tijdVan(deel, e) < tijdVan(deel, b.get(id))) v.nieuwerBack++;
    }
    for (const id of b.keys()) if (!a.has(id)) v.alleenBack++;
  }
  return v;
}
/* Keep the newest per entry: an entry that is on one side only is kept; on both, the later one wins. */
function samenvoegen(hier, back) {
  const o = {};
  for (const deel of DELEN) {
    const a = hier[deel.naam], b = back[deel.naam];
    if (deel.enkel) o[deel.naam] = b == null ? a : a == null || tijdVan(deel, b) > tijdVan(deel, a) ? b : a;
    else {
      o[deel.naam] = Object.assign({}, a);
      for (const [id, e] of items(deel, b)) if (!(id in o[deel.naam]) || tijdVan(deel, e) > tijdVan(deel, o[deel.naam][id])) o[deel.naam][id] = e;
    }
  }
  return o;
}

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
  // paginanr and nr keep the portfolio in course order: page in the module, then place on the page.
  const paginanr = +(($(".nk-positie[data-nk-pagina]") || { dataset: {} }).dataset.nkPagina) || 0;
  const nr = $$("[data-nk-reflectie], [data-nk-zelftest]").indexOf(sec) + 1;
  return { module: sec.dataset.nkModule || meta("nk-module"), pagina: zuiver($(".md-content h1")), url: location.pathname + (sec.id ? "#" + sec.id : ""), tijd: Date.now(), paginanr, nr };
}

/* Remove every key of the course from this browser: memory and the browser's own storage, also
   when a full storage made this page fall back to memory. */
function wisAlles() {
  mem = {};
  let echt = null;
  try { echt = window.localStorage.nkGeheugen ? null : window.localStorage; } catch (e) { /* refused: nothing stored */ }
  for (const k of [KEY, NS + ":test", ...sleutels()]) if (echt) try { echt.removeItem(k); } catch (e) { /* nothing left to do */ }
}

/* ---- notice when the browser refuses storage: under the page title and on top of the network map ---- */
const MELDING = {
  geblokkeerd: "Je browser laat niet toe dat deze site iets bewaart (bijvoorbeeld in een privévenster of door je instellingen). " +
    "Je kan alles gebruiken, maar niets blijft bewaard: je antwoorden, je voortgang, je netwerkkaart en je themakeuze verdwijnen " +
    "zodra je deze pagina verlaat. Kopieer je tekst als je hem wil houden.",
  vol: "De opslag van je browser is vol of neemt niets meer aan: wat je nu invult of verandert, wordt niet bewaard en verdwijnt " +
    "zodra je deze pagina verlaat. Wat al bewaard was, blijft staan. Kopieer je tekst of download een back-up in je leerportfolio.",
};
function melding() {
  if (!stuk) return;
  const h1 = $(".md-content__inner h1");
  const plekken = [...(h1 ? [[h1, "after"]] : []), ...$$("[data-nk-netwerkkaart]").map((k) => [k, "prepend"])];
  for (const [doel, hoe] of plekken) {
    const oud = hoe === "after" ? doel.nextElementSibling : doel.firstElementChild;
    if (oud && oud.matches(".nk-melding")) oud.textContent = MELDING[stuk];
    else doel[hoe](el(null, "p", MELDING[stuk], { class: "nk-melding", role: "status" }));
  }
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
      if (status) status.style.minHeight = status.offsetHeight + "px"; // never shrinks under a pointer mid-click
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
    let id = location.hash.slice(1);
    try { id = decodeURIComponent(id); } catch (e) { /* not percent-encoding (#100%): use it as it is */ }
    const t = id && d.getElementById(id);
    if (t && t.matches("details")) t.open = true;
  };
  open();
  addEventListener("hashchange", open);
}

/* ---- home page: back to where the learner was (the newest saved entry with a page) ---- */
function initVerder() {
  const p = $(".nk-verder");
  if (!p) return;
  const w = laad();
  let best = null;
  for (const deel of DELEN) if (!deel.sleutel) for (const [, e] of items(deel, w[deel.naam])) if (isObj(e) && e.url && (!best || e.tijd > best.tijd)) best = e;
  if (!best) return;
  p.replaceChildren("Verder waar je was: ");
  el(p, "a", best.pagina || "je laatste pagina", { href: best.url, class: "md-button" });
  const m = w.modules[best.module];
  p.append(` ${m && m.volgorde ? `(module ${m.volgorde}, ` : "("}laatst bewaard ${wanneer(best.tijd)})`);
  p.hidden = false;
}

/* ---- narrow screens: a real menu button; the closed drawer is out of the Tab order (CSS) ----
   Material's menu is a <label> for the drawer's checkbox: it works without scripts, but a label may
   not take the role of a button. With scripts, a <button> takes its place (same look); opened by
   keyboard, focus moves into the drawer; Escape closes it and returns focus to the button. */
function initMenu() {
  const label = $('label.md-header__button[for="__drawer"]'), toggle = $("#__drawer");
  if (!label || !toggle || $("[data-nk-menu]")) return;
  const menu = el(null, "button", "", { type: "button", class: label.className, "data-nk-menu": "", "aria-label": "Menu" });
  menu.append(...label.childNodes);
  label.replaceWith(menu);
  const zet = (open) => {
    if (toggle.checked !== open) { toggle.checked = open; toggle.dispatchEvent(new Event("change", { bubbles: true })); }
  };
  const toon = () => menu.setAttribute("aria-expanded", String(toggle.checked));
  toon();
  let toets = 0; // when the menu button was last pressed by keyboard (a click with detail 0)
  toggle.addEventListener("change", () => {
    toon();
    const a = toggle.checked && Date.now() - toets < 1000 && $(".md-sidebar--primary a[href]");
    if (a) a.focus({ preventScroll: true });
  });
  menu.addEventListener("click", (e) => {
    if (e.detail === 0) toets = Date.now();
    zet(!toggle.checked);
  });
  d.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && toggle.checked && getComputedStyle(menu).display !== "none") { zet(false); menu.focus(); }
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
/* What page scripts use: the practice scripts (above), the network map (storage, notice, the map's data format)
   and the portfolio page. */
window.nkWerkruimte = Object.assign(window.nkWerkruimte || {}, { ID, $, $$, elk, laad, bewaar, el, knop, plek, noteerModule, zuiver, datum, wanneer, melding,
  lees, schrijf, kaartsleutel: KAARTKEY, kaart: KAART, kaartLezen,
  // the portfolio page (assets/portfolio.js): backup, import with its choices, wipe
  NS, FORMAAT, VERSIE, MAX_BACKUP, MAX_ITEMS, DELEN, isObj, aantal, uur, alles, zetAlles, inventaris, leesBackup, telRuw,
  verschil, samenvoegen, trainer, wisAlles });

function init() {
  // Material's document$ emits once per page (and again per page with instant navigation).
  const main = $(".md-content") || d.body;
  if (main.nkKlaar) return;
  main.nkKlaar = true;
  // One part that fails (a bad value, an unexpected page) never stops the others.
  for (const deel of [initTrainer, initReflecties, initVoortgang, initVideo, initVerder, initMenu]) {
    try { deel(); } catch (e) { if (window.console) console.error(e); }
  }
  if ($("[data-nk-reflectie], [data-nk-zelftest], .nk-afronden, [data-nk-portfolio], .nk-voortgang-cursus, [data-nk-netwerkkaart]")) melding();
}
if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
else if (d.readyState === "loading") d.addEventListener("DOMContentLoaded", init);
else init();
})();
