"""Join a graph of native ES modules into one classic script, for pages opened from disk.

Chromium refuses ``<script type="module">`` over ``file://``, so the offline copy turns every
module graph into one classic script. The project's rule for modules (contracts) keeps this small:
only static relative imports (``import { a, b as c } from "./b.js"``, ``import * as ns from
"./b.js"``, ``import "./b.js"``) and ``export`` declarations (``export function``, ``export
class``, ``export const|let|var``, ``export { a, b as c }``, ``export { a } from "./b.js"``,
``export * from "./b.js"``). Anything else stops the package with the file and what to change:
default exports, dynamic ``import()``, ``import.meta``, bare or absolute specifiers, import cycles.

Each module becomes a strict-mode function that receives its dependencies' export objects and
returns its own; modules run once, in dependency order, as a browser would run them. An imported
binding is read when the importing module starts (after its dependencies have run), so an export
that its module reassigns later is not seen again: keep exported bindings constant.
"""
from __future__ import annotations

import hashlib
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ContentError

_IDENT = r"[A-Za-z_$][\w$]*"
_SPEC = r"""["']([^"']+)["']"""
_IMPORT_NAMED = re.compile(rf"^[ \t]*import\s*\{{([^}}]*)\}}\s*from\s*{_SPEC}\s*;?", re.M)
_IMPORT_NS = re.compile(rf"^[ \t]*import\s*\*\s*as\s+({_IDENT})\s*from\s*{_SPEC}\s*;?", re.M)
_IMPORT_BARE = re.compile(rf"^[ \t]*import\s*{_SPEC}\s*;?", re.M)
_IMPORT_DEFAULT = re.compile(rf"^[ \t]*import\s+{_IDENT}\s*(,|from)", re.M)
_EXPORT_FROM = re.compile(rf"^[ \t]*export\s*\{{([^}}]*)\}}\s*from\s*{_SPEC}\s*;?", re.M)
_EXPORT_STAR = re.compile(rf"^[ \t]*export\s*\*\s*from\s*{_SPEC}\s*;?", re.M)
_EXPORT_LIST = re.compile(r"^[ \t]*export\s*\{([^}]*)\}\s*;?", re.M)
_EXPORT_DECL = re.compile(rf"^([ \t]*)export\s+((?:async\s+)?function\s*\*?\s*({_IDENT})|class\s+({_IDENT})|(?:const|let|var)\s+)", re.M)
_FORBIDDEN = [
    (re.compile(r"^[ \t]*export\s+default\b", re.M), "a default export: use a named export (export function name)"),
    (re.compile(r"(?<![\w$.])import\s*\("), "a dynamic import(): import the module statically at the top"),
    (re.compile(r"(?<![\w$.])import\.meta\b"), "import.meta: not available in the offline copy"),
]


@dataclass
class Module:
    path: Path
    body: str
    deps: list[Path] = field(default_factory=list)  # in import order
    prologue: list[str] = field(default_factory=list)  # const bindings from dependencies
    exports: dict[str, str] = field(default_factory=dict)  # exported name -> local expression
    stars: list[Path] = field(default_factory=list)  # export * from


def _fail(path: Path, problem: str, text: str = "", at: int = 0) -> ContentError:
    line = text.count("\n", 0, at) + 1 if text else None
    return ContentError(str(path), problem, line=line)


def _pairs(spec: str, path: Path) -> list[tuple[str, str]]:
    """'a, b as c' -> [('a', 'a'), ('b', 'c')] (imported or local name, bound or exported name)."""
    out = []
    for part in (p.strip() for p in spec.split(",")):
        if not part:
            continue
        m = re.fullmatch(rf"({_IDENT})(?:\s+as\s+({_IDENT}))?", part)
        if not m or m.group(1) == "default" or m.group(2) == "default":
            raise _fail(path, f"cannot read '{part}' in an import or export list (only names, 'a as b', no default)")
        out.append((m.group(1), m.group(2) or m.group(1)))
    return out


def _declared_names(text: str, start: int, path: Path) -> list[str]:
    """The names declared by 'const|let|var a = ..., b = ...;' starting at ``start``."""
    names, depth, i, expect_name = [], 0, start, True
    while i < len(text):
        c = text[i]
        if expect_name and depth == 0:
            m = re.compile(rf"\s*({_IDENT})").match(text, i)
            if not m:
                raise _fail(path, "export of a destructuring declaration: export each name on its own", text, start)
            names.append(m.group(1))
            i, expect_name = m.end(), False
            continue
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        elif c in "\"'`":
            end = text.find(c, i + 1)
            while end > 0 and text[end - 1] == "\\":
                end = text.find(c, end + 1)
            i = end if end > 0 else len(text)
        elif depth == 0 and c == ",":
            expect_name = True
        elif depth == 0 and (c == ";" or (c == "\n" and not text[i:].lstrip().startswith((",", ".", "+", "-", "?", ":")))
                             and text[:i].rstrip()[-1:] not in (",", "=", "(", "[", "{", "+", "-", "?", ":", "&", "|")):
            break
        i += 1
    return names


def _resolve(importer: Path, spec: str, root: Path, text: str, at: int) -> Path:
    if not spec.startswith(("./", "../")):
        raise _fail(importer, f"import from '{spec}': only relative imports ('./x.js') can be joined offline", text, at)
    target = (importer.parent / spec).resolve()
    if not target.is_file():
        raise _fail(importer, f"import from '{spec}': file {target} does not exist", text, at)
    if root not in target.parents and target != root:
        raise _fail(importer, f"import from '{spec}' leaves the site folder", text, at)
    return target


