/* Netwerkkaart, SVG rendering: the drawing, the numbered legend beside it, a person's details on
 * tap, the one-sentence summary, and the standalone SVG that the exports use.
 *
 * Colours come from CSS custom properties, read with getComputedStyle on the map's element
 * (--md-primary-fg-color for the rings, so an organisation's branding colour reaches the map;
 * --nk-kaart-* from netwerkkaart.css for ink, paper and lines). They are written as concrete
 * presentation attributes (fill, stroke) on the elements, by role (the nkc-* class), so the exported
 * files carry them too and the site's strict Content-Security-Policy (no inline styles) allows them.
 * User text is only ever set with textContent / setAttribute, never parsed as HTML.
 * Redraws are incremental: every person keeps its nodes and only changed attributes are written.
 */
import { CX, CY, LEGEND, MAP_H, NAME_LINE, NAME_SIZE, NODE_R, RADII, R_CENTRE, R_LABEL, W, boundary, exportHeight, layout, legendPoint, nameLines, point, wrap } from "./layout.js";
import { RINGS, SECTORS, byId, describe, letters } from "./state.js";

const SVGNS = "http://www.w3.org/2000/svg";
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";

export function el(tag, attrs, text) {
  const node = document.createElement(tag);
  if (attrs) for (const k in attrs) if (attrs[k] !== null && attrs[k] !== undefined) node.setAttribute(k, attrs[k]);
  if (text !== undefined) node.textContent = text;
  return node;
}

export function svg(tag, attrs, text) {
  const node = document.createElementNS(SVGNS, tag);
  if (attrs) for (const k in attrs) node.setAttribute(k, attrs[k]);
  if (text !== undefined) node.textContent = text;
  return node;
}

/* The map's colours, read now from the page's CSS. */
export function colours(node) {
  const css = getComputedStyle(node);
  const v = (name, fallback) => css.getPropertyValue(name).trim() || fallback;
  return {
    ring: v("--md-primary-fg-color", "#0b5e66"), ink: v("--nk-kaart-inkt", "#1b2b34"), paper: v("--nk-kaart-papier", "#ffffff"),
    line: v("--nk-kaart-lijn", "#3d4f59"), formal: v("--nk-kaart-formeel", "#d9d9d9"),
  };
}

/* The colours of each role (an element's nkc-* class), as SVG presentation attributes. */
const ROLES = {
  "nkc-papier": (c) => ({ fill: c.paper }),
  "nkc-inkt": (c) => ({ fill: c.ink }),
  "nkc-rand": (c) => ({ fill: "none", stroke: c.ink }),
  "nkc-r0": (c) => ({ fill: c.ring, "fill-opacity": ".26" }),
  "nkc-r1": (c) => ({ fill: c.ring, "fill-opacity": ".14" }),
  "nkc-r2": (c) => ({ fill: c.ring, "fill-opacity": ".05" }),
  "nkc-formeel": (c) => ({ fill: c.formal, "fill-opacity": ".55" }),
  "nkc-pijl": (c) => ({ fill: c.line }),
  "nkc-band": (c) => ({ fill: "none", stroke: c.line }),
  "nkc-persoon": (c) => ({ fill: c.paper, stroke: c.ink }),
  "nkc-naam": (c) => ({ fill: c.ink, stroke: c.paper, "stroke-width": "3", "paint-order": "stroke" }),
};

function tint(node, c) {
  for (const cls of node.classList) {
    const role = ROLES[cls];
    if (!role) continue;
    const attrs = role(c);
    for (const k in attrs) node.setAttribute(k, attrs[k]);
  }
}

function setAttrs(node, attrs, last) {
  for (const k in attrs) {
    const v = attrs[k];
    if (last[k] === v) continue;
    last[k] = v;
    if (v === null) node.removeAttribute(k); else node.setAttribute(k, v);
  }
}

function setText(node, text, last, key) {
  if (last[key] !== text) { last[key] = text; node.textContent = text; }
}

