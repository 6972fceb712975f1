"""A filled-in network map as a static SVG, drawn at build time from a map data file.

The empty map (rings, sectors, labels) is the printed worksheet's (``geometry.map_layers``); people
are placed per sector and ring the way the interactive map places them (``layout`` in
``overrides/assets/netwerkkaart*.js``), with the same arrows for the direction of support. Unlike
the interactive map, which shortens names to fit its circles, every name is written in full under
its circle, on a white halo so that lines never cross it.
"""
from __future__ import annotations

import math
from html import escape

from .geometry import INK, MapGeometry, geometry_for, label_lines, map_layers
from .mapdata import RINGS, SECTORS, SUPPORT, NetworkMap, Person

NODE_R = 3.6  # millimetres, like the rest of the geometry
NAME_SIZE = 3.3
LETTER_SIZE = 2.4
LINE = "#3d4f59"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"


def layout(g: MapGeometry, people: tuple[Person, ...], node_r: float = NODE_R) -> dict[str, tuple[float, float]]:
    """Centre of each person's circle: spread over the arc of their sector within their ring."""
    groups: dict[tuple[str, int], list[Person]] = {}
    for person in people:
        groups.setdefault((person.sector, person.ring), []).append(person)
    n = len(SECTORS)
    pos = {}
    for si, sector in enumerate(SECTORS):
        a0, a1 = g.boundary_angle(si, n), g.boundary_angle(si + 1, n)
        for ri, outer in enumerate(g.ring_radii):
            group = groups.get((sector.id, ri + 1))
            if not group:
                continue
            inner = g.centre_radius if ri == 0 else g.ring_radii[ri - 1]
            lo, hi, mid = inner + node_r + 1, outer - node_r - 1, (inner + outer) / 2
            max_rows = max(1, math.floor((hi - lo) / (2 * node_r + 0.5)) + 1)
            span = a1 - a0 - 8
            per_row = max(1, math.floor(math.radians(span) * mid / (2 * node_r + 1)))
            rows = min(max_rows, math.ceil(len(group) / per_row))
            for k, person in enumerate(group):
                row, col = k % rows, k // rows
                in_row = math.ceil((len(group) - row) / rows)
                radius = mid if rows == 1 else lo + row * (hi - lo) / (rows - 1)
                pos[person.id] = g.point(radius, a0 + 4 + span * (col + 0.5) / in_row)
    return pos


Box = tuple[float, float, float, float]  # left, top, right, bottom


def text_box(x: float, baseline: float, text: str, size: float, anchor: str = "middle") -> Box:
    """Approximate box of a line of bold text (average glyph width 0.62 em)."""
    width = 0.62 * size * len(text)
    left = x - width / 2 if anchor == "middle" else x if anchor == "start" else x - width
    return left, baseline - 0.8 * size, left + width, baseline + 0.25 * size


def overlaps(a: Box, b: Box, margin: float = 0.3) -> bool:
    return a[0] < b[2] + margin and b[0] < a[2] + margin and a[1] < b[3] + margin and b[1] < a[3] + margin


def fixed_boxes(g: MapGeometry) -> list[Box]:
    """What names must not cover: the centre, the ring numbers and the sector names (as ``map_layers`` draws them)."""
    n = len(SECTORS)
    c = g.centre_radius
    boxes: list[Box] = [(g.cx - c, g.cy - c, g.cx + c, g.cy + c)]
    inner = [g.centre_radius, *g.ring_radii[:-1]]
    for r0, r1 in zip(inner, g.ring_radii):
        x, y = g.point((r0 + r1) / 2, g.boundary_angle(0, n))
        boxes.append((x - 2.6, y - 2.6, x + 2.6, y + 2.6))
    for i, sector in enumerate(SECTORS):
        mid = (g.boundary_angle(i, n) + g.boundary_angle(i + 1, n)) / 2
        x, y = g.point(g.label_radius, mid)
        cos, sin = math.cos(math.radians(mid)), math.sin(math.radians(mid))
        anchor = "start" if cos > 0.25 else "end" if cos < -0.25 else "middle"
        y += 3.0 * sin
        lines = label_lines(sector.label)
        first = y - (len(lines) - 1) * 2.3 + 1.4
        boxes.extend(text_box(x, first + j * 4.6, line, 3.8, anchor) for j, line in enumerate(lines))
    return boxes


def place_names(g: MapGeometry, people: tuple[Person, ...], pos: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float, str, Box]]:
    """Where each full name goes: under its circle, else above, right or left, wherever it covers
    no other name, circle, ring number or sector name. Returns (x, baseline, anchor, box) per person."""
    taken = fixed_boxes(g) + [(x - NODE_R, y - NODE_R, x + NODE_R, y + NODE_R) for x, y in pos.values()]
    placed = {}
    for person in sorted(people, key=lambda p: (p.ring, p.id)):
        x, y = pos[person.id]
        below, above, side = y + NODE_R + NAME_SIZE * 0.85, y - NODE_R - NAME_SIZE * 0.35, y + NAME_SIZE * 0.3
        options = [
            (x, below, "middle"), (x, above, "middle"),
            (x + NODE_R + 0.8, side, "start"), (x - NODE_R - 0.8, side, "end"),
            (x - NODE_R, below, "start"), (x + NODE_R, below, "end"),
            (x - NODE_R, above, "start"), (x + NODE_R, above, "end"),
        ]
        scored = []
        for tx, ty, anchor in options:
            box = text_box(tx, ty, person.name, NAME_SIZE, anchor)
            clash = sum(_area(box, other) for other in taken if overlaps(box, other))
            outside = max(0.0, -box[0]) + max(0.0, box[2] - g.size)
            scored.append((clash + 100 * outside, (tx, ty, anchor, box)))
            if not scored[-1][0]:
                break
        choice = min(scored, key=lambda item: item[0])[1]  # the first free place, else the least covered
        taken.append(choice[3])
        placed[person.id] = choice
    return placed


