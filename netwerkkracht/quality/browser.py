"""One Chromium for all browser gates, and the page walk they share.

Each page is loaded once per colour scheme; that one load records every request, the console,
JavaScript exceptions and cookies, and runs axe-core. The accessibility, privacy and page-budget
gates only read the resulting `PageScan`s.
"""
from __future__ import annotations

import posixpath
from concurrent.futures import ThreadPoolExecutor
import urllib.parse
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .common import AXE_JS, CHROME_ARGS, CHROMIUM, SCHEMES, require

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
LOCAL_SCHEMES = ("data:", "blob:", "about:")
KIND_BY_EXT = {
    ".html": "html", ".css": "css", ".js": "js", ".mjs": "js",
    ".woff": "fonts", ".woff2": "fonts", ".ttf": "fonts", ".otf": "fonts",
    ".png": "images", ".jpg": "images", ".jpeg": "images", ".svg": "images", ".gif": "images",
    ".webp": "images", ".ico": "images",
}

_AXE_RUN = """async (tags) => {
  const r = await axe.run(document, {runOnly: {type: 'tag', values: tags},
                                     resultTypes: ['violations']});
  const nodes = (v) => v.nodes.map(n => ({target: n.target.join(' '), html: n.html.slice(0, 240),
                                          summary: (n.failureSummary || '').slice(0, 400)}));
  return {violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                              url: v.helpUrl, nodes: nodes(v)})),
          incomplete: r.incomplete.map(v => ({id: v.id, count: v.nodes.length}))};
}"""
# Wait for CSS transitions (Material fades colours on a scheme switch) so contrast is measured at rest.
_SETTLE = """() => Promise.race([
  Promise.all(document.getAnimations().filter(a => a.effect && a.effect.getComputedTiming().duration !== Infinity)
                                      .map(a => a.finished.catch(() => null))),
  new Promise(r => setTimeout(r, 1500))])"""


@dataclass
class PageScan:
    page: str                      # path in the site, e.g. modules/x/index.html
    scheme: str                    # "light" or "dark"
    url: str
    view: str = "learner"          # "learner", or "trainer" when loaded with ?trainer=1
    status: int | None = None
    body_scheme: str | None = None  # data-md-color-scheme on <body> after load
    requests: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    cookies: list[str] = field(default_factory=list)
    document_cookie: str = ""
    violations: list[dict] = field(default_factory=list)
    incomplete: list[dict] = field(default_factory=list)
    bytes: dict[str, int] = field(default_factory=dict)  # bytes the browser loaded, by kind
    error: str | None = None

    @property
    def expected_scheme(self) -> str:
        return SCHEMES[self.scheme]

    @property
    def walk(self) -> str:
        """Which walk this load belongs to, for reports: e.g. "dark" or "dark, trainer view"."""
        return self.scheme if self.view == "learner" else f"{self.scheme}, {self.view} view"


@contextmanager
def chromium():
    """A headless Debian Chromium driven by Playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROME_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


def in_browser(fn):
    """fn(browser) with a fresh Chromium, run in a thread of its own.

    Playwright's sync API refuses to start in a thread where another sync Playwright runs (a
    session-scoped pytest fixture of the browser tests, say); a thread of our own has none.
    """
    def work():
        with chromium() as browser:
            return fn(browser)

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="nk-quality-browser") as pool:
        return pool.submit(work).result()


def is_local(url: str, base: str) -> bool:
    return url.startswith(base + "/") or url == base or url.startswith(LOCAL_SCHEMES)


def local_file(site: Path, base: str, url: str) -> Path | None:
    if not url.startswith(base + "/"):
        return None
    path = urllib.parse.unquote(urllib.parse.urlsplit(url).path)
    rel = posixpath.normpath(path.lstrip("/")) if path.strip("/") else ""
    target = Path(site) / rel
    if target.is_dir():
        target = target / "index.html"
    return target if target.is_file() else None


def new_context(browser, base: str, scheme: str = "light", **kwargs):
    """A browser context that blocks (and so never reaches) every host but the site's own."""
    context = browser.new_context(color_scheme=scheme, service_workers="block", locale="nl-BE", **kwargs)
    context.route(lambda url: not is_local(url, base), lambda route: route.abort("blockedbyclient"))
    return context


