"""The hosting organisation's branding: one validated object from ``extra.organisation``.

Everything that shows the organisation reads this object: the header and footer templates, the
favicon, the 404 page, the worksheet PDFs and DOCX files, the site's colour variables (which the
network map and every other script read with ``getComputedStyle``), and the course reader and
certificate. It is plain Python (no MkDocs import)::

    branding = load_branding(config["extra"], docs_dir)     # raises ContentError on a bad value

Unsafe values are refused or made safe:
- the name is plain text: templates escape it, the PDF code escapes it for HTML and for CSS;
- the logo is shown as an image (``<img>``), never pasted into the page; an SVG logo is also
  cleaned at build time (no script, no event attributes, no external references, no prolog);
- a primary colour under 4.5:1 against white text fails the build with the ratio and a darker
  colour of the same hue that passes;
- contact addresses must be ``https``/``http`` URLs and a plain e-mail address.
"""
from __future__ import annotations

import colorsys
import hashlib
import re
import urllib.parse
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from .errors import ContentError, raise_all

WHERE = "mkdocs.yml"
FIELD = "extra.organisation"
DEFAULT_PRIMARY = "#0b5e66"  # used only when a configuration names no colour (the fixture course)
HEADER_TEXT = "#ffffff"  # Material's text colour on the primary colour (--md-primary-bg-color)
MIN_CONTRAST = 4.5  # WCAG 2.1 AA for normal text: white header text on the primary colour
SLATE_BACKGROUND = "#1e2029"  # Material's dark scheme background, hsl(225, 15%, 14%)
LOGO_TYPES = {".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
              ".webp": "image/webp", ".gif": "image/gif"}
SHORT_NAME_MAX = 30
KNOWN_KEYS = {"name", "short_name", "logo", "favicon", "primary_color", "contact_url", "contact_email"}