export class MapView {
  constructor(root) {
    this.root = root;
    this.nodes = {};
    this.figure = el("figure", { class: "nk-nwk__kaart" });
    this.summaryEl = el("figcaption", { id: "nk-nwk-samenvatting", class: "nk-nwk__samenvatting" });
    this.svg = svg("svg", { viewBox: `0 0 ${W} ${MAP_H}`, role: "img", "aria-labelledby": "nk-nwk-samenvatting", class: "nk-nwk__svg", xmlns: SVGNS });
    this.detail = el("div", { class: "nk-nwk__detail", role: "status", "aria-live": "polite", hidden: "" });
    const legendWrap = el("div", { class: "nk-nwk__legendewrap" });
    legendWrap.appendChild(el("h3", { id: "nk-nwk-legende-titel" }, "Wie staat op de kaart"));
    this.legend = el("ol", { class: "nk-nwk__legende", "aria-labelledby": "nk-nwk-legende-titel" });
    legendWrap.appendChild(this.legend);
    this.drawBase();
    this.figure.appendChild(this.svg);
    this.figure.appendChild(this.summaryEl);
    this.legendWrap = legendWrap;
    /* The map's column: the drawing, then (main.js puts its messages here) a person's details and the legend. */
    this.column = el("div", { class: "nk-nwk__kaartkolom" });
    this.column.append(this.figure, this.detail, legendWrap);
    this.svg.addEventListener("click", (ev) => {
      const g = ev.target.closest && ev.target.closest(".nk-nwk__persoon");
      if (g && this.onPick) this.onPick(g.getAttribute("data-id"));
    });
  }

  /* Read the colours again and give every element of the drawing its role's colours. */
  paint() {
    this.c = colours(this.root);
    this.svg.querySelectorAll("[class*='nkc-']").forEach((node) => tint(node, this.c));
  }

  drawBase() {
    const s = this.svg, n = SECTORS.length;
    s.appendChild(svg("rect", { x: 0, y: 0, width: W, height: MAP_H, class: "nkc-papier" }));
    const defs = svg("defs");
    [["nk-pijl-eind", "auto"], ["nk-pijl-begin", "auto-start-reverse"]].forEach(([id, orient]) => {
      const marker = svg("marker", { id, viewBox: "0 0 10 10", refX: "9", refY: "5", markerWidth: "7", markerHeight: "7", orient });
      marker.appendChild(svg("path", { d: "M0,0 L10,5 L0,10 z", class: "nkc-pijl" }));
      defs.appendChild(marker);
    });
    s.appendChild(defs);
    const base = svg("g", { "aria-hidden": "true", "font-family": FONT });
    for (let r = RADII.length - 1; r >= 0; r--) {
      base.appendChild(svg("circle", { cx: CX, cy: CY, r: RADII[r], class: "nkc-papier" }));
      base.appendChild(svg("circle", { cx: CX, cy: CY, r: RADII[r], class: "nkc-r" + r }));
    }
    SECTORS.forEach((sec, i) => {
      if (!sec.formal) return;
      const a0 = boundary(i, n), a1 = boundary(i + 1, n);
      const p0 = point(RADII[2], a0), p1 = point(RADII[2], a1), p2 = point(R_CENTRE, a1), p3 = point(R_CENTRE, a0);
      base.appendChild(svg("path", {
        d: `M${p0} A${RADII[2]},${RADII[2]} 0 0 1 ${p1} L${p2} A${R_CENTRE},${R_CENTRE} 0 0 0 ${p3} Z`, class: "nkc-formeel",
      }));
    });
    RADII.forEach((radius) => base.appendChild(svg("circle", { cx: CX, cy: CY, r: radius, class: "nkc-rand", "stroke-width": "2" })));
    SECTORS.forEach((sec, i) => {
      const a = point(R_CENTRE, boundary(i, n)), b = point(RADII[2], boundary(i, n));
      base.appendChild(svg("line", { x1: a[0], y1: a[1], x2: b[0], y2: b[1], class: "nkc-rand", "stroke-width": "1.5" }));
      const mid = (boundary(i, n) + boundary(i + 1, n)) / 2, c = Math.cos(mid * Math.PI / 180), sn = Math.sin(mid * Math.PI / 180);
      const lp = point(R_LABEL, mid);
      const lines = wrap(sec.label, 13), y0 = lp[1] + 14 * sn + 5 - (lines.length - 1) * 10;
      const text = svg("text", { "text-anchor": c > 0.25 ? "start" : c < -0.25 ? "end" : "middle", "font-size": "17", "font-weight": "bold", class: "nkc-inkt" });
      lines.forEach((line, j) => text.appendChild(svg("tspan", { x: lp[0].toFixed(1), y: (y0 + j * 20).toFixed(1) }, line)));
      base.appendChild(text);
    });
    base.appendChild(svg("circle", { cx: CX, cy: CY, r: R_CENTRE, class: "nkc-persoon", "stroke-width": "2" }));
    s.appendChild(base);
    this.centreText = svg("text", { x: CX, y: CY + 6, "text-anchor": "middle", "font-size": "17", "font-weight": "bold", class: "nkc-inkt", "font-family": FONT }, "ik");
    s.appendChild(this.centreText);
    const layer = svg("g", { class: "nk-nwk__mensen", "font-family": FONT });
    this.linesLayer = svg("g", { class: "nkc-band", "stroke-width": "1.2" });
    this.nodesLayer = svg("g");
    layer.appendChild(this.linesLayer);
    layer.appendChild(this.nodesLayer);
    s.appendChild(layer);
    this.paint();
  }

