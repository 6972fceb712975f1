"""The mkdocs-jupyter plugin, with its converter imported only when a notebook is converted.

mkdocs-jupyter imports ``jupytext`` and its converter (nbconvert, its exporters, mistune, bs4) at
module load: about 0.5 s on every build and every ``mkdocs serve`` start, even when its own cache
already holds the rendered notebook. This entry point (``netwerkkracht-jupyter`` in mkdocs.yml)
is that same plugin, same options, same cache; only those two imports wait until a page really
needs them (a notebook that changed, or a Markdown page read with jupytext).
"""
from __future__ import annotations

import importlib
import sys
import types

DEFERRED = ("jupytext", "mkdocs_jupyter.convert")


class OnFirstUse(types.ModuleType):
    """Stands in for a module in ``sys.modules`` and imports it when code first reads from it."""

    def __getattr__(self, attribute: str):
        real = self.__dict__.get("_real")
        if real is None:
            if sys.modules.get(self.__name__) is self:
                del sys.modules[self.__name__]
            real = self.__dict__["_real"] = importlib.import_module(self.__name__)
        return getattr(real, attribute)


def defer(names: tuple[str, ...] = DEFERRED) -> None:
    """Put a stand-in for each module that is not imported yet."""
    for name in names:
        sys.modules.setdefault(name, OnFirstUse(name))


defer()
from mkdocs_jupyter.plugin import Plugin as _JupyterPlugin  # noqa: E402  (after the stand-ins)


class Plugin(_JupyterPlugin):
    """mkdocs-jupyter's plugin as it is; see the module docstring for what differs (imports only)."""
