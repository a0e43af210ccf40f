"""The records of the dataset: frozen pydantic models that know nothing of files or screens.

Each kind of record lives in one YAML file under `data/`; the `*File` models at the end
describe those files. Cross-record references (a cluster's scheme, a record's slide) are
checked by `store.py`, which sees the whole dataset.
"""

from __future__ import annotations

import math
from datetime import date
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, PlainValidator, field_validator, model_validator

from uwe_cli import vocabulary
from uwe_cli.vocabulary import AS_PRESENTED

Id = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80)]
# Whole numbers other than figures are bounded too: nothing shown is ever a vast number.
Year = Annotated[int, Field(ge=0, le=9999)]
NonEmpty = Annotated[str, Field(min_length=1, max_length=10_000)]


# The largest figure: every whole number up to it is exact as a float, so that shares,
# sums and formats computed from figures never overflow or round. Documented in README.md.
MAX_FIGURE = 10**15


def _number(value: Any) -> int | float:
    # One clear message instead of pydantic's one-per-union-member; figures are never negative.
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        shown = repr(value)
        raise ValueError(f"should be a number, got {shown[:60] + '…' if len(shown) > 60 else shown}")
    # (math.isfinite on a whole number of 10**309 or more would raise OverflowError)
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"should be a finite number, got {value!r}")
    if value < 0:
        raise ValueError("cannot be negative" + (f" (got {value})" if value > -MAX_FIGURE else ""))
    if value > MAX_FIGURE:
        raise ValueError(f"is too large (a figure is at most {MAX_FIGURE:,})")
    return value


Number = Annotated[Union[int, float], PlainValidator(_number)]

class Model(BaseModel):
    # Frozen: records are facts, not state. `extra="forbid"`: a misspelt field in a
    # hand-written file is an error, not silently dropped data.
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class Text(Model):
    """A text in French (the source's wording) and English.

    A plain string in YAML stands for both languages (proper names such as "TWEED").
    """

    fr: NonEmpty
    en: NonEmpty

    @model_validator(mode="before")
    @classmethod
    def _plain_string(cls, value: Any) -> Any:
        if isinstance(value, str):
            return {"fr": value, "en": value}
        return value

    def get(self, lang: str) -> str:
        return self.fr if lang == "fr" else self.en


Unit = Literal["EUR", "EUR/year", "people", "km2", "%", "index", "rank", "count", "years"]
# The choices the command line also offers, defined once in vocabulary.py.
SchemeStatus = Literal[tuple(vocabulary.SCHEME_STATUSES)]  # type: ignore[valid-type]
ClusterStatus = Literal[tuple(vocabulary.CLUSTER_STATUSES)]  # type: ignore[valid-type]
LessonKind = Literal[tuple(vocabulary.LESSON_KINDS)]  # type: ignore[valid-type]
ConceptKind = Literal[vocabulary.CONCEPT_KINDS]  # type: ignore[valid-type]


class Figure(Model):
    """A number with its unit and reference period, as the slide gives them."""

    value: Number
    unit: Unit
    period: NonEmpty = AS_PRESENTED
    # The base of an index ("EU28=100"): indices on different bases are different figures.
    base: str | None = None
    # "max 400 000 €/an": the slide gives a ceiling, not an amount.
    maximum: bool = False
    note: Text | None = None

    @model_validator(mode="after")
    def _plausible(self) -> Figure:
        if self.unit == "%" and self.value > 100:
            raise ValueError(f"a percentage cannot exceed 100 (got {self.value})")
        if self.unit == "index" and not self.base:
            raise ValueError("an index needs its base (for example 'EU28=100')")
        return self


def _one_or_many(value: Any) -> Any:
    # `source: some-slide` and `source: [a, b]` are both accepted.
    return [value] if isinstance(value, str) else value


class NamedRecord(Model):
    id: Id
    name: Text
    # Slide ids (the slides are listed in about.yaml): every fact cites the slide it comes from.
    source: Annotated[tuple[Id, ...], Field(min_length=1)]

    _source_list = field_validator("source", mode="before")(_one_or_many)


class Codes(Model):
    """Standard codes that join a record to official statistics."""

    nuts: str | None = None
    iso_3166: str | None = None


class Region(NamedRecord):
    kind: Literal["country", "region", "community"]
    # The territory this one lies inside (the German-speaking Community lies in Wallonia),
    # so that totals never count it twice.
    within: Id | None = None
    codes: Codes = Codes()
    # ISO 639-1 codes of the languages the slide names.
    languages: tuple[Annotated[str, Field(pattern=r"^[a-z]{2}$")], ...] = ()
    language_note: Text | None = None
    official_languages: Figure | None = None
    capital: Text | None = None
    form_of_state: tuple[Text, ...] = ()
    subdivisions: Text | None = None
    area: Figure | None = None
    population: Figure | None = None
    gdp_per_capita: Figure | None = None
    gdp_per_capita_index: tuple[Figure, ...] = ()
    gdp_per_capita_world_rank: Figure | None = None
    unemployment_rate: tuple[Figure, ...] = ()
    employment_rate: tuple[Figure, ...] = ()
    main_industrial_sectors: tuple[Text, ...] = ()


