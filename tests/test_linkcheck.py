"""The offline link checker: clean on a good site, loud on planted broken links and anchors."""
from __future__ import annotations

import shutil

from netwerkkracht.linkcheck import check_site, main


def _plant(site, page, html):
    path = site / page
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("</article>", html + "</article>", 1), encoding="utf-8")


def test_built_fixture_is_clean_and_external_urls_are_listed(fixture_site):
    report = check_site(fixture_site)
    assert report.errors == []
    assert report.pages >= 5
    assert report.internal_links > 50
    assert "https://example.org/film" in report.external_urls
    assert "https://doi.org/10.1177/104438949007100802" in report.external_urls


def test_planted_broken_link_and_anchor_fail(fixture_site, tmp_path, capsys):
    site = tmp_path / "site"
    shutil.copytree(fixture_site, site)
    _plant(site, "modules/01-proef/lezen/index.html",
           '<a href="../bestaat-niet/">weg</a><a href="../#nergens">anker</a><a href="#ook-niet">hier</a>'
           '<img src="../../assets/geen.png" alt="">')
    report = check_site(site)
    joined = "\n".join(report.errors)
    assert "broken link '../bestaat-niet/'" in joined
    assert "broken anchor '#nergens'" in joined
    assert "broken anchor '#ook-niet'" in joined
    assert "broken link '../../assets/geen.png'" in joined
    assert len(report.errors) == 4
    assert all(e.startswith("modules/01-proef/lezen/index.html:") for e in report.errors)
    assert main([str(site)]) == 1
    assert "4 broken" in capsys.readouterr().out


def test_malformed_external_and_root_absolute_links_fail(fixture_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(fixture_site, site)
    _plant(site, "index.html", '<a href="https://">leeg</a><a href="/cursus/">absoluut</a>')
    errors = "\n".join(check_site(site).errors)
    assert "malformed external URL 'https://'" in errors
    assert "root-absolute link '/cursus/'" in errors


def test_missing_site_is_an_error(tmp_path):
    assert check_site(tmp_path).errors
    assert main([str(tmp_path)]) == 1
