/* Netwerkkaart, the entry module: builds the widget inside [data-nk-netwerkkaart] and wires the
 * parts together (state.js, layout.js, render.js, table.js, files.js). It holds the map's edits
 * (add, change, remove, clear, replace, undo), its messages, and the in-browser benchmark.
 *
 * Loaded by the page as a native ES module (front matter `module_scripts:`), no bundler; the
 * offline package joins these files into one classic script. It needs netwerkkracht.js on the
 * page first (window.nkWerkruimte: storage, notice, the map's data format). window.nkNetwerkkaart is the handle
 * for tests and tests/benchmarks/netwerkkaart_bench.py.
 */
import { MapView, el, summary } from "./render.js";
import { MAX_NAME, MAX_PEOPLE, RECIPROCITY, SECTORS, SUPPORT, byId, cleanName, loadStored, parseMap, ready, snapshot, storageKey, store } from "./state.js";
import { TableView, buildForm } from "./table.js";
import { exportJson, exportPng, exportSvg, fillPrintList, importFile, importText, offerExample } from "./files.js";

class NetworkMap {
  constructor(root) {
    this.root = root;
    this.key = storageKey;
    this.state = { title: "", people: [] };
    this.undo = null;
    const stored = loadStored();
    if (stored.map) this.state = stored.map;
    this.build();
    if (stored.error) this.error(stored.error);
    this.table.render(this.state.people);
    this.redraw();
    window.nkWerkruimte.melding();
  }

  build() {
    const root = this.root;
    root.textContent = "";
    root.classList.add("nk-nwk--actief");

    const { form, nameInput } = buildForm(this);
    this.nameInput = nameInput;
    this.view = new MapView(root);
    this.view.onPick = (id) => this.view.pick(id, this.state);

    this.statusEl = el("p", { class: "nk-nwk__status", role: "status", "aria-live": "polite" });
    this.errorEl = el("p", { class: "nk-nwk__fout", role: "alert" });
    this.undoBtn = el("button", { type: "button", class: "nk-nwk__knop nk-nwk__knop--licht", hidden: "" }, "Ongedaan maken");
    this.undoBtn.addEventListener("click", () => this.restoreUndo());
    const messages = el("div", { class: "nk-nwk__berichten" });
    messages.append(this.statusEl, this.undoBtn, this.errorEl);
    this.offerSlot = el("div", { class: "nk-nwk__aanbodplek" });

    const tools = el("div", { class: "nk-nwk__tools", role: "group", "aria-label": "Kaart bewaren, openen en afdrukken" });
    const titleWrap = el("p", { class: "nk-nwk__veld nk-nwk__veld--titel" });
    titleWrap.appendChild(el("label", { for: "nk-nwk-titel" }, "Kaart van (initialen)"));
    this.titleInput = el("input", { id: "nk-nwk-titel", type: "text", maxlength: String(MAX_NAME), autocomplete: "off", spellcheck: "false" });
    this.titleInput.value = this.state.title;
    this.titleInput.addEventListener("input", () => {
      this.state.title = cleanName(this.titleInput.value);
      this.redraw();
      this.save();
    });
    titleWrap.appendChild(this.titleInput);
    tools.appendChild(titleWrap);
    [
      ["png", "Exporteren als PNG", () => exportPng(this)],
      ["svg", "Exporteren als SVG", () => exportSvg(this)],
      ["json", "Exporteren als JSON", () => exportJson(this)],
      ["print", "Afdrukken", () => this.print()],
      ["wissen", "Kaart wissen", () => this.clear()],
    ].forEach(([action, label, run]) => {
      const btn = el("button", { type: "button", class: "nk-nwk__knop", "data-nk-actie": action }, label);
      btn.addEventListener("click", run);
      tools.appendChild(btn);
    });
    /* The file input comes first, so that its focus can show on the label that is its visible face. */
    this.importInput = el("input", { id: "nk-nwk-import", type: "file", accept: "application/json,.json", class: "nk-nwk__bestand" });
    this.importInput.addEventListener("change", () => {
      const file = this.importInput.files && this.importInput.files[0];
      if (file) importFile(this, file);
      this.importInput.value = "";
    });
    tools.appendChild(this.importInput);
    tools.appendChild(el("label", { class: "nk-nwk__knop nk-nwk__import", for: "nk-nwk-import" }, "JSON importeren"));

    this.table = new TableView(this);
    this.printList = el("div", { class: "nk-nwk__print" });

    /* Form and map side by side on a wide box; on a narrow one the map comes first (CSS order). */
    const top = el("div", { class: "nk-nwk__boven" });
    this.view.column.insertBefore(messages, this.view.detail);
    top.append(form, this.view.column);
    root.append(tools, this.offerSlot, top, this.table.wrap, this.printList);
    window.addEventListener("beforeprint", () => fillPrintList(this, this.printList));
    window.addEventListener("storage", (ev) => {
      if (ev.key !== this.key || !ev.newValue) return;
      const parsed = parseMap(ev.newValue);
      if (parsed.map) { this.state = parsed.map; this.titleInput.value = this.state.title; this.table.render(this.state.people); this.redraw(); }
    });
    new MutationObserver(() => this.view.paint()).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme", "data-md-color-primary"] });
  }

  redraw() { this.view.redraw(this.state); }

  /* The sentence that names the SVG for a screen reader (also the static worked maps' description). */
  summary() { return summary(this.state); }

  save() {
    this.saved = store(this.state);
    return this.saved;
  }

  find(id) {
    for (const p of this.state.people) if (p.id === id) return p;
    return null;
  }

  /* -------- messages and undo */

