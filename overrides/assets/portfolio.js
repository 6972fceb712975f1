/* The portfolio page: what the learner wrote and did, in course order, and the actions on all of it:
   print, download as a document, back up, read a backup back in (what changes, the learner's choice,
   an undo) and wipe (the dialog lists exactly what goes). Only this page needs it, so it is not in
   assets/netwerkkracht.js, which every page loads; the data model it works on is (window.nkWerkruimte). */
(() => {
"use strict";
const W = window.nkWerkruimte, d = document;
const { $, el, knop, laad, datum, uur, lees, NS, FORMAAT, VERSIE, MAX_BACKUP, MAX_ITEMS, DELEN, isObj, aantal,
  alles, zetAlles, inventaris, leesBackup, telRuw, verschil, samenvoegen, trainer, wisAlles } = W;

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
    for (const [id, a] of Object.entries(data.antwoorden).filter(([, a]) => a.module === m).sort((x, y) => cursusvolgorde(x[1], y[1]))) {
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
    for (const t of Object.values(data.zelftesten).filter((t) => t.module === m).sort(cursusvolgorde)) {
      const p = el(sec, "p", "", { class: "nk-portfolio__zelftest" });
      p.append("Zelftest bij ");
      link(p, t, t.pagina || "de pagina");
      p.append(`: ${t.juist} van ${t.totaal} ${t.totaal === 1 ? "vraag" : "vragen"} juist.`);
    }
  }
  for (const x of extra) x.toon(doel, data, absoluut);
}

/* Course order inside a module: page, then place on the page; older entries without them by time. */
const cursusvolgorde = (a, b) => a.paginanr - b.paginanr || a.nr - b.nr || a.tijd - b.tijd;

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
  el(doc.head, "meta", "", { name: "viewport", content: "width=device-width, initial-scale=1" });
  el(doc.head, "style", "body{font:16px/1.5 sans-serif;max-width:46em;margin:auto;padding:1em}dd{white-space:pre-wrap;margin:0 0 1em}dt{font-weight:600}");
  el(doc.body, "h1", "Mijn leerportfolio");
  el(doc.body, "p", `${d.title.split(" - ").pop()} · gemaakt op ${datum(Date.now())}. Alleen voor jezelf: deel het enkel als je dat wil.`);
  inhoud(doc.body, data, true);
  return "<!doctype html>\n" + doc.documentElement.outerHTML;
}

function initPortfolio(box) {
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
    JSON.stringify({ formaat: FORMAAT, versie: VERSIE, namespace: NS, gemaakt: new Date().toISOString(),
      data: Object.fromEntries(Object.entries(alles()).filter(([, v]) => v !== null)) }, null, 2)));
  lees_.addEventListener("click", () => bestand.click());
  const terug = knop(acties, "Inlezen ongedaan maken", "nk-terug");
  terug.hidden = true;
  const meld = (zin, soort) => { status.dataset.nkSoort = soort; status.textContent = zin; };
  bestand.addEventListener("change", async () => {
    const f = bestand.files[0];
    bestand.value = "";
    if (f) inlezen(await backupLezen(f), meld, teken, terug);
  });
  terug.addEventListener("click", () => {
    if (!terug.vorige) return;
    const ok = zetAlles(terug.vorige);
    trainer(terug.vorige.trainer === "aan", false);
    terug.vorige = null;
    terug.hidden = true;
    teken();
    meld(ok ? "De toestand van voor het inlezen staat er weer." : "Teruggezet, maar je browser laat niet toe dat het bewaard blijft.", ok ? "ok" : "fout");
  });

  const dlg = el(box, "dialog", "", { class: "nk-dialoog", "aria-labelledby": "nk-wis-titel" });
  el(dlg, "h2", "Al je gegevens wissen?", { id: "nk-wis-titel" });
  const wat = el(dlg, "div");
  el(dlg, "p", "Dat kan je niet ongedaan maken. Wil je ze houden? Download dan eerst een back-up.");
  const ja = knop(dlg, "Ja, wis alles", "md-button--primary nk-wis-ja");
  const nee = knop(dlg, "Annuleren", "nk-wis-nee");
  nee.autofocus = true;
  wis.addEventListener("click", () => {
    const nu = alles();
    const lijst = inventaris(nu).concat(DELEN.filter((x) => x.onleesbaar && nu[x.naam] === null && lees(x.sleutel) !== null).map((x) => x.onleesbaar));
    wat.replaceChildren();
    if (!lijst.length) el(wat, "p", "Er staat niets van deze cursus in deze browser.");
    else {
      el(wat, "p", "Dit wist uit deze browser:");
      const ul = el(wat, "ul");
      lijst.forEach((x) => el(ul, "li", x));
    }
    dlg.showModal ? dlg.showModal() : dlg.setAttribute("open", "");
  });
  nee.addEventListener("click", () => dlg.close());
  ja.addEventListener("click", () => {
    wisAlles();
    trainer(false, false);
    terug.vorige = null;
    terug.hidden = true;
    dlg.close();
    teken();
    meld("Al je gegevens zijn gewist uit deze browser.", "ok");
  });
}

