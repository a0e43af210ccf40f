"""The records of the dataset: frozen pydantic models that know nothing of files or screens.

Each kind of record lives in one YAML file under `data/`; the `*File` models at the end
describe those files. Cross-record references (a cluster's scheme, a record's slide) are
checked by `checks/crosscheck.py`, which sees the whole dataset.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, computed_field, field_validator, model_validator

from uwe_cli.dataset.presentation import Erratum, Presentation, Slide
from uwe_cli.dataset.texts import Model, NonEmpty, SlideId, Text, Words
from uwe_cli.dataset.values import (
    ClusterStatus,
    ConceptKind,
    Id,
    Invalid,
    LessonKind,
    Number,
    SchemeStatus,
    Unit,
    Year,
)
from uwe_cli.i18n.messages import msg

# (tests and store.py use them through this module)
__all__ = ["BaseModel", "Erratum", "Model", "Presentation", "Slide", "Text", "Words"]

# A fact's one slide: `slide:` on a figure, a text, a membership, a bullet... Required where
# its record cites several slides (checks/crosscheck.py), else the record's (facts.py).
FactSlide = SlideId | None


class Figure(Model):
    """A number with its unit, and its reference period where the slide gives one."""

    value: Number
    unit: Unit
    # Only a period the slide states ("2013", "Q4 2013"): none is guessed. When the whole
    # presentation was given is the presentation's date.
    period: NonEmpty | None = None
    # The base of an index ("EU28=100"): indices on different bases are different figures.
    base: str | None = None
    # "max 400 000 €/an": the slide gives a ceiling, not an amount.
    maximum: bool = False
    # "3 régions (voire 4)": a second value the slide allows beside the first.
    alternative: Number | None = None
    # the tool computed or counted the figure (its note says how): not a figure of the slides.
    computed: bool = False
    # The slide's words the figure is read from.
    quote: Text | None = None
    note: Words | None = None
    slide: FactSlide = None

    @model_validator(mode="after")
    def _plausible(self) -> Figure:
        if self.unit == "%" and self.value > 100:
            raise Invalid(msg("a percentage cannot exceed 100 (got {value})", value=self.value))
        if self.unit == "index" and not self.base:
            raise Invalid(msg("an index needs its base (for example 'EU28=100')"))
        if self.computed and not self.note:
            raise Invalid(msg("a computed figure needs a note that says how the tool computed it"))
        return self


class YearFigure(Figure):
    """A year the slides state (« créée en 1969 »): a figure, with its slide and words. A bare year
    (`founded: 1969`) cites its record's one slide; `uwe data check` asks for more (facts.py)."""

    value: Year
    unit: Literal["year"] = "year"  # type: ignore[assignment]

    @model_validator(mode="before")
    @classmethod
    def _bare_year(cls, value: Any) -> Any:
        return value if isinstance(value, dict) else {"value": value}


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
    # The tool's: other names a reader may type (`DG`, `Ostbelgien`), never shown as the slides'.
    aliases: tuple[NonEmpty, ...] = ()
    codes: Codes = Codes()
    # ISO 639-1 codes of the languages the slide names.
    languages: tuple[Annotated[str, Field(pattern=r"^[a-z]{2}$")], ...] = ()
    language_note: Text | None = None
    official_languages: Figure | None = None
    capital: Text | None = None
    form_of_state: tuple[Text, ...] = ()
    # "3 régions (voire 4)": 3, alternatively 4.
    subdivisions: Figure | None = None
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
    slide: FactSlide = None

    @model_validator(mode="before")
    @classmethod
    def _plain_text(cls, value: Any) -> Any:
        # A bullet with no sub-bullets may be written as just its text.
        if isinstance(value, (str, dict)) and not (isinstance(value, dict) and "text" in value):
            # (the bullet's slide, if given, is the bullet's)
            if isinstance(value, dict) and "slide" in value:
                return {"text": {k: v for k, v in value.items() if k != "slide"}, "slide": value["slide"]}
            return {"text": value}
        return value


class Degression(Model):
    """Funding that tapers off: « dégressif jusque 50% sur 9 ans » is a floor share and years."""

    floor_share: Figure
    years: Figure
    quote: Text
    slide: FactSlide = None


class Funding(Model):
    amount_per_year: Figure
    duration: Figure | None = None
    degression: Degression | None = None
    accreditation: Figure | None = None
    notes: tuple[Text, ...] = ()
    slide: FactSlide = None


class AssessmentResult(Model):
    """One figure of an assessment (the poles' first results): the tool's label, the slide's figure."""

    id: Id
    label: Words
    figure: Figure
    # A subset of another result: 40 of the 130 R&D projects are completed.
    part_of: Id | None = None
    # What another result produced: 300 innovations came out of the 40 completed projects.
    output_of: Id | None = None
    slide: FactSlide = None

    @model_validator(mode="after")
    def _one_relation(self) -> AssessmentResult:
        if self.part_of and self.output_of:
            raise Invalid(msg("a result is either part_of or output_of another, not both"))
        return self


class Benefit(Model):
    beneficiary: Text
    benefits: Text
    slide: FactSlide = None


