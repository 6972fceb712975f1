/* Conversation simulations (loaded only on pages with a /// gesprekssimulatie).
   The trainer's role-play script in the page holds the whole tree; this script walks it one step
   at a time. Each new step gets the focus and is announced; the path is kept in the workspace. */
(() => {
"use strict";
const W = window.nkWerkruimte;
if (!W) return;
const { $, $$ } = W;
const UITKOMST = { good: "Goede afloop", mixed: "Gemengde afloop", poor: "Moeizame afloop" };

/* The tree, read from the role-play script (text only: textContent, never HTML). */
function boom(sec) {
  const t = (s, r) => W.zuiver($(s, r));
  const stappen = {}, eindes = {};
  for (const li of $$("[data-nk-stap]", sec)) {
    stappen[li.dataset.nkStap] = {
      spreker: t("[data-nk-spreker]", li), regie: t("[data-nk-regie]", li), tekst: t("[data-nk-tekst]", li),
      keuzes: $$("[data-nk-naar]", li).map((k) => ({ naar: k.dataset.nkNaar, tekst: t("[data-nk-keuze]", k), feedback: t("[data-nk-feedback]", k) })),
    };
  }
  for (const li of $$("[data-nk-einde]", sec)) {
    eindes[li.dataset.nkEinde] = { titel: t("[data-nk-eindtitel]", li), uitkomst: li.dataset.nkUitkomst, samenvatting: t("[data-nk-samenvatting]", li) };
  }
  return { stappen, eindes };
}

function speler(sec) {
  const id = sec.dataset.nkSimulatie, rol = sec.dataset.nkRol || "jij", start = sec.dataset.nkStart;
  const { stappen, eindes } = boom(sec);
  if (!stappen[start]) return;
  const titel = W.zuiver($(".nk-heading", sec));
  const niveau = "h" + Math.min(6, +(($(".nk-heading", sec) || { tagName: "H2" }).tagName.slice(1)) + 1);
  const box = $("[data-nk-speler]", sec);
  box.replaceChildren();
  const verloop = W.el(box, "ol", "", { class: "nk-sim__verloop", "aria-label": "Het gesprek" });
  const onder = W.el(box, "div", "", { class: "nk-sim__onder" });
  const status = W.el(box, "p", "", { class: "nk-sr", role: "status", "aria-live": "polite" });
  let pad = [], einde = "";

  const bewaar = () => {
    const data = W.laad(), e = eindes[einde];
    data.simulaties[id] = Object.assign(W.plek(sec), { titel, pad, einde, eindtitel: e ? e.titel : "", uitkomst: e ? e.uitkomst : "" });
    W.noteerModule(data, data.simulaties[id].module);
    if (!W.bewaar(data)) W.melding();
  };
  const kop = (li, txt) => W.el(li, niveau, txt, { class: "nk-sim__kop", tabindex: "-1" });
  const zegt = (ouder, wie, wat, cls) => { const p = W.el(ouder, "p", "", { class: cls }); W.el(p, "strong", wie + ": "); p.append(wat); };

  // One step: what the other person says, then the choices (or, once chosen, the answer and its feedback).
  function stap(sid, nu) {
    const s = stappen[sid];
    const li = W.el(verloop, "li", "", { class: "nk-sim__stap", "data-nk-stap": sid });
    const h = kop(li, `Stap ${pad.length + 1}`);
    if (s.regie) W.el(li, "p", s.regie, { class: "nk-sim__regie" });
    zegt(li, s.spreker, s.tekst, "nk-sim__ander");
    if (nu) {
      h.focus();
      status.textContent = `Stap ${pad.length + 1}. ${s.regie ? s.regie + " " : ""}${s.spreker} zegt: ${s.tekst}`;
    }
    return li;
  }
  function keuzes(li, sid) {
    const vraag = W.el(li, "p", `Wat zeg jij als ${rol}?`, { class: "nk-sim__vraag", id: `sim-${id}-vraag-${pad.length}` });
    const ul = W.el(li, "ul", "", { class: "nk-sim__keuzes", "aria-labelledby": vraag.id });
    stappen[sid].keuzes.forEach((k, i) => W.knop(W.el(ul, "li"), k.tekst, "nk-sim__keuze").addEventListener("click", () => kies(li, sid, i)));
  }
  function antwoord(li, k) {
    zegt(li, `Jij (${rol})`, k.tekst, "nk-sim__jij");
    const fb = W.el(li, "p", "", { class: "nk-sim__feedback" });
    W.el(fb, "strong", "Wat dit doet: ");
    fb.append(k.feedback);
  }
  function kies(li, sid, i) {
    const k = stappen[sid].keuzes[i];
    $$(".nk-sim__vraag, .nk-sim__keuzes", li).forEach((x) => x.remove());
    antwoord(li, k);
    pad.push({ stap: sid, keuze: i + 1, tekst: k.tekst });
    einde = eindes[k.naar] ? k.naar : "";
    bewaar();
    const verder = W.knop(li, eindes[k.naar] ? "Naar het einde" : "Verder", "md-button--primary nk-sim__verder");
    verder.addEventListener("click", () => { verder.remove(); volgende(k.naar, true); });
    verder.focus();
    status.textContent = `Jij zegt: ${k.tekst} Wat dit doet: ${k.feedback}`;
  }
  function volgende(naar, nu) {
    if (eindes[naar]) return slot(naar, nu);
    keuzes(stap(naar, nu), naar);
  }
  function slot(eid, nu) {
    const e = eindes[eid];
    const li = W.el(verloop, "li", "", { class: "nk-sim__einde", "data-nk-uitkomst": e.uitkomst });
    const h = kop(li, `Einde: ${e.titel}`);
    W.el(li, "p", (UITKOMST[e.uitkomst] || "") + ".", { class: "nk-sim__uitkomst" });
    W.el(li, "p", e.samenvatting);
    W.el(li, "p", "Je pad staat in je leerportfolio. Probeer gerust opnieuw en kies eens anders.", { class: "nk-meta" });
    if (nu) { h.focus(); status.textContent = `Einde: ${e.titel}. ${UITKOMST[e.uitkomst] || ""}. ${e.samenvatting}`; }
  }
  function begin(nu) {
    verloop.replaceChildren();
    pad = []; einde = "";
    volgende(start, nu);
  }

  const opnieuw = W.knop(onder, "Opnieuw beginnen", "nk-sim__opnieuw");
  W.el(onder, "p", "Begin je opnieuw, dan vervangt je nieuwe pad het vorige in je leerportfolio zodra je een keuze maakt.", { class: "nk-hint" });
  opnieuw.addEventListener("click", () => begin(true));

  // A path saved earlier is replayed as far as it still fits the script (the content may have changed).
  const oud = W.laad().simulaties[id];
  if (oud && oud.pad.length) {
    let sid = start;
    for (const p of oud.pad) {
      const k = stappen[sid] && p.stap === sid && stappen[sid].keuzes[p.keuze - 1];
      if (!k) break;
      antwoord(stap(sid, false), k);
      pad.push({ stap: sid, keuze: p.keuze, tekst: k.tekst });
      sid = k.naar;
      if (eindes[sid]) break;
    }
    if (eindes[sid]) einde = sid;
    volgende(sid, false);
    box.prepend(W.el(null, "p", `Je gesprek van eerder staat er weer (bewaard ${W.wanneer(oud.tijd)}).`, { class: "nk-meta" }));
  } else {
    verloop.hidden = onder.hidden = true;
    const intro = W.el(box, "div", "", { class: "nk-sim__intro" });
    W.el(intro, "p", `Je speelt ${rol}. Je leest telkens wat er gezegd wordt en kiest wat jij antwoordt; na elke keuze zie je wat die doet.`);
    W.knop(intro, "Begin het gesprek", "md-button--primary").addEventListener("click", () => {
      intro.remove();
      verloop.hidden = onder.hidden = false;
      begin(true);
    });
  }
}

W.elk("[data-nk-simulatie]", (sec) => W.ID.test(sec.dataset.nkSimulatie || "") && speler(sec));
})();
