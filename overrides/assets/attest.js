/* The certificate page (after assets/oefenen.js): shows the conditions, and once every module is
   done and the eindtoets passed, asks the learner's name (kept only in the workspace part "attest")
   and shows the A4 certificate, ready to print or save as PDF. */
(() => {
"use strict";
const W = window.nkWerkruimte, O = window.nkOefenen;
if (!W || !O) return;
const { $, $$ } = W;

function pagina(sec) {
  const organisatie = sec.dataset.nkOrganisatie || "";
  const modules = $$(".nk-toets__modules [data-nk-module]", sec).map((li) => ({
    slug: li.dataset.nkModule, titel: W.zuiver(li), minuten: +li.dataset.nkMinuten, volgorde: +li.dataset.nkVolgorde, url: $("a", li).getAttribute("href"),
  }));
  const cursus = document.title.split(" - ").pop();
  const level = +(($(".nk-heading", sec) || { tagName: "H2" }).tagName.slice(1));
  const box = $("[data-nk-speler]", sec);
  const el = W.el;

  // The certificate as it stands now: today's data with the name the learner typed.
  const blad = (data, naam, tijd) => ({
    tijd, naam, cursus, organisatie, datum: data.eindtoets.tijd, score: data.eindtoets.score,
    modules: modules.map((m) => ({ titel: m.titel, minuten: m.minuten })),
  });
  const zelfde = (a, b) => JSON.stringify(Object.assign({}, a, { tijd: 0 })) === JSON.stringify(Object.assign({}, b, { tijd: 0 }));

  const data = W.laad(), e = data.eindtoets;
  box.replaceChildren();
  el(box, "h" + Math.min(6, level + 1), "Voorwaarden");
  const ul = el(box, "ul", "", { class: "nk-attest__voorwaarden" });
  for (const m of modules) {
    const t = data.afgerond[m.slug];
    const li = el(ul, "li", "", { "data-nk-ok": t ? "ja" : "nee" });
    el(li, "a", `Module ${m.volgorde}: ${m.titel}`, { href: m.url });
    li.append(t ? `: afgerond op ${W.datum(t)}.` : ": nog niet afgerond.");
  }
  const li = el(ul, "li", "", { "data-nk-ok": e.geslaagd ? "ja" : "nee" });
  li.append(e.geslaagd ? `Eindtoets: gehaald met ${e.score} % op ${W.datum(e.tijd)}.`
    : e.score !== undefined ? `Eindtoets: nog niet gehaald (je beste resultaat: ${e.score} %).` : "Eindtoets: nog niet gemaakt.");
  const open = modules.filter((m) => !data.afgerond[m.slug]).length;
  if (open || !e.geslaagd) {
    el(box, "p", "Je attest verschijnt hier zodra je " + [open ? `nog ${open === 1 ? "één module" : open + " modules"} afrondt` : "",
      e.geslaagd ? "" : "de eindtoets haalt"].filter(Boolean).join(" en ") + ". Een module rond je af met de knop onderaan haar laatste pagina.",
    { class: "nk-attest__nog" });
    return;
  }

  // Keep the stored certificate in step with today's data (e.g. a better eindtoets score).
  if (data.attest.naam && !zelfde(data.attest, blad(data, data.attest.naam, 0))) {
    data.attest = blad(data, data.attest.naam, Date.now());
    W.bewaar(data);
  }
  el(box, "h" + Math.min(6, level + 1), "Jouw naam op het attest");
  const veld = el(box, "div", "", { class: "nk-veld" });
  el(veld, "label", "Je naam zoals die op het attest komt", { for: "nk-attest-naam" });
  el(veld, "p", "Je naam blijft alleen in deze browser: op het attest en in je leerportfolio, nergens anders.", { class: "nk-hint", id: "nk-attest-naam-hint" });
  const naam = el(veld, "input", "", { type: "text", id: "nk-attest-naam", autocomplete: "name", maxlength: "200", "aria-describedby": "nk-attest-naam-hint" });
  naam.value = data.attest.naam || "";
  const rij = el(box, "div", "", { class: "nk-knoppen" });
  const druk = W.knop(rij, "Afdrukken of bewaren als PDF", "md-button--primary");
  const status = el(box, "p", "", { class: "nk-status", role: "status", "aria-live": "polite" });
  const voorbeeld = el(box, "div", "", { class: "nk-attest-voorbeeld" });
  const toon = () => {
    voorbeeld.replaceChildren();
    const d = W.laad();
    if (d.attest.naam) O.attestBlad(voorbeeld, d.attest);
    else el(voorbeeld, "p", "Vul je naam in: dan zie je hier je attest.", { class: "nk-meta" });
    document.documentElement.toggleAttribute("data-nk-attest", !!d.attest.naam);
  };
  let wacht = 0;
  const bewaar = () => {
    clearTimeout(wacht);
    wacht = 0;
    const d = W.laad(), n = naam.value.trim().slice(0, 200);
    d.attest = n ? blad(d, n, Date.now()) : {};
    const ok = W.bewaar(d);
    status.textContent = ok ? (n ? "Je naam is bewaard in deze browser." : "Je naam is gewist uit deze browser.") : "Niet bewaard: je browser laat geen opslag toe.";
    toon();
  };
  naam.addEventListener("input", () => { clearTimeout(wacht); wacht = setTimeout(bewaar, 400); });
  naam.addEventListener("change", bewaar);
  druk.addEventListener("click", () => {
    if (wacht || naam.value.trim() !== (W.laad().attest.naam || "")) bewaar();
    if (!naam.value.trim()) { status.dataset.nkSoort = "fout"; status.textContent = "Vul eerst je naam in."; naam.focus(); return; }
    delete status.dataset.nkSoort;
    window.print();
  });
  toon();
}

W.elk("[data-nk-attest]", pagina);
})();
