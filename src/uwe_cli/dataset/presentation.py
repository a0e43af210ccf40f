"""The presentation itself (about.yaml): when and where it was given, its slides, and the
slips of its words (errata). Records of the dataset like those of models.py, which imports
them; here so that models.py stays small.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from uwe_cli.dataset.texts import Model, NonEmpty, SlideId, Text, Words
from uwe_cli.dataset.values import Day, Id


class Slide(Model):
    id: Id
    title: Text
    # The slide's second line, where it is a subtitle ("Points à améliorer").
    subtitle: Text | None = None
    # Page numbers are printed on a few slides only; none is guessed.
    page: Annotated[int, Field(ge=1, le=100_000)] | None = None
    # All the slide's words, French only, verbatim, one line of the source a line (its
    # bullet glyph written `•`, the deck's running footer left out: it is the
    # presentation's event and date and the slide's `page`); None where a data folder gives
    # none, and then the slide's page shows the words its facts quote, as before.
    text: NonEmpty | None = None


class Erratum(Model):
    """A slip of the slides ("Silicone Valley"): their words stay as written wherever they are
    quoted, with the tool's reading beside them in brackets (`[sic : Silicon Valley]`)."""

    id: Id
    slide: SlideId
    # The slides' words, verbatim, and how the tool reads them.
    written: NonEmpty
    reading: NonEmpty
    note: Words | None = None


class Presentation(Model):
    author: Words  # (the slides never name their author "UWE"; uwe does)
    event: Text
    place: Text
    date: Day
    slides: Annotated[tuple[Slide, ...], Field(min_length=1)]
