"""The shape of the validated data commands read: one TypedDict per model of models.py.

Commands read the validated data as plain JSON (records.py: pydantic costs more than a
command), so that these TypedDicts, not the models, are what mypy checks a view's or the
export's `record["key"]` against. Each mirrors one model key for key, in the JSON form
`model_dump(mode="json")` gives it (tuples as lists, dates as ISO strings);
tests/test_shapes.py proves that they agree, field by field, with the models and with the
shipped data. A new field goes in its model and here; the test says if one is forgotten.

Free at run time: the code imports this module only for type checking (`TYPE_CHECKING`).
"""

from __future__ import annotations

from typing import Literal, TypedDict, Union

# A figure's number (models.Number).
Number = Union[int, float]


class Placed(TypedDict, total=False):
    """A fact's one slide (facts.py): written into the data where the record or the fact names
    it, absent elsewhere (a slide's title, the presentation's place)."""

    slide: str


class TextData(Placed):
    """The slides' words (texts.Text): French and English; a data folder's translations add
    other languages' keys, read through `Language.text`."""

    fr: str
    en: str | None  # (from translations/en.po, as every translation: None where it has none)


class WordsData(TypedDict):
    """The tool's words (texts.Words): no slide says them."""

    fr: str
    en: str | None


class FigureData(Placed):
    value: Number
    unit: Literal["EUR", "EUR/year", "people", "km2", "%", "index", "rank", "count", "years"]
    period: str | None
    base: str | None
    maximum: bool
    alternative: Number | None
    computed: bool
    quote: TextData | None
    note: WordsData | None


class YearFigureData(Placed):
    """A year the slides state (« créée en 1969 »), as a figure."""

    value: int
    unit: Literal["year"]
    period: str | None
    base: str | None
    maximum: bool
    alternative: Number | None
    computed: bool
    quote: TextData | None
    note: WordsData | None


class CodesData(TypedDict):
    nuts: str | None
    iso_3166: str | None


class RegionData(TypedDict):
    id: str
    name: TextData
    source: list[str]
    kind: Literal["country", "region", "community"]
    within: str | None
    aliases: list[str]
    codes: CodesData
    languages: list[str]
    language_note: TextData | None
    official_languages: FigureData | None
    capital: TextData | None
    form_of_state: list[TextData]
    subdivisions: FigureData | None
    area: FigureData | None
    population: FigureData | None
    gdp_per_capita: FigureData | None
    gdp_per_capita_index: list[FigureData]
    gdp_per_capita_world_rank: FigureData | None
    unemployment_rate: list[FigureData]
    employment_rate: list[FigureData]
    main_industrial_sectors: list[TextData]


class PointData(Placed):
    text: TextData
    points: list[TextData]


class DegressionData(Placed):
    floor_share: FigureData
    years: FigureData
    quote: TextData


class FundingData(Placed):
    amount_per_year: FigureData
    duration: FigureData | None
    degression: DegressionData | None
    accreditation: FigureData | None
    notes: list[TextData]


class AssessmentResultData(Placed):
    id: str
    label: WordsData
    figure: FigureData
    part_of: str | None
    output_of: str | None


class BenefitData(Placed):
    beneficiary: TextData
    benefits: TextData


class SchemeData(TypedDict):
    id: str
    name: TextData
    source: list[str]
    aliases: list[str]
    english_term: str | None
    summary: WordsData
    status: str  # (one of vocabulary.SCHEME_STATUSES)
    status_quote: TextData | None
    start: YearFigureData | None
    end: YearFigureData | None
    period: TextData | None
    test_phase: FigureData | None
    legal_basis: TextData | None
    legal_basis_year: YearFigureData | None
    groupings: FigureData
    definition: TextData | None
    criteria: list[TextData]
    features: list[TextData]
    participants: WordsData | None
    objectives: list[TextData]
    funding: FundingData | None
    obligations: list[TextData]
    average_project_duration: FigureData | None
    activity_axes: list[TextData]
    activities: list[PointData]
    benefits: list[BenefitData]
    outcome: list[TextData]
    results: list[AssessmentResultData]
    assessment: TextData | None


class MembershipData(Placed):
    scheme: str
    domain: TextData | None


class ClusterData(TypedDict):
    id: str
    name: TextData
    source: list[str]
    status: str | None  # (one of vocabulary.CLUSTER_STATUSES)
    status_quote: TextData | None
    sectors: list[str]
    memberships: list[MembershipData]


class SectorData(TypedDict):
    id: str
    name: WordsData
    synonyms: list[str]


class LessonData(TypedDict):
    id: str
    kind: str  # (one of vocabulary.LESSON_KINDS)
    text: TextData
    points: list[TextData]
    source: list[str]


class WorkData(TypedDict):
    text: TextData
    author: str | None
    place: str | None
    year: int | None


class ConceptData(TypedDict):
    id: str
    kind: str  # (one of vocabulary.CONCEPT_KINDS)
    text: TextData
    points: list[TextData]
    author: str | None
    year: int | None
    cited_as: str | None
    quoted_in: WorkData | None
    heading: TextData | None
    source: list[str]


class UsageData(TypedDict):
    quote: TextData
    slide: str


class TermData(TypedDict):
    id: str
    name: WordsData
    meaning: WordsData
    usages: list[UsageData]
    source: list[str]  # (computed from the usages)


class OrganisationData(TypedDict):
    id: str
    name: TextData
    source: list[str]
    acronym: str
    founded: YearFigureData
    kind: TextData
    funding: TextData
    members: FigureData
    member_federations: FigureData
    role: TextData
    mission: TextData
    actions: list[TextData]


class SlideData(TypedDict):
    id: str
    title: TextData
    subtitle: TextData | None
    page: int | None
    text: str | None


class ErratumData(TypedDict):
    id: str
    slide: str
    written: str
    reading: str
    note: WordsData | None


class PresentationData(TypedDict):
    author: WordsData
    event: TextData
    place: TextData
    date: str  # (ISO 8601: YYYY-MM-DD)
    slides: list[SlideData]


class OutdatedNote(TypedDict):
    """A translation of French the data no longer has (i18n/translations.py), as store.py records it."""

    file: str
    lang: str
    address: str
    cause: str


class _Translated(TypedDict, total=False):
    # Only where the folder has translations (store._translated).
    translation_notes: list[OutdatedNote]
    translation_notes_more: int


class DatasetData(_Translated):
    """Everything `uwe` knows (models.DatasetModel), as the cache keeps it."""

    regions: list[RegionData]
    schemes: list[SchemeData]
    clusters: list[ClusterData]
    sectors: list[SectorData]
    lessons: list[LessonData]
    concepts: list[ConceptData]
    glossary: list[TermData]
    organisation: OrganisationData
    presentation: PresentationData
    errata: list[ErratumData]


# A record that cites slides, whichever kind (search, cite, the export's generic tables).
CitingRecord = Union[RegionData, SchemeData, ClusterData, LessonData, ConceptData, TermData, OrganisationData]
# Any record with an id, as a list of the dataset holds it.
AnyRecord = Union[CitingRecord, SectorData, SlideData]
