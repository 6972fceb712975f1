"""The printed network map as SVG: concentric rings for closeness, crossed by sectors.

All sizes are millimetres. The same numbers place the map on the A4 page (``MAP_LEFT_MM``,
``MAP_TOP_MM``) so that a test can find the rings and sectors in a rendered image.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape

# Position of the map on page 1, from the top-left corner of the A4 sheet.
MAP_SIZE_MM = 176.0
MAP_LEFT_MM = (210.0 - MAP_SIZE_MM) / 2
MAP_TOP_MM = 47.0

INK = "#1b2b34"
RING_FILLS = ["#cfe6e8", "#e4f1f2", "#f6fbfb"]  # inner to outer: closer is darker
FORMAL_FILL = "#d9d9d9"  # formal sectors are shaded grey on top of the ring tint
FORMAL_OPACITY = 0.55


@dataclass(frozen=True)
class MapGeometry:
    size: float = MAP_SIZE_MM
    centre_radius: float = 9.0
    ring_radii: tuple[float, ...] = (29.0, 46.0, 63.0)
    label_radius: float = 67.0

    @property
    def cx(self) -> float:
        return self.size / 2

    @property
    def cy(self) -> float:
        return self.size / 2

    def with_rings(self, n: int) -> "MapGeometry":
        outer = self.ring_radii[-1]
        step = (outer - self.centre_radius) / n
        radii = tuple(round(self.centre_radius + step * (i + 1) + (3 if i < n - 1 else 0), 2) for i in range(n))
        return MapGeometry(self.size, self.centre_radius, radii, self.label_radius)

    @staticmethod
    def boundary_angle(i: int, n: int) -> float:
        """Angle in degrees (SVG: 0 = right, clockwise) where sector i starts; sector 0 starts at the top."""
        return -90.0 + i * 360.0 / n

    def point(self, radius: float, degrees: float) -> tuple[float, float]:
        a = math.radians(degrees)
        return self.cx + radius * math.cos(a), self.cy + radius * math.sin(a)


def geometry_for(rings: int) -> MapGeometry:
    base = MapGeometry()
    return base if rings == len(base.ring_radii) else base.with_rings(rings)


def label_lines(label: str, width: int = 12) -> list[str]:
    words, lines, line = label.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return lines


def _wedge(g: MapGeometry, r_in: float, r_out: float, a0: float, a1: float) -> str:
    x0, y0 = g.point(r_out, a0)
    x1, y1 = g.point(r_out, a1)
    x2, y2 = g.point(r_in, a1)
    x3, y3 = g.point(r_in, a0)
    large = 1 if (a1 - a0) > 180 else 0
    return (f"M{x0:.2f},{y0:.2f} A{r_out},{r_out} 0 {large} 1 {x1:.2f},{y1:.2f} "
            f"L{x2:.2f},{y2:.2f} A{r_in},{r_in} 0 {large} 0 {x3:.2f},{y3:.2f} Z")


def map_svg(rings: list[str], sectors: list[str], centre: str = "ik", formal: list[str] = (),
            font: str = "DejaVu Sans, Liberation Sans, Arial, sans-serif") -> str:
    """The empty network map as an SVG element sized in millimetres."""
    g = geometry_for(len(rings))
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{g.size}mm" height="{g.size}mm" '
        f'viewBox="0 0 {g.size} {g.size}" role="img" aria-label="Lege netwerkkaart">',
        f'<g font-family="{escape(font)}" fill="{INK}">',
        *map_layers(g, rings, sectors, centre, formal),
    ]
    out.append("</g></svg>")
    return "".join(out)


def map_layers(g: MapGeometry, rings: list[str], sectors: list[str], centre: str, formal: list[str]) -> list[str]:
    """The SVG elements of the empty map (rings, sectors, centre, labels), for ``map_svg`` and worked maps."""
    n = len(sectors)
    out: list[str] = []
    # ring tints, outer first so inner ones lie on top
    for radius, fill in reversed(list(zip(g.ring_radii, RING_FILLS[-len(rings):] if len(rings) <= 3 else RING_FILLS))):
        out.append(f'<circle cx="{g.cx}" cy="{g.cy}" r="{radius}" fill="{fill}" stroke="none"/>')
    # formal sectors shaded
    for i, name in enumerate(sectors):
        if name in formal:
            a0, a1 = g.boundary_angle(i, n), g.boundary_angle(i + 1, n)
            out.append(f'<path d="{_wedge(g, g.centre_radius, g.ring_radii[-1], a0, a1)}" '
                       f'fill="{FORMAL_FILL}" fill-opacity="{FORMAL_OPACITY}" stroke="none"/>')
    # ring lines
    for radius in g.ring_radii:
        out.append(f'<circle cx="{g.cx}" cy="{g.cy}" r="{radius}" fill="none" stroke="{INK}" stroke-width="0.7"/>')
    # sector lines
    for i in range(n):
        x0, y0 = g.point(g.centre_radius, g.boundary_angle(i, n))
        x1, y1 = g.point(g.ring_radii[-1], g.boundary_angle(i, n))
        out.append(f'<line x1="{x0:.2f}" y1="{y0:.2f}" x2="{x1:.2f}" y2="{y1:.2f}" stroke="{INK}" stroke-width="0.5"/>')
    # centre
    out.append(f'<circle cx="{g.cx}" cy="{g.cy}" r="{g.centre_radius}" fill="#ffffff" stroke="{INK}" stroke-width="0.7"/>')
    out.append(f'<text x="{g.cx}" y="{g.cy + 1.8:.2f}" font-size="5.5" font-weight="bold" text-anchor="middle">{escape(centre)}</text>')
    # ring numbers on the first sector line, in small white badges
    inner = [g.centre_radius, *g.ring_radii[:-1]]
    for k, (r0, r1) in enumerate(zip(inner, g.ring_radii), start=1):
        x, y = g.point((r0 + r1) / 2, g.boundary_angle(0, n))
        out.append(f'<circle cx="{x:.2f}" cy="{y:.2f}" r="2.6" fill="#ffffff" stroke="{INK}" stroke-width="0.35"/>')
        out.append(f'<text x="{x:.2f}" y="{y + 1.25:.2f}" font-size="3.4" font-weight="bold" text-anchor="middle">{k}</text>')
    # sector labels outside the outer ring
    for i, name in enumerate(sectors):
        mid = (g.boundary_angle(i, n) + g.boundary_angle(i + 1, n)) / 2
        x, y = g.point(g.label_radius, mid)
        cos, sin = math.cos(math.radians(mid)), math.sin(math.radians(mid))
        anchor = "start" if cos > 0.25 else "end" if cos < -0.25 else "middle"
        y += 3.0 * sin  # keep labels at the top and bottom clear of the ring
        lines = label_lines(name)
        first = y - (len(lines) - 1) * 2.3 + 1.4
        tspans = "".join(
            f'<tspan x="{x:.2f}" y="{first + j * 4.6:.2f}">{escape(line)}</tspan>' for j, line in enumerate(lines))
        out.append(f'<text font-size="3.8" font-weight="bold" text-anchor="{anchor}">{tspans}</text>')
    return out