/* ---- importing a backup: check it, show what changes, let the learner choose, keep an undo ---- */
async function backupLezen(f) {
  if (f.size > MAX_BACKUP) return { fout: "Dit bestand is te groot voor een back-up: een back-up is hoogstens 5 MB. Er is niets veranderd." };
  let x = null;
  try { x = JSON.parse(await f.text()); } catch (e) { /* not JSON */ }
  if (!isObj(x) || x.formaat !== FORMAAT) return { fout: "Dit bestand is geen back-up van je leerportfolio. Er is niets veranderd." };
  if (x.namespace !== NS) return { fout: "Deze back-up hoort bij een andere cursus. Er is niets veranderd." };
  if (x.versie !== VERSIE || !isObj(x.data)) return { fout: "Deze back-up is beschadigd of onvolledig. Er is niets veranderd." };
  const n = telRuw(x.data);
  if (n > MAX_ITEMS) return { fout: `Deze back-up bevat ${n} items; een back-up bevat er hoogstens ${MAX_ITEMS}. Er is niets veranderd.` };
  const data = leesBackup(x.data);
  if (!data) return { fout: "Deze back-up is beschadigd of onvolledig. Er is niets veranderd." };
  const t = Date.parse(x.gemaakt);
  return { data, gemaakt: isFinite(t) ? t : 0 };
}

const stuks = aantal("item", "items");
const isZijn = (n, enkel, meer) => `${stuks(n)} ${n === 1 ? enkel : meer}`;

function inlezen(b, meld, teken, terug) {
  if (b.fout) { meld(b.fout, "fout"); return; }
  const hier = alles(), v = verschil(hier, b.data);
  const klaar = (nieuw, uitleg) => {
    const ok = zetAlles(nieuw);
    trainer(nieuw.trainer === "aan", false);
    terug.vorige = hier;
    terug.hidden = false;
    teken();
    const lijst = inventaris(b.data);
    meld(ok ? `Je back-up is ingelezen: ${lijst.join(", ") || "er stond niets in"}.${uitleg}`
      : "Je back-up is ingelezen, maar je browser laat niet toe dat hij bewaard blijft.", ok ? "ok" : "fout");
  };
  if (!inventaris(hier).length) { klaar(b.data, ""); return; }

  const dlg = el(d.body, "dialog", "", { class: "nk-dialoog nk-importdialoog", "aria-labelledby": "nk-import-titel" });
  el(dlg, "h2", "Back-up inlezen?", { id: "nk-import-titel" });
  el(dlg, "p", (b.gemaakt ? `Deze back-up is gemaakt op ${datum(b.gemaakt)} en bevat: ` : "Deze back-up bevat: ") + (inventaris(b.data).join(", ") || "niets") + ".");
  const ul = el(dlg, "ul");
  if (v.nieuwerHier) el(ul, "li", isZijn(v.nieuwerHier, "is", "zijn") + " op dit toestel nieuwer dan in de back-up.");
  if (v.alleenHier) el(ul, "li", isZijn(v.alleenHier, "staat", "staan") + " alleen op dit toestel.");
  if (v.nieuwerBack + v.alleenBack) el(ul, "li", isZijn(v.nieuwerBack + v.alleenBack, "is", "zijn") + " nieuw of nieuwer in de back-up.");
  if (!ul.children.length) el(ul, "li", "De back-up en dit toestel bevatten hetzelfde.");
  const keuzes = el(dlg, "fieldset");
  el(keuzes, "legend", "Wat wil je doen?");
  const keuze = (waarde, zin, aan) => {
    const l = el(keuzes, "label", "", { class: "nk-keuze" });
    const r = el(l, "input", "", { type: "radio", name: "nk-import-keuze", value: waarde });
    r.checked = aan;
    l.append(" " + zin);
  };
  keuze("nieuwste", "Per item het nieuwste houden (aanbevolen): niets van dit toestel gaat verloren.", true);
  const weg = v.nieuwerHier + v.alleenHier;
  keuze("alles", "Alles vervangen door de back-up" + (weg ? `: ${isZijn(weg, "gaat", "gaan")} van dit toestel verloren.` : "."), false);
  const ja = knop(dlg, "Inlezen", "md-button--primary");
  const nee = knop(dlg, "Annuleren");
  const sluit = () => { dlg.close(); dlg.remove(); };
  nee.addEventListener("click", () => { sluit(); meld("Er is niets ingelezen.", "ok"); });
  dlg.addEventListener("cancel", () => { dlg.remove(); meld("Er is niets ingelezen.", "ok"); });
  ja.addEventListener("click", () => {
    const alles_ = $("input:checked", dlg).value === "alles";
    sluit();
    klaar(alles_ ? b.data : samenvoegen(hier, b.data), alles_ ? " Wat er eerst stond, is vervangen."
      : " Waar dit toestel een nieuwere versie had, bleef die staan.");
  });
  dlg.showModal ? dlg.showModal() : dlg.setAttribute("open", "");
  ja.focus();
}

W.inhoud = inhoud; // assets/oefenen.js redraws the list after wiping one conversation
W.elk("[data-nk-portfolio]", initPortfolio);
})();
