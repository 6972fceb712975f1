"""The course components, one module per block; the name in Markdown is the module's name."""
from __future__ import annotations

from .bronnenlijst import Bronnenlijst
from .casus import Casus
from .deelnameattest import Deelnameattest
from .dialoog import Dialoog
from .download import Download
from .eindtoets import Eindtoets
from .gesprekssimulatie import Gesprekssimulatie
from .kernpunten import Kernpunten
from .leerdoelen import Leerdoelen
from .netwerkkaart import Netwerkkaart
from .reflectie import Reflectie
from .trainer import Trainer
from .video import VideoBlock
from .zelftest import Zelftest

COMPONENTS = {cls.NAME: cls for cls in (
    Leerdoelen, Reflectie, Casus, Dialoog, VideoBlock, Download, Kernpunten, Trainer, Zelftest, Bronnenlijst,
    Gesprekssimulatie, Eindtoets, Deelnameattest,
    Netwerkkaart,
)}

# Generic blocks from pymdownx that authors may use too; they have no course-specific checks.
GENERIC = {"admonition", "details", "tab", "html", "note", "tip", "warning", "info", "example", "question"}
