/* Netwerkkaart, state and storage: what the map holds, the labels people see, and where it is kept.
 *
 * The data format (ids, limits, validation) belongs to the learner workspace (netwerkkracht.js,
 * window.nkWerkruimte), because backup, wipe and import handle the map as one of the learner's
 * parts; this module adds the Dutch labels and keeps the map through the workspace's storage, so
 * that a refused or full storage shows the same lasting notice as every learning page.
 * The JSON export format, documented on the page and read by the analysis notebook:
 *   {format: "netwerkkracht-netwerkkaart", version: 1, title, exported,
 *    people: [{id, name, sector, ring, support: [...], reciprocity}]}
 */

const workspace = window.nkWerkruimte;
export const ready = !!(workspace && workspace.kaart);
const model = ready ? workspace.kaart : { sectoren: [], ringen: [], steun: [], wederkerigheid: [], maxNaam: 20, maxPersonen: 500 };

const SECTOR_LABELS = {
  huishouden: "Huishouden", familie: "Familie", vrienden: "Vrienden", buren: "Buren",
  "kennissen-verenigingen": "Kennissen en verenigingen", "school-werk": "School en werk", "professionele-hulp": "Professionele hulp",
};
const FORMAL = ["school-werk", "professionele-hulp"];
const RING_LABELS = { 1: "Heel dichtbij", 2: "Dichtbij", 3: "Op afstand" };
const SUPPORT_LABELS = {
  emotioneel: ["Emotionele steun", "E"], praktisch: ["Praktische hulp", "P"], informatie: ["Informatie en advies", "I"],
  gezelschap: ["Gezelschap", "G"], waardering: ["Waardering", "W"],
};
const RECIPROCITY_LABELS = {
  wederzijds: "Over en weer", krijgt: "De cliënt krijgt vooral", geeft: "De cliënt geeft vooral", onbekend: "Weet ik (nog) niet",
};

export const MAX_NAME = model.maxNaam;
export const MAX_PEOPLE = model.maxPersonen;
export const SECTORS = model.sectoren.map((id) => ({ id, label: SECTOR_LABELS[id] || id, formal: FORMAL.includes(id) }));
export const RINGS = model.ringen.map((id) => ({ id, label: RING_LABELS[id] || String(id) }));
export const SUPPORT = model.steun.map((id) => ({ id, label: (SUPPORT_LABELS[id] || [id])[0], short: (SUPPORT_LABELS[id] || [id, "?"])[1] }));
export const RECIPROCITY = model.wederkerigheid.map((id) => ({ id, label: RECIPROCITY_LABELS[id] || id }));

export function byId(list, id) {
  for (const item of list) if (item.id === id) return item;
  return null;
}

export function cleanName(value) {
  return String(value == null ? "" : value).replace(/\s+/g, " ").trim().slice(0, MAX_NAME);
}

let counter = 0;
export function newId() {
  counter += 1;
  return "p" + Date.now().toString(36) + counter.toString(36);
}

/* "Vrienden, heel dichtbij; emotionele steun, gezelschap; over en weer": one person in words. */
export function describe(p) {
  const support = p.support.map((s) => byId(SUPPORT, s).label.toLowerCase()).join(", ");
  return byId(SECTORS, p.sector).label + ", " + byId(RINGS, p.ring).label.toLowerCase() +
    "; " + (support || "geen steun aangeduid") + "; " + byId(RECIPROCITY, p.reciprocity).label;
}

export function letters(p) {
  return p.support.map((s) => byId(SUPPORT, s).short).join(" ");
}

export function exportObject(state) {
  return {
    format: "netwerkkracht-netwerkkaart",
    version: 1,
    title: state.title,
    exported: new Date().toISOString(),
    people: state.people.map((p) => ({ id: p.id, name: p.name, sector: p.sector, ring: p.ring, support: p.support.slice(), reciprocity: p.reciprocity })),
  };
}

/* A map from text (an imported file, the stored copy, an example): {map: {title, people}} or {error}. */
export function parseMap(text) {
  let data;
  try { data = JSON.parse(text); } catch (e) { return { error: "Dit bestand is geen geldig JSON-bestand." }; }
  return fromObject(data);
}

export function fromObject(data) {
  const read = workspace.kaartLezen(data);
  if (read.fout) return { error: read.fout };
  return { map: { title: read.kaart.title, people: read.kaart.people } };
}

export const storageKey = ready ? workspace.kaartsleutel : "";

/* The stored map: {map}, {error} when it cannot be read (it stays stored until the map changes), or {} when none. */
export function loadStored() {
  const raw = workspace.lees(storageKey);
  if (!raw) return {};
  const parsed = parseMap(raw);
  return parsed.map ? parsed : { error: "De bewaarde kaart kon niet gelezen worden en is niet geladen. Ze blijft bewaard tot je de kaart wijzigt." };
}

/* Keep the map; false when the browser keeps nothing (the workspace then shows its notice). */
export function store(state) {
  const ok = workspace.schrijf(storageKey, JSON.stringify(exportObject(state)));
  if (!ok) workspace.melding();
  return ok;
}

export function snapshot(state) {
  return JSON.stringify({ title: state.title, people: state.people });
}