  nodeFor(id) {
    let rec = this.nodes[id];
    if (rec) return rec;
    rec = { last: { line: {}, circle: {}, nr: {}, name: {}, l1: {}, l2: {} } };
    rec.line = svg("line");
    rec.g = svg("g", { class: "nk-nwk__persoon", "data-id": id });
    rec.title = svg("title");
    rec.circle = svg("circle", { r: NODE_R, class: "nkc-persoon", "stroke-width": "1.5" });
    rec.nr = svg("text", { "text-anchor": "middle", "font-weight": "bold", "font-size": "12", class: "nkc-inkt" });
    rec.name = svg("text", { "text-anchor": "middle", "font-size": String(NAME_SIZE), class: "nkc-naam" });
    rec.l1 = svg("tspan");
    rec.l2 = svg("tspan");
    rec.name.appendChild(rec.l1);
    rec.name.appendChild(rec.l2);
    rec.g.appendChild(rec.title);
    rec.g.appendChild(rec.circle);
    rec.g.appendChild(rec.name);
    rec.g.appendChild(rec.nr);
    [rec.circle, rec.name, rec.nr].forEach((node) => tint(node, this.c));
    rec.li = el("li", { "data-id": id });
    rec.liName = el("span", { class: "nk-nwk__legendenaam" });
    rec.liMeta = el("span", { class: "nk-nwk__legendemeta" });
    rec.li.appendChild(rec.liName);
    rec.li.appendChild(rec.liMeta);
    this.linesLayer.appendChild(rec.line);
    this.nodesLayer.appendChild(rec.g);
    this.nodes[id] = rec;
    return rec;
  }

  /* Draw the state; returns nothing. Touches only what changed since the last call. */
  redraw(state) {
    const people = state.people, pos = layout(people, SECTORS, RINGS), alive = {};
    for (let i = 0; i < people.length; i++) {
      const p = people[i], xy = pos[p.id];
      if (!xy) continue;
      alive[p.id] = true;
      const rec = this.nodeFor(p.id), last = rec.last;
      const dx = xy[0] - CX, dy = xy[1] - CY, d = Math.sqrt(dx * dx + dy * dy) || 1;
      const r = p.reciprocity;
      setAttrs(rec.line, {
        x1: (CX + dx / d * (R_CENTRE + 2)).toFixed(1), y1: (CY + dy / d * (R_CENTRE + 2)).toFixed(1),
        x2: (xy[0] - dx / d * (NODE_R + 2)).toFixed(1), y2: (xy[1] - dy / d * (NODE_R + 2)).toFixed(1),
        "marker-start": r === "wederzijds" || r === "krijgt" ? "url(#nk-pijl-begin)" : null,
        "marker-end": r === "wederzijds" || r === "geeft" ? "url(#nk-pijl-eind)" : null,
        "stroke-dasharray": r === "onbekend" ? "4 4" : null,
      }, last.line);
      const x = xy[0].toFixed(1), y = xy[1];
      setAttrs(rec.circle, { cx: x, cy: y.toFixed(1) }, last.circle);
      setAttrs(rec.nr, { x, y: (y + 4.2).toFixed(1) }, last.nr);
      setText(rec.nr, String(i + 1), last, "nrText");
      const lines = nameLines(p.name);
      setAttrs(rec.l1, { x, y: (y + NODE_R + NAME_LINE).toFixed(1) }, last.l1);
      setAttrs(rec.l2, { x, y: (y + NODE_R + 2 * NAME_LINE).toFixed(1) }, last.l2);
      setText(rec.l1, lines[0], last, "l1Text");
      setText(rec.l2, lines[1] || "", last, "l2Text");
      const words = describe(p);
      setText(rec.title, `${p.name}: ${words} (nummer ${i + 1})`, last, "titleText");
      setText(rec.liName, p.name, last, "liName");
      /* Name and kinds of support only: where someone stands is on the map itself, so moving a person
         (the common edit) does not touch the list, and costs no layout of the page. */
      setText(rec.liMeta, p.support.length ? " · " + letters(p) : "", last, "liMeta");
      if (this.legend.children[i] !== rec.li) this.legend.insertBefore(rec.li, this.legend.children[i] || null);
    }
    for (const id in this.nodes) {
      if (!alive[id]) {
        this.nodes[id].line.remove();
        this.nodes[id].g.remove();
        this.nodes[id].li.remove();
        delete this.nodes[id];
        if (this.picked === id) this.pick(null, state);
      }
    }
    this.legendWrap.hidden = !people.length;
    setText(this.centreText, state.title || "ik", this, "lastCentre");
    setText(this.summaryEl, summary(state), this, "lastSummary");
    if (this.picked) this.pick(this.picked, state);
  }

