/* Netwerkkaart, import and export: PNG, SVG and JSON downloads, reading a JSON file, the example
 * maps of `?voorbeeld=<name>` (docs/toolbox/voorbeelden/<name>.json), and the printed list.
 *
 * Nothing replaces the learner's own map without a clear choice: a file or an example is first
 * offered ("Je eigen kaart (3 personen) wordt dan vervangen"), and after replacing, "Ongedaan
 * maken" brings the old map back. An empty map is filled at once, because nothing is lost.
 */
import { el } from "./render.js";
import { RECIPROCITY, RINGS, SECTORS, SUPPORT, byId, exportObject, parseMap } from "./state.js";

const MAX_FILE = 1024 * 1024;
const EXAMPLE_NAME = /^[a-z0-9][a-z0-9-]{0,59}$/;
const people = (n) => n + (n === 1 ? " persoon" : " personen");

function stamp() { return new Date().toISOString().slice(0, 10); }

function fileBase(state) {
  const slug = (state.title || "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  return "netwerkkaart" + (slug ? "-" + slug : "") + "-" + stamp();
}

function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = el("a", { href: url, download: name });
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

export function exportSvg(map) {
  download(new Blob([map.view.exportText(map.state).text], { type: "image/svg+xml" }), fileBase(map.state) + ".svg");
  map.status("De kaart is gedownload als SVG.");
}

export function exportJson(map) {
  download(new Blob([JSON.stringify(exportObject(map.state), null, 2)], { type: "application/json" }), fileBase(map.state) + ".json");
  map.status("De kaart is gedownload als JSON. Met dat bestand open je ze later opnieuw.");
}

export function exportPng(map) {
  const scale = 2, picture = map.view.exportText(map.state);
  const img = new Image();
  const url = URL.createObjectURL(new Blob([picture.text], { type: "image/svg+xml" }));
  const fail = () => map.error("De afbeelding kon niet gemaakt worden. Probeer SVG.");
  img.onload = () => {
    const canvas = el("canvas", { width: String(picture.width * scale), height: String(picture.height * scale) });
    const ctx = canvas.getContext("2d");
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    URL.revokeObjectURL(url);
    canvas.toBlob((blob) => {
      if (!blob) { fail(); return; }
      download(blob, fileBase(map.state) + ".png");
      map.status("De kaart is gedownload als PNG.");
    }, "image/png");
  };
  img.onerror = () => { URL.revokeObjectURL(url); fail(); };
  img.src = url;
}

export function importFile(map, file) {
  if (file.size > MAX_FILE) { map.error("Dit bestand is te groot voor een netwerkkaart (meer dan 1 MB). Je kaart is niet gewijzigd."); return; }
  const reader = new FileReader();
  reader.onload = () => importText(map, String(reader.result), "Het bestand");
  reader.onerror = () => map.error("Het bestand kon niet gelezen worden. Je kaart is niet gewijzigd.");
  reader.readAsText(file);
}

/* Read a map from text and offer it; false (with a message) when it cannot be read. */
export function importText(map, text, what) {
  const parsed = parseMap(text);
  if (parsed.error) { map.error(parsed.error + " Je kaart is niet gewijzigd."); return false; }
  offer(map, parsed.map, what);
  return true;
}

/* Replace the map with `next` at once when the map is empty; otherwise ask first. */
export function offer(map, next, what, example) {
  map.closeOffer();
  const n = next.people.length, mine = map.state.people.length;
  const done = () => {
    map.replace(next);
    map.status((example ? "Het voorbeeld is geladen: " : "Kaart geïmporteerd: ") + people(n) + "." +
      (mine ? " Je vorige kaart zet je terug met 'Ongedaan maken'." : ""), !!mine, map.saved);
  };
  if (!mine && !example) { done(); return; }
  const box = el("div", { class: "nk-nwk__aanbod", role: "region", "aria-labelledby": "nk-nwk-aanbod-titel" });
  box.appendChild(el("h2", { id: "nk-nwk-aanbod-titel" }, example ? "Voorbeeldkaart" : "Kaart uit een bestand"));
  box.appendChild(el("p", null, `${what} bevat een kaart${next.title ? " van " + next.title : ""} met ${people(n)}.` +
    (mine ? ` Je eigen kaart (${people(mine)}) wordt dan vervangen; met 'Ongedaan maken' zet je ze meteen terug.` : "")));
  const yes = el("button", { type: "button", class: "nk-nwk__knop" },
    mine ? (example ? "Vervang mijn kaart door het voorbeeld" : "Vervang mijn kaart") : "Voorbeeld laden");
  const no = el("button", { type: "button", class: "nk-nwk__knop nk-nwk__knop--licht" }, mine ? "Mijn kaart houden" : "Niet laden");
  yes.addEventListener("click", () => { map.closeOffer(); done(); });
  no.addEventListener("click", () => { map.closeOffer(); map.status(mine ? "Je kaart is niet gewijzigd." : "Het voorbeeld is niet geladen."); });
  box.appendChild(yes);
  box.appendChild(no);
  map.showOffer(box);
}

/* `?voorbeeld=<name>`: fetch docs/toolbox/voorbeelden/<name>.json from this site and offer it. */
export function offerExample(map) {
  const name = new URLSearchParams(location.search).get("voorbeeld");
  if (name === null) return;
  if (!EXAMPLE_NAME.test(name)) { map.error("Dit voorbeeld bestaat niet. Je kaart is niet gewijzigd."); return; }
  let base = "..";
  try { base = JSON.parse(document.getElementById("__config").textContent).base || base; } catch (e) { /* no theme config: relative */ }
  const url = new URL(base.replace(/\/$/, "") + "/toolbox/voorbeelden/" + name + ".json", location.href);
  const fail = () => map.error("Het voorbeeld kon niet geladen worden. Je kaart is niet gewijzigd.");
  fetch(url, { credentials: "same-origin" })
    .then((r) => (r.ok ? r.text() : Promise.reject(new Error(String(r.status)))))
    .then((text) => {
      const parsed = parseMap(text);
      if (parsed.error) fail(); else offer(map, parsed.map, "Dit voorbeeld", true);
    }, fail);
}

export function fillPrintList(map, list) {
  list.textContent = "";
  list.appendChild(el("h2", null, "Personen op de kaart"));
  const table = el("table"), head = el("tr");
  ["Nr.", "Initialen of bijnaam", "Sector", "Nabijheid", "Soort steun", "Wederkerigheid"].forEach((t) => head.appendChild(el("th", { scope: "col" }, t)));
  const thead = el("thead");
  thead.appendChild(head);
  table.appendChild(thead);
  const body = el("tbody");
  map.state.people.forEach((p, i) => {
    const tr = el("tr");
    [String(i + 1), p.name, byId(SECTORS, p.sector).label, p.ring + ". " + byId(RINGS, p.ring).label,
      p.support.map((s) => byId(SUPPORT, s).label.toLowerCase()).join(", ") || "–",
      byId(RECIPROCITY, p.reciprocity).label].forEach((t) => tr.appendChild(el("td", null, t)));
    body.appendChild(tr);
  });
  table.appendChild(body);
  list.appendChild(table);
}
