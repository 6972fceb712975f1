/* Self-tests (loaded only on pages with a /// zelftest): choose an option, then "Controleer".
   Until then no feedback is shown; arrow keys only move the selection. The options stand in an
   order of this learner's own, the same on every visit. Checked answers are kept in the workspace. */
(() => {
"use strict";
const W = window.nkWerkruimte;
if (!W) return;
const { $, $$ } = W;

function opzetten(sec) {
  const id = sec.dataset.nkZelftest;
  const vragen = $$("fieldset[data-nk-vraag]", sec);
  const status = $(".nk-status", sec);
  sec.dataset.nkActief = "";
  for (const f of vragen) {
    // The printed and script-less page keeps <details>; here each explanation stays hidden until checked.
    for (const det of $$("details.nk-feedback", f)) {
      const uitleg = W.el(null, "div", "", { class: "nk-uitleg", hidden: "" });
      uitleg.append(...$$(":scope > :not(summary)", det));
      det.replaceWith(uitleg);
    }
    for (const o of W.schud($$(".nk-optie", f), id + "/" + f.dataset.nkVraag)) f.append(o);
    const b = W.knop(W.el(f, "div", "", { class: "nk-vraag__acties" }), "Controleer", "nk-controleer");
    b.addEventListener("click", () => (f.dataset.nkGecontroleerd ? opnieuw(f) : controleer(f, true)));
  }
  const score = () => {
    const klaar = vragen.filter((f) => f.dataset.nkGecontroleerd);
    return { juist: klaar.filter((f) => $("input:checked", f).dataset.juist === "ja").length, totaal: vragen.length };
  };
  const bewaar = () => {
    const data = W.laad();
    const keuzes = {};
    for (const f of vragen) if (f.dataset.nkGecontroleerd) keuzes[f.dataset.nkVraag] = +$("input:checked", f).value;
    if (Object.keys(keuzes).length) {
      data.zelftesten[id] = Object.assign(W.plek(sec), Object.assign({ titel: "Zelftest", keuzes }, score()));
      W.noteerModule(data, data.zelftesten[id].module);
    } else delete data.zelftesten[id];
    return W.bewaar(data);
  };
  // Show every option's explanation and mark the chosen one; lock the question until "Opnieuw".
  function controleer(f, nu) {
    const gekozen = $("input:checked", f);
    const b = $(".nk-controleer", f);
    if (!gekozen) { status.textContent = `Vraag ${f.dataset.nkVraag}: kies eerst een antwoord.`; return; }
    for (const o of $$(".nk-optie", f)) {
      $(".nk-uitleg", o).hidden = false;
      if (o.contains(gekozen)) o.dataset.nkGekozen = gekozen.dataset.juist === "ja" ? "juist" : "fout";
    }
    $$("input", f).forEach((i) => { i.disabled = true; });
    f.dataset.nkGecontroleerd = "ja";
    b.textContent = "Opnieuw";
    b.setAttribute("aria-label", `Vraag ${f.dataset.nkVraag} opnieuw beantwoorden`);
    if (!nu) return;
    const ok = bewaar(), s = score();
    const uitleg = W.zuiver($(".nk-uitleg p", gekozen.closest(".nk-optie")));
    status.textContent = `Vraag ${f.dataset.nkVraag}: ${uitleg} Score: ${s.juist} van ${s.totaal} juist.` + (ok ? "" : " Niet bewaard: je browser laat geen opslag toe.");
  }
  function opnieuw(f) {
    for (const o of $$(".nk-optie", f)) { $(".nk-uitleg", o).hidden = true; delete o.dataset.nkGekozen; }
    for (const i of $$("input", f)) { i.disabled = false; i.checked = false; }
    delete f.dataset.nkGecontroleerd;
    const b = $(".nk-controleer", f);
    b.textContent = "Controleer";
    b.removeAttribute("aria-label");
    bewaar();
    status.textContent = `Vraag ${f.dataset.nkVraag} staat weer open.`;
  }
  const oud = W.laad().zelftesten[id];
  if (oud) {
    for (const [q, n] of Object.entries(oud.keuzes)) {
      const f = $(`fieldset[data-nk-vraag="${q}"]`, sec), i = f && $(`input[value="${n}"]`, f);
      if (i) { i.checked = true; controleer(f, false); }
    }
    const s = score();
    if (vragen.some((f) => f.dataset.nkGecontroleerd)) status.textContent = `Je antwoorden van eerder staan er weer: ${s.juist} van ${s.totaal} juist.`;
  }
}

W.elk("[data-nk-zelftest]", (sec) => W.ID.test(sec.dataset.nkZelftest || "") && opzetten(sec));
})();
