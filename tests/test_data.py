"""The shipped dataset: complete, faithful to the source, and cited."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from uwe_cli.dataset import evidence, models, store

SOURCE = Path(__file__).parent / "source" / "uwe-sofia-2014.txt"

# "30 500", "7.000", "1 211", "11,1", "6,4 millions": the slides' French number forms.
NUMBER = re.compile(r"(?<![\w,.])(\d{1,3}(?:[ .]\d{3})+|\d+)(?:,(\d+))?(\s*millions?)?")


def numbers(text: str) -> set[float]:
    found = set()
    for m in NUMBER.finditer(text):
        value = float(m.group(1).replace(" ", "").replace(".", "") + (f".{m.group(2)}" if m.group(2) else ""))
        found.add(round(value * (1_000_000 if m.group(3) else 1), 6))
    return found


@pytest.fixture(scope="module")
def ds() -> models.DatasetModel:
    return store.load_models(store.shipped_data_dir())


@pytest.fixture(scope="module")
def english() -> dict[str, str]:
    """The English of each French text of the data files (translations/en.po, as every language's)."""
    from uwe_cli.i18n.language import parse_po

    po = (store.shipped_data_dir() / "translations" / "en.po").read_text(encoding="utf-8")
    return {french: forms[0] for (address, french), forms in parse_po(po).items() if address}


def found(value: object, kind: type) -> list:
    """Every instance of `kind` (a model class) inside `value`, depth first."""
    if isinstance(value, kind):
        return [value]
    if isinstance(value, models.BaseModel):
        return [f for name in type(value).model_fields for f in found(getattr(value, name), kind)]
    if isinstance(value, tuple):
        return [f for item in value for f in found(item, kind)]
    return []


def figures(value: object) -> list[models.Figure]:
    return found(value, models.Figure)


def strings(value: object) -> list[str]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return [str(value)]
    return []


def test_counts(ds: models.DatasetModel) -> None:
    assert [r.kind for r in ds.regions] == ["country", "region", "region", "region", "community"]
    assert [s.id for s in ds.schemes] == ["technology-grappes", "regional-clusters", "poles", "export-grappes"]
    by_scheme = {s.id: [c.id for c in ds.clusters if s.id in c.schemes] for s in ds.schemes}
    assert {k: len(v) for k, v in by_scheme.items()} == {
        "technology-grappes": 0,
        "regional-clusters": 10,
        "poles": 6,
        "export-grappes": 12,
    }
    assert len(ds.clusters) == 27
    assert len({c.id for c in ds.clusters}) == 27
    # The ten technology grappes are a count, not invented names.
    assert ds.schemes[0].groupings.value == 10


def test_logistics_in_wallonia_is_one_record_in_two_schemes(ds: models.DatasetModel) -> None:
    (record,) = [c for c in ds.clusters if c.name.en == "Logistics in Wallonia"]
    assert record.schemes == ("regional-clusters", "poles")


def test_two_export_grappes_are_in_formation(ds: models.DatasetModel) -> None:
    forming = sorted(c.name.fr for c in ds.clusters if c.status == "in-formation")
    assert forming == ["BTP", "Verrière"]


def test_sample_of_figures_against_the_source(ds: models.DatasetModel) -> None:
    regions = {r.id: r for r in ds.regions}
    belgium, wallonia = regions["belgium"], regions["wallonia"]
    assert (belgium.population.value, belgium.gdp_per_capita.value) == (11_000_000, 30_500)
    assert [(f.value, f.base) for f in belgium.gdp_per_capita_index] == [(119, "EU28=100")]
    assert belgium.gdp_per_capita_world_rank.value == 17
    assert [(f.value, f.base) for f in wallonia.gdp_per_capita_index] == [(88, "EU28=100"), (80, "EU15=100")]
    assert [(f.value, f.period) for f in wallonia.unemployment_rate] == [(11.1, "2013"), (11.2, "Q4 2013")]
    assert [(f.value, f.period) for f in wallonia.employment_rate] == [(62.3, "2013"), (62.2, "Q4 2013")]
    assert wallonia.area.value == 16_844 and wallonia.capital.fr == "Namur"
    assert {r.id: r.gdp_per_capita.value for r in ds.regions if r.gdp_per_capita} == {
        "belgium": 30_500,
        "flanders": 28_800,
        "brussels": 54_700,
        "wallonia": 21_500,
    }
    assert regions["german-speaking-community"].population.value == 77_000
    assert (regions["german-speaking-community"].kind, regions["german-speaking-community"].within) == (
        "community",
        "wallonia",
    )
    schemes = {s.id: s for s in ds.schemes}
    assert schemes["technology-grappes"].funding.amount_per_year.value == 25_000
    assert schemes["regional-clusters"].funding.amount_per_year.value == 160_000
    assert schemes["poles"].funding.amount_per_year.maximum is True
    results = {r.id: r.figure.value for r in schemes["poles"].results}
    assert results["patents"] == 202 and results["internationalisation-projects"] == 1_211
    assert (ds.organisation.founded.value, ds.organisation.members.value, ds.organisation.member_federations.value) == (
        1969,
        7000,
        22,
    )
    assert len(schemes["regional-clusters"].criteria) == 4
    assert len(schemes["regional-clusters"].activity_axes) == 6


def test_standard_codes(ds: models.DatasetModel) -> None:
    codes = {r.id: (r.codes.nuts, r.codes.iso_3166) for r in ds.regions}
    assert codes == {
        "belgium": ("BE", "BE"),
        "brussels": ("BE1", "BE-BRU"),
        "flanders": ("BE2", "BE-VLG"),
        "wallonia": ("BE3", "BE-WAL"),
        "german-speaking-community": (None, None),
    }


def test_no_figure_is_invented(ds: models.DatasetModel, english: dict[str, str]) -> None:
    in_source = numbers(SOURCE.read_text(encoding="utf-8"))
    stated = [f for f in figures(ds) if not f.computed]
    invented = {float(f.value) for f in stated} - in_source
    invented |= {float(f.alternative) for f in stated if f.alternative is not None} - in_source
    assert invented == set()
    # The one figure uwe counted, and says so: the export grappes listed on their slide.
    notes = [(f.value, english[f.note.fr].split(" from ")[0]) for f in figures(ds) if f.computed]
    assert notes == [(12, "counted by the tool")]
    # (the years the slides state are figures in the unit `year`, among those above)
    years: set[int | None] = {c.year for c in ds.concepts}
    years |= {c.quoted_in.year for c in ds.concepts if c.quoted_in}
    assert {float(y) for y in years if y} <= in_source


def test_no_figure_is_left_out(ds: models.DatasetModel) -> None:
    in_data = {round(float(f.value), 6) for f in figures(ds)}
    for text in strings(ds.model_dump(mode="json")):
        in_data |= numbers(text)
    # 1 and 5 number the items of the slides' numbered lists, which the data keeps in order.
    left_out = numbers(SOURCE.read_text(encoding="utf-8")) - in_data - {1.0, 5.0}
    assert left_out == set()


def test_every_record_cites_an_existing_slide(ds: models.DatasetModel) -> None:
    slides = {s.id for s in ds.presentation.slides}
    cited = [*ds.regions, *ds.schemes, *ds.clusters, *ds.lessons, *ds.concepts, ds.organisation]
    assert all(record.source and set(record.source) <= slides for record in cited)
    # Every slide with content is cited by some record.
    used = {s for record in cited for s in record.source}
    assert slides - used == {"thanks"}


def test_every_text_has_french_and_english(ds: models.DatasetModel) -> None:
    all_texts = found(ds, models.Text)
    assert len(all_texts) > 200
    assert all(t.fr.strip() for t in all_texts)
    # The English is a translation like any other (translations/en.po): every text has one, none
    # outdated; the data files give English only for a name, the same in every language (TWEED).
    loaded = store.load_dataset(store.shipped_data_dir(), use_cache=False)
    from uwe_cli.i18n import translations

    assert all(text.get("en", "").strip() for _, text in translations.texts(loaded.dump()))
    assert loaded.dump()["translation_notes"] == []
    assert all(t.en == t.fr for t in all_texts if t.en is not None)
    # The slides' typos stay as written, each with the tool's reading in brackets, and each is an
    # erratum of the source (the PDF's split "clusterin g" is the extraction's, not the slides').
    joined = " ".join(t.fr for t in all_texts)
    assert "Silicone Valley [sic : Silicon Valley]" in joined and "« coopétion [sic : coopétition] »" in joined
    assert "clusterin g" not in joined
    assert [(e.written, e.reading, e.slide) for e in ds.errata] == [
        ("Silicone Valley", "Silicon Valley", "why-clusters"),
        ("coopétion", "coopétition", "why-clusters"),
    ]
    marked = {m for t in all_texts for m in re.findall(r"([\w-]+(?: Valley)?) \[sic : ([^\]]+)\]", t.fr)}
    assert marked == {("Silicone Valley", "Silicon Valley"), ("coopétion", "coopétition")}


def test_a_figure_has_a_period_only_where_the_slide_gives_one(ds: models.DatasetModel) -> None:
    periods = {f.period for f in figures(ds)}
    assert periods == {None, "2013", "Q4 2013"}
    # When the slides were presented is the presentation's date, not a figure's period.
    assert str(ds.presentation.date) == "2014-04-15"


def squeezed(text: str) -> str:
    return "".join(text.replace("\ufffd", "").split())


# the tool's help inside a quotation, in brackets (`[sic : Silicon Valley]`): never the slides' words.
TOOLS_OWN = re.compile(r"\s*\[[^\]]*\]")


def test_every_text_of_the_slides_is_their_words_verbatim(ds: models.DatasetModel) -> None:
    # Every French text that is not the tool's (models.Words) is in the source as it is, with its
    # typography (’ and « »), once the PDF's line breaks and bullets are set aside.
    source = squeezed(SOURCE.read_text(encoding="utf-8"))
    assert "[" not in source
    quotes = [TOOLS_OWN.sub("", t.fr) for t in found(ds, models.Text) if type(t) is models.Text]
    assert len(quotes) > 200
    # (a quote may start a slide's line in lower case, or a title's in upper case)
    missing = [q for q in quotes if squeezed(q) not in source and squeezed(q[:1].swapcase() + q[1:]) not in source]
    assert missing == []
    # The slides' apostrophe is typographic but in two lines, which the data keeps as they are.
    assert sum("’" in q for q in quotes) > 40
    assert sorted({q for q in quotes if "'" in q}) == [
        "Technologies de l'Information et de la Communication (TIC)",
        "Technologies de l'image, du son et du texte",
    ]


def test_uwes_own_words_are_typed_as_such(ds: models.DatasetModel) -> None:
    # What uwe composed is Words, never Text: a view, an export and this file know it by type.
    schemes = {s.id: s for s in ds.schemes}
    assert all(isinstance(s.summary, models.Words) and isinstance(s.participants, models.Words) for s in ds.schemes)
    assert all(isinstance(r.label, models.Words) for r in schemes["poles"].results)
    assert all(isinstance(t.meaning, models.Words) for t in ds.glossary)
    assert isinstance(schemes["export-grappes"].groupings.note, models.Words)


def test_every_quantity_is_a_number_with_its_unit_and_the_slides_words(ds: models.DatasetModel) -> None:
    schemes = {s.id: s for s in ds.schemes}
    regional, poles = schemes["regional-clusters"], schemes["poles"]
    degression = regional.funding.degression

    def said(f: models.Figure) -> tuple[object, ...]:
        return f.value, f.unit, f.quote.fr if f.quote else None

    assert said(degression.floor_share) + said(degression.years) == (
        50, "%", "dégressif jusque 50%", 9, "years", "dégressif jusque 50% sur 9 ans"
    )  # fmt: skip
    assert degression.quote.fr == "dégressif jusque 50% sur 9 ans"
    assert said(regional.test_phase) == (4, "years", "phase-test de 4 ans")
    assert said(regional.legal_basis_year) == (2007, "year", "Régie par une loi de 2007")
    assert regional.legal_basis_year.slide == regional.legal_basis.slide == "regional-clusters-definition"
    # Each year the slides state is read from their words, on its slide.
    technology = ds.schemes[0]
    assert said(technology.start) + said(technology.end) == (
        1999, "year", "Expérience-pilote entre 1999-2005", 2005, "year", "Expérience-pilote entre 1999-2005"
    )  # fmt: skip
    assert (said(regional.start), said(poles.start)) == (
        (2000, "year", "Politique en place depuis 2000"),
        (2006, "year", "Politique-phare du Gouvernement wallon depuis 2006"),
    )
    assert said(ds.organisation.founded) == (1969, "year", "Fédération intersectorielle créée en 1969")
    assert ds.organisation.founded.slide == "uwe"
    assert said(poles.average_project_duration) == (4, "years", "d’une durée moyenne de 4 ans")
    belgium = ds.regions[0]
    assert said(belgium.subdivisions) + (belgium.subdivisions.alternative,) == (3, "count", "3 régions (voire 4)", 4)
    work = ds.concepts[0].quoted_in
    assert (work.author, work.place, work.year) == ("P-A Van Binst", "Namur", 2003)
    # Each result keeps the slide's phrase beside its number.
    for result in poles.results:
        assert number_in(result.figure.quote.fr) and result.figure.value in numbers(result.figure.quote.fr)


def number_in(text: str) -> bool:
    return bool(numbers(text))


def test_a_status_only_where_the_slides_state_one(ds: models.DatasetModel) -> None:
    stated = {c.id: (c.status, c.status_quote.fr) for c in ds.clusters if c.status}
    export = [c.id for c in ds.clusters if c.schemes == ("export-grappes",)]
    assert list(stated) == export
    assert stated["btp"] == ("in-formation", "BTP (en formation)")
    assert stated["steel"] == ("active", "Les grappes existantes")
    # The 10 regional clusters and 6 poles (Logistics in Wallonia is both): the slides say nothing.
    assert len([c for c in ds.clusters if c.status is None]) == 15


def test_every_sector_tag_is_named_by_the_groupings_words(ds: models.DatasetModel) -> None:
    data = ds.model_dump(mode="json")
    sectors = {s["id"]: s for s in data["sectors"]}
    for cluster in data["clusters"]:
        for tag in cluster["sectors"]:
            assert evidence.words(cluster, sectors[tag]) is not None, (cluster["id"], tag)
    tags = {c.id: set(c.sectors) for c in ds.clusters}
    # Readings the words do not carry are not tags: clinical research is research, not health;
    # « basse énergie » describes CAP 2020's buildings; life sciences and green technologies
    # are what Biowin and Greenwin say, not health and environment.
    assert tags["aresa"] == {"research"} and tags["cap-2020"] == {"construction"}
    assert tags["val-plus"] == {"waste"} and tags["eco-construction"] == {"construction"}
    assert tags["biowin"] == {"life-sciences"} and tags["greenwin"] == {"green-technologies"}
    assert tags["twist"] == set()


def test_translations(english: dict[str, str]) -> None:
    assert english["Amélioration relations donneurs d’ordre / fournisseurs"].startswith(
        "Better relations between main contractors"
    )
    assert english["Meilleure réactivité aux changements de la demande"] == "Better responsiveness to changes in demand"


def test_the_glossary_quotes_the_slides_that_use_each_word(ds: models.DatasetModel) -> None:
    words = {t.id: t for t in ds.glossary}
    assert list(words) == ["grappe", "grappe-technologique", "grappe-d-exportation", "pole-de-competitivite", "cluster",
                           "animateur", "coopetition"]  # fmt: skip
    slides = {s.id for s in ds.presentation.slides}
    for term in ds.glossary:
        head = term.name.fr.split()[0][:5].lower()  # "grapp", "pôle", "clust", "anima", "coopé"
        for usage in term.usages:
            assert usage.slide in slides and head in usage.quote.fr.lower(), (term.id, usage.quote.fr)


def test_every_sector_is_used_and_cluster_sectors_exist(ds: models.DatasetModel) -> None:
    used = {s for c in ds.clusters for s in c.sectors}
    assert used == {s.id for s in ds.sectors}


def test_presentation(ds: models.DatasetModel) -> None:
    p = ds.presentation
    assert (str(p.date), p.place.en) == ("2014-04-15", "Sofia")
    assert {s.page for s in p.slides if s.page} == {8, 9, 20}
