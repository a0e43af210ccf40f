"""Whose words a text of the dataset is: the slides' (`Text`) or the tool's (`Words`).

The data files hold every text in French. In a `Text`, the French is the slides' own words,
verbatim, with their typography (’ and « »); in `Words`, it is the tool's: a summary, a label,
a gloss. A field holds one or the other by its type (models.py), so that the views, the
exports and the tests tell them apart without reading the words; tests/test_data.py checks
every `Text` against the source. Every other language, English included, is a translation in
`translations/LANG.po` (i18n/translations.py): one mechanism, so that a French text changed
since it was translated is caught in every language alike. A plain string is a name (TWEED),
the same in every language: it is the one text whose English the files give (`en`).
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, model_serializer, model_validator

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
    """The slides' words: the French verbatim (translations: translations/LANG.po).

    A plain string in YAML is a name, the same in every language ("TWEED"): `en` holds it too,
    so that every language shows it without a translation; nothing else sets `en`.
    """

    fr: NonEmpty
    en: NonEmpty | None = None
    # The one slide that says these words, where the record cites several (facts.py fills
    # it in from the record's slide otherwise).
    slide: SlideId | None = None

    @model_validator(mode="before")
    @classmethod
    def _plain_string(cls, value: Any) -> Any:
        if isinstance(value, str):
            return {"fr": value, "en": value}
        if isinstance(value, dict) and "en" in value:
            # (the data files before English moved to translations/en.po: where it goes now)
            from uwe_cli.dataset.values import Invalid
            from uwe_cli.i18n.messages import msg

            raise Invalid(msg("has English beside the French: a text's English belongs in translations/en.po, "
                              "like every translation (remove 'en' here)"))  # fmt: skip
        return value

    @model_serializer(mode="wrap")
    def _without_english(self, handler: Any) -> Any:
        # (no `en: null`: a text without English is one whose English is in translations/en.po)
        dumped = handler(self)
        if dumped.get("en") is None:
            dumped.pop("en", None)
        return dumped


class Words(Text):
    """the tool's words in every language: a summary, a label, a note, never a quotation."""

    # No slide says the tool's words: none is given, and none is written to the validated data.
    slide: None = Field(default=None, exclude=True)