def _area(a: Box, b: Box, margin: float = 0.3) -> float:
    width = min(a[2], b[2]) - max(a[0], b[0]) + margin
    height = min(a[3], b[3]) - max(a[1], b[1]) + margin
    return max(width, 0.01) * max(height, 0.01)


def worked_map_svg(m: NetworkMap, ident: str) -> str:
    """The map as an inline SVG: role img, named by its title and described by a one-line summary."""
    g = geometry_for(len(RINGS))
    pos = layout(g, m.people)
    prefix = f"nk-kaart-{ident}"
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {g.size} {g.size}" class="nk-kaartvoorbeeld__svg" '
        f'role="img" aria-labelledby="{prefix}-titel {prefix}-beschrijving">',
        f'<title id="{prefix}-titel">Netwerkkaart{" van " + escape(m.title) if m.title else ""}</title>',
        f'<desc id="{prefix}-beschrijving">{escape(m.summary())} De tabel onder de kaart toont alle personen.</desc>',
        f'<rect x="0" y="0" width="{g.size}" height="{g.size}" fill="#ffffff"/>',
        "<defs>",
        *(f'<marker id="{prefix}-{name}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
          f'orient="{orient}"><path d="M0,0 L10,5 L0,10 z" fill="{LINE}"/></marker>'
          for name, orient in (("pijl-eind", "auto"), ("pijl-begin", "auto-start-reverse"))),
        "</defs>",
        f'<g font-family="{escape(FONT)}" fill="{INK}">',
        *map_layers(g, [r.label for r in RINGS], [s.label for s in SECTORS], _centre(m.title),
                    [s.label for s in SECTORS if s.formal]),
        f'<g stroke="{LINE}" stroke-width="0.35" fill="none">',
    ]
    for person in m.people:
        out.append(_line(g, pos[person.id], person.reciprocity, prefix))
    out.append("</g>")
    names = place_names(g, m.people, pos)
    for person in m.people:
        out.append(_person(pos[person.id], names[person.id], person))
    out.append("</g></svg>")
    return "".join(out)


def _centre(title: str) -> str:
    return title if title and len(title) <= 7 else "ik"


def _line(g: MapGeometry, xy: tuple[float, float], reciprocity: str, prefix: str) -> str:
    dx, dy = xy[0] - g.cx, xy[1] - g.cy
    d = math.hypot(dx, dy) or 1
    x1, y1 = g.cx + dx / d * (g.centre_radius + 0.6), g.cy + dy / d * (g.centre_radius + 0.6)
    x2, y2 = xy[0] - dx / d * (NODE_R + 0.6), xy[1] - dy / d * (NODE_R + 0.6)
    attrs = f'x1="{x1:.2f}" y1="{y1:.2f}" x2="{x2:.2f}" y2="{y2:.2f}"'
    if reciprocity in ("wederzijds", "krijgt"):
        attrs += f' marker-start="url(#{prefix}-pijl-begin)"'
    if reciprocity in ("wederzijds", "geeft"):
        attrs += f' marker-end="url(#{prefix}-pijl-eind)"'
    if reciprocity == "onbekend":
        attrs += ' stroke-dasharray="1.2 1.2"'
    return f"<line {attrs}/>"


def _person(xy: tuple[float, float], name: tuple[float, float, str, Box], person: Person) -> str:
    x, y = xy
    nx, ny, anchor, _box = name
    letters = "".join(s.short for s in SUPPORT if s.id in person.support)
    size = LETTER_SIZE if len(letters) <= 3 else LETTER_SIZE * 3 / len(letters)
    return (
        f'<g class="nk-kaartvoorbeeld__persoon">'
        f'<circle cx="{x:.2f}" cy="{y:.2f}" r="{NODE_R}" fill="#ffffff" stroke="{INK}" stroke-width="0.4"/>'
        + (f'<text x="{x:.2f}" y="{y + size * 0.36:.2f}" font-size="{size:.2f}" font-weight="bold" '
           f'text-anchor="middle">{letters}</text>' if letters else "")
        + f'<text x="{nx:.2f}" y="{ny:.2f}" font-size="{NAME_SIZE}" font-weight="bold" '
          f'text-anchor="{anchor}" stroke="#ffffff" stroke-width="0.9" stroke-linejoin="round" paint-order="stroke">'
          f"{escape(person.name)}</text></g>"
    )
