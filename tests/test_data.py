"""The shipped dataset: complete, faithful to the source, and cited."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from uwe_cli import models, store

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
    assert len(ds.regions) == 5
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
    assert (ds.organisation.founded, ds.organisation.members.value, ds.organisation.member_federations.value) == (
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


def test_no_figure_is_invented(ds: models.DatasetModel) -> None:
    in_source = numbers(SOURCE.read_text(encoding="utf-8"))
    # The one derived figure: the export grappes are counted from the slide's list of 12.
    derived = {12.0}
    invented = {float(f.value) for f in figures(ds)} - in_source - derived
    assert invented == set()
    years = {s.start for s in ds.schemes} | {s.end for s in ds.schemes} | {ds.organisation.founded}
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
    assert all(t.fr.strip() and t.en.strip() for t in all_texts)
    # Typos of the slides are corrected outside quotations.
    joined = " ".join(t.fr for t in all_texts)
    assert "Silicone" not in joined and "coopétion" not in joined and "clusterin g" not in joined
    assert "Silicon Valley" in joined and "coopétition" in joined


def test_figures_without_a_period_on_the_slide_say_as_presented(ds: models.DatasetModel) -> None:
    periods = {f.period for f in figures(ds)}
    assert periods == {"as presented, April 2014", "2013", "Q4 2013"}


def test_every_sector_is_used_and_cluster_sectors_exist(ds: models.DatasetModel) -> None:
    used = {s for c in ds.clusters for s in c.sectors}
    assert used == {s.id for s in ds.sectors}


def test_presentation(ds: models.DatasetModel) -> None:
    p = ds.presentation
    assert (str(p.date), p.place.en) == ("2014-04-15", "Sofia")
    assert {s.page for s in p.slides if s.page} == {8, 9, 20}