def _parse(path: Path, text: str, root: Path) -> Module:
    for pattern, problem in _FORBIDDEN:
        m = pattern.search(text)
        if m:
            raise _fail(path, f"{problem}", text, m.start())
    m = _IMPORT_DEFAULT.search(text)
    if m:
        raise _fail(path, "a default import: import named exports with import { name } from", text, m.start())
    module = Module(path, text)
    slots: list[tuple[int, int, str]] = []  # (start, end, replacement) in the source

    def dep(spec: str, at: int) -> Path:
        target = _resolve(path, spec, root, text, at)
        if target not in module.deps:
            module.deps.append(target)
        return target

    for m in _IMPORT_NAMED.finditer(text):
        target = dep(m.group(2), m.start())
        module.prologue += [f"const {local} = {_var(target)}.{name};" for name, local in _pairs(m.group(1), path)]
        slots.append((m.start(), m.end(), ""))
    for m in _IMPORT_NS.finditer(text):
        module.prologue.append(f"const {m.group(1)} = {_var(dep(m.group(2), m.start()))};")
        slots.append((m.start(), m.end(), ""))
    for m in _IMPORT_BARE.finditer(text):
        dep(m.group(1), m.start())
        slots.append((m.start(), m.end(), ""))
    for m in _EXPORT_FROM.finditer(text):
        target = dep(m.group(2), m.start())
        for name, exported in _pairs(m.group(1), path):
            module.exports[exported] = f"{_var(target)}.{name}"
        slots.append((m.start(), m.end(), ""))
    for m in _EXPORT_STAR.finditer(text):
        module.stars.append(dep(m.group(1), m.start()))
        slots.append((m.start(), m.end(), ""))
    taken = [(a, b) for a, b, _ in slots]
    for m in _EXPORT_LIST.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        for local, exported in _pairs(m.group(1), path):
            module.exports[exported] = local
        slots.append((m.start(), m.end(), ""))
    for m in _EXPORT_DECL.finditer(text):
        name = m.group(3) or m.group(4)
        names = [name] if name else _declared_names(text, m.end(), path)
        for n in names:
            module.exports[n] = n
        slots.append((m.start(), m.start() + len(m.group(1)) + len("export"), m.group(1)))
    body = text
    for start, end, replacement in sorted(slots, reverse=True):
        body = body[:start] + replacement + body[end:]
    module.body = body
    leftover = re.search(r"^[ \t]*(import|export)\b", body, re.M)
    if leftover:
        raise _fail(path, f"cannot join this {leftover.group(1)} statement; see netwerkkracht/hosting/esmodules.py",
                    body, leftover.start())
    return module


def _var(path: Path) -> str:
    """The variable that holds a module's exports: readable and unique per file."""
    digest = hashlib.sha1(path.as_posix().encode()).hexdigest()[:6]
    return "__nk_" + re.sub(r"\W", "_", path.stem)[:40] + "_" + digest


def graph(entry: Path, root: Path, entry_text: str | None = None) -> list[Module]:
    """Every module reachable from ``entry``, dependencies first; a cycle is an error."""
    root = root.resolve()
    order: list[Module] = []
    state: dict[Path, str] = {}

    def visit(path: Path, text: str | None, chain: list[Path]) -> None:
        if state.get(path) == "done":
            return
        if state.get(path) == "busy":
            cycle = " -> ".join(p.name for p in chain[chain.index(path):] + [path])
            raise _fail(path, f"import cycle ({cycle}): modules that import each other cannot be joined")
        state[path] = "busy"
        module = _parse(path, text if text is not None else path.read_text(encoding="utf-8"), root)
        for d in module.deps:
            visit(d, None, chain + [path])
        state[path] = "done"
        order.append(module)

    visit(entry.resolve(), entry_text, [])
    return order


def join(entry: Path, root: Path, entry_text: str | None = None) -> str:
    """One classic script that runs the module graph from ``entry`` as the browser would."""
    parts = [f"/* Joined from ES modules for the offline copy (netwerkkracht/hosting/esmodules.py): "
             f"{posixpath.relpath(entry.resolve().as_posix(), root.resolve().as_posix())} */", "(function () {"]
    for module in graph(entry, root, entry_text):
        rel = posixpath.relpath(module.path.as_posix(), root.resolve().as_posix())
        exports = ", ".join(f"get {name}() {{ return {expr}; }}" for name, expr in module.exports.items())
        stars = "".join(f"Object.keys({_var(s)}).forEach(function (k) {{ if (!(k in __nk_exports)) Object.defineProperty(__nk_exports, k, "
                        f"{{ enumerable: true, get: function () {{ return {_var(s)}[k]; }} }}); }});\n"
                        for s in module.stars)
        parts.append(f"/* ---- {rel} ---- */\nvar {_var(module.path)} = (function () {{\n\"use strict\";\n"
                     + "\n".join(module.prologue) + "\n" + module.body.rstrip()
                     + f"\nvar __nk_exports = {{ {exports} }};\n{stars}return __nk_exports;\n}})();")
    parts.append("})();")
    return "\n".join(parts) + "\n"
