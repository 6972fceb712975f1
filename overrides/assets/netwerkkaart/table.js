/* Netwerkkaart, table and form: the "Persoon toevoegen" form and the table in which every person
 * can be changed or removed, fully by keyboard and screen reader. Every change in the table is
 * announced in words through the map's live status line. On a narrow box the table's rows become
 * stacked cards, each field with its own visible heading (netwerkkaart.css, container query).
 * The form and the table only call the map's methods (add, update, remove, status, error).
 */
import { el } from "./render.js";
import { MAX_NAME, RECIPROCITY, RINGS, SECTORS, SUPPORT, byId, cleanName, newId } from "./state.js";

const COLUMNS = ["Initialen of bijnaam", "Sector", "Nabijheid", "Soort steun", "Wederkerigheid", "Verwijderen"];
const ringLabel = (r) => r.id + ". " + r.label;

function selectFor(options, value, attrs) {
  const select = el("select", attrs);
  options.forEach((o) => {
    const opt = el("option", { value: String(o.id) }, o.label);
    if (String(o.id) === String(value)) opt.selected = true;
    select.appendChild(opt);
  });
  return select;
}

/* A form field: a label and its select, appended to the form; returns the select. */
function labelledSelect(form, id, label, options, value) {
  const wrap = el("p", { class: "nk-nwk__veld" });
  wrap.appendChild(el("label", { for: id }, label));
  const sel = selectFor(options, value, { id });
  wrap.appendChild(sel);
  form.appendChild(wrap);
  return sel;
}

/* The add form. Returns {form, nameInput}. */
export function buildForm(map) {
  const form = el("form", { class: "nk-nwk__form", "aria-labelledby": "nk-nwk-form-titel", novalidate: "" });
  form.appendChild(el("h2", { id: "nk-nwk-form-titel" }, "Persoon toevoegen"));
  const nameWrap = el("p", { class: "nk-nwk__veld" });
  nameWrap.appendChild(el("label", { for: "nk-nwk-naam" }, "Initialen of bijnaam"));
  const nameInput = el("input", { id: "nk-nwk-naam", type: "text", maxlength: String(MAX_NAME), autocomplete: "off",
    "aria-describedby": "nk-nwk-naam-hint", spellcheck: "false" });
  nameWrap.appendChild(nameInput);
  const hint = el("span", { id: "nk-nwk-naam-hint", class: "nk-nwk__hint" }, "Geen volledige namen: bijvoorbeeld MJ, tante R of buurman.");
  nameWrap.appendChild(hint);
  form.appendChild(nameWrap);

  const sectorSelect = labelledSelect(form, "nk-nwk-sector", "Sector", SECTORS, "familie");

  const ringSet = el("fieldset", { class: "nk-nwk__groep" });
  ringSet.appendChild(el("legend", null, "Nabijheid"));
  RINGS.forEach((r) => {
    const label = el("label");
    const input = el("input", { type: "radio", name: "nk-nwk-ring", value: String(r.id) });
    if (r.id === 2) input.checked = true;
    label.appendChild(input);
    label.appendChild(document.createTextNode(" " + ringLabel(r)));
    ringSet.appendChild(label);
  });
  form.appendChild(ringSet);

  const supportSet = el("fieldset", { class: "nk-nwk__groep" });
  supportSet.appendChild(el("legend", null, "Soort steun"));
  SUPPORT.forEach((s) => {
    const label = el("label");
    label.appendChild(el("input", { type: "checkbox", name: "nk-nwk-steun", value: s.id }));
    label.appendChild(document.createTextNode(" " + s.label + " (" + s.short + ")"));
    supportSet.appendChild(label);
  });
  form.appendChild(supportSet);

  const recSelect = labelledSelect(form, "nk-nwk-wederkerig", "Wederkerigheid", RECIPROCITY, "wederzijds");
  form.appendChild(el("button", { type: "submit", class: "nk-nwk__knop" }, "Toevoegen"));

  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const name = cleanName(nameInput.value);
    if (!name) { map.error("Vul initialen of een bijnaam in."); nameInput.focus(); return; }
    const ring = form.querySelector('input[name="nk-nwk-ring"]:checked');
    const support = [...form.querySelectorAll('input[name="nk-nwk-steun"]:checked')].map((i) => i.value);
    if (!map.add({ id: newId(), name, sector: sectorSelect.value, ring: ring ? Number(ring.value) : 2, support, reciprocity: recSelect.value })) return;
    nameInput.value = "";
    form.querySelectorAll('input[name="nk-nwk-steun"]').forEach((i) => { i.checked = false; });
    nameInput.focus({ preventScroll: true });
  });
  nameInput.addEventListener("input", () => {
    const words = cleanName(nameInput.value).split(" ").filter((w) => w.length >= 3 && /^[A-ZÀ-Ý]/.test(w));
    hint.textContent = words.length >= 2
      ? "Dit lijkt een volledige naam. Gebruik liever initialen of een bijnaam."
      : "Geen volledige namen: bijvoorbeeld MJ, tante R of buurman.";
  });
  return { form, nameInput };
}