  /* Show one person's details under the map (a tap on a phone, a click elsewhere). */
  pick(id, state) {
    const old = this.picked && this.nodes[this.picked];
    if (old) old.g.classList.remove("nkc-gekozen");
    const i = state.people.findIndex((p) => p.id === id);
    this.picked = i >= 0 ? id : null;
    if (i < 0) { this.detail.hidden = true; this.detail.textContent = ""; return; }
    const p = state.people[i];
    this.nodes[id].g.classList.add("nkc-gekozen");
    const text = `${i + 1}. ${p.name}: ${describe(p)}.`;
    if (this.detail.textContent !== text) this.detail.textContent = text;
    this.detail.hidden = false;
  }

  /* A standalone SVG of the map with the numbered legend under it, colours as they are now. */
  exportText(state) {
    this.paint();
    const n = state.people.length, h = exportHeight(n);
    const clone = this.svg.cloneNode(true);
    clone.setAttribute("xmlns", SVGNS);
    clone.setAttribute("width", String(W));
    clone.setAttribute("height", String(h));
    clone.setAttribute("viewBox", `0 0 ${W} ${h}`);
    clone.removeAttribute("class");
    clone.querySelectorAll(".nkc-gekozen").forEach((g) => g.classList.remove("nkc-gekozen"));
    const title = document.createElementNS(SVGNS, "title");
    title.textContent = summary(state);
    clone.insertBefore(title, clone.firstChild);
    if (n) {
      const legend = svg("g", { "font-family": FONT, class: "nkc-inkt" });
      legend.appendChild(svg("rect", { x: 0, y: MAP_H, width: W, height: h - MAP_H, class: "nkc-papier" }));
      legend.appendChild(svg("text", { x: LEGEND.left, y: LEGEND.top + 4, "font-size": String(LEGEND.size + 2), "font-weight": "bold" }, "Wie staat op de kaart"));
      state.people.forEach((p, i) => {
        const [x, y] = legendPoint(i, n);
        legend.appendChild(svg("text", { x: x.toFixed(1), y: y.toFixed(1), "font-size": String(LEGEND.size) },
          `${i + 1}. ${p.name}` + (p.support.length ? "  (" + letters(p) + ")" : "")));
      });
      legend.querySelectorAll("[class*='nkc-']").forEach((node) => tint(node, this.c));
      tint(legend, this.c);
      clone.appendChild(legend);
    }
    return { text: '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(clone), width: W, height: h };
  }
}

export function summary(state) {
  const people = state.people, n = people.length, of = state.title ? " van " + state.title : "";
  if (!n) return "Netwerkkaart" + of + ": er staat nog niemand op.";
  const formal = people.filter((p) => byId(SECTORS, p.sector).formal).length;
  const rings = RINGS.map((r) => people.filter((p) => p.ring === r.id).length);
  const mutual = people.filter((p) => p.reciprocity === "wederzijds").length;
  return "Netwerkkaart" + of + " met " + n + (n === 1 ? " persoon" : " personen") +
    ": " + (n - formal) + " informeel, " + formal + " formeel; " + rings[0] + " heel dichtbij, " + rings[1] + " dichtbij, " +
    rings[2] + " op afstand; " + mutual + " met steun over en weer. De genummerde lijst onder de kaart en de tabel tonen alle details.";
}
