"""An organisation brands the site through `extra.organisation` in mkdocs.yml alone."""
from __future__ import annotations

from helpers import build, edit


def test_name_logo_and_contact_come_from_mkdocs_yml(course_copy):
    (course_copy / "docs" / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle id="org-logo" cx="5" cy="5" r="4"/></svg>',
        encoding="utf-8")
    edit(course_copy / "mkdocs.yml",
         'organisation: {name: Proeforganisatie, logo: "", contact_url: "https://example.org/contact", contact_email: ""}',
         'organisation: {name: OCMW Voorbeeldstad, logo: logo.svg, contact_url: "", contact_email: vorming@voorbeeldstad.be}')
    result = build(course_copy)
    assert result.returncode == 0, result.stderr[-3000:]
    for page in ("index.html", "modules/01-proef/lezen/index.html"):
        html = (course_copy / "site" / page).read_text(encoding="utf-8")
        assert "Aangeboden door OCMW Voorbeeldstad" in html
        assert 'href="mailto:vorming@voorbeeldstad.be"' in html
        assert 'id="org-logo"' in html  # the SVG logo is inlined in the header
        assert "Proeforganisatie" not in html and "example.org/contact" not in html