/* The table of people; `rows` keeps each person's row so that an edit touches one row only. */
export class TableView {
  constructor(map) {
    this.map = map;
    this.rows = {};
    this.wrap = el("div", { class: "nk-nwk__tabelwrap" });
    this.wrap.appendChild(el("h2", { id: "nk-nwk-tabel-titel" }, "Tabel: alle personen"));
    this.wrap.appendChild(el("p", { class: "nk-nwk__hint" },
      "De tabel toont dezelfde gegevens als de kaart. Wijzig hier een waarde en de kaart past zich meteen aan."));
    const table = el("table", { class: "nk-nwk__tabel", "aria-labelledby": "nk-nwk-tabel-titel" });
    const head = el("thead"), hr = el("tr");
    COLUMNS.forEach((t) => hr.appendChild(el("th", { scope: "col" }, t)));
    head.appendChild(hr);
    table.appendChild(head);
    this.tbody = el("tbody");
    table.appendChild(this.tbody);
    this.wrap.appendChild(table);
    this.empty = el("p", { class: "nk-nwk__leeg" }, "Er staat nog niemand op de kaart. Voeg een persoon toe met het formulier.");
    this.wrap.appendChild(this.empty);
  }

  cell(tr, column, control) {
    const td = el("td", { "data-kop": COLUMNS[column] });
    td.appendChild(control);
    tr.appendChild(td);
    return control;
  }

  /* A select cell that changes one field and says so: "Sector van MJ: Buren." */
  selectCell(tr, column, options, p, field, label) {
    const sel = this.cell(tr, column, selectFor(options, p[field], { "aria-label": label(p.name), "data-veld": field }));
    sel.addEventListener("change", () => {
      const value = field === "ring" ? Number(sel.value) : sel.value;
      const person = this.map.update(p.id, { [field]: value });
      if (person) this.map.status(`${label(person.name)}: ${byId(options, value).label}.`, false, this.map.saved);
    });
  }

  row(p) {
    const map = this.map, id = p.id;
    const tr = el("tr", { "data-id": id });
    const nameIn = this.cell(tr, 0, el("input", { type: "text", maxlength: String(MAX_NAME), value: p.name, autocomplete: "off", spellcheck: "false",
      "aria-label": "Initialen of bijnaam van " + p.name, "data-veld": "name" }));
    nameIn.value = p.name;
    nameIn.addEventListener("change", () => {
      const v = cleanName(nameIn.value);
      const person = map.find(id);
      if (!v) { nameIn.value = person.name; map.error("Een persoon heeft altijd initialen of een bijnaam nodig."); return; }
      nameIn.value = v;
      map.update(id, { name: v });
      this.label(tr, v);
      map.status("Naam gewijzigd in " + v + ".", false, map.saved);
    });

    this.selectCell(tr, 1, SECTORS, p, "sector", (n) => "Sector van " + n);
    this.selectCell(tr, 2, RINGS.map((r) => ({ id: r.id, label: ringLabel(r) })), p, "ring", (n) => "Nabijheid van " + n);

    const group = this.cell(tr, 3, el("div", { role: "group", "aria-label": "Soort steun van " + p.name, class: "nk-nwk__steun" }));
    SUPPORT.forEach((s) => {
      const label = el("label", { title: s.label });
      const box = el("input", { type: "checkbox", value: s.id, "aria-label": s.label });
      box.checked = p.support.indexOf(s.id) >= 0;
      box.addEventListener("change", () => {
        const chosen = [...group.querySelectorAll("input")].filter((b) => b.checked).map((b) => b.value);
        const person = map.update(id, { support: chosen });
        if (person) {
          const words = person.support.map((x) => byId(SUPPORT, x).label.toLowerCase()).join(", ");
          map.status(`Soort steun van ${person.name}: ${words || "geen"}.`, false, map.saved);
        }
      });
      label.appendChild(box);
      label.appendChild(el("span", { "aria-hidden": "true" }, " " + s.short));
      group.appendChild(label);
    });

    this.selectCell(tr, 4, RECIPROCITY, p, "reciprocity", (n) => "Wederkerigheid met " + n);

    const del = this.cell(tr, 5, el("button", { type: "button", class: "nk-nwk__knop nk-nwk__knop--licht", "aria-label": p.name + " verwijderen" }, "Verwijderen"));
    del.addEventListener("click", () => {
      const next = tr.nextElementSibling || tr.previousElementSibling;
      map.remove(id);
      const focus = next && next.isConnected ? next.querySelector("button") : map.nameInput;
      if (focus) focus.focus();
    });
    this.rows[id] = tr;
    return tr;
  }

  /* After a rename, every control of the row carries the new name in its label. */
  label(tr, name) {
    tr.querySelector('[data-veld="name"]').setAttribute("aria-label", "Initialen of bijnaam van " + name);
    tr.querySelector('[data-veld="sector"]').setAttribute("aria-label", "Sector van " + name);
    tr.querySelector('[data-veld="ring"]').setAttribute("aria-label", "Nabijheid van " + name);
    tr.querySelector(".nk-nwk__steun").setAttribute("aria-label", "Soort steun van " + name);
    tr.querySelector('[data-veld="reciprocity"]').setAttribute("aria-label", "Wederkerigheid met " + name);
    tr.querySelector("button").setAttribute("aria-label", name + " verwijderen");
  }

  append(p) {
    this.tbody.appendChild(this.row(p));
    this.empty.hidden = true;
  }

  drop(id) {
    if (this.rows[id]) this.rows[id].remove();
    delete this.rows[id];
    this.empty.hidden = this.tbody.children.length > 0;
  }

  render(people) {
    this.rows = {};
    const frag = document.createDocumentFragment();
    people.forEach((p) => frag.appendChild(this.row(p)));
    this.tbody.textContent = "";
    this.tbody.appendChild(frag);
    this.empty.hidden = people.length > 0;
  }
}