_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
_EMAIL = re.compile(r"^[^@\s<>\"'()\[\],;:\\]+@[^@\s<>\"'()\[\],;:\\]+\.[A-Za-z]{2,}$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


# ---------------------------------------------------------------------------- colour

def _rgb(hex_colour: str) -> tuple[int, int, int]:
    h = hex_colour.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{max(0, min(255, round(c))):02x}" for c in rgb)


def luminance(hex_colour: str) -> float:
    """Relative luminance (WCAG 2.1)."""
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = _rgb(hex_colour)
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours, 1.0 to 21.0."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _with_lightness(hex_colour: str, lightness: float) -> str:
    r, g, b = (c / 255 for c in _rgb(hex_colour))
    hue, _, sat = colorsys.rgb_to_hls(r, g, b)
    return _hex(tuple(c * 255 for c in colorsys.hls_to_rgb(hue, max(0.0, min(1.0, lightness)), sat)))


def _lightness(hex_colour: str) -> float:
    return colorsys.rgb_to_hls(*(c / 255 for c in _rgb(hex_colour)))[1]


def shade(hex_colour: str, against: str, ratio: float, darker: bool) -> str:
    """The nearest colour of the same hue (lightness moved in small steps) with ``ratio`` against ``against``."""
    lightness = _lightness(hex_colour)
    step = -0.005 if darker else 0.005
    candidate = hex_colour
    while contrast(candidate, against) < ratio and 0.0 <= lightness <= 1.0:
        lightness += step
        candidate = _with_lightness(hex_colour, lightness)
    return candidate


# ---------------------------------------------------------------------------- SVG logo

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
_DROP_ELEMENTS = {"script", "foreignObject", "iframe", "embed", "object", "audio", "video", "handler", "listener"}
_HREFS = {"href", f"{{{XLINK_NS}}}href"}


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def sanitise_svg(text: str, source: str = "logo") -> str:
    """An SVG that is safe to serve and show as an image.

    Dropped: scripts and elements that embed other documents, ``on*`` event attributes,
    references to anything outside the file (only ``#id`` and ``data:image/`` stay), animations
    that set a link, the XML prolog, comments and doctype. Refused: entity declarations and
    text that is not well-formed SVG.
    """
    if "<!ENTITY" in text.upper():
        raise ContentError(source, "the SVG declares XML entities; save it without a DOCTYPE")
    try:
        root = ET.fromstring(text.encode("utf-8"))
    except ET.ParseError as exc:
        raise ContentError(source, f"not a well-formed SVG file ({exc})") from None
    if _local(root.tag) != "svg":
        raise ContentError(source, f"the file's root element is <{_local(root.tag)}>, expected <svg>")
    for parent in list(root.iter()):
        for child in list(parent):
            name = _local(child.tag) if isinstance(child.tag, str) else ""
            sets_link = name in {"set", "animate"} and (child.get("attributeName") or "").endswith("href")
            remote_css = name == "style" and re.search(r"@import|url\(\s*['\"]?[a-z]+:", child.text or "", re.I)
            if name in _DROP_ELEMENTS or sets_link or remote_css or not isinstance(child.tag, str):
                parent.remove(child)
        for attr in list(parent.attrib):
            value = parent.attrib[attr].strip()
            if _local(attr).lower().startswith("on"):
                del parent.attrib[attr]
            elif attr in _HREFS and not (value.startswith("#") or value.startswith("data:image/")):
                del parent.attrib[attr]
            elif "url(" in value.replace(" ", "") and not re.fullmatch(r"url\(\s*#[^)]*\)", value):
                del parent.attrib[attr]  # e.g. fill="url(https://...)"; url(#gradient) stays
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    return ET.tostring(root, encoding="unicode")


# ---------------------------------------------------------------------------- the branding object

@dataclass(frozen=True)
class Branding:
    name: str
    short_name: str
    primary: str  # "#rrggbb", at least 4.5:1 against white
    logo: str = ""  # path under docs/ ("" = the theme's icon)
    favicon: str = ""  # path under docs/ ("" = the logo)
    contact_url: str = ""
    contact_email: str = ""
    logo_svg: str = ""  # the cleaned SVG when the logo is an SVG
    favicon_svg: str = ""  # the cleaned SVG when the favicon (or the logo standing in for it) is an SVG

    # -- colours -------------------------------------------------------------------

    @property
    def colours(self) -> dict[str, str]:
        """The colour variables, per scheme, that the site's CSS and scripts read."""
        lightness = _lightness(self.primary)
        dark = _with_lightness(self.primary, lightness * 0.75)
        light = _with_lightness(self.primary, min(lightness + 0.1, 0.9))
        link_on_slate = shade(self.primary, SLATE_BACKGROUND, 7.0, darker=False)  # as readable as before (#7fd6de)
        return {"primary": self.primary, "primary_light": light, "primary_dark": dark,
                "link_light_scheme": self.primary, "link_dark_scheme": link_on_slate}

    def css(self) -> str:
        c = self.colours
        return (
            "/* Generated from extra.organisation in mkdocs.yml by netwerkkracht/branding.py: do not edit. */\n"
            ":root, [data-md-color-scheme=\"default\"], [data-md-color-scheme=\"slate\"] {\n"
            f"  --md-primary-fg-color: {c['primary']};\n"
            f"  --md-primary-fg-color--light: {c['primary_light']};\n"
            f"  --md-primary-fg-color--dark: {c['primary_dark']};\n"
            "}\n"
            f"[data-md-color-scheme=\"default\"] {{ --md-typeset-a-color: {c['link_light_scheme']}; }}\n"
            f"[data-md-color-scheme=\"slate\"] {{ --md-typeset-a-color: {c['link_dark_scheme']}; }}\n"
        )

    def css_file(self) -> str:
        """Site path of the generated stylesheet; the hash changes with the colours (long caching is safe)."""
        digest = hashlib.sha256(self.css().encode()).hexdigest()[:8]
        return f"assets/stylesheets/nk-merk.{digest}.css"

    def served_svg(self, path: str) -> str:
        """The cleaned SVG served at ``path`` (the logo or the favicon), or "" if that is no SVG.

        An image cannot inherit the page's text colour, so ``currentColor`` in the logo becomes the
        header's text colour (white, on the primary colour)."""
        if path and path == self.logo and self.logo_svg:
            return self.logo_svg.replace("currentColor", HEADER_TEXT)
        if path and path == self.favicon and self.favicon_svg:
            return self.favicon_svg
        return ""

    # -- favicon -------------------------------------------------------------------

    def favicon_href(self) -> str:
        """A data: URI for an SVG favicon (no extra request; ``currentColor`` becomes the primary
        colour), the image's path for other formats, or "" for the theme's own favicon."""
        if self.favicon_svg:
            svg = " ".join(self.favicon_svg.replace("currentColor", self.primary).split()).replace('"', "'")
            return "data:image/svg+xml," + urllib.parse.quote(svg, safe="=:/'")
        return self.favicon or self.logo

    # -- templates and documents -------------------------------------------------------

    def template(self) -> dict[str, str]:
        """The values the templates read as ``config.extra.organisation`` (plain text: escape on output)."""
        return {"name": self.name, "short_name": self.short_name, "logo": self.logo,
                "contact_url": self.contact_url, "contact_email": self.contact_email,
                "primary_color": self.primary}

    def key(self) -> str:
        """What a generated document depends on: part of the toolbox cache key."""
        return "|".join((self.name, self.short_name, self.primary))


def css_string(text: str) -> str:
    """``text`` as a quoted CSS string (for ``content:``), safe whatever it holds."""
    return '"' + "".join(c if c.isalnum() or c in " .,-_()&·'" else f"\\{ord(c):x} " for c in text) + '"'


def _problem(field: str, problem: str) -> ContentError:
    return ContentError(WHERE, problem, field=f"{FIELD}.{field}")


def _image(docs_dir: Path, field: str, value: object, errors: list[ContentError]) -> tuple[str, str]:
    """(path, cleaned SVG or "") for an image field; records problems in ``errors``."""
    if value in (None, ""):
        return "", ""
    if not isinstance(value, str) or value.startswith(("/", "\\")) or ".." in Path(value).parts or "://" in value:
        errors.append(_problem(field, f"expected a path under docs/ such as assets/logo.svg, got {value!r}"))
        return "", ""
    suffix = Path(value).suffix.lower()
    if suffix not in LOGO_TYPES:
        errors.append(_problem(field, f"'{value}' is not an image type the site shows; use one of "
                                      f"{', '.join(sorted(LOGO_TYPES))}"))
        return "", ""
    path = Path(docs_dir) / value
    if not path.is_file():
        errors.append(_problem(field, f"file docs/{value} does not exist"))
        return "", ""
    if suffix != ".svg":
        return value, ""
    try:
        return value, sanitise_svg(path.read_text(encoding="utf-8"), f"docs/{value}")
    except (ContentError, UnicodeDecodeError) as exc:
        errors.append(_problem(field, f"docs/{value}: {getattr(exc, 'problem', exc)}"))
        return "", ""


def load_branding(extra: dict | None, docs_dir: str | Path) -> Branding:
    """Validate ``extra.organisation`` (a mapping from mkdocs.yml) into a Branding object."""
    org = (extra or {}).get("organisation") or {}
    if not isinstance(org, dict):
        raise ContentError(WHERE, f"expected a mapping with name, logo, primary_color and contact, got {org!r}",
                           field=FIELD)
    errors: list[ContentError] = []
    unknown = sorted(set(org) - KNOWN_KEYS)
    if unknown:
        errors.append(_problem(unknown[0], f"unknown field; the fields are {', '.join(sorted(KNOWN_KEYS))}"))

    def text(field: str, default: str = "", limit: int = 120) -> str:
        value = org.get(field, default)
        value = default if value is None else value
        if not isinstance(value, str):
            errors.append(_problem(field, f"expected text, got {value!r}"))
            return default
        value = value.strip()
        if _CONTROL.search(value):
            errors.append(_problem(field, "contains a line break or control character"))
        if len(value) > limit:
            errors.append(_problem(field, f"at most {limit} characters, got {len(value)}"))
        return value

    name = text("name")
    if not name:
        errors.append(_problem("name", "required: the organisation's name as it appears on every page"))
    short_name = text("short_name", limit=SHORT_NAME_MAX) or name[:SHORT_NAME_MAX].strip()

    primary = org.get("primary_color") or DEFAULT_PRIMARY
    if not isinstance(primary, str) or not _HEX.match(primary.strip()):
        errors.append(_problem("primary_color", f"expected a colour as #rrggbb, got {primary!r}"))
        primary = DEFAULT_PRIMARY
    primary = _hex(_rgb(primary.strip())).lower()
    ratio = contrast(primary, "#ffffff")
    if ratio < MIN_CONTRAST:
        suggestion = shade(primary, "#ffffff", MIN_CONTRAST, darker=True)
        errors.append(_problem("primary_color", (
            f"{primary} has a contrast of {ratio:.2f}:1 with white text; at least {MIN_CONTRAST}:1 is needed "
            f"(WCAG 2.1 AA) for the header and buttons. Try {suggestion} "
            f"({contrast(suggestion, '#ffffff'):.2f}:1), the same colour a little darker")))

    contact_url = text("contact_url", limit=500)
    if contact_url:
        parts = urllib.parse.urlsplit(contact_url)
        if parts.scheme not in ("https", "http") or not parts.netloc or any(c in contact_url for c in "<>\"' "):
            errors.append(_problem("contact_url", f"expected a web address starting with https://, got {contact_url!r}"))
            contact_url = ""
    contact_email = text("contact_email", limit=254)
    if contact_email and not _EMAIL.match(contact_email):
        errors.append(_problem("contact_email", f"expected an e-mail address such as vorming@example.org, got {contact_email!r}"))
        contact_email = ""

    logo, logo_svg = _image(Path(docs_dir), "logo", org.get("logo"), errors)
    favicon, favicon_svg = _image(Path(docs_dir), "favicon", org.get("favicon"), errors)
    if not favicon:
        favicon_svg = logo_svg
    raise_all(errors)
    return Branding(name=name, short_name=short_name, primary=primary, logo=logo, favicon=favicon,
                    contact_url=contact_url, contact_email=contact_email, logo_svg=logo_svg,
                    favicon_svg=favicon_svg)


def branding_for(config) -> Branding:
    """The branding of a loaded MkDocs configuration (any mapping with ``extra`` and ``docs_dir``).

    For other streams' code (course reader, certificate): one call, always validated.
    """
    return load_branding(config["extra"], config["docs_dir"])


DEFAULT = Branding(name="Netwerkkracht", short_name="Netwerkkracht", primary=DEFAULT_PRIMARY)
"""The course's own branding: what code that is called without a configuration (tests, notebooks) uses."""
