"""The source's errata: the slides' slips (about.yaml's `errata`), which `uwe notes` lists apart
from the figures that do not agree. Each is kept as written wherever the slides are quoted,
with the tool's reading beside it in brackets (`[sic : Silicon Valley]`)."""

from __future__ import annotations

from typing import Any

from uwe_cli.dataset.records import Dataset, Record
from uwe_cli.i18n.language import Language
from uwe_cli.i18n.messages import msg
from uwe_cli.views.common import tool_words
from uwe_cli.views.form import Section

KIND = "erratum"


def errata(ds: Dataset) -> list[dict[str, Any]]:
    """Each erratum, with the one slide that has it."""
    return [
        {
            "kind": KIND,
            "id": e["id"],
            "written": e["written"],
            "reading": e["reading"],
            "note": e["note"],
            "source": ds.sources([e["slide"]]),
            "tool_words": tool_words(written=["reading", "note"]),
        }
        for e in ds.dump().get("errata", ())
    ]


def section() -> Section:
    return Section(msg("Errata of the source: the slides' words, kept as written"), items="", only=("kind", KIND),
                   show=_shown)  # fmt: skip


def _shown(e: Record, lang: Language) -> str:
    slide = e["source"][0]
    if e.get("note"):
        # (the reading in brackets, as in a quotation: quotation marks hold the slides' words only)
        return lang.message(msg("“{written}” [sic: {reading}]: {note} ({slide})", written=e["written"],
                                reading=e["reading"], note=e["note"], slide=slide))  # fmt: skip
    return lang.message(msg("“{written}” [sic: {reading}] ({slide})", written=e["written"],
                            reading=e["reading"], slide=slide))  # fmt: skip
