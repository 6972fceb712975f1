/* Netwerkkaart, layout geometry: where the rings, sectors, people, their name labels and the
 * exported legend go, in SVG units. Pure arithmetic: no DOM, no storage, no colours.
 *
 * The map is a W × MAP_H square-ish drawing: "ik" in the centre, three rings (how close someone
 * is), seven sectors (huishouden ... professionele hulp). Each person is a numbered circle with
 * the full name (at most 20 characters) on one or two lines under it; the same number leads the
 * legend next to the map and in every export, so a name is always readable somewhere.
 */

export const W = 760;
export const MAP_H = 660;
export const CX = 380;
export const CY = 330;
export const R_CENTRE = 34;
export const RADII = [112, 184, 252];
export const R_LABEL = 266;
export const NODE_R = 14;
export const NAME_SIZE = 10.5;   /* name under a person, on the map */
export const NAME_LINE = 11;
const NAME_WIDTH = 11;           /* characters per line of a name label */

/* The exported legend: under the map, two columns of numbered lines at a readable size. */
export const LEGEND = { size: 14, line: 22, top: MAP_H + 18, left: 24, columns: 2 };

export function point(r, deg) {
  const a = deg * Math.PI / 180;
  return [CX + r * Math.cos(a), CY + r * Math.sin(a)];
}

/* Angle (degrees) where sector i starts, of n sectors, the first one at the top. */
export function boundary(i, n) { return -90 + i * 360 / n; }

/* Break text into lines of about `width` characters, at spaces. */
export function wrap(text, width) {
  const lines = [];
  let line = "";
  text.split(" ").forEach((word) => {
    if (line && (line + " " + word).length > width) { lines.push(line); line = word; } else line = line ? line + " " + word : word;
  });
  lines.push(line);
  return lines;
}

/* A name on at most two lines, broken after a space or hyphen where the longer line is shortest;
   a name without a good break is split in the middle. Never cut off. */
export function nameLines(name) {
  if (name.length <= NAME_WIDTH) return [name];
  let best = Math.ceil(name.length / 2), longest = Infinity;
  for (let i = 1; i < name.length; i++) {
    if (name[i - 1] !== " " && name[i - 1] !== "-") continue;
    const a = name.slice(0, i).trim().length, b = name.slice(i).trim().length;
    if (Math.max(a, b) < longest) { longest = Math.max(a, b); best = i; }
  }
  if (longest > NAME_WIDTH + 4) best = Math.ceil(name.length / 2);
  return [name.slice(0, best).trim(), name.slice(best).trim()];
}

/* Place every person inside the cell of their sector and ring: rows from the inner to the outer
   edge of the ring, columns across the sector. Returns {id: [x, y]}. */
export function layout(people, sectors, rings) {
  const groups = {};
  people.forEach((p) => { (groups[p.sector + "|" + p.ring] = groups[p.sector + "|" + p.ring] || []).push(p); });
  const pos = {};
  const rowH = 2 * NODE_R + 4;   /* circles never overlap; a name may run into the row below, on its halo */
  const colW = 2 * NODE_R + 30;  /* room for a name line beside the next person */
  sectors.forEach((s, si) => {
    const a0 = boundary(si, sectors.length), a1 = boundary(si + 1, sectors.length);
    rings.forEach((ring, ri) => {
      const list = groups[s.id + "|" + ring.id];
      if (!list) return;
      const inner = ri === 0 ? R_CENTRE : RADII[ri - 1], outer = RADII[ri];
      const lo = inner + NODE_R + 4, hi = outer - NODE_R - 4, mid = (lo + hi) / 2;
      const maxRows = Math.max(1, Math.floor((hi - lo) / rowH) + 1);
      const span = a1 - a0 - 8;
      const perRow = Math.max(1, Math.floor((span * Math.PI / 180 * mid) / colW));
      const rows = Math.min(maxRows, Math.ceil(list.length / perRow));
      list.forEach((p, k) => {
        const row = k % rows, col = Math.floor(k / rows);
        const inRow = Math.ceil((list.length - row) / rows);
        const r = rows === 1 ? mid : lo + row * (hi - lo) / (rows - 1);
        pos[p.id] = point(r, a0 + 4 + span * (col + 0.5) / inRow);
      });
    });
  });
  return pos;
}

/* Height of an export with n people: the map plus the legend under it. */
export function exportHeight(n) {
  return n ? LEGEND.top + LEGEND.line * (Math.ceil(n / LEGEND.columns) + 1) + 10 : MAP_H;
}

/* Where legend line i of n goes in the export: [x, y] of its baseline start. */
export function legendPoint(i, n) {
  const perColumn = Math.ceil(n / LEGEND.columns);
  const col = Math.floor(i / perColumn), row = i % perColumn;
  return [LEGEND.left + col * (W - LEGEND.left) / LEGEND.columns, LEGEND.top + LEGEND.line * (row + 1.6)];
}