def scan_pages(browser, site: Path, base: str, pages: list[str], scheme: str = "light",
               axe: bool = True, timeout_ms: int = 30000, check_scheme: bool = True,
               view: str = "learner") -> list[PageScan]:
    """Load every page once in one tab: record requests, console, errors, cookies; run axe.

    check_scheme waits until Material has applied the colour scheme of the emulated
    prefers-color-scheme (a site without a palette, such as bare Material, has none).
    """
    from .site import url_path

    if axe:
        require(AXE_JS, "axe-core")
    context = new_context(browser, base, scheme)
    page = context.new_page()
    page.set_default_timeout(timeout_ms)
    current: list[PageScan] = []

    def record(kind, value):
        if current:
            getattr(current[-1], kind).append(value)

    def on_request(request):
        if not current:
            return
        scan = current[-1]
        scan.requests.append(request.url)
        if not is_local(request.url, base):
            scan.outside.append(request.url)

    def on_finished(request):
        if not current:
            return
        target = local_file(site, base, request.url)
        if target is not None:
            kind = KIND_BY_EXT.get(target.suffix.lower(), "other")
            current[-1].bytes[kind] = current[-1].bytes.get(kind, 0) + target.stat().st_size

    def on_response(response):
        if response.status >= 400:
            record("failed", f"{response.status} {response.url}")

    def on_console(msg):
        if msg.type == "error":
            loc = msg.location or {}
            where = f" ({loc.get('url', '')}:{loc.get('lineNumber', '')})" if loc.get("url") else ""
            record("console_errors", msg.text[:300] + where)

    page.on("request", on_request)
    page.on("requestfinished", on_finished)
    def on_failed(request):
        # net::ERR_ABORTED is a request cut off by the next navigation (the search worker loading
        # its language files), not a broken file: a missing file answers 404 and fails above.
        if is_local(request.url, base) and "ERR_ABORTED" not in (request.failure or ""):
            record("failed", f"{request.failure} {request.url}")

    page.on("requestfailed", on_failed)
    page.on("response", on_response)
    page.on("console", on_console)
    page.on("pageerror", lambda exc: record("page_errors", str(exc)[:300]))

    scans = []
    try:
        for rel in pages:
            url = base + url_path(rel) + ("?trainer=1" if view == "trainer" else "")
            scan = PageScan(rel, scheme, url, view)
            current.append(scan)
            scans.append(scan)
            try:
                response = page.goto(url, wait_until="load")
                scan.status = response.status if response else None
                try:
                    if not check_scheme:
                        raise LookupError
                    page.wait_for_function(
                        "s => document.body && document.body.getAttribute('data-md-color-scheme') === s",
                        arg=scan.expected_scheme, timeout=5000)
                except Exception:
                    pass
                scan.body_scheme = page.evaluate("() => document.body && document.body.getAttribute('data-md-color-scheme')")
                page.evaluate(_SETTLE)
                if axe:
                    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
                        page.add_script_tag(path=str(AXE_JS))
                    result = page.evaluate(_AXE_RUN, AXE_TAGS)
                    scan.violations = result["violations"]
                    scan.incomplete = result["incomplete"]
                scan.document_cookie = page.evaluate("() => document.cookie")
                scan.cookies = [f"{c['name']} ({c['domain']})" for c in context.cookies()]
                if scan.cookies:
                    context.clear_cookies()
            except Exception as exc:  # a page that cannot load or crashes the check fails the gates
                scan.error = f"{type(exc).__name__}: {str(exc).splitlines()[0][:300]}"
    finally:
        current.clear()
        context.close()
    return scans
