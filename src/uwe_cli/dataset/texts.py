"""Whose words a text of the dataset is: the slides' (`Text`) or the tool's (`Words`).

Every text is in French and English. In a `Text`, the French is the slides' own words,
verbatim, with their typography (’ and « »), and the English is the tool's translation; in
`Words`, both are the tool's: a summary, a label, a gloss. A field holds one or the other by
its type (models.py), so that the views, the exports and the tests tell them apart without
reading the words; tests/test_data.py checks every `Text` against the source.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

# (translations/*.po obey it too: translations.py)
MAX_TEXT = 10_000
NonEmpty = Annotated[str, Field(min_length=1, max_length=MAX_TEXT)]
# A slide's id (about.yaml lists the slides).
SlideId = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80)]


class Model(BaseModel):
    # Frozen: records are facts, not state. `extra="forbid"`: a misspelt field in a
    # hand-written file is an error, not silently dropped data.
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class Text(Model):
    """The slides' words: the French verbatim, the English the tool's translation.

    A plain string in YAML stands for both languages (proper names such as "TWEED").
    """

    fr: NonEmpty
    en: NonEmpty
    # The one slide that says these words, where the record cites several (facts.py fills
    # it in from the record's slide otherwise).
    slide: SlideId | None = None

    @model_validator(mode="before")
    @classmethod
    def _plain_string(cls, value: Any) -> Any:
        if isinstance(value, str):
            return {"fr": value, "en": value}
        return value


class Words(Text):
    """the tool's words in every language: a summary, a label, a note, never a quotation."""

    # No slide says the tool's words: none is given, and none is written to the validated data.
    slide: None = Field(default=None, exclude=True)
