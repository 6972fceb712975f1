/* Netwerkkaart, state and storage: what the map holds, the labels people see, and where it is kept.
 *
 * Checking a map (limits, validation) belongs to the learner workspace (netwerkkracht.js,
 * window.nkWerkruimte), because backup, wipe and import handle the map as one of the learner's
 * parts; this module holds the options with their Dutch labels and keeps the map through the
 * workspace's storage, so that a refused or full storage shows the same lasting notice as every
 * learning page.
 * The JSON export format, documented on the page and read by the analysis notebook:
 *   {format: "netwerkkracht-netwerkkaart", version: 1, title, exported,
 *    people: [{id, name, sector, ring, support: [...], reciprocity}]}
 */

const workspace = window.nkWerkruimte;
export const ready = !!(workspace && workspace.kaart);

/* The options with their labels, in the order of the printed worksheet (catalog/tools.yml). The ids
   are the workspace's (netwerkkracht.js, KAART): tests/test_netwerkkaart_modules.py keeps them equal. */
export const FORMAT = "netwerkkracht-netwerkkaart";
export const VERSION = 1;
export const SECTORS = [
  { id: "huishouden", label: "Huishouden", formal: false },
  { id: "familie", label: "Familie", formal: false },
  { id: "vrienden", label: "Vrienden", formal: false },
  { id: "buren", label: "Buren", formal: false },
  { id: "kennissen-verenigingen", label: "Kennissen en verenigingen", formal: false },
  { id: "school-werk", label: "School en werk", formal: true },
  { id: "professionele-hulp", label: "Professionele hulp", formal: true },
];
export const RINGS = [
  { id: 1, label: "Heel dichtbij" },
  { id: 2, label: "Dichtbij" },
  { id: 3, label: "Op afstand" },
];
export const SUPPORT = [
  { id: "emotioneel", label: "Emotionele steun", short: "E" },
  { id: "praktisch", label: "Praktische hulp", short: "P" },
  { id: "informatie", label: "Informatie en advies", short: "I" },
  { id: "gezelschap", label: "Gezelschap", short: "G" },
  { id: "waardering", label: "Waardering", short: "W" },
];
export const RECIPROCITY = [
  { id: "wederzijds", label: "Over en weer" },
  { id: "krijgt", label: "De cliënt krijgt vooral" },
  { id: "geeft", label: "De cliënt geeft vooral" },
  { id: "onbekend", label: "Weet ik (nog) niet" },
];
export const MAX_NAME = ready ? workspace.kaart.maxNaam : 20;
export const MAX_PEOPLE = ready ? workspace.kaart.maxPersonen : 500;

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
    format: FORMAT,
    version: VERSION,
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
