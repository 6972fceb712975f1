"""The example server configurations in deploy/ and the video-embed switch: no browser needed.

Each configuration must carry exactly the policy the site is tested under (csp.py), compression,
a long cache only for fingerprinted files, and the course's own 404 page under a sub-folder.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import markdown
import pytest

from helpers import ROOT
from netwerkkracht.components import CourseExtension
from netwerkkracht.hosting.csp import POLICY, VIDEO_HOSTS, platform_videos
from netwerkkracht.page_context import set_page

DEPLOY = ROOT / "deploy"
SUBFOLDER_404 = "/vorming/netwerkkracht/404.html"


def fingerprint_pattern(text: str) -> re.Pattern:
    found = re.findall(r'"(\\\.\[0-9a-f\]\{8\}[^"]*)"', text)
    assert found, "no pattern for fingerprinted files"
    return re.compile(found[0].replace("\\$", "$"))


@pytest.mark.parametrize("name", ["nginx.conf", ".htaccess", "web.config"])
def test_each_config_carries_the_policy_compression_cache_and_404(name):
    text = (DEPLOY / name).read_text(encoding="utf-8")
    policies = re.findall(r"Content-Security-Policy\"?\s+(?:value=)?\"([^\"]+)\"", text)
    assert policies and all(p == POLICY for p in policies), policies
    assert all(host in text for host in VIDEO_HOSTS)  # how to add frame-src is explained
    assert SUBFOLDER_404 in text
    assert {"nginx.conf": "gzip on;", ".htaccess": "DEFLATE", "web.config": 'doStaticCompression="true"'}[name] in text
    assert "max-age=31536000, immutable" in text and "no-cache" in text or 'cacheControlMaxAge="0.00:00:00"' in text
    if name == "web.config":
        ET.fromstring(text.encode("utf-8"))  # well-formed XML, or IIS refuses the whole folder


@pytest.mark.parametrize("name", ["nginx.conf", ".htaccess", "web.config"])
def test_only_fingerprinted_files_are_cached_long(name, fixture_site):
    pattern = fingerprint_pattern((DEPLOY / name).read_text(encoding="utf-8"))
    files = [p.relative_to(fixture_site).as_posix() for p in fixture_site.rglob("*") if p.is_file()]
    long = [f for f in files if pattern.search(f)]
    assert any("bundle." in f for f in long) and any("nk-merk." in f for f in long)
    for unversioned in ("assets/head.js", "assets/netwerkkracht.js", "assets/netwerkkracht.css", "index.html"):
        assert unversioned in files and not pattern.search(unversioned), unversioned


def test_platform_videos_are_off_unless_the_organisation_turns_them_on(fixture_root):
    assert platform_videos({}) is False and platform_videos({"platform_videos": True}) is True
    with pytest.raises(ValueError, match="true or false"):
        platform_videos({"platform_videos": "ja"})
    set_page("modules/01-proef/lezen.md", "modules/01-proef/lezen.md", "modules/01-proef/lezen/")
    html = markdown.Markdown(extensions=["md_in_html", CourseExtension(root=str(fixture_root))]).convert(
        "/// video | proef-youtube\n///\n")
    assert "data-embed" not in html and "youtube-nocookie" not in html  # a link card: nothing to frame
    assert 'class="md-button"' in html
