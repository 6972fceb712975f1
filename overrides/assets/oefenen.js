/* Practice and assessment in the learning portfolio (loaded on the portfolio and certificate pages):
   the simulation paths (each deletable), the eindtoets result and the certificate, which is drawn
   by attestBlad() here for the certificate page, the portfolio and its HTML export alike. */
(() => {
"use strict";
const W = window.nkWerkruimte;
if (!W) return;
const UITKOMST = { good: "goede afloop", mixed: "gemengde afloop", poor: "moeizame afloop" };

const uren = (min) => (min < 60 ? `${min} min` : `${Math.floor(min / 60)} u` + (min % 60 ? ` ${min % 60} min` : ""));

/* The certificate: everything as text nodes, so a name or an organisation can never become markup. */
function attestBlad(doel, a) {
  const el = W.el;
  const art = el(doel, "article", "", { class: "nk-attest", "aria-label": "Deelnameattest" });
  el(art, "p", "Deelnameattest", { class: "nk-attest__titel" });
  el(art, "p", a.cursus, { class: "nk-attest__cursus" });
  el(art, "p", a.naam, { class: "nk-attest__naam" });
  el(art, "p", `verklaart de zelfstudiecursus ${a.cursus} te hebben doorlopen: alle ${a.modules.length} modules afgerond ` +
    `en de eindtoets gehaald met ${a.score} % op ${W.datum(a.datum)}.`, { class: "nk-attest__tekst" });
  const tabel = el(art, "table", "", { class: "nk-attest__modules" });
  el(tabel, "caption", "Modules en studietijd");
  const kop = el(el(tabel, "thead"), "tr");
  el(kop, "th", "Module", { scope: "col" });
  el(kop, "th", "Studietijd", { scope: "col" });
  const body = el(tabel, "tbody");
  for (const m of a.modules) {
    const tr = el(body, "tr");
    el(tr, "td", m.titel);
    el(tr, "td", uren(m.minuten));
  }
  const som = el(el(tabel, "tfoot"), "tr");
  el(som, "th", "Samen", { scope: "row" });
  el(som, "td", uren(a.modules.reduce((t, m) => t + m.minuten, 0)));
  if (a.organisatie) el(art, "p", `Cursus aangeboden door ${a.organisatie}.`, { class: "nk-attest__aanbieder" });
  el(art, "p", `Opgemaakt op ${W.datum(a.tijd || Date.now())}.`, { class: "nk-attest__datum" });
  el(art, "p", "Dit is een zelfverklaard deelnameattest, geen diploma of getuigschrift. De deelnemer maakte het zelf, " +
    "in de eigen browser: niemand heeft de identiteit of de antwoorden van de deelnemer gecontroleerd.", { class: "nk-attest__voorbehoud" });
  return art;
}

/* ---- portfolio sections (registered with netwerkkracht.js through window.nkPortfolio) ---- */
function heeft(data) {
  return Object.keys(data.simulaties).length > 0 || data.eindtoets.score !== undefined || !!data.attest.naam;
}
function toon(doel, data, absoluut) {
  if (!heeft(data)) return;
  const el = W.el;
  const sec = el(doel, "section", "", { class: "nk-portfolio__module nk-portfolio__oefenen" });
  el(sec, "h3", "Oefenen en afronden");
  for (const [id, s] of Object.entries(data.simulaties).sort((x, y) => x[1].tijd - y[1].tijd)) {
    const art = el(sec, "article", "", { class: "nk-portfolio__simulatie", "data-nk-simulatie": id });
    el(art, "h4", "Gesprekssimulatie: " + (s.titel || id));
    const meta = el(art, "p", "", { class: "nk-meta" });
    if (s.url) el(meta, "a", s.pagina || "Naar de simulatie", { href: absoluut ? location.origin + s.url : s.url });
    meta.append(s.tijd ? ` · laatst gespeeld op ${W.datum(s.tijd)}` : "");
    el(art, "p", s.einde ? `Afloop: ${s.eindtitel} (${UITKOMST[s.uitkomst] || "afloop"}).` : "Nog niet afgelopen.", { class: "nk-portfolio__afloop" });
    if (s.pad.length) {
      el(art, "p", "Wat jij zei, stap na stap:");
      const ol = el(art, "ol", "", { class: "nk-portfolio__pad" });
      for (const p of s.pad) el(ol, "li", p.tekst);
    }
    if (!absoluut) wisKnop(art, id, s.titel || id);
  }
  const e = data.eindtoets;
  if (e.score !== undefined) {
    const n = (e.pogingen || []).length;
    el(sec, "p", `Eindtoets: je beste resultaat is ${e.juist} van ${e.totaal} vragen juist (${e.score} %) op ${W.datum(e.tijd)}, ` +
      `${e.geslaagd ? "geslaagd" : "nog niet geslaagd"}. ${n} ${n === 1 ? "poging" : "pogingen"}.`, { class: "nk-portfolio__eindtoets" });
  }
  if (data.attest.naam) attestBlad(el(sec, "div", "", { class: "nk-portfolio__attest" }), data.attest);
}
/* Deleting one path is a choice made twice: the button asks first, "Annuleren" keeps the focus. */
function wisKnop(art, id, titel) {
  const wis = W.knop(art, "Wis dit gesprek", "nk-wis");
  wis.addEventListener("click", () => {
    wis.hidden = true;
    const vraag = W.el(art, "div", "", { class: "nk-bevestig", role: "group", "aria-label": "Wissen bevestigen" });
    W.el(vraag, "p", `Je pad in "${titel}" wissen? Dat kan je niet ongedaan maken.`);
    const ja = W.knop(vraag, "Ja, wis dit gesprek", "md-button--primary");
    const nee = W.knop(vraag, "Annuleren");
    nee.focus();
    nee.addEventListener("click", () => { vraag.remove(); wis.hidden = false; wis.focus(); });
    ja.addEventListener("click", () => {
      const data = W.laad();
      delete data.simulaties[id];
      const ok = W.bewaar(data);
      const lijst = art.closest(".nk-portfolio__inhoud") || art.parentNode.parentNode;
      lijst.replaceChildren();
      W.inhoud(lijst, W.laad(), false);
      const status = document.querySelector(".nk-portfolio__acties .nk-status");
      if (status) { status.dataset.nkSoort = ok ? "ok" : "fout"; status.textContent = ok ? `Je pad in "${titel}" is gewist.` : "Wissen lukte niet: je browser laat geen opslag toe."; }
      const kop = document.getElementById("nk-inhoud");
      if (kop) { kop.tabIndex = -1; kop.focus(); }
    });
  });
}

window.nkOefenen = { attestBlad, uren };
(window.nkPortfolio = window.nkPortfolio || []).push({ heeft, toon });
// If the portfolio was drawn before this script ran, draw it again with these sections.
const lijst = document.querySelector("[data-nk-portfolio] .nk-portfolio__inhoud");
if (lijst) { lijst.replaceChildren(); W.inhoud(lijst, W.laad(), false); }
})();
