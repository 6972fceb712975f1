"""Walk a built site in Chromium under the strict Content-Security-Policy and record what breaks.

Every page is served with the policy as a real HTTP header (as nginx, Apache or IIS would send
it); a listener installed before any page script records each ``securitypolicyviolation``
event, and the console and uncaught exceptions are recorded too. ``python -m
netwerkkracht.hosting.cspcheck SITE`` prints the figures; the browser test fails on any finding.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from ..quality.browser import in_browser, new_context
from ..quality.site import SiteServer, html_pages, url_path
from .csp import policy

LISTEN = """(() => {
  window.__nkCsp = [];
  document.addEventListener("securitypolicyviolation", (e) => window.__nkCsp.push(
    `${e.effectiveDirective} blocked ${e.blockedURI || "(inline)"} at ${e.sourceFile || ""}:${e.lineNumber} ${e.sample || ""}`.trim()));
})();"""


@dataclass
class CspScan:
    page: str
    violations: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    @property
    def problems(self) -> list[str]:
        return ([f"CSP: {v}" for v in self.violations] + [f"console: {c}" for c in self.console_errors]
                + [f"exception: {e}" for e in self.page_errors])


def collect(page, scan: CspScan, settle_ms: int = 300) -> None:
    """Add the violations recorded in the current document to ``scan``."""
    page.wait_for_timeout(settle_ms)
    scan.violations.extend(page.evaluate("() => window.__nkCsp ? window.__nkCsp.splice(0) : []"))


def watch(page, scans: list[CspScan]) -> None:
    """Send console errors and exceptions of ``page`` to the scan being filled (the last one)."""
    def on_console(msg):
        if msg.type == "error" and scans:
            scans[-1].console_errors.append(msg.text[:300])

    page.on("console", on_console)
    page.on("pageerror", lambda exc: scans and scans[-1].page_errors.append(str(exc)[:300]))


def walk(browser, site: Path, base: str, pages: list[str]) -> list[CspScan]:
    """Load every page once; return one scan per page."""
    context = new_context(browser, base)
    context.add_init_script(LISTEN)
    page = context.new_page()
    scans: list[CspScan] = []
    watch(page, scans)
    try:
        for rel in pages:
            scans.append(CspScan(rel))
            page.goto(base + url_path(rel), wait_until="load")
            collect(page, scans[-1])
    finally:
        context.close()
    return scans


def check_site(site: Path, platform_videos: bool = False) -> list[CspScan]:
    site = Path(site)
    with SiteServer(site, headers={"Content-Security-Policy": policy(platform_videos)}) as server:
        return in_browser(lambda browser: walk(browser, site, server.base, html_pages(site)))


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    if not args:
        print("usage: python -m netwerkkracht.hosting.cspcheck SITE_DIR", file=sys.stderr)
        return 2
    scans = check_site(Path(args[0]))
    total = sum(len(s.violations) for s in scans)
    for s in scans:
        for problem in s.problems:
            print(f"{s.page}: {problem}")
    print(f"{total} CSP violation(s), {sum(len(s.console_errors) for s in scans)} console error(s) "
          f"in {len(scans)} page loads")
    return 1 if any(s.problems for s in scans) else 0


if __name__ == "__main__":
    sys.exit(main())
