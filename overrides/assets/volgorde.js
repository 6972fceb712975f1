/* A per-learner order (loaded before zelftest.js and eindtoets.js): the same learner gets the same
   shuffle for the same key on every visit, from one random seed kept in the workspace ("zaad"). */
(() => {
"use strict";
const W = window.nkWerkruimte;
if (!W) return;
function zaad() {
  const data = W.laad();
  if (!data.zaad) { data.zaad = 1 + Math.floor(Math.random() * 2147483646); W.bewaar(data); }
  return data.zaad;
}
function schud(lijst, sleutel) {
  let h = zaad();
  for (const c of String(sleutel)) h = Math.imul(h ^ c.charCodeAt(0), 2654435761);
  const r = () => { // mulberry32
    h = (h + 0x6d2b79f5) | 0;
    let t = Math.imul(h ^ (h >>> 15), 1 | h);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const uit = lijst.slice();
  for (let i = uit.length - 1; i > 0; i--) { const j = Math.floor(r() * (i + 1)); [uit[i], uit[j]] = [uit[j], uit[i]]; }
  return uit;
}
W.schud = schud;
})();
