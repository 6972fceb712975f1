"""Privacy gate: no request to any host but the site's own, no cookies, no console errors and no
JavaScript exceptions, on every page in both schemes.

The requests and console are recorded in the shared page walk (browser.scan_pages), which also
blocks every outside request so that none ever leaves the machine.
"""
from __future__ import annotations

from collections import Counter

from .browser import PageScan
from .common import GateResult

NAME = "Privacy and console (third parties, cookies, errors)"


def gate(scans: list[PageScan]) -> GateResult:
    lines: list[str] = []
    hosts: Counter = Counter()
    counts = Counter()
    for s in scans:
        where = f"`{s.page}` ({s.walk})"
        for url in s.outside:
            hosts[url.split("/")[2] if "//" in url else url[:40]] += 1
            lines.append(f"- {where}: outside request {url}")
        if s.cookies or s.document_cookie:
            counts["cookies"] += 1
            lines.append(f"- {where}: cookies set: {', '.join(s.cookies) or s.document_cookie}")
        for msg in s.console_errors:
            lines.append(f"- {where}: console error: {msg}")
        for msg in s.page_errors:
            lines.append(f"- {where}: JavaScript exception: {msg}")
        for msg in s.failed:
            lines.append(f"- {where}: failed local request: {msg}")
        if s.error:
            lines.append(f"- {where}: page did not load: {s.error}")
        if s.status is not None and s.status >= 400:
            lines.append(f"- {where}: HTTP {s.status}")
        counts["outside"] += len(s.outside)
        counts["console"] += len(s.console_errors)
        counts["exceptions"] += len(s.page_errors)
        counts["failed"] += len(s.failed) + bool(s.error) + bool(s.status and s.status >= 400)
    requests = sum(len(s.requests) for s in scans)
    passed = bool(scans) and not any(counts.values())
    summary = (f"{counts['outside']} outside request(s) of {requests}, {counts['cookies']} page load(s) with cookies, "
               f"{counts['console']} console error(s), {counts['exceptions']} exception(s), "
               f"{counts['failed']} failed local load(s) over {len(scans)} page loads")
    head = [f"Hosts other than the site's own: {', '.join(f'{h} ({n})' for h, n in hosts.most_common()) or 'none'}. "
            f"Reference, bare Material 9.8.2: 2 requests per page to Google Fonts; this site: "
            f"{max((len(s.outside) for s in scans), default=0)} per page at most."]
    return GateResult(NAME, passed, summary, head + lines[:300],
                      data={**counts, "requests": requests, "hosts": dict(hosts)})