  /* A message in the live status line; after an edit that could not be stored, it says so. */
  status(text, undoable, saved = true) {
    this.errorEl.textContent = "";
    this.statusEl.textContent = saved ? text : text.replace(/\.$/, "") + ", maar is niet bewaard: zie de melding bovenaan de kaart.";
    if (undoable) this.undoBtn.removeAttribute("hidden"); else this.undoBtn.setAttribute("hidden", "");
  }

  error(text) { this.errorEl.textContent = text; }

  remember() { this.undo = snapshot(this.state); }

  restoreUndo() {
    if (!this.undo) return;
    this.replace(JSON.parse(this.undo), false);
    this.undo = null;
    this.status("De vorige toestand van de kaart is teruggezet.", false, this.saved);
  }

  showOffer(box) { this.offerSlot.replaceChildren(box); box.querySelector("button").focus({ preventScroll: true }); box.scrollIntoView({ block: "nearest" }); }

  closeOffer() { this.offerSlot.replaceChildren(); }

  /* -------- edits */

  /* Add a person; false when the map is full. Brings the new person into view on a narrow screen. */
  add(person) {
    if (this.state.people.length >= MAX_PEOPLE) { this.error("De kaart is vol (" + MAX_PEOPLE + " personen)."); return false; }
    this.state.people.push(person);
    this.table.append(person);
    this.redraw();
    this.save();
    const n = this.state.people.length;
    this.status(`${person.name} staat op de kaart als nummer ${n} (${byId(SECTORS, person.sector).label.toLowerCase()}, ring ${person.ring}).`, false, this.saved);
    this.reveal(person.id);
    return true;
  }

  /* The new person and the message under the map in view, when they are not (form below the map). */
  reveal(id) {
    const node = this.view.nodes[id], box = node && node.circle.getBoundingClientRect();
    const status = this.statusEl.getBoundingClientRect();
    if (box && box.top >= 0 && status.bottom <= innerHeight) return;
    this.view.column.scrollIntoView({ block: "start", behavior: "instant" });
  }

  /* Change some fields of one person; returns the person (or null). */
  update(id, patch) {
    const p = this.find(id);
    if (!p) return null;
    Object.assign(p, patch);
    this.redraw();
    this.save();
    return p;
  }

  remove(id) {
    const p = this.find(id);
    if (!p) return;
    this.remember();
    this.state.people = this.state.people.filter((q) => q.id !== id);
    this.table.drop(id);
    this.redraw();
    this.save();
    this.status(p.name + " is van de kaart verwijderd.", true, this.saved);
  }

  clear() {
    if (!this.state.people.length) { this.status("De kaart is al leeg."); return; }
    this.replace({ title: "", people: [] });
    this.status("De kaart is gewist.", true, this.saved);
  }

  /* Put another map in place (file, example, undo); the old one is kept for 'Ongedaan maken'. */
  replace(next, keep = true) {
    if (keep) this.remember();
    this.state = { title: next.title || "", people: next.people };
    this.titleInput.value = this.state.title;
    this.table.render(this.state.people);
    this.redraw();
    this.save();
  }

  fillPrintList() { fillPrintList(this, this.printList); }

  print() {
    this.fillPrintList();
    window.print();
  }

  /* -------- benchmark: redraw time of one edit with n people (prints and returns timings) */

  benchmark(n = 150, edits = 60) {
    const saved = snapshot(this.state);
    const people = [];
    for (let i = 0; i < n; i++) {
      people.push({ id: "b" + i, name: "Persoon nummer " + i, sector: SECTORS[i % SECTORS.length].id, ring: 1 + (i % 3),
        support: [SUPPORT[i % SUPPORT.length].id], reciprocity: RECIPROCITY[i % RECIPROCITY.length].id });
    }
    this.state = { title: "bench", people };
    this.table.render(people);
    this.redraw();
    document.body.getBoundingClientRect();
    const times = [];
    for (let e = 0; e < edits; e++) {
      const target = people[(e * 37) % n];
      const t0 = performance.now();
      this.update(target.id, { ring: 1 + (target.ring % 3), sector: SECTORS[(e + 3) % SECTORS.length].id });
      this.view.svg.getBoundingClientRect(); /* force style and layout of the new map */
      times.push(performance.now() - t0);
    }
    this.state = JSON.parse(saved);
    this.table.render(this.state.people);
    this.redraw();
    this.save();
    times.sort((a, b) => a - b);
    const sum = times.reduce((a, b) => a + b, 0);
    const result = { people: n, edits, mean: sum / edits, median: times[Math.floor(edits / 2)],
      p95: times[Math.min(edits - 1, Math.floor(edits * 0.95))], max: times[edits - 1] };
    if (window.console) console.log("netwerkkaart benchmark", JSON.stringify(result));
    return result;
  }
}

function start() {
  const root = document.querySelector("[data-nk-netwerkkaart]");
  if (!root || root.nkMap) return;
  if (!ready) {
    root.appendChild(el("p", { class: "nk-nwk__fout", role: "alert" },
      "De kaart kan niet starten: het script van de cursus (netwerkkracht.js) ontbreekt. Gebruik het werkblad om af te drukken."));
    return;
  }
  const map = new NetworkMap(root);
  root.nkMap = map;
  window.nkNetwerkkaart = {
    map,
    benchmark: (n, edits) => map.benchmark(n, edits),
    parse: parseMap,
    importText: (text) => importText(map, text, "Het bestand"),
    fillPrintList: () => fillPrintList(map, map.printList),
    storageKey: map.key,
  };
  try { offerExample(map); } catch (e) { map.error("Het voorbeeld kon niet geladen worden. Je kaart is niet gewijzigd."); }
}

try {
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
} catch (e) {
  if (window.console) console.error(e);
}
