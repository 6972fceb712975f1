/* The eindtoets (loaded only on its page). Each attempt draws questions from the bank in the page,
   spread over the modules and, where the bank allows, other than the previous attempt's. The result
   (workspace part "eindtoets": best attempt plus every attempt) names the modules to revisit. */
(() => {
"use strict";
const W = window.nkWerkruimte;
if (!W) return;
const { $, $$ } = W;
const meng = (lijst) => { // a fresh random order (the draw differs on purpose)
  const a = lijst.slice();
  for (let i = a.length - 1; i > 0; i--) { const j = Math.floor(Math.random() * (i + 1)); [a[i], a[j]] = [a[j], a[i]]; }
  return a;
};

function toets(sec) {
  let bank;
  try { bank = JSON.parse($(".nk-eindtoets__bank", sec).textContent); } catch (e) { return; }
  const vragen = Object.fromEntries(bank.vragen.map((v) => [v.id, v]));
  const modules = {};
  for (const li of $$(".nk-toets__modules [data-nk-module]", sec)) {
    modules[li.dataset.nkModule] = { titel: W.zuiver(li), volgorde: +li.dataset.nkVolgorde, url: $("a", li).getAttribute("href") };
  }
  const level = +(($(".nk-heading", sec) || { tagName: "H2" }).tagName.slice(1));
  const kop = (ouder, txt, diep = 1) => W.el(ouder, "h" + Math.min(6, level + diep), txt, { tabindex: "-1" });
  const box = $("[data-nk-speler]", sec);

  /* Round-robin over the modules in random order; per module, questions not in the previous attempt first. */
  function trek(vorige) {
    const perModule = {};
    for (const v of bank.vragen) (perModule[v.module] = perModule[v.module] || []).push(v.id);
    const rijen = meng(Object.values(perModule)).map((ids) => [...meng(ids.filter((i) => !vorige.includes(i))), ...meng(ids.filter((i) => vorige.includes(i)))]);
    const uit = [];
    while (uit.length < bank.trekking && rijen.some((r) => r.length)) for (const r of rijen) if (r.length && uit.length < bank.trekking) uit.push(r.shift());
    return meng(uit);
  }
  function nieuw() {
    const data = W.laad(), e = data.eindtoets, pogingen = e.pogingen || [];
    const b = { tijd: Date.now(), poging: pogingen.length + 1, vragen: trek(pogingen.length ? pogingen[pogingen.length - 1].vragen : []), keuzes: {} };
    data.eindtoets.bezig = b;
    if (!W.bewaar(data)) W.melding();
    poging(b, true);
  }
  const perModule = (r) => {
    const per = {};
    for (const id of r.vragen) {
      const v = vragen[id];
      if (!v) continue;
      const m = (per[v.module] = per[v.module] || [0, 0]);
      m[0] += (v.opties[r.keuzes[id] - 1] || {}).juist === true ? 1 : 0;
      m[1]++;
    }
    return per;
  };

  function start() {
    box.replaceChildren();
    W.el(box, "p", "Neem er rustig de tijd voor: er is geen tijdslimiet. Je antwoorden worden bewaard terwijl je werkt, dus je kan onderbreken en later verdergaan in deze browser.");
    W.knop(box, "Start de eindtoets", "md-button--primary").addEventListener("click", nieuw);
  }

  function poging(b, nu) {
    box.replaceChildren();
    const h = kop(box, `Poging ${b.poging}: ${b.vragen.length} vragen`);
    const teller = W.el(box, "p", "", { class: "nk-meta" });
    const tel = () => { teller.textContent = `${Object.keys(b.keuzes).length} van de ${b.vragen.length} vragen beantwoord.`; };
    tel();
    const lijst = W.el(box, "div", "", { class: "nk-eindtoets__vragen" });
    b.vragen.forEach((id, i) => {
      const v = vragen[id];
      const f = W.el(lijst, "fieldset", "", { class: "nk-vraag", "data-nk-vraag": id });
      const legend = W.el(f, "legend");
      W.el(legend, "span", `Vraag ${i + 1} van ${b.vragen.length}`, { class: "nk-eindtoets__nummer" });
      legend.append(v.vraag);
      const opties = W.schud(v.opties.map((o, n) => [o, n + 1]), `eindtoets/${b.poging}/${id}`);
      for (const [o, n] of opties) {
        const wrap = W.el(f, "div", "", { class: "nk-optie" });
        const input = W.el(wrap, "input", "", { type: "radio", name: `nk-et-${id}`, id: `nk-et-${id}-${n}`, value: n });
        input.checked = b.keuzes[id] === n;
        W.el(wrap, "label", o.tekst, { for: input.id });
      }
    });
    lijst.addEventListener("change", (ev) => {
      const f = ev.target.closest("fieldset");
      b.keuzes[f.dataset.nkVraag] = +ev.target.value;
      const data = W.laad();
      if (data.eindtoets.bezig && data.eindtoets.bezig.tijd === b.tijd) { data.eindtoets.bezig.keuzes = b.keuzes; W.bewaar(data); }
      tel();
    });
    const lever = W.knop(box, "Lever in en bekijk je resultaat", "md-button--primary nk-eindtoets__lever");
    const melding = W.el(box, "p", "", { class: "nk-status", role: "status", "aria-live": "polite" });
    lever.addEventListener("click", () => {
      const open = b.vragen.map((id, i) => [id, i + 1]).filter(([id]) => !b.keuzes[id]);
      if (open.length) {
        melding.dataset.nkSoort = "fout";
        melding.textContent = `Je hebt nog ${open.length === 1 ? "één vraag" : open.length + " vragen"} niet beantwoord: vraag ${open.map((x) => x[1]).join(", ")}.`;
        $(`fieldset[data-nk-vraag="${open[0][0]}"] input`, lijst).focus();
        return;
      }
      afronden(b);
    });
    if (nu) h.focus();
  }

  function afronden(b) {
    const r = { tijd: Date.now(), juist: 0, totaal: b.vragen.length, vragen: b.vragen, keuzes: b.keuzes };
    for (const m of Object.values(perModule(r))) r.juist += m[0];
    r.score = Math.round((100 * r.juist) / r.totaal);
    r.geslaagd = r.juist * 100 >= bank.drempel * r.totaal;
    const data = W.laad(), e = data.eindtoets;
    const beste = e.score !== undefined && e.score > r.score ? e : r;
    data.eindtoets = {
      tijd: beste.tijd, juist: beste.juist, totaal: beste.totaal, score: beste.score, geslaagd: beste.geslaagd,
      pogingen: (e.pogingen || []).concat([r]).slice(-20),
    };
    for (const [slug, m] of Object.entries(modules)) if (!data.modules[slug]) data.modules[slug] = { titel: m.titel, volgorde: m.volgorde };
    if (!W.bewaar(data)) W.melding();
    uitslag(r, data.eindtoets, true);
  }

  function uitslag(r, e, nu) {
    box.replaceChildren();
    const h = kop(box, r.geslaagd ? "Je resultaat: geslaagd" : "Je resultaat: nog niet geslaagd");
    h.className = "nk-eindtoets__uitslag";
    h.dataset.nkGeslaagd = r.geslaagd ? "ja" : "nee";
    W.el(box, "p", `Je had ${r.juist} van de ${r.totaal} vragen juist: ${r.score} %. ` + (r.geslaagd
      ? `Daarmee haal je de drempel van ${bank.drempel} %.`
      : `Om te slagen heb je er ${Math.ceil((bank.drempel * r.totaal) / 100)} nodig (${bank.drempel} %). Bekijk de modules hieronder en probeer opnieuw: je krijgt dan andere vragen.`));
    if (e.tijd !== r.tijd) W.el(box, "p", `Je beste resultaat: ${e.juist} van ${e.totaal} (${e.score} %) op ${W.datum(e.tijd)}${e.geslaagd ? ", geslaagd" : ""}.`, { class: "nk-meta" });
    kop(box, "Modules om te herhalen", 2);
    const zwak = Object.entries(perModule(r)).filter(([, m]) => m[0] < m[1]).sort((a, b) => a[1][0] / a[1][1] - b[1][0] / b[1][1] || ((modules[a[0]] || {}).volgorde - (modules[b[0]] || {}).volgorde));
    if (!zwak.length) W.el(box, "p", "Je had in elke module alles juist.");
    const ul = W.el(box, "ul", "", { class: "nk-eindtoets__zwak" });
    for (const [slug, [j, t]] of zwak) {
      const m = modules[slug] || { titel: slug, volgorde: 0 };
      const li = W.el(ul, "li", "", { "data-nk-module": slug });
      if (m.url) W.el(li, "a", `Module ${m.volgorde}: ${m.titel}`, { href: m.url }); else li.append(m.titel);
      li.append(` (${j} van ${t} juist)`);
    }
    const det = W.el(box, "details", "", { class: "nk-eindtoets__nakijken" });
    W.el(det, "summary", "Bekijk je antwoorden met uitleg");
    const ol = W.el(det, "ol");
    for (const id of r.vragen) {
      const v = vragen[id];
      if (!v) continue;
      const li = W.el(ol, "li", "", { "data-nk-vraag": id });
      W.el(li, "p", v.vraag, { class: "nk-eindtoets__vraag" });
      const opties = W.el(li, "ul");
      v.opties.forEach((o, n) => {
        const gekozen = r.keuzes[id] === n + 1;
        const oli = W.el(opties, "li", "", { "data-nk-juist": o.juist ? "ja" : "nee" });
        if (gekozen) oli.dataset.nkGekozen = "";
        W.el(oli, "strong", (o.juist ? "Juist" : "Niet juist") + (gekozen ? ", jouw keuze: " : ": "));
        oli.append(o.tekst + " ");
        W.el(oli, "span", o.feedback, { class: "nk-eindtoets__uitleg" });
      });
    }
    W.knop(box, "Nieuwe poging", "md-button--primary").addEventListener("click", nieuw);
    if (nu) h.focus();
  }

  const e = W.laad().eindtoets;
  const laatste = (e.pogingen || [])[(e.pogingen || []).length - 1];
  if (e.bezig && e.bezig.vragen.every((id) => vragen[id])) poging(e.bezig, false);
  else if (laatste) uitslag(laatste, e, false);
  else start();
}

W.elk("[data-nk-eindtoets]", toets);
})();
