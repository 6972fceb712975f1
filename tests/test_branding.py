"""An organisation brands the site through `extra.organisation` in mkdocs.yml alone.

Fast checks: the validation of every value (netwerkkracht/branding.py) and a build of the fixture
course with an unsafe name and logo. The real site, branded, is checked in Chromium in
tests/browser/test_site_branded.py.
"""
from __future__ import annotations

import re
import urllib.parse
import xml.etree.ElementTree as ET

import pytest

from helpers import build, edit
from netwerkkracht.branding import (DEFAULT_PRIMARY, MIN_CONTRAST, contrast, css_string, load_branding,
                                    sanitise_svg)
from netwerkkracht.errors import ContentError

EVIL_LOGO = """<?xml version="1.0" encoding="UTF-8"?>
<!-- exported by a drawing program -->
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10" onload="alert(1)">
  <style>circle { fill: currentColor; }</style>
  <script>alert("logo")</script>
  <foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>
  <circle id="org-logo" cx="5" cy="5" r="4" fill="currentColor" onclick="alert(2)"/>
  <image xlink:href="https://tracker.example/pixel.png" width="1" height="1"/>
  <use href="#org-logo"/>
</svg>"""


def org(tmp_path, **values) -> dict:
    base = {"name": "OCMW Voorbeeldstad", "logo": "", "contact_url": "", "contact_email": ""}
    return {"organisation": {**base, **values}}


def problems(tmp_path, **values) -> str:
    with pytest.raises(ContentError) as info:
        load_branding(org(tmp_path, **values), tmp_path)
    return str(info.value)


# ---------------------------------------------------------------------------- validation

def test_defaults_and_normalised_values(tmp_path):
    b = load_branding(org(tmp_path, primary_color="#B71C1C"), tmp_path)
    assert (b.name, b.short_name, b.primary) == ("OCMW Voorbeeldstad", "OCMW Voorbeeldstad", "#b71c1c")
    assert load_branding(org(tmp_path), tmp_path).primary == DEFAULT_PRIMARY


def test_a_primary_colour_below_4_5_to_1_fails_with_the_ratio_and_a_colour_that_passes(tmp_path):
    message = problems(tmp_path, primary_color="#ff0000")
    assert "mkdocs.yml" in message and "extra.organisation.primary_color" in message
    assert "4.00:1" in message and "4.5:1" in message
    suggestion = re.search(r"Try (#[0-9a-f]{6})", message).group(1)
    assert contrast(suggestion, "#ffffff") >= MIN_CONTRAST
    assert load_branding(org(tmp_path, primary_color=suggestion), tmp_path).primary == suggestion


@pytest.mark.parametrize("field, value, expected", [
    ("primary_color", "red", "expected a colour as #rrggbb"),
    ("contact_url", "javascript:alert(1)", "expected a web address"),
    ("contact_email", "a@b\"><script>", "expected an e-mail address"),
    ("name", "", "required"),
    ("name", "Twee\nregels", "line break"),
    ("short_name", "Een naam die veel te lang is voor de kop", "at most 30"),
    ("logo", "../geheim.svg", "a path under docs/"),
    ("logo", "logo.svg", "does not exist"),
    ("logo", "logo.exe", "not an image type"),
    ("kleur", "#000000", "unknown field"),
])
def test_bad_values_are_refused_with_the_field_named(tmp_path, field, value, expected):
    message = problems(tmp_path, **{field: value})
    assert f"extra.organisation.{field}" in message and expected in message


def test_the_name_is_kept_as_plain_text(tmp_path):
    b = load_branding(org(tmp_path, name="Huis <Zuid> & Co"), tmp_path)
    assert b.template()["name"] == "Huis <Zuid> & Co"  # escaping is the template's job: see the build test
    assert css_string('Huis "Zuid" \\ } & Co') == '"Huis \\22 Zuid\\22  \\5c  \\7d  & Co"'


# ---------------------------------------------------------------------------- the SVG logo

