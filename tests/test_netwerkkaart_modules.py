"""The network map's browser code is native ES modules that load without a bundler (issue 11).

w-hosting's offline package joins them into one classic script, which only works if every file
keeps to the subset checked here: static relative imports of named bindings, `export` declarations,
no default export, no dynamic import. Each file opens with a comment saying what it holds.
"""
from __future__ import annotations

import re

from helpers import ROOT

FOLDER = ROOT / "overrides" / "assets" / "netwerkkaart"
CONCERNS = {"state.js", "layout.js", "render.js", "table.js", "files.js"}
IMPORT = re.compile(r'^import \{[\w\s,]+\} from "\./[a-z]+\.js";$')


def _files():
    return sorted(FOLDER.glob("*.js"))


def test_one_module_per_concern_and_an_entry():
    names = {f.name for f in _files()}
    assert CONCERNS | {"main.js"} <= names, names
    assert not (ROOT / "overrides" / "assets" / "netwerkkaart.js").exists(), "the one-file version is gone"


def test_modules_use_only_what_the_offline_join_understands():
    problems = []
    names = {f.name for f in _files()}
    for f in _files():
        text = f.read_text(encoding="utf-8")
        if not text.startswith("/*") or len(text.split("*/", 1)[0]) < 80:
            problems.append(f"{f.name}: no opening comment that says what it holds")
        for n, line in enumerate(text.splitlines(), 1):
            if line.startswith("import"):
                if not IMPORT.match(line):
                    problems.append(f"{f.name}:{n}: not a static relative named import: {line}")
                elif line.split('"./')[1].split('"')[0] not in names:
                    problems.append(f"{f.name}:{n}: imports a file that does not exist: {line}")
            if re.search(r"\bexport\s+default\b|\bimport\s*\(|\bexport\s*\{|\bexport\s*\*", line):
                problems.append(f"{f.name}:{n}: default export, re-export or dynamic import: {line}")
            if re.search(r"\bimport\.meta\b", line):
                problems.append(f"{f.name}:{n}: import.meta does not survive the join: {line}")
    assert not problems, "\n".join(problems)


def test_the_map_page_loads_the_entry_as_a_module():
    page = (ROOT / "docs" / "toolbox" / "netwerkkaart-interactief.md").read_text(encoding="utf-8")
    front = page.split("---", 2)[1]
    assert "module_scripts:\n  - assets/netwerkkaart/main.js" in front, front


def test_the_map_offers_exactly_the_options_the_workspace_accepts():
    """Labels live in state.js, the check in netwerkkracht.js (backup and import): same ids, same order."""
    state = (FOLDER / "state.js").read_text(encoding="utf-8")
    workspace = (ROOT / "overrides" / "assets" / "netwerkkracht.js").read_text(encoding="utf-8")
    for js_list, model in (("SECTORS", "sectoren"), ("RINGS", "ringen"), ("SUPPORT", "steun"), ("RECIPROCITY", "wederkerigheid")):
        block = re.search(rf"export const {js_list} = \[(.*?)\];", state, re.S).group(1)
        offered = re.findall(r'id: "?([\w-]+)"?,', block)
        accepted = re.findall(r'"?([\w-]+)"?', re.search(rf"{model}: \[([^\]]+)\]", workspace).group(1))
        assert offered == accepted, (js_list, offered, accepted)
