"""Accessibility gate: axe-core (WCAG 2.0/2.1 A and AA) on every page, light and dark scheme.

axe runs inside the shared page walk (browser.scan_pages); this module judges the results.
"""
from __future__ import annotations

from collections import Counter, defaultdict

from .browser import AXE_TAGS, PageScan
from .common import GateResult

NAME = "Accessibility (axe-core, WCAG 2.1 AA)"


def gate(scans: list[PageScan], max_nodes: int = 3) -> GateResult:
    rules: Counter = Counter()
    pages_by_rule: dict[str, set] = defaultdict(set)
    problems: list[str] = []
    wrong_scheme = [s for s in scans if s.body_scheme != s.expected_scheme and not s.error]
    broken = [s for s in scans if s.error]
    for scan in scans:
        for v in scan.violations:
            rules[(v["id"], scan.walk)] += len(v["nodes"])
            pages_by_rule[v["id"]].add(scan.page)
            problems.append(f"- `{scan.page}` ({scan.walk}) **{v['id']}** ({v['impact']}): {v['help']}")
            for node in v["nodes"][:max_nodes]:
                summary = " ".join(node["summary"].split())[:300]
                problems.append(f"    - `{node['target']}`: {summary}")
            if len(v["nodes"]) > max_nodes:
                problems.append(f"    - … {len(v['nodes']) - max_nodes} more")
    total = sum(rules.values())
    schemes = sorted({s.scheme for s in scans})
    walks = sorted({s.walk for s in scans})
    pages = len({s.page for s in scans})
    passed = total == 0 and not wrong_scheme and not broken and bool(scans)
    summary = (f"{total} violation(s) on {pages} pages × {len(schemes)} schemes ({', '.join(schemes)}); "
               f"{len(scans)} page loads in {len(walks)} walks ({'; '.join(walks)})"
               + (f", {len(wrong_scheme)} load(s) in the wrong scheme" if wrong_scheme else "")
               + (f", {len(broken)} page(s) not checked" if broken else ""))
    lines = [f"Tags: {', '.join(AXE_TAGS)}. Every page is loaded once per scheme; the scheme is verified on "
             "`body[data-md-color-scheme]`. Pages with trainer notes are loaded once more per scheme with "
             "the trainer view on (`?trainer=1`).",
             f"Reference, bare Material 9.8.2: violations color-contrast (footer) and link-in-text-block; "
             f"this site: {total} violation(s){' (' + ', '.join(sorted({r for r, _ in rules})) + ')' if rules else ''}."]
    if rules:
        lines.append("")
        lines.append("| rule | scheme | elements | pages |")
        lines.append("| --- | --- | ---: | ---: |")
        for (rule, scheme), n in sorted(rules.items()):
            lines.append(f"| {rule} | {scheme} | {n} | {len(pages_by_rule[rule])} |")
        lines.append("")
        lines.extend(problems[:200])
    for s in wrong_scheme:
        lines.append(f"- `{s.page}` ({s.scheme}): body scheme is {s.body_scheme!r}, expected {s.expected_scheme!r}")
    for s in broken:
        lines.append(f"- `{s.page}` ({s.walk}): not checked: {s.error}")
    incomplete = Counter()
    for s in scans:
        for item in s.incomplete:
            incomplete[item["id"]] += item["count"]
    if incomplete:
        lines.append("")
        lines.append("Needs review by a person (axe 'incomplete', not a failure): "
                     + ", ".join(f"{k} {v}" for k, v in sorted(incomplete.items())))
    return GateResult(NAME, passed, summary, lines,
                      data={"violations": total, "by_rule": {f"{r}/{s}": n for (r, s), n in rules.items()},
                            "wrong_scheme": len(wrong_scheme), "incomplete": dict(incomplete)})
