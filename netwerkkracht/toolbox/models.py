"""Schema of one entry in catalog/tools.yml."""
from __future__ import annotations

from typing import Annotated

from pydantic import Field

from ..schema import Id, Strict, Text


class Tool(Strict):
    id: Id
    title: Text
    summary: Text
    when: Text
    how: Annotated[list[Text], Field(min_length=1)]