class Scheme(NamedRecord):
    """A Walloon clustering scheme: technology grappes, regional clusters, poles, export grappes."""

    aliases: tuple[NonEmpty, ...] = ()
    # The English term the slide itself gives (« competitiveness cluster »).
    english_term: str | None = None
    summary: Words
    # The tool's reading of the slides (active, ended), and the words it is read from.
    status: SchemeStatus  # type: ignore[valid-type]
    status_quote: Text | None = None
    start: YearFigure | None = None
    end: YearFigure | None = None
    period: Text | None = None
    # « phase-test de 4 ans »
    test_phase: Figure | None = None
    legal_basis: Text | None = None
    legal_basis_year: YearFigure | None = None
    # How many groupings the scheme has; the named ones are in clusters.yaml.
    groupings: Figure
    definition: Text | None = None
    criteria: tuple[Text, ...] = ()
    features: tuple[Text, ...] = ()
    # Who takes part, as uwe sums up the slides.
    participants: Words | None = None
    objectives: tuple[Text, ...] = ()
    funding: Funding | None = None
    # What the groupings must do, each its own point on the slide (« Obligation d'engager un animateur »).
    obligations: tuple[Text, ...] = ()
    # « projets R&D multipartenaires d'une durée moyenne de 4 ans »
    average_project_duration: Figure | None = None
    activity_axes: tuple[Text, ...] = ()
    activities: tuple[Point, ...] = ()
    benefits: tuple[Benefit, ...] = ()
    outcome: tuple[Text, ...] = ()
    results: tuple[AssessmentResult, ...] = ()
    assessment: Text | None = None

    @model_validator(mode="after")
    def _ordered_period(self) -> Scheme:
        if self.start and self.end and self.end.value < self.start.value:
            raise Invalid(msg("end ({end}) is before start ({start})", end=self.end.value, start=self.start.value))
        return self


class Membership(Model):
    """A grouping's place in one scheme, with the domain that scheme's slide gives it."""

    scheme: Id
    domain: Text | None = None
    # The slide that lists the grouping in this scheme, where the grouping cites several.
    slide: FactSlide = None


class Cluster(NamedRecord):
    """A named grouping: a regional cluster, a competitiveness pole or an export grappe."""

    # The tool's reading of the slide's words (`status_quote`); none where the slides state none.
    status: ClusterStatus | None = None  # type: ignore[valid-type]
    status_quote: Text | None = None
    # The tool's classification: a sector whose name the grouping's domain or name says.
    sectors: tuple[Id, ...] = ()
    memberships: Annotated[tuple[Membership, ...], Field(min_length=1)]

    @model_validator(mode="after")
    def _status_has_words(self) -> Cluster:
        if self.status_quote and not self.status:
            raise Invalid(msg("status_quote gives the words of a status: give the status too"))
        return self

    # For validation and tests; a property, not a field, so that the cache keeps only what
    # the files say (views/common.scheme_ids reads the same from a record's data).
    @property
    def schemes(self) -> tuple[str, ...]:
        return tuple(m.scheme for m in self.memberships)


class Sector(Model):
    """A tag of the tool's sector vocabulary: its name and synonyms are the tool's words."""

    id: Id
    name: Words
    synonyms: tuple[str, ...] = ()


class Lesson(Model):
    id: Id
    kind: LessonKind  # type: ignore[valid-type]
    text: Text
    points: tuple[Text, ...] = ()
    source: Annotated[tuple[Id, ...], Field(min_length=1)]

    _source_list = field_validator("source", mode="before")(_one_or_many)


class Work(Model):
    """The work a slide quotes from, as the slide names it, and what that names."""

    text: Text
    author: str | None = None
    place: str | None = None
    year: Year | None = None


class Concept(Model):
    """A definition of clustering, a driver, a characteristic or an objective."""

    id: Id
    kind: ConceptKind
    text: Text
    points: tuple[Text, ...] = ()
    # For definitions: who said it, when, and the work that quotes it.
    author: str | None = None
    year: Year | None = None
    # How the slide names the author and year, verbatim: « (PORTER, 1998) ».
    cited_as: str | None = None
    quoted_in: Work | None = None
    # The slide's heading over it, where it has one (« Les caractéristiques du clustering »).
    heading: Text | None = None
    source: Annotated[tuple[Id, ...], Field(min_length=1)]

    _source_list = field_validator("source", mode="before")(_one_or_many)


class Usage(Model):
    """Words of one slide that use a term, and that slide (`slide`, as every fact names its own)."""

    quote: Text
    slide: Id


class Term(Model):
    """A word of the slides' vocabulary (grappe, pôle de compétitivité...), with where they use it."""

    id: Id
    # The headword, in a dictionary's form (the usages give the slides' own forms), and in
    # English the word with the tool's translation: "grappe (cluster)".
    name: Words
    meaning: Words
    usages: Annotated[tuple[Usage, ...], Field(min_length=1)]

    # Every record cites its slides; a term's are those of its usages.
    @computed_field  # type: ignore[prop-decorator]
    @property
    def source(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(u.slide for u in self.usages))


class Organisation(NamedRecord):
    acronym: str
    founded: YearFigure
    kind: Text
    funding: Text
    members: Figure
    member_federations: Figure
    role: Text
    mission: Text
    actions: tuple[Text, ...] = ()


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
    glossary: tuple[Term, ...] = ()


class AboutFile(Model):
    organisation: Organisation
    presentation: Presentation
    errata: tuple[Erratum, ...] = ()


class DatasetModel(Model):
    """Everything `uwe` knows, validated and cross-checked (see store.py)."""

    regions: tuple[Region, ...]
    schemes: tuple[Scheme, ...]
    clusters: tuple[Cluster, ...]
    sectors: tuple[Sector, ...]
    lessons: tuple[Lesson, ...]
    concepts: tuple[Concept, ...]
    glossary: tuple[Term, ...] = ()
    organisation: Organisation
    presentation: Presentation
    errata: tuple[Erratum, ...] = ()