class Point(Model):
    """A bullet of a slide, with the bullets under it."""

    text: Text
    points: tuple[Text, ...] = ()

    @model_validator(mode="before")
    @classmethod
    def _plain_text(cls, value: Any) -> Any:
        # A bullet with no sub-bullets may be written as just its text.
        if isinstance(value, (str, dict)) and not (isinstance(value, dict) and "text" in value):
            return {"text": value}
        return value


class Funding(Model):
    amount_per_year: Figure
    duration: Figure | None = None
    degression: Text | None = None
    accreditation: Figure | None = None
    notes: tuple[Text, ...] = ()


class AssessmentResult(Model):
    """One figure of an assessment (the poles' first results)."""

    id: Id
    label: Text
    figure: Figure
    # The result this one is part of ("300 innovations" from the 40 completed projects).
    part_of: Id | None = None


class Benefit(Model):
    beneficiary: Text
    benefits: Text


class Scheme(NamedRecord):
    """A Walloon clustering scheme: technology grappes, regional clusters, poles, export grappes."""

    aliases: tuple[str, ...] = ()
    summary: Text
    status: SchemeStatus
    start: Annotated[int, Field(ge=1900, le=2100)] | None = None
    end: Annotated[int, Field(ge=1900, le=2100)] | None = None
    period: Text | None = None
    legal_basis: Text | None = None
    # How many groupings the scheme has; the named ones are in clusters.yaml.
    groupings: Figure
    definition: Text | None = None
    criteria: tuple[Text, ...] = ()
    features: tuple[Text, ...] = ()
    participants: Text | None = None
    objectives: tuple[Text, ...] = ()
    funding: Funding | None = None
    activity_axes: tuple[Text, ...] = ()
    activities: tuple[Point, ...] = ()
    benefits: tuple[Benefit, ...] = ()
    outcome: tuple[Text, ...] = ()
    results: tuple[AssessmentResult, ...] = ()
    # The slide the results are from, when it is not every slide of the scheme.
    results_source: tuple[Id, ...] = ()
    assessment: Text | None = None

    _results_source_list = field_validator("results_source", mode="before")(_one_or_many)

    @model_validator(mode="after")
    def _ordered_period(self) -> Scheme:
        if self.start and self.end and self.end < self.start:
            raise ValueError(f"end ({self.end}) is before start ({self.start})")
        return self


class Membership(Model):
    """A grouping's place in one scheme, with the domain that scheme's slide gives it."""

    scheme: Id
    domain: Text | None = None


class Cluster(NamedRecord):
    """A named grouping: a regional cluster, a competitiveness pole or an export grappe."""

    status: ClusterStatus = "active"
    sectors: tuple[Id, ...] = ()
    memberships: Annotated[tuple[Membership, ...], Field(min_length=1)]

    # For validation and tests; a property, not a field, so that the cache keeps only what
    # the files say (views.scheme_ids reads the same from a record's data).
    @property
    def schemes(self) -> tuple[str, ...]:
        return tuple(m.scheme for m in self.memberships)


class Sector(Model):
    """A tag of the controlled sector vocabulary."""

    id: Id
    name: Text
    synonyms: tuple[str, ...] = ()


class Lesson(Model):
    id: Id
    kind: LessonKind
    text: Text
    points: tuple[Text, ...] = ()
    source: Annotated[tuple[Id, ...], Field(min_length=1)]

    _source_list = field_validator("source", mode="before")(_one_or_many)


class Concept(Model):
    """A definition of clustering, a driver, a characteristic or an objective."""

    id: Id
    kind: ConceptKind
    text: Text
    points: tuple[Text, ...] = ()
    # For definitions: who said it, when, and the work that quotes it.
    author: str | None = None
    year: Year | None = None
    quoted_in: Text | None = None
    source: Annotated[tuple[Id, ...], Field(min_length=1)]

    _source_list = field_validator("source", mode="before")(_one_or_many)


class Organisation(NamedRecord):
    acronym: str
    founded: Year
    kind: Text
    funding: Text
    members: Figure
    member_federations: Figure
    role: Text
    mission: Text
    actions: tuple[Text, ...] = ()


class Slide(Model):
    id: Id
    title: Text
    # The slide's second line, where it is a subtitle ("Points à améliorer").
    subtitle: Text | None = None
    # Page numbers are printed on a few slides only; none is guessed.
    page: Annotated[int, Field(ge=1, le=100_000)] | None = None


class Presentation(Model):
    author: Text
    event: Text
    place: Text
    date: date
    slides: Annotated[tuple[Slide, ...], Field(min_length=1)]


# The files: each YAML file is a mapping with one top-level key.


class RegionsFile(Model):
    regions: tuple[Region, ...]


class SchemesFile(Model):
    schemes: tuple[Scheme, ...]


class ClustersFile(Model):
    clusters: tuple[Cluster, ...]


class SectorsFile(Model):
    sectors: tuple[Sector, ...]


class LessonsFile(Model):
    lessons: tuple[Lesson, ...]


class ConceptsFile(Model):
    concepts: tuple[Concept, ...]


class AboutFile(Model):
    organisation: Organisation
    presentation: Presentation


class DatasetModel(Model):
    """Everything `uwe` knows, validated and cross-checked (see store.py)."""

    regions: tuple[Region, ...]
    schemes: tuple[Scheme, ...]
    clusters: tuple[Cluster, ...]
    sectors: tuple[Sector, ...]
    lessons: tuple[Lesson, ...]
    concepts: tuple[Concept, ...]
    organisation: Organisation
    presentation: Presentation
