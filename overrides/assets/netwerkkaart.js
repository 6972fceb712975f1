/* Netwerkkracht: interactieve netwerkkaart.
 *
 * Everything stays in the browser (localStorage, key "<namespace>:netwerkkaart"). User text is only
 * ever set with textContent / setAttribute / form values, never parsed as HTML. No libraries.
 * The JSON export format is documented on the page and read by the analysis notebook:
 *   {format: "netwerkkracht-netwerkkaart", version: 1, title, exported,
 *    people: [{id, name, sector, ring, support: [...], reciprocity}]}
 */
(function () {
  "use strict";

  var FORMAT = "netwerkkracht-netwerkkaart";
  var VERSION = 1;
  var MAX_NAME = 20;
  var MAX_PEOPLE = 500;
  var SECTORS = [
    { id: "huishouden", label: "Huishouden", formal: false },
    { id: "familie", label: "Familie", formal: false },
    { id: "vrienden", label: "Vrienden", formal: false },
    { id: "buren", label: "Buren", formal: false },
    { id: "kennissen-verenigingen", label: "Kennissen en verenigingen", formal: false },
    { id: "school-werk", label: "School en werk", formal: true },
    { id: "professionele-hulp", label: "Professionele hulp", formal: true }
  ];
  var RINGS = [
    { id: 1, label: "Heel dichtbij" },
    { id: 2, label: "Dichtbij" },
    { id: 3, label: "Op afstand" }
  ];
  var SUPPORT = [
    { id: "emotioneel", label: "Emotionele steun", short: "E" },
    { id: "praktisch", label: "Praktische hulp", short: "P" },
    { id: "informatie", label: "Informatie en advies", short: "I" },
    { id: "gezelschap", label: "Gezelschap", short: "G" },
    { id: "waardering", label: "Waardering", short: "W" }
  ];
  var RECIPROCITY = [
    { id: "wederzijds", label: "Over en weer" },
    { id: "krijgt", label: "De cliënt krijgt vooral" },
    { id: "geeft", label: "De cliënt geeft vooral" },
    { id: "onbekend", label: "Weet ik (nog) niet" }
  ];

  /* Map geometry, in SVG units. The map is drawn on a white card in both colour schemes. */
  var W = 760, H = 660, CX = 380, CY = 330;
  var R_CENTRE = 34, RADII = [112, 184, 252], R_LABEL = 266;
  var INK = "#1b2b34", RING_FILL = ["#cfe6e8", "#e4f1f2", "#f6fbfb"], FORMAL_FILL = "#d9d9d9";
  var NODE_R = 16;
  var SVGNS = "http://www.w3.org/2000/svg";

  function byId(list, id) {
    for (var i = 0; i < list.length; i++) if (list[i].id === id) return list[i];
    return null;
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    if (attrs) for (var k in attrs) if (attrs[k] !== null && attrs[k] !== undefined) node.setAttribute(k, attrs[k]);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function svg(tag, attrs, text) {
    var node = document.createElementNS(SVGNS, tag);
    if (attrs) for (var k in attrs) node.setAttribute(k, attrs[k]);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function point(r, deg) {
    var a = deg * Math.PI / 180;
    return [CX + r * Math.cos(a), CY + r * Math.sin(a)];
  }

  function wrap(label, width) {
    var lines = [], line = "";
    label.split(" ").forEach(function (word) {
      if (line && (line + " " + word).length > width) { lines.push(line); line = word; }
      else line = line ? line + " " + word : word;
    });
    lines.push(line);
    return lines;
  }

  function boundary(i) { return -90 + i * 360 / SECTORS.length; }

  /* ------------------------------------------------------------------ data */

  function namespace() {
    var meta = document.querySelector('meta[name="nk-namespace"]');
    return (meta && meta.getAttribute("content")) || "netwerkkracht";
  }

  function cleanName(value) {
    return String(value == null ? "" : value).replace(/\s+/g, " ").trim().slice(0, MAX_NAME);
  }

  /* Validate one person; return an error sentence or null. */
  function personProblem(p, index) {
    var where = "Persoon " + (index + 1);
    if (!p || typeof p !== "object" || Array.isArray(p)) return where + " is geen geldig item.";
    if (typeof p.name !== "string" || !cleanName(p.name)) return where + " heeft geen initialen of bijnaam.";
    if (p.name.length > MAX_NAME) return where + ": de naam is langer dan " + MAX_NAME + " tekens.";
    if (!byId(SECTORS, p.sector)) return where + " heeft een onbekende sector.";
    if ([1, 2, 3].indexOf(p.ring) < 0) return where + " heeft een ring die niet 1, 2 of 3 is.";
    if (!Array.isArray(p.support)) return where + ": de soorten steun staan niet in een lijst.";
    for (var i = 0; i < p.support.length; i++) {
      if (!byId(SUPPORT, p.support[i])) return where + " heeft een onbekende soort steun.";
    }
    if (!byId(RECIPROCITY, p.reciprocity)) return where + " heeft een onbekende waarde voor wederkerigheid.";
    return null;
  }

  /* Parse an imported file. Returns {map} or {error}; never touches the current map. */
  function parseMap(text) {
    var data;
    try { data = JSON.parse(text); } catch (e) { return { error: "Dit bestand is geen geldig JSON-bestand." }; }
    if (!data || typeof data !== "object" || data.format !== FORMAT) {
      return { error: "Dit bestand is geen netwerkkaart van Netwerkkracht (het veld 'format' ontbreekt of klopt niet)." };
    }
    if (data.version !== VERSION) return { error: "Deze versie van het bestand (" + String(data.version).slice(0, 10) + ") kan de kaart niet lezen." };
    if (!Array.isArray(data.people)) return { error: "Het bestand bevat geen lijst met personen." };
    if (data.people.length > MAX_PEOPLE) return { error: "Het bestand bevat meer dan " + MAX_PEOPLE + " personen." };
    var people = [], seen = {};
    for (var i = 0; i < data.people.length; i++) {
      var problem = personProblem(data.people[i], i);
      if (problem) return { error: problem };
      var p = data.people[i];
      var id = typeof p.id === "string" && /^[A-Za-z0-9_-]{1,40}$/.test(p.id) && !seen[p.id] ? p.id : newId();
      seen[id] = true;
      people.push({ id: id, name: cleanName(p.name), sector: p.sector, ring: p.ring,
                    support: SUPPORT.map(function (s) { return s.id; }).filter(function (s) { return p.support.indexOf(s) >= 0; }),
                    reciprocity: p.reciprocity });
    }
    return { map: { title: cleanName(typeof data.title === "string" ? data.title : ""), people: people } };
  }

  var counter = 0;
  function newId() {
    counter += 1;
    return "p" + Date.now().toString(36) + counter.toString(36);
  }

  function exportObject(state) {
    return {
      format: FORMAT,
      version: VERSION,
      title: state.title,
      exported: new Date().toISOString(),
      people: state.people.map(function (p) {
        return { id: p.id, name: p.name, sector: p.sector, ring: p.ring, support: p.support.slice(), reciprocity: p.reciprocity };
      })
    };
  }

  /* ------------------------------------------------------------------ layout of people on the map */

  function layout(people) {
    var groups = {};
    people.forEach(function (p) {
      var key = p.sector + "|" + p.ring;
      (groups[key] = groups[key] || []).push(p);
    });
    var pos = {};
    SECTORS.forEach(function (s, si) {
      var a0 = boundary(si), a1 = boundary(si + 1);
      RINGS.forEach(function (ring, ri) {
        var list = groups[s.id + "|" + ring.id];
        if (!list) return;
        var inner = ri === 0 ? R_CENTRE : RADII[ri - 1], outer = RADII[ri];
        var lo = inner + NODE_R + 4, hi = outer - NODE_R - 4, mid = (inner + outer) / 2;
        var maxRows = Math.max(1, Math.floor((hi - lo) / (2 * NODE_R + 2)) + 1);
        var span = a1 - a0 - 8;
        var perRow = Math.max(1, Math.floor((span * Math.PI / 180 * mid) / (2 * NODE_R + 4)));
        var rows = Math.min(maxRows, Math.ceil(list.length / perRow));
        list.forEach(function (p, k) {
          var row = k % rows, col = Math.floor(k / rows);
          var inRow = Math.ceil((list.length - row) / rows);
          var r = rows === 1 ? mid : lo + row * (hi - lo) / (rows - 1);
          pos[p.id] = point(r, a0 + 4 + span * (col + 0.5) / inRow);
        });
      });
    });
    return pos;
  }

  /* ------------------------------------------------------------------ the widget */

  function NetworkMap(root) {
    this.root = root;
    this.key = namespace() + ":netwerkkaart";
    this.state = { title: "", people: [] };
    this.undo = null;
    this.rows = {};
    this.load();
    this.build();
    this.renderTable();
    this.redraw();
  }

  NetworkMap.prototype.load = function () {
    var raw = null;
    try { raw = window.localStorage.getItem(this.key); } catch (e) { raw = null; }
    if (!raw) return;
    var parsed = parseMap(raw);
    if (parsed.map) this.state = parsed.map;
    else this.loadError = "De bewaarde kaart kon niet gelezen worden en is niet geladen. Ze blijft bewaard tot je de kaart wijzigt.";
  };

  NetworkMap.prototype.save = function () {
    try {
      window.localStorage.setItem(this.key, JSON.stringify(exportObject(this.state)));
      return true;
    } catch (e) {
      this.error("Bewaren in deze browser lukte niet (is de opslag vol of uitgeschakeld?). Exporteer de kaart als JSON om ze te bewaren.");
      return false;
    }
  };

  NetworkMap.prototype.find = function (id) {
    for (var i = 0; i < this.state.people.length; i++) if (this.state.people[i].id === id) return this.state.people[i];
    return null;
  };

  /* -------- building the controls */

  // A form field: a label and its select, appended to the form; returns the select.
  function labelledSelect(form, id, label, options, value) {
    var wrap = el("p", { "class": "nk-nwk__veld" });
    wrap.appendChild(el("label", { "for": id }, label));
    var sel = selectFor(options, value, { id: id });
    wrap.appendChild(sel);
    form.appendChild(wrap);
    return sel;
  }

  // A table cell with a labelled select that reports its new value.
  function selectCell(tr, options, value, label, field, onChange) {
    var td = el("td");
    var sel = selectFor(options, value, { "aria-label": label, "data-veld": field });
    sel.addEventListener("change", function () { onChange(sel.value); });
    td.appendChild(sel);
    tr.appendChild(td);
  }

  function selectFor(options, value, attrs) {
    var select = el("select", attrs);
    options.forEach(function (o) {
      var opt = el("option", { value: String(o.id) }, o.label);
      if (String(o.id) === String(value)) opt.selected = true;
      select.appendChild(opt);
    });
    return select;
  }

  NetworkMap.prototype.build = function () {
    var self = this, root = this.root;
    root.textContent = "";
    root.classList.add("nk-nwk--actief");

    /* add form */
    var form = el("form", { "class": "nk-nwk__form", "aria-labelledby": "nk-nwk-form-titel", novalidate: "" });
    form.appendChild(el("h2", { id: "nk-nwk-form-titel" }, "Persoon toevoegen"));
    var nameWrap = el("p", { "class": "nk-nwk__veld" });
    nameWrap.appendChild(el("label", { "for": "nk-nwk-naam" }, "Initialen of bijnaam"));
    this.nameInput = el("input", { id: "nk-nwk-naam", type: "text", maxlength: String(MAX_NAME), autocomplete: "off",
                                   "aria-describedby": "nk-nwk-naam-hint", spellcheck: "false" });
    nameWrap.appendChild(this.nameInput);
    this.nameHint = el("span", { id: "nk-nwk-naam-hint", "class": "nk-nwk__hint" },
                       "Geen volledige namen: bijvoorbeeld MJ, tante R of buurman.");
    nameWrap.appendChild(this.nameHint);
    form.appendChild(nameWrap);

    this.sectorSelect = labelledSelect(form, "nk-nwk-sector", "Sector", SECTORS, "familie");

    var ringSet = el("fieldset", { "class": "nk-nwk__groep" });
    ringSet.appendChild(el("legend", null, "Nabijheid"));
    RINGS.forEach(function (r) {
      var label = el("label");
      var input = el("input", { type: "radio", name: "nk-nwk-ring", value: String(r.id) });
      if (r.id === 2) input.checked = true;
      label.appendChild(input);
      label.appendChild(document.createTextNode(" " + r.id + ". " + r.label));
      ringSet.appendChild(label);
    });
    form.appendChild(ringSet);

    var supportSet = el("fieldset", { "class": "nk-nwk__groep" });
    supportSet.appendChild(el("legend", null, "Soort steun"));
    SUPPORT.forEach(function (s) {
      var label = el("label");
      label.appendChild(el("input", { type: "checkbox", name: "nk-nwk-steun", value: s.id }));
      label.appendChild(document.createTextNode(" " + s.label + " (" + s.short + ")"));
      supportSet.appendChild(label);
    });
    form.appendChild(supportSet);

    this.recSelect = labelledSelect(form, "nk-nwk-wederkerig", "Wederkerigheid", RECIPROCITY, "wederzijds");

    form.appendChild(el("button", { type: "submit", "class": "nk-nwk__knop" }, "Toevoegen"));
    form.addEventListener("submit", function (ev) { ev.preventDefault(); self.addFromForm(form); });
    this.nameInput.addEventListener("input", function () { self.checkName(self.nameInput.value); });

    /* messages */
    this.statusEl = el("p", { "class": "nk-nwk__status", role: "status", "aria-live": "polite" });
    this.errorEl = el("p", { "class": "nk-nwk__fout", role: "alert" });
    this.undoBtn = el("button", { type: "button", "class": "nk-nwk__knop nk-nwk__knop--licht", hidden: "" }, "Ongedaan maken");
    this.undoBtn.addEventListener("click", function () { self.restoreUndo(); });

    /* map */
    var figure = el("figure", { "class": "nk-nwk__kaart" });
    this.summaryEl = el("figcaption", { id: "nk-nwk-samenvatting", "class": "nk-nwk__samenvatting" });
    this.svg = svg("svg", { viewBox: "0 0 " + W + " " + H, role: "img", "aria-labelledby": "nk-nwk-samenvatting",
                            "class": "nk-nwk__svg", xmlns: SVGNS });
    this.drawBase();
    figure.appendChild(this.svg);
    figure.appendChild(this.summaryEl);

    /* title + tools */
    var tools = el("div", { "class": "nk-nwk__tools", role: "group", "aria-label": "Kaart bewaren, openen en afdrukken" });
    var titleWrap = el("p", { "class": "nk-nwk__veld nk-nwk__veld--titel" });
    titleWrap.appendChild(el("label", { "for": "nk-nwk-titel" }, "Kaart van (initialen)"));
    this.titleInput = el("input", { id: "nk-nwk-titel", type: "text", maxlength: String(MAX_NAME), autocomplete: "off", spellcheck: "false" });
    this.titleInput.value = this.state.title;
    this.titleInput.addEventListener("input", function () {
      self.state.title = cleanName(self.titleInput.value);
      self.redraw();
      self.save();
    });
    titleWrap.appendChild(this.titleInput);
    tools.appendChild(titleWrap);

    var buttons = [
      ["png", "Exporteren als PNG", function () { self.exportPng(); }],
      ["svg", "Exporteren als SVG", function () { self.exportSvg(); }],
      ["json", "Exporteren als JSON", function () { self.exportJson(); }],
      ["print", "Afdrukken", function () { self.print(); }],
      ["wissen", "Kaart wissen", function () { self.clear(); }]
    ];
    buttons.forEach(function (b) {
      var btn = el("button", { type: "button", "class": "nk-nwk__knop", "data-nk-actie": b[0] }, b[1]);
      btn.addEventListener("click", b[2]);
      tools.appendChild(btn);
    });
    var importLabel = el("label", { "class": "nk-nwk__knop nk-nwk__import", "for": "nk-nwk-import" }, "JSON importeren");
    this.importInput = el("input", { id: "nk-nwk-import", type: "file", accept: "application/json,.json", "class": "nk-nwk__bestand" });
    this.importInput.addEventListener("change", function () {
      var file = self.importInput.files && self.importInput.files[0];
      if (file) self.importFile(file);
      self.importInput.value = "";
    });
    tools.appendChild(importLabel);
    tools.appendChild(this.importInput);

    /* table */
    var tableWrap = el("div", { "class": "nk-nwk__tabelwrap" });
    tableWrap.appendChild(el("h2", { id: "nk-nwk-tabel-titel" }, "Tabel: alle personen"));
    tableWrap.appendChild(el("p", { "class": "nk-nwk__hint" },
      "De tabel toont dezelfde gegevens als de kaart. Wijzig hier een waarde en de kaart past zich meteen aan."));
    var table = el("table", { "class": "nk-nwk__tabel", "aria-labelledby": "nk-nwk-tabel-titel" });
    var head = el("thead"), hr = el("tr");
    ["Initialen of bijnaam", "Sector", "Nabijheid", "Soort steun", "Wederkerigheid", "Verwijderen"].forEach(function (t) {
      hr.appendChild(el("th", { scope: "col" }, t));
    });
    head.appendChild(hr);
    table.appendChild(head);
    this.tbody = el("tbody");
    table.appendChild(this.tbody);
    tableWrap.appendChild(table);
    this.emptyRow = el("p", { "class": "nk-nwk__leeg" }, "Er staat nog niemand op de kaart. Voeg hierboven een persoon toe.");
    tableWrap.appendChild(this.emptyRow);

    /* print-only list, filled just before printing */
    this.printList = el("div", { "class": "nk-nwk__print" });

    var top = el("div", { "class": "nk-nwk__boven" });
    top.appendChild(form);
    top.appendChild(figure);
    root.appendChild(tools);
    var messages = el("div", { "class": "nk-nwk__berichten" });
    messages.appendChild(this.statusEl);
    messages.appendChild(this.undoBtn);
    messages.appendChild(this.errorEl);
    root.appendChild(messages);
    root.appendChild(top);
    root.appendChild(tableWrap);
    root.appendChild(this.printList);
    window.addEventListener("beforeprint", function () { self.fillPrintList(); });
    window.addEventListener("storage", function (ev) {
      if (ev.key === self.key && ev.newValue) {
        var parsed = parseMap(ev.newValue);
        if (parsed.map) { self.state = parsed.map; self.titleInput.value = self.state.title; self.renderTable(); self.redraw(); }
      }
    });
    if (this.loadError) this.error(this.loadError);
  };

  NetworkMap.prototype.checkName = function (value) {
    var words = cleanName(value).split(" ").filter(function (w) { return w.length >= 3 && /^[A-ZÀ-Ý]/.test(w); });
    this.nameHint.textContent = words.length >= 2
      ? "Dit lijkt een volledige naam. Gebruik liever initialen of een bijnaam."
      : "Geen volledige namen: bijvoorbeeld MJ, tante R of buurman.";
  };

  /* -------- messages and undo */

  NetworkMap.prototype.status = function (text, undoable) {
    this.errorEl.textContent = "";
    this.statusEl.textContent = text;
    if (undoable) this.undoBtn.removeAttribute("hidden"); else this.undoBtn.setAttribute("hidden", "");
  };

  NetworkMap.prototype.error = function (text) {
    this.errorEl.textContent = text;
  };

  NetworkMap.prototype.remember = function () {
    this.undo = JSON.stringify({ title: this.state.title, people: this.state.people });
  };

  NetworkMap.prototype.restoreUndo = function () {
    if (!this.undo) return;
    var back = JSON.parse(this.undo);
    this.undo = null;
    this.state = back;
    this.titleInput.value = back.title;
    this.renderTable();
    this.redraw();
    this.save();
    this.status("De vorige toestand van de kaart is teruggezet.", false);
  };

  /* -------- edits */

  NetworkMap.prototype.addFromForm = function (form) {
    var name = cleanName(this.nameInput.value);
    if (!name) {
      this.error("Vul initialen of een bijnaam in.");
      this.nameInput.focus();
      return;
    }
    if (this.state.people.length >= MAX_PEOPLE) { this.error("De kaart is vol (" + MAX_PEOPLE + " personen)."); return; }
    var ring = form.querySelector('input[name="nk-nwk-ring"]:checked');
    var support = Array.prototype.map.call(form.querySelectorAll('input[name="nk-nwk-steun"]:checked'), function (i) { return i.value; });
    var person = { id: newId(), name: name, sector: this.sectorSelect.value, ring: ring ? Number(ring.value) : 2,
                   support: support, reciprocity: this.recSelect.value };
    this.add(person);
    this.nameInput.value = "";
    Array.prototype.forEach.call(form.querySelectorAll('input[name="nk-nwk-steun"]'), function (i) { i.checked = false; });
    this.nameInput.focus();
  };

  NetworkMap.prototype.add = function (person) {
    this.state.people.push(person);
    this.tbody.appendChild(this.row(person));
    this.emptyRow.hidden = true;
    this.redraw();
    this.save();
    this.status(person.name + " staat op de kaart (" + byId(SECTORS, person.sector).label.toLowerCase() + ", ring " + person.ring + ").", false);
  };

  NetworkMap.prototype.update = function (id, patch) {
    var p = this.find(id);
    if (!p) return;
    for (var k in patch) p[k] = patch[k];
    this.redraw();
    this.save();
  };

  NetworkMap.prototype.remove = function (id) {
    var p = this.find(id);
    if (!p) return;
    this.remember();
    this.state.people = this.state.people.filter(function (q) { return q.id !== id; });
    var row = this.rows[id];
    var next = row && (row.nextElementSibling || row.previousElementSibling);
    if (row) row.remove();
    delete this.rows[id];
    this.emptyRow.hidden = this.state.people.length > 0;
    this.redraw();
    this.save();
    this.status(p.name + " is van de kaart verwijderd.", true);
    var focus = next ? next.querySelector("button") : this.nameInput;
    if (focus) focus.focus();
  };

  NetworkMap.prototype.clear = function () {
    if (!this.state.people.length) { this.status("De kaart is al leeg.", false); return; }
    this.remember();
    this.state = { title: "", people: [] };
    this.titleInput.value = "";
    this.renderTable();
    this.redraw();
    this.save();
    this.status("De kaart is gewist.", true);
  };

  /* -------- table */

  NetworkMap.prototype.row = function (p) {
    var self = this, id = p.id;
    var tr = el("tr", { "data-id": id });
    var nameTd = el("td");
    var nameIn = el("input", { type: "text", maxlength: String(MAX_NAME), value: p.name, autocomplete: "off", spellcheck: "false",
                               "aria-label": "Initialen of bijnaam van " + p.name, "data-veld": "name" });
    nameIn.value = p.name;
    nameIn.addEventListener("change", function () {
      var v = cleanName(nameIn.value);
      if (!v) { nameIn.value = self.find(id).name; self.error("Een persoon heeft altijd initialen of een bijnaam nodig."); return; }
      nameIn.value = v;
      self.update(id, { name: v });
      self.labelRow(tr, v);
      self.status("Naam gewijzigd in " + v + ".", false);
    });
    nameTd.appendChild(nameIn);
    tr.appendChild(nameTd);

    selectCell(tr, SECTORS, p.sector, "Sector van " + p.name, "sector",
               function (v) { self.update(id, { sector: v }); });
    selectCell(tr, RINGS.map(function (r) { return { id: r.id, label: r.id + ". " + r.label }; }), p.ring,
               "Nabijheid van " + p.name, "ring", function (v) { self.update(id, { ring: Number(v) }); });

    var supTd = el("td");
    var group = el("div", { role: "group", "aria-label": "Soort steun van " + p.name, "class": "nk-nwk__steun" });
    SUPPORT.forEach(function (s) {
      var label = el("label", { title: s.label });
      var box = el("input", { type: "checkbox", value: s.id, "aria-label": s.label });
      box.checked = p.support.indexOf(s.id) >= 0;
      box.addEventListener("change", function () {
        var chosen = Array.prototype.filter.call(group.querySelectorAll("input"), function (b) { return b.checked; })
          .map(function (b) { return b.value; });
        self.update(id, { support: chosen });
      });
      label.appendChild(box);
      label.appendChild(el("span", { "aria-hidden": "true" }, " " + s.short));
      group.appendChild(label);
    });
    supTd.appendChild(group);
    tr.appendChild(supTd);

    selectCell(tr, RECIPROCITY, p.reciprocity, "Wederkerigheid met " + p.name, "reciprocity",
               function (v) { self.update(id, { reciprocity: v }); });

    var delTd = el("td");
    var del = el("button", { type: "button", "class": "nk-nwk__knop nk-nwk__knop--licht", "aria-label": p.name + " verwijderen" }, "Verwijderen");
    del.addEventListener("click", function () { self.remove(id); });
    delTd.appendChild(del);
    tr.appendChild(delTd);
    this.rows[id] = tr;
    return tr;
  };

  NetworkMap.prototype.labelRow = function (tr, name) {
    tr.querySelector('[data-veld="name"]').setAttribute("aria-label", "Initialen of bijnaam van " + name);
    tr.querySelector('[data-veld="sector"]').setAttribute("aria-label", "Sector van " + name);
    tr.querySelector('[data-veld="ring"]').setAttribute("aria-label", "Nabijheid van " + name);
    tr.querySelector(".nk-nwk__steun").setAttribute("aria-label", "Soort steun van " + name);
    tr.querySelector('[data-veld="reciprocity"]').setAttribute("aria-label", "Wederkerigheid met " + name);
    tr.querySelector("button").setAttribute("aria-label", name + " verwijderen");
  };

  NetworkMap.prototype.renderTable = function () {
    var self = this;
    this.rows = {};
    var frag = document.createDocumentFragment();
    this.state.people.forEach(function (p) { frag.appendChild(self.row(p)); });
    this.tbody.textContent = "";
    this.tbody.appendChild(frag);
    this.emptyRow.hidden = this.state.people.length > 0;
  };

  /* -------- drawing */

  NetworkMap.prototype.drawBase = function () {
    var s = this.svg;
    s.appendChild(svg("rect", { x: 0, y: 0, width: W, height: H, fill: "#ffffff" }));
    var defs = svg("defs");
    [["nk-pijl-eind", "auto"], ["nk-pijl-begin", "auto-start-reverse"]].forEach(function (m) {
      var marker = svg("marker", { id: m[0], viewBox: "0 0 10 10", refX: "9", refY: "5", markerWidth: "7", markerHeight: "7", orient: m[1] });
      marker.appendChild(svg("path", { d: "M0,0 L10,5 L0,10 z", fill: "#3d4f59" }));
      defs.appendChild(marker);
    });
    s.appendChild(defs);
    var base = svg("g", { "aria-hidden": "true" });
    for (var r = RADII.length - 1; r >= 0; r--) {
      base.appendChild(svg("circle", { cx: CX, cy: CY, r: RADII[r], fill: RING_FILL[r] }));
    }
    SECTORS.forEach(function (sec, i) {
      if (!sec.formal) return;
      var a0 = boundary(i), a1 = boundary(i + 1);
      var p0 = point(RADII[2], a0), p1 = point(RADII[2], a1), p2 = point(R_CENTRE, a1), p3 = point(R_CENTRE, a0);
      base.appendChild(svg("path", {
        d: "M" + p0 + " A" + RADII[2] + "," + RADII[2] + " 0 0 1 " + p1 + " L" + p2 + " A" + R_CENTRE + "," + R_CENTRE + " 0 0 0 " + p3 + " Z",
        fill: FORMAL_FILL, "fill-opacity": "0.55"
      }));
    });
    RADII.forEach(function (radius) {
      base.appendChild(svg("circle", { cx: CX, cy: CY, r: radius, fill: "none", stroke: INK, "stroke-width": "2" }));
    });
    SECTORS.forEach(function (sec, i) {
      var a = point(R_CENTRE, boundary(i)), b = point(RADII[2], boundary(i));
      base.appendChild(svg("line", { x1: a[0], y1: a[1], x2: b[0], y2: b[1], stroke: INK, "stroke-width": "1.5" }));
      var mid = (boundary(i) + boundary(i + 1)) / 2, c = Math.cos(mid * Math.PI / 180), sn = Math.sin(mid * Math.PI / 180);
      var lp = point(R_LABEL, mid);
      var lines = wrap(sec.label, 13), y0 = lp[1] + 14 * sn + 5 - (lines.length - 1) * 10;
      var text = svg("text", { "text-anchor": c > 0.25 ? "start" : c < -0.25 ? "end" : "middle",
                               "font-size": "17", "font-weight": "bold", fill: INK, "font-family": "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif" });
      lines.forEach(function (line, j) { text.appendChild(svg("tspan", { x: lp[0].toFixed(1), y: (y0 + j * 20).toFixed(1) }, line)); });
      base.appendChild(text);
    });
    base.appendChild(svg("circle", { cx: CX, cy: CY, r: R_CENTRE, fill: "#ffffff", stroke: INK, "stroke-width": "2" }));
    s.appendChild(base);
    this.centreText = svg("text", { x: CX, y: CY + 6, "text-anchor": "middle", "font-size": "17", "font-weight": "bold", fill: INK,
                                    "font-family": "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif" }, "ik");
    s.appendChild(this.centreText);
    this.layer = svg("g", { "class": "nk-nwk__mensen", "font-family": "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif" });
    s.appendChild(this.layer);
  };

  /* Incremental redraw: every person keeps its SVG nodes; an edit only touches the attributes that
     changed (usually the few people that share the old or the new sector and ring). */
  function setAttrs(node, attrs, last) {
    for (var k in attrs) {
      var v = attrs[k];
      if (last[k] === v) continue;
      last[k] = v;
      if (v === null) node.removeAttribute(k); else node.setAttribute(k, v);
    }
  }

  function setText(node, text, last, key) {
    if (last[key] !== text) { last[key] = text; node.textContent = text; }
  }

  NetworkMap.prototype.nodeFor = function (id) {
    var rec = this.nodes[id];
    if (rec) return rec;
    rec = { last: { line: {}, circle: {}, name: {}, letters: {} } };
    rec.line = svg("line");
    rec.g = svg("g", { "class": "nk-nwk__persoon", "data-id": id });
    rec.title = svg("title");
    rec.circle = svg("circle", { r: NODE_R, fill: "#ffffff", stroke: INK, "stroke-width": "1.5" });
    rec.name = svg("text", { "text-anchor": "middle", "font-weight": "bold", fill: INK });
    rec.letters = svg("text", { "text-anchor": "middle", "font-size": "10", fill: INK, "paint-order": "stroke", stroke: "#ffffff", "stroke-width": "2.5" });
    rec.g.appendChild(rec.title);
    rec.g.appendChild(rec.circle);
    rec.g.appendChild(rec.name);
    rec.g.appendChild(rec.letters);
    this.linesLayer.appendChild(rec.line);
    this.nodesLayer.appendChild(rec.g);
    this.nodes[id] = rec;
    return rec;
  };

  NetworkMap.prototype.redraw = function () {
    var people = this.state.people, pos = layout(people), alive = {};
    if (!this.nodes) {
      this.nodes = {};
      this.linesLayer = svg("g", { stroke: "#3d4f59", "stroke-width": "1.2", fill: "none" });
      this.nodesLayer = svg("g");
      this.layer.appendChild(this.linesLayer);
      this.layer.appendChild(this.nodesLayer);
    }
    for (var i = 0; i < people.length; i++) {
      var p = people[i], xy = pos[p.id];
      if (!xy) continue;
      alive[p.id] = true;
      var rec = this.nodeFor(p.id), last = rec.last;
      var dx = xy[0] - CX, dy = xy[1] - CY, d = Math.sqrt(dx * dx + dy * dy) || 1;
      var rec_ = p.reciprocity;
      setAttrs(rec.line, {
        x1: (CX + dx / d * (R_CENTRE + 2)).toFixed(1), y1: (CY + dy / d * (R_CENTRE + 2)).toFixed(1),
        x2: (xy[0] - dx / d * (NODE_R + 2)).toFixed(1), y2: (xy[1] - dy / d * (NODE_R + 2)).toFixed(1),
        "marker-start": rec_ === "wederzijds" || rec_ === "krijgt" ? "url(#nk-pijl-begin)" : null,
        "marker-end": rec_ === "wederzijds" || rec_ === "geeft" ? "url(#nk-pijl-eind)" : null,
        "stroke-dasharray": rec_ === "onbekend" ? "4 4" : null
      }, last.line);
      var x = xy[0].toFixed(1), y = xy[1].toFixed(1);
      setAttrs(rec.circle, { cx: x, cy: y }, last.circle);
      var short = p.name.length > 4 ? p.name.slice(0, 3) + "\u2026" : p.name;
      setAttrs(rec.name, { x: x, y: (xy[1] + 4.5).toFixed(1), "font-size": short.length > 2 ? "10.5" : "13" }, last.name);
      setText(rec.name, short, last, "nameText");
      setAttrs(rec.letters, { x: x, y: (xy[1] + NODE_R + 10).toFixed(1) }, last.letters);
      setText(rec.letters, p.support.map(function (s) { return byId(SUPPORT, s).short; }).join(""), last, "lettersText");
      setText(rec.title, p.name + ": " + byId(SECTORS, p.sector).label + ", " + byId(RINGS, p.ring).label.toLowerCase(), last, "titleText");
    }
    for (var id in this.nodes) {
      if (!alive[id]) {
        this.nodes[id].line.remove();
        this.nodes[id].g.remove();
        delete this.nodes[id];
      }
    }
    setText(this.centreText, this.state.title || "ik", this, "lastCentre");
    setText(this.summaryEl, this.summary(), this, "lastSummary");
  };

  NetworkMap.prototype.summary = function () {
    var people = this.state.people, n = people.length;
    if (!n) return "Netwerkkaart" + (this.state.title ? " van " + this.state.title : "") + ": er staat nog niemand op.";
    var formal = people.filter(function (p) { return byId(SECTORS, p.sector).formal; }).length;
    var rings = RINGS.map(function (r) { return people.filter(function (p) { return p.ring === r.id; }).length; });
    var mutual = people.filter(function (p) { return p.reciprocity === "wederzijds"; }).length;
    return "Netwerkkaart" + (this.state.title ? " van " + this.state.title : "") + " met " + n + (n === 1 ? " persoon" : " personen") +
      ": " + (n - formal) + " informeel, " + formal + " formeel; " + rings[0] + " heel dichtbij, " + rings[1] + " dichtbij, " +
      rings[2] + " op afstand; " + mutual + " met steun over en weer. De tabel hieronder toont alle details.";
  };

  /* -------- export, import, print */

  function stamp() { return new Date().toISOString().slice(0, 10); }

  NetworkMap.prototype.fileBase = function () {
    var slug = (this.state.title || "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
    return "netwerkkaart" + (slug ? "-" + slug : "") + "-" + stamp();
  };

  function download(blob, name) {
    var url = URL.createObjectURL(blob);
    var a = el("a", { href: url, download: name });
    a.style.display = "none";
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }

  NetworkMap.prototype.svgText = function () {
    var clone = this.svg.cloneNode(true);
    clone.setAttribute("xmlns", SVGNS);
    clone.setAttribute("width", String(W));
    clone.setAttribute("height", String(H));
    clone.removeAttribute("class");
    var title = document.createElementNS(SVGNS, "title");
    title.textContent = this.summary();
    clone.insertBefore(title, clone.firstChild);
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(clone);
  };

  NetworkMap.prototype.exportSvg = function () {
    download(new Blob([this.svgText()], { type: "image/svg+xml" }), this.fileBase() + ".svg");
    this.status("De kaart is gedownload als SVG.", false);
  };

  NetworkMap.prototype.exportJson = function () {
    download(new Blob([JSON.stringify(exportObject(this.state), null, 2)], { type: "application/json" }), this.fileBase() + ".json");
    this.status("De kaart is gedownload als JSON. Met dat bestand open je ze later opnieuw.", false);
  };

  NetworkMap.prototype.exportPng = function () {
    var self = this, scale = 2;
    var img = new Image();
    var url = URL.createObjectURL(new Blob([this.svgText()], { type: "image/svg+xml" }));
    img.onload = function () {
      var canvas = el("canvas", { width: String(W * scale), height: String(H * scale) });
      var ctx = canvas.getContext("2d");
      ctx.fillStyle = "#ffffff";
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
      URL.revokeObjectURL(url);
      canvas.toBlob(function (blob) {
        if (!blob) { self.error("De afbeelding kon niet gemaakt worden. Probeer SVG."); return; }
        download(blob, self.fileBase() + ".png");
        self.status("De kaart is gedownload als PNG.", false);
      }, "image/png");
    };
    img.onerror = function () { URL.revokeObjectURL(url); self.error("De afbeelding kon niet gemaakt worden. Probeer SVG."); };
    img.src = url;
  };

  NetworkMap.prototype.importFile = function (file) {
    var self = this;
    if (file.size > 1024 * 1024) { this.error("Dit bestand is te groot voor een netwerkkaart (meer dan 1 MB). Je kaart is niet gewijzigd."); return; }
    var reader = new FileReader();
    reader.onload = function () { self.importText(String(reader.result)); };
    reader.onerror = function () { self.error("Het bestand kon niet gelezen worden. Je kaart is niet gewijzigd."); };
    reader.readAsText(file);
  };

  NetworkMap.prototype.importText = function (text) {
    var parsed = parseMap(text);
    if (parsed.error) {
      this.statusEl.textContent = "";
      this.error(parsed.error + " Je kaart is niet gewijzigd.");
      return false;
    }
    this.remember();
    this.state = parsed.map;
    this.titleInput.value = this.state.title;
    this.renderTable();
    this.redraw();
    this.save();
    var n = this.state.people.length;
    this.status("Kaart geïmporteerd: " + n + (n === 1 ? " persoon." : " personen.") + " Je vorige kaart zet je terug met 'Ongedaan maken'.", true);
    return true;
  };

  NetworkMap.prototype.fillPrintList = function () {
    var list = this.printList;
    list.textContent = "";
    list.appendChild(el("h2", null, "Personen op de kaart"));
    var table = el("table"), head = el("tr");
    ["Initialen of bijnaam", "Sector", "Nabijheid", "Soort steun", "Wederkerigheid"].forEach(function (t) { head.appendChild(el("th", { scope: "col" }, t)); });
    var thead = el("thead"); thead.appendChild(head); table.appendChild(thead);
    var body = el("tbody");
    this.state.people.forEach(function (p) {
      var tr = el("tr");
      [p.name, byId(SECTORS, p.sector).label, p.ring + ". " + byId(RINGS, p.ring).label,
       p.support.map(function (s) { return byId(SUPPORT, s).label.toLowerCase(); }).join(", ") || "–",
       byId(RECIPROCITY, p.reciprocity).label].forEach(function (t) { tr.appendChild(el("td", null, t)); });
      body.appendChild(tr);
    });
    table.appendChild(body);
    list.appendChild(table);
  };

  NetworkMap.prototype.print = function () {
    this.fillPrintList();
    window.print();
  };

  /* -------- benchmark: redraw time of one edit with n people (prints and returns timings) */

  NetworkMap.prototype.benchmark = function (n, edits) {
    n = n || 150;
    edits = edits || 60;
    var saved = JSON.stringify({ title: this.state.title, people: this.state.people });
    var people = [];
    for (var i = 0; i < n; i++) {
      people.push({ id: "b" + i, name: "P" + i, sector: SECTORS[i % SECTORS.length].id, ring: 1 + (i % 3),
                    support: [SUPPORT[i % SUPPORT.length].id], reciprocity: RECIPROCITY[i % RECIPROCITY.length].id });
    }
    this.state = { title: "bench", people: people };
    this.renderTable();
    this.redraw();
    document.body.getBoundingClientRect();
    var times = [];
    for (var e = 0; e < edits; e++) {
      var target = people[(e * 37) % n];
      var t0 = performance.now();
      this.update(target.id, { ring: 1 + ((target.ring) % 3), sector: SECTORS[(e + 3) % SECTORS.length].id });
      this.svg.getBoundingClientRect();  /* force style and layout of the new map */
      times.push(performance.now() - t0);
    }
    var restored = JSON.parse(saved);
    this.state = restored;
    this.renderTable();
    this.redraw();
    this.save();
    times.sort(function (a, b) { return a - b; });
    var sum = times.reduce(function (a, b) { return a + b; }, 0);
    var result = { people: n, edits: edits, mean: sum / edits, median: times[Math.floor(edits / 2)],
                   p95: times[Math.min(edits - 1, Math.floor(edits * 0.95))], max: times[edits - 1] };
    if (window.console) console.log("netwerkkaart benchmark", JSON.stringify(result));
    return result;
  };

  /* ------------------------------------------------------------------ start */

  function start() {
    var root = document.querySelector("[data-nk-netwerkkaart]");
    if (!root || root.nkMap) return;
    root.nkMap = new NetworkMap(root);
    window.nkNetwerkkaart = {
      map: root.nkMap,
      benchmark: function (n, edits) { return root.nkMap.benchmark(n, edits); },
      parse: parseMap,
      importText: function (text) { return root.nkMap.importText(text); },
      storageKey: root.nkMap.key
    };
  }

  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(start);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