def test_svg_logo_is_cleaned():
    clean = sanitise_svg(EVIL_LOGO)
    root = ET.fromstring(clean)
    tags = {el.tag.rsplit("}", 1)[-1] for el in root.iter()}
    assert not tags & {"script", "foreignObject"}
    assert "onload" not in clean and "onclick" not in clean and "alert" not in clean
    assert "tracker.example" not in clean and "<?xml" not in clean and "<!--" not in clean
    assert root.find("{http://www.w3.org/2000/svg}use").get("href") == "#org-logo"  # internal references stay
    assert 'id="org-logo"' in clean  # drawing kept


def test_svg_with_entities_or_not_svg_is_refused():
    with pytest.raises(ContentError, match="entities"):
        sanitise_svg('<!DOCTYPE svg [<!ENTITY a "x">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>')
    with pytest.raises(ContentError, match="expected <svg>"):
        sanitise_svg("<html><body/></html>")
    with pytest.raises(ContentError, match="well-formed"):
        sanitise_svg("<svg")


def test_colours_for_both_schemes_meet_the_contrast_rules(tmp_path):
    for colour in ("#0b5e66", "#b71c1c", "#1a237e", "#2e7d32"):
        c = load_branding(org(tmp_path, primary_color=colour), tmp_path).colours
        assert contrast(c["primary"], "#ffffff") >= 4.5 and contrast(c["link_light_scheme"], "#ffffff") >= 4.5
        assert contrast(c["link_dark_scheme"], "#1e2029") >= 7.0


# ---------------------------------------------------------------------------- a branded build

def test_unsafe_name_and_logo_are_made_safe_in_every_page(course_copy):
    (course_copy / "docs" / "logo.svg").write_text(EVIL_LOGO, encoding="utf-8")
    edit(course_copy / "mkdocs.yml",
         'organisation: {name: Proeforganisatie, logo: "", contact_url: "https://example.org/contact", contact_email: ""}',
         'organisation: {name: "Huis <Zuid> & Co", short_name: "Huis Zuid", logo: logo.svg, primary_color: "#b71c1c", '
         'contact_url: "", contact_email: vorming@voorbeeldstad.be}')
    result = build(course_copy)
    assert result.returncode == 0, result.stderr[-3000:]
    site = course_copy / "site"
    for page in ("index.html", "modules/01-proef/lezen/index.html", "404.html"):
        html = (site / page).read_text(encoding="utf-8")
        assert "Aangeboden door Huis &lt;Zuid&gt; &amp; Co" in html and "<Zuid>" not in html
        assert 'href="mailto:vorming@voorbeeldstad.be"' in html
        assert re.search(r'<img src="/?(\.\./)*logo\.svg" alt="">', html), page  # an image, not pasted in
        assert 'id="org-logo"' not in html and "alert(" not in html
        css = re.search(r'href="(/?(?:\.\./)*assets/stylesheets/nk-merk\.[0-9a-f]{8}\.css)"', html)
        assert css, f"{page}: no branding stylesheet"
        icon = re.search(r'<link rel="icon" href="([^"]+)"', html).group(1)
        assert icon.startswith("data:image/svg+xml,") and "#b71c1c" in urllib.parse.unquote(icon)
        assert "script" not in urllib.parse.unquote(icon) and "onload" not in urllib.parse.unquote(icon)
    served = (site / "logo.svg").read_text(encoding="utf-8")
    assert "<script" not in served and "onload" not in served and "tracker.example" not in served
    assert 'fill="#ffffff"' in served  # currentColor: the header's white text colour, as an image cannot inherit it
    brand_css = next((site / "assets" / "stylesheets").glob("nk-merk.*.css")).read_text(encoding="utf-8")
    assert "--md-primary-fg-color: #b71c1c;" in brand_css


def test_a_colour_without_contrast_stops_the_build(course_copy):
    edit(course_copy / "mkdocs.yml", "name: Proeforganisatie,", 'name: Proeforganisatie, primary_color: "#ff6666",')
    result = build(course_copy)
    assert result.returncode != 0
    assert "extra.organisation.primary_color" in result.stderr and ":1 with white text" in result.stderr
    assert not (course_copy / "site" / "index.html").exists()
