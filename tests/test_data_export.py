"""`uwe data export`: the whole dataset as a Frictionless Data Package and as SQLite.

The exports are checked by their real consumers (frictionless, sqlite3), asked real
questions, and counted against what the views show.
"""

from __future__ import annotations

import asyncio
import csv
import errno
import json
import os
import re
import shlex
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import frictionless
import pytest

from helpers import edit
from test_speed import imported
from uwe_cli import __version__
from uwe_cli.dataset import store
from uwe_cli.export import database, datapackage
from uwe_cli.export import writer as data_export

README = Path(__file__).resolve().parents[1] / "README.md"
TABLES = 17


def _export(target: Path | str, *, lang: str | None = None) -> str:
    # The helper the command calls, on the shipped data and without the user's cache, so that
    # module-wide fixtures need none of the per-test environment.
    return data_export.export(str(target), data_dir=store.shipped_data_dir(), use_cache=False, lang=lang, force=False)


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("export") / "uwe-data"
    _export(f"{folder}/")
    return folder


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sqlite3.Connection]:
    path = tmp_path_factory.mktemp("export") / "uwe.db"
    _export(path)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA foreign_keys = ON")
    yield connection
    connection.close()


def rows(package: Path, table: str) -> list[dict[str, str]]:
    with (package / f"{table}.csv").open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def view(uwe: Callable[..., Any], *args: str) -> Any:
    run = uwe(*args, "--format", "json")
    assert run.exit_code == 0, run.stderr
    return run.json()


# The Data Package, read by frictionless.


def test_frictionless_validates_the_package(package: Path) -> None:
    report = frictionless.validate(package / "datapackage.json")
    assert report.valid, report.flatten(["title", "message"])
    assert len(report.tasks) == TABLES
    assert sorted(p.name for p in package.iterdir()) == sorted(
        ["datapackage.json", *(f"{t.name}.csv" for t in report.tasks)]
    )


def test_booleans_are_declared_as_written_and_read_back_as_booleans(package: Path) -> None:
    # The CSV files write a boolean as SQLite does, 1 or 0: the schema says so for every
    # boolean column and no other, and frictionless reads them back as True and False.
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    fields = [(r["name"], f) for r in descriptor["resources"] for f in r["schema"]["fields"]]
    declared = {
        (table, f["name"]): (f.get("trueValues"), f.get("falseValues")) for table, f in fields if f["type"] == "boolean"
    }
    assert declared == {
        ("figures", "maximum"): (["1"], ["0"]), ("figures", "computed"): (["1"], ["0"]),
        **{key: (["1"], ["0"]) for key in declared if key[0] != "figures"},
    }  # fmt: skip
    assert [
        (table, f["name"])
        for table, f in fields
        if f["type"] != "boolean" and ("trueValues" in f or "falseValues" in f)
    ] == []
    read = frictionless.Package(package / "datapackage.json").get_resource("figures").read_rows()
    assert {row["computed"] for row in read} == {True, False}
    assert sum(row["computed"] for row in read) == sum(r["computed"] == "1" for r in rows(package, "figures")) > 0


def test_a_presentation_without_a_date_is_refused_by_both_formats(
    package: Path, db: sqlite3.Connection, tmp_path: Path
) -> None:
    # Every fact is dated by the presentation: a consumer checking the package (frictionless)
    # or writing to the database (SQLite) refuses a presentation without a date.
    copy = tmp_path / "undated"
    shutil.copytree(package, copy)
    (row,) = rows(copy, "presentation")
    with (copy / "presentation.csv").open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=list(row))
        writer.writeheader()
        writer.writerow({**row, "date": ""})
    report = frictionless.validate(copy / "datapackage.json")
    assert report.flatten(["type", "fieldName"]) == [["constraint-error", "date"]]
    with pytest.raises(sqlite3.IntegrityError, match="NOT NULL constraint failed: presentation.date"):
        db.execute("INSERT INTO presentation (id, date) VALUES (2, NULL)")
    db.rollback()


def test_the_package_says_what_it_is(package: Path) -> None:
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["name"] == "uwe-wallonia-clusters"
    assert descriptor["title"] == "Belgium's regions and Wallonia's clustering policies (UWE, Sofia, 15 April 2014)"
    assert descriptor["version"] == __version__
    assert descriptor["languages"] == ["fr", "en", "nl", "de", "bg"]
    assert descriptor["sources"] == [
        {"title": "Union Wallonne des Entreprises (UWE), presentation at IFAG / Bulgarian Chamber of Commerce and "
                  "Industry (BCCI), Sofia, 15 April 2014"}
    ]  # fmt: skip
    assert [licence["name"] for licence in descriptor["licenses"]] == ["MIT"]
    for words in ("the facts are the UWE's", "A text's column ending _fr holds the slides' own words, verbatim",
                  "columns ending _en, _nl, _de, _bg the tool's translations", "'computed' = 1",
                  "none is altered for spreadsheets", "'slide_id'"):  # fmt: skip
        assert words in descriptor["description"]
    regions = next(r for r in descriptor["resources"] if r["name"] == "regions")
    fields = {f["name"]: f for f in regions["schema"]["fields"]}
    assert (fields["name_fr"]["language"], fields["name_en"]["language"]) == ("fr", "en")
    assert fields["name_fr"]["description"] == "Name (the slides' own words, in French, verbatim)."
    assert fields["name_en"]["description"] == (
        "Name (in English: the tool's translation of name_fr, not the slides' words)."
    )
    assert "not in the slides" in fields["nuts"]["description"]
    assert regions["schema"]["primaryKey"] == ["id"]
    assert regions["schema"]["foreignKeys"] == [
        {"fields": ["within"], "reference": {"resource": "", "fields": ["id"]}},
        {"fields": ["slide_id"], "reference": {"resource": "slides", "fields": ["id"]}},
        # (each text of the slides names its one slide)
        {"fields": ["capital_slide_id"], "reference": {"resource": "slides", "fields": ["id"]}},
        {"fields": ["language_note_slide_id"], "reference": {"resource": "slides", "fields": ["id"]}},
    ]


def test_a_few_tables_each_saying_why_it_exists(package: Path) -> None:
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    described = {r["name"]: r["description"] for r in descriptor["resources"]}
    assert list(described) == [
        "presentation", "slides", "organisation", "regions", "region_languages", "sectors", "schemes", "groupings",
        "memberships", "grouping_sectors", "lessons", "concepts", "glossary", "figures", "lists", "errata", "aliases",
    ]  # fmt: skip
    assert "tell a slip of the slides from the tool's words" in described["errata"]
    assert "one query finds any figure" in described["figures"]
    assert "one query reads any" in described["lists"]
    assert "a grouping may belong to several schemes" in described["memberships"]
    # No row names several slides: every slide column is one slides.id, a declared key.
    for resource in descriptor["resources"]:
        names = [f["name"] for f in resource["schema"]["fields"]]
        assert "source" not in names, resource["name"]
        if "slide_id" in names:
            keys = resource["schema"]["foreignKeys"]
            assert {"fields": ["slide_id"], "reference": {"resource": "slides", "fields": ["id"]}} in keys


def test_frictionless_checks_the_foreign_keys(package: Path, tmp_path: Path) -> None:
    # The keys are declared, not decoration: a membership of a scheme that does not exist fails.
    broken = tmp_path / "broken"
    broken.mkdir()
    for file in package.iterdir():
        (broken / file.name).write_bytes(file.read_bytes())
    memberships = broken / "memberships.csv"
    memberships.write_text(memberships.read_text(encoding="utf-8").replace(",poles,", ",nowhere,", 1), encoding="utf-8")
    report = frictionless.validate(broken / "datapackage.json")
    assert not report.valid
    assert [(task.name, error.type) for task in report.tasks for error in task.errors] == [
        ("memberships", "foreign-key")
    ]


def _sqlite_text(value: Any) -> str:
    return "" if value is None else str(value)


def test_both_formats_hold_the_same_values_byte_for_byte(db: sqlite3.Connection, package: Path) -> None:
    # Every cell of every table: the CSV text is the database's value written as text (no
    # formula guard, no 100.0 for 100), and a number is a number in both.
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        name = resource["name"]
        with (package / f"{name}.csv").open(encoding="utf-8", newline="") as file:
            csv_rows = list(csv.reader(file))
        cursor = db.execute(f"SELECT * FROM {name}")
        assert csv_rows[0] == [d[0] for d in cursor.description], name
        assert csv_rows[1:] == [[_sqlite_text(v) for v in row] for row in cursor], name
        for field in resource["schema"]["fields"]:
            kinds = {k for (k,) in db.execute(f"SELECT DISTINCT typeof({field['name']}) FROM {name}")} - {"null"}
            expected = {"number": {"integer", "real"}, "integer": {"integer"}, "boolean": {"integer"}}
            assert kinds <= expected.get(field["type"], {"text"}), (name, field["name"], kinds)
    shares = "SELECT subject_id, value FROM figures WHERE computed = 1 AND subject_table = 'regions'"
    assert dict(db.execute(shares).fetchall())["belgium"] == 100
    assert [r["value"] for r in rows(package, "figures") if r["measure"] == "gdp_per_capita_share_of_belgium"][
        0
    ] == "100"


def test_hostile_text_stays_text(main: Callable[..., Any], data_copy: Path, tmp_path: Path) -> None:
    # The package holds the text itself, as the database does: the formula guard is --format csv's.
    name = '=HYPERLINK("http://x")\n"quoted", a; b\t\x1b[31m'
    edit(data_copy / "clusters.yaml", "name: TWEED", f"name: {json.dumps(name)}")
    assert main("--data-dir", str(data_copy), "data", "export", f"{tmp_path}/pkg/").exit_code == 0
    assert main("--data-dir", str(data_copy), "data", "export", str(tmp_path / "uwe.db")).exit_code == 0
    assert [r["name_en"] for r in rows(tmp_path / "pkg", "groupings") if r["id"] == "tweed"] == [name]
    assert frictionless.validate(tmp_path / "pkg" / "datapackage.json").valid
    connection = sqlite3.connect(tmp_path / "uwe.db")
    assert connection.execute("SELECT name_en FROM groupings WHERE id = 'tweed'").fetchone() == (name,)
    connection.close()


# The database, read by sqlite3.


def test_sqlite_checks_pass_and_keys_are_enforced(db: sqlite3.Connection) -> None:
    assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    references = {(row[2], row[3], row[4]) for row in db.execute("PRAGMA foreign_key_list(memberships)")}
    assert references == {
        ("groupings", "grouping_id", "id"),
        ("schemes", "scheme_id", "id"),
        ("slides", "slide_id", "id"),
    }
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        db.execute(
            "INSERT INTO memberships VALUES ('tweed', 'nowhere', 2, NULL, NULL, NULL, NULL, NULL, 'walloon-clusters')"
        )
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        db.execute(
            "INSERT INTO figures (subject_table, subject_id, measure, position, value, unit, maximum, computed, slide_id)"
            " VALUES ('regions', 'wallonia', 'area', 2, 1, 'km2', 0, 0, 'belgium; wallonia')"
        )
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        columns = len(db.execute("SELECT * FROM groupings").description)
        db.execute(
            f"INSERT INTO groupings VALUES ('tweed', 99, {', '.join([repr('x')] * (columns - 3))}, 'walloon-clusters')"
        )


def test_figures_and_list_items_belong_to_records_that_exist(db: sqlite3.Connection) -> None:
    # (a key to one of several tables cannot be declared: this checks what a foreign key would)
    for table, kind, key in (("figures", "subject_table", "subject_id"), ("lists", "owner_table", "owner_id"),
                             ("aliases", "owner_table", "owner_id")):  # fmt: skip
        owners = db.execute(f"SELECT DISTINCT {kind}, {key} FROM {table}").fetchall()
        assert {t for t, _ in owners} <= {
            "organisation",
            "regions",
            "schemes",
            "lessons",
            "concepts",
            "glossary",
            "sectors",
        }
        for owner, record in owners:
            assert db.execute(f"SELECT 1 FROM {owner} WHERE id = ?", (record,)).fetchone(), (table, owner, record)
    parts = (
        "SELECT f.measure, f.part_of, f.output_of FROM figures f WHERE f.part_of IS NOT NULL OR f.output_of IS NOT NULL"
    )
    for _, *related in db.execute(parts):
        target = next(r for r in related if r)
        assert db.execute("SELECT 1 FROM figures WHERE measure = ?", (target,)).fetchone()


def test_the_energy_groupings_and_their_schemes(db: sqlite3.Connection, uwe: Callable[..., Any]) -> None:
    found = db.execute(
        "SELECT g.id, g.name_fr, m.scheme_id, m.domain_fr, m.domain_en FROM grouping_sectors s"
        " JOIN groupings g ON g.id = s.grouping_id JOIN memberships m ON m.grouping_id = g.id"
        " WHERE s.sector_id = 'energy' ORDER BY g.position, m.position"
    ).fetchall()
    assert found == [
        ("tweed", "TWEED", "regional-clusters", "Énergie durable", "Sustainable energy"),
        (
            "environment",
            "Environnement",
            "export-grappes",
            "eau - déchets - énergie renouvelable",
            "Water – waste – renewable energy",
        ),
    ]
    shown = view(uwe, "clusters", "--sector", "energy")
    assert [(c["id"], c["schemes"]) for c in shown] == [(row[0], [row[2]]) for row in found]


def test_wallonias_figures_with_units_periods_and_bases(db: sqlite3.Connection) -> None:
    found = db.execute(
        "SELECT measure, value, unit, period, base, maximum, computed FROM figures"
        " WHERE subject_table = 'regions' AND subject_id = 'wallonia' ORDER BY measure, position"
    ).fetchall()
    # A period only where the slide gives one: "2013", never a guessed one.
    assert found == [
        ("area", 16844, "km2", None, None, 0, 0),
        ("employment_rate", 62.3, "%", "2013", None, 0, 0),
        ("employment_rate", 62.2, "%", "Q4 2013", None, 0, 0),
        ("gdp_per_capita", 21500, "EUR", None, None, 0, 0),
        ("gdp_per_capita_index", 88, "index", None, "EU28=100", 0, 0),
        ("gdp_per_capita_index", 80, "index", None, "EU15=100", 0, 0),
        ("gdp_per_capita_share_of_belgium", 70.5, "%", None, None, 0, 1),
        ("population", 3600000, "people", None, None, 0, 0),
        ("unemployment_rate", 11.1, "%", "2013", None, 0, 0),
        ("unemployment_rate", 11.2, "%", "Q4 2013", None, 0, 0),
    ]


def test_every_fact_cites_one_slide_of_its_record(db: sqlite3.Connection) -> None:
    # One slide id per row, with its page: the fact's own slide where the data names one (its
    # `slide`), else the first of its record's slides in the presentation's order.
    dataset = store.load_dataset(store.shipped_data_dir(), use_cache=False).dump()
    order = [slide["id"] for slide in dataset["presentation"]["slides"]]
    pages = {slide["id"]: slide["page"] for slide in dataset["presentation"]["slides"]}
    records = {(table, r["id"]): r for table, key in (("regions", "regions"), ("schemes", "schemes"),
               ("lessons", "lessons"), ("concepts", "concepts"), ("glossary", "glossary")) for r in dataset[key]}  # fmt: skip
    records[("organisation", dataset["organisation"]["id"])] = dataset["organisation"]
    cited = db.execute("SELECT subject_table, subject_id, slide_id, page FROM figures").fetchall()
    cited += db.execute("SELECT owner_table, owner_id, slide_id, NULL FROM lists").fetchall()
    for table, record, slide, page in cited:
        assert slide in order
        cites = records[(table, record)]["source"]
        # (a result cites the slide of the results, which the data may name apart)
        assert slide in cites or table == "schemes", (table, record, slide)
        assert page in (None, pages[slide])
    first = db.execute("SELECT slide_id FROM regions WHERE id = 'wallonia'").fetchone()[0]
    assert first == min(records[("regions", "wallonia")]["source"], key=order.index)


def test_one_figures_table_has_every_figure(db: sqlite3.Connection) -> None:
    counts = dict(db.execute("SELECT subject_table, count(*) FROM figures GROUP BY subject_table").fetchall())
    assert counts == {"organisation": 3, "regions": 24, "schemes": 29}
    # The years the slides state are figures too, each with its slide, page and words.
    years = (
        "SELECT subject_id, measure, value, slide_id, page, quote_fr FROM figures WHERE unit = 'year' ORDER BY value"
    )
    assert db.execute(years).fetchall() == [
        ("uwe", "founded", 1969, "uwe", None, "Fédération intersectorielle créée en 1969"),
        ("technology-grappes", "start", 1999, "technology-grappes", None, "Expérience-pilote entre 1999-2005"),
        ("regional-clusters", "start", 2000, "regional-clusters-definition", None, "Politique en place depuis 2000"),
        ("technology-grappes", "end", 2005, "technology-grappes", None, "Expérience-pilote entre 1999-2005"),
        ("poles", "start", 2006, "poles", None, "Politique-phare du Gouvernement wallon depuis 2006"),
        ("regional-clusters", "legal_basis_year", 2007, "regional-clusters-definition", None,
         "Régie par une loi de 2007"),
    ]  # fmt: skip
    # A record's text of the slides names its one slide too: the record's slide_id is only its first.
    regional = (
        "SELECT slide_id, legal_basis_slide_id, funding_degression_slide_id FROM schemes WHERE id = 'regional-clusters'"
    )
    assert db.execute(regional).fetchone() == ("walloon-experiences", "regional-clusters-definition",
                                               "regional-clusters-funding")  # fmt: skip
    capital = "SELECT capital_fr, capital_slide_id FROM regions WHERE id IN ('belgium', 'wallonia') ORDER BY id"
    assert db.execute(capital).fetchall() == [("Bruxelles", "belgium"), ("Namur", "wallonia")]
    founded = "SELECT founded FROM organisation UNION ALL SELECT start_year FROM schemes WHERE id = 'poles'"
    assert db.execute(founded).fetchall() == [(1969,), (2006,)]
    ceiling = "SELECT subject_id, measure, value, unit, maximum FROM figures WHERE maximum = 1"
    assert db.execute(ceiling).fetchall() == [("poles", "funding.amount_per_year", 400000, "EUR/year", 1)]
    patents = (
        "SELECT f.label_fr, f.label_en, f.value, s.title_fr FROM figures f JOIN slides s ON s.id = f.slide_id"
        " WHERE f.measure = 'results.patents'"
    )
    assert db.execute(patents).fetchall() == [
        ("Brevets déposés", "Patents filed", 202, "Premier bilan des pôles de compétitivité")
    ]
    outputs = "SELECT measure, part_of, output_of FROM figures WHERE part_of IS NOT NULL OR output_of IS NOT NULL"
    assert sorted(db.execute(outputs).fetchall()) == [
        ("results.companies-created", None, "results.completed-rd-projects"),
        ("results.completed-rd-projects", "results.rd-projects", None),
        ("results.innovations", None, "results.completed-rd-projects"),
        ("results.patents", None, "results.completed-rd-projects"),
    ]


def test_quantities_are_numbers_with_the_slides_words_beside_them(db: sqlite3.Connection) -> None:
    found = db.execute(
        "SELECT subject_id, measure, value, unit, alternative, quote_fr FROM figures WHERE measure IN"
        " ('funding.degression.floor_share', 'funding.degression.years', 'test_phase', 'average_project_duration',"
        " 'subdivisions') ORDER BY subject_id, measure"
    ).fetchall()
    assert found == [
        ("belgium", "subdivisions", 3, "count", 4, "3 régions (voire 4)"),
        ("poles", "average_project_duration", 4, "years", None, "d’une durée moyenne de 4 ans"),
        # (each part of « dégressif jusque 50% sur 9 ans » now quotes its own words, i19a)
        ("regional-clusters", "funding.degression.floor_share", 50, "%", None, "dégressif jusque 50%"),
        ("regional-clusters", "funding.degression.years", 9, "years", None, "dégressif jusque 50% sur 9 ans"),
        ("regional-clusters", "test_phase", 4, "years", None, "phase-test de 4 ans"),
    ]
    schemes = (
        "SELECT legal_basis_fr, legal_basis_year, funding_degression_fr FROM schemes WHERE id = 'regional-clusters'"
    )
    assert db.execute(schemes).fetchone() == ("Régie par une loi de 2007", 2007, "dégressif jusque 50% sur 9 ans")
    quoted = "SELECT quoted_in_author, quoted_in_place, quoted_in_year FROM concepts WHERE id = 'porter-1998'"
    assert db.execute(quoted).fetchone() == ("P-A Van Binst", "Namur", 2003)


def test_one_lists_table_has_every_bulleted_list(db: sqlite3.Connection) -> None:
    lists = db.execute("SELECT DISTINCT owner_table, list FROM lists").fetchall()
    assert set(lists) == {
        ("organisation", "actions"), ("regions", "form_of_state"), ("regions", "main_industrial_sectors"),
        *(("schemes", name) for name in ("criteria", "features", "objectives", "obligations", "activity_axes",
                                         "outcome", "funding.notes", "activities", "activities.points",
                                         "benefits.beneficiary", "benefits.benefits")),
        ("lessons", "points"), ("concepts", "points"), ("glossary", "usages"),
    }  # fmt: skip
    points = db.execute(
        "SELECT a.text_en, p.position, p.text_en FROM lists a JOIN lists p ON (p.owner_id, p.list, p.under) ="
        " (a.owner_id, 'activities.points', a.position) WHERE a.owner_id = 'poles' AND a.list = 'activities'"
        " ORDER BY p.position LIMIT 2"
    ).fetchall()
    assert [(activity, position) for activity, position, _ in points] == [("Partnerships", 1), ("Partnerships", 2)]
    usages = "SELECT text_fr, slide_id FROM lists WHERE owner_id = 'animateur' AND list = 'usages' ORDER BY position"
    assert db.execute(usages).fetchall() == [
        ("Obligation d’engager un animateur.", "regional-clusters-funding"),
        ("Animation du réseau des membres", "poles-activity"),
    ]


def _descriptions(db: sqlite3.Connection) -> dict[str, dict[str, str]]:
    (value,) = db.execute("SELECT value FROM _metadata WHERE name = 'datapackage.json'").fetchone()
    return {
        r["name"]: {f["name"]: f["description"] for f in r["schema"]["fields"]} for r in json.loads(value)["resources"]
    }


def test_whose_words_and_whose_order_each_column_holds(db: sqlite3.Connection) -> None:
    described = _descriptions(db)
    schemes = described["schemes"]
    assert schemes["summary_fr"].endswith("(the tool's own words, not the slides'; in French).")
    assert schemes["participants_de"].endswith("(the tool's own words, not the slides'; in German).")
    assert schemes["definition_fr"].endswith("(the slides' own words, in French, verbatim).")
    assert schemes["definition_bg"].endswith(
        "(in Bulgarian: the tool's translation of definition_fr, not the slides' words)."
    )
    assert "the tool's reading" in schemes["status"]
    assert described["glossary"]["name_fr"] == (
        "The headword: a French word of the slides, in the form the tool gives it (singular); the slides' own uses "
        "of it are in lists, list 'usages' (in French)."
    )
    assert described["glossary"]["name_en"] == (
        "The headword: the slides' French word, followed by the tool's translation of it in brackets (in English)."
    )
    for table in ("lessons", "concepts"):
        assert "the tool's classification" in described[table]["kind"], table
    assert "the tool's classification" in described["regions"]["kind"]
    assert "the tool's reading" in described["regions"]["within"]
    # Whose order: the slides' for a list, the tool's for records, tags and aliases.
    assert "in the slide's order" in described["lists"]["position"]
    for table in ("regions", "sectors", "groupings", "grouping_sectors", "memberships", "aliases", "glossary",
                  "region_languages", "figures"):  # fmt: skip
        assert "the tool's order" in described[table]["position"], table
    # No description reads the tool as the UWE.
    (value,) = db.execute("SELECT value FROM _metadata WHERE name = 'datapackage.json'").fetchone()
    text = json.dumps(described) + json.loads(value)["description"]
    # (the UWE, in capitals, is the slides' author: "the facts are the UWE's")
    assert not re.search(r"by_uwe|\buwe's|\b[Bb]y uwe\b|Uwe", text)
    statuses = db.execute("SELECT status, count(*) FROM groupings GROUP BY status ORDER BY status").fetchall()
    assert statuses == [(None, 15), ("active", 10), ("in-formation", 2)]  # the 10 clusters and 6 poles, one in both
    words = "SELECT grouping_id, sector_id, words_fr, slide_id FROM grouping_sectors WHERE grouping_id IN ('tweed', 'logistics-in-wallonia')"
    assert db.execute(words).fetchall() == [
        ("logistics-in-wallonia", "transport-logistics", "Transport et logistique", "walloon-clusters"),
        ("tweed", "energy", "Énergie durable", "walloon-clusters"),
    ]


def test_computed_figures_are_marked_and_match_the_regions_view(
    db: sqlite3.Connection, uwe: Callable[..., Any]
) -> None:
    computed = db.execute(
        "SELECT subject_id, value, unit, note_fr, note_en, note_nl, note_de, note_bg FROM figures"
        " WHERE computed = 1 AND subject_table = 'regions'"
    ).fetchall()
    shown = {
        r["id"]: r["gdp_share_of_belgium_pct"]
        for r in view(uwe, "regions")
        if r["gdp_share_of_belgium_pct"] is not None
    }
    assert {region: value for region, value, *_ in computed} == shown == {
        "belgium": 100, "flanders": 94.4, "brussels": 179.3, "wallonia": 70.5,
    }  # fmt: skip
    assert {row[2:] for row in computed} == {(
        "%",
        "Calculé par l’outil, absent des diapositives : 100 × PIB par habitant / PIB par habitant (Belgique), arrondi au dixième",
        "Computed by the tool, not on the slides: 100 × GDP per capita / GDP per capita of Belgium, rounded to 0.1",
        "Berekend door het programma, niet op de dia's: 100 × bbp per inwoner / bbp per inwoner van België, afgerond op 0,1",
        "Von der Anwendung berechnet, nicht auf den Folien: 100 × BIP pro Kopf / BIP pro Kopf (Belgien), auf 0,1 gerundet",
        "Изчислено от програмата, не е на слайдовете: 100 × БВП на човек / БВП на човек (Белгия), закръглено до 0,1",
    )}  # fmt: skip
    # The one other: the export grappes, counted from the slide's list, with its note in every language.
    counted = "SELECT subject_id, measure, value, note_fr, note_en, note_nl, note_de, note_bg FROM figures WHERE computed = 1 AND subject_table != 'regions'"
    [(subject, measure, value, *notes)] = db.execute(counted).fetchall()
    assert (subject, measure, value) == ("export-grappes", "groupings", 12) and all(notes)


def test_counts_match_the_views(db: sqlite3.Connection, package: Path, uwe: Callable[..., Any]) -> None:
    clusters = view(uwe, "clusters")
    expected = {
        "groupings": len(clusters),
        "memberships": sum(len(c["schemes"]) for c in clusters),
        "grouping_sectors": sum(len(c["sectors"]) for c in clusters),
        "regions": len(view(uwe, "regions")),
        "sectors": len(view(uwe, "sectors")),
        "lessons": len(view(uwe, "lessons")),
    }
    assert (expected["groupings"], expected["memberships"]) == (27, 28)
    for table, count in expected.items():
        assert db.execute(f"SELECT count(*) FROM {table}").fetchone() == (count,), table
        assert len(rows(package, table)) == count, table
    results = db.execute("SELECT count(*) FROM figures WHERE measure LIKE 'results.%'").fetchone()[0]
    assert results == len(view(uwe, "results"))
    assert db.execute("SELECT count(*) FROM slides").fetchone() == (23,)


def test_each_slides_whole_text_in_french_only(db: sqlite3.Connection, package: Path) -> None:
    dataset = store.load_dataset(store.shipped_data_dir(), use_cache=False).dump()
    texts = {slide["id"]: slide["text"] for slide in dataset["presentation"]["slides"]}
    assert dict(db.execute("SELECT id, text_fr FROM slides").fetchall()) == texts
    assert {row["id"]: row["text_fr"] for row in rows(package, "slides")} == texts
    # (the tool translates no slide whole: no text_en, text_nl... that would say it does)
    columns = [row[1] for row in db.execute("PRAGMA table_info(slides)")]
    assert [c for c in columns if c.startswith("text")] == ["text_fr"]
    schema = {f["name"]: f for f in json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
              ["resources"][1]["schema"]["fields"]}  # fmt: skip
    assert schema["text_fr"]["description"].endswith("(the slides' own words, in French, verbatim).")


def _tables(db: sqlite3.Connection) -> list[str]:
    query = "SELECT name FROM sqlite_master WHERE type = 'table' AND name != '_metadata' ORDER BY rowid"
    return [name for (name,) in db.execute(query)]


def test_both_formats_hold_the_same_tables(db: sqlite3.Connection, package: Path) -> None:
    names = _tables(db)
    assert len(names) == TABLES
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    assert [r["name"] for r in descriptor["resources"]] == names
    assert db.execute("SELECT type, name FROM sqlite_master WHERE type NOT IN ('table', 'index')").fetchall() == []


def test_every_value_of_the_data_is_exported(db: sqlite3.Connection) -> None:
    # Every text, word, id and number of the validated data is a cell of some table.
    def leaves(value: Any) -> Iterator[Any]:
        if isinstance(value, dict):
            for item in value.values():
                yield from leaves(item)
        elif isinstance(value, list):
            for item in value:
                yield from leaves(item)
        elif value is not None and not isinstance(value, bool):
            yield value

    cells: set[Any] = set()
    for name in _tables(db):
        for row in db.execute(f"SELECT * FROM {name}"):
            cells.update(row)
            # (a result's id is in figures.measure as results.ID)
            cells.update(cell.removeprefix("results.") for cell in row if isinstance(cell, str))
    dataset = store.load_dataset(store.shipped_data_dir(), use_cache=False).dump()
    missing = {value for value in leaves(dataset) if value not in cells}
    assert not missing


def test_the_database_describes_itself_as_the_package_does(db: sqlite3.Connection, package: Path) -> None:
    (value,) = db.execute("SELECT value FROM _metadata WHERE name = 'datapackage.json'").fetchone()
    assert json.loads(value) == json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    described = [
        (f["name"], f["type"], f.get("constraints", {}).get("required", False), f.get("language"))
        for r in json.loads(value)["resources"] if r["name"] == "memberships" for f in r["schema"]["fields"]
    ]  # fmt: skip
    assert described == [
        ("grouping_id", "string", True, None), ("scheme_id", "string", True, None), ("position", "integer", True, None),
        ("domain_fr", "string", False, "fr"), ("domain_en", "string", False, "en"), ("domain_nl", "string", False, "nl"),
        ("domain_de", "string", False, "de"), ("domain_bg", "string", False, "bg"), ("slide_id", "string", True, None),
    ]  # fmt: skip
    schema = db.execute("SELECT sql FROM sqlite_master WHERE name = 'regions'").fetchone()[0]
    assert '"nuts" TEXT, -- NUTS code, added by the tool to join official statistics; not in the slides.' in schema


def test_datasette_serves_the_database_with_its_descriptions(tmp_path: Path) -> None:
    # Datasette itself, through its Python API (no network): the metadata the file carries
    # gives it the title, source, licence and every table's and column's description.
    from datasette.app import Datasette

    path = tmp_path / "uwe.db"
    _export(path)
    with sqlite3.connect(path) as connection:
        (value,) = connection.execute("SELECT value FROM _metadata WHERE name = 'datasette.json'").fetchone()
    metadata = json.loads(value)

    async def pages() -> list[Any]:
        ds = Datasette([str(path)], metadata=metadata)
        return [
            await ds.client.get(url)
            for url in (
                "/",
                "/uwe",
                "/uwe/figures",
                "/uwe/figures.json?_labels=on&_shape=array&measure=results.patents",
            )
        ]

    home, database, figures, patents = asyncio.run(pages())
    assert all(page.status_code == 200 for page in (home, database, figures, patents))
    assert "Belgium&#39;s regions and Wallonia&#39;s clustering policies" in home.text
    assert "opensource.org/licenses/MIT" in home.text
    assert "_metadata" not in database.text  # hidden: it is the export's description, not data
    assert "Every figure, one row each" in figures.text
    assert "The one slide that states the figure" in figures.text
    # Where a column refers to a slide, Datasette shows the slide's title beside its id.
    [row] = patents.json()
    assert row["slide_id"] == {"value": "poles-first-results", "label": "First assessment of the competitiveness poles"}


# The command.


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_lang_keeps_one_language(main: Callable[..., Any], tmp_path: Path, lang: str) -> None:
    other = {"fr": "en", "en": "fr"}[lang]
    assert main("data", "export", str(tmp_path / "one.db"), "--texts", lang).exit_code == 0
    assert main("data", "export", f"{tmp_path}/one/", "--texts", lang).exit_code == 0
    connection = sqlite3.connect(tmp_path / "one.db")
    columns = [row[1] for table in _tables(connection) for row in connection.execute(f"PRAGMA table_info({table})")]
    assert f"name_{lang}" in columns and not [c for c in columns if c.endswith(f"_{other}")]
    name = {"fr": "Wallonie", "en": "Wallonia"}[lang]
    assert connection.execute(f"SELECT name_{lang} FROM regions WHERE id = 'wallonia'").fetchone() == (name,)
    (described,) = connection.execute("SELECT value FROM _metadata WHERE name = 'datapackage.json'").fetchone()
    assert json.loads(described)["languages"] == [lang]
    connection.close()
    descriptor = json.loads((tmp_path / "one" / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["languages"] == [lang]
    assert ("French texts only" if lang == "fr" else "translation into English only") in descriptor["description"]
    assert rows(tmp_path / "one", "regions")[3][f"name_{lang}"] == name
    assert frictionless.validate(tmp_path / "one" / "datapackage.json").valid


@pytest.mark.parametrize("reader", [{"env": {"UWE_LANG": "fr"}}, {"lang": "fr"}])
def test_the_default_keeps_every_language_whatever_language_uwe_answers_in(
    uwe: Callable[..., Any], tmp_path: Path, reader: dict[str, Any]
) -> None:
    before = ["--lang", reader["lang"]] if "lang" in reader else []
    run = uwe(*before, "data", "export", str(tmp_path / "both.db"), env=reader.get("env"))
    assert (run.exit_code, run.stdout) == (  # (said in French: the reader's language is still French)
        0, f"{TABLES} tables (781 lignes, fr, en, nl, de, bg) écrites dans {tmp_path / 'both.db'} sous forme d’une "
           "base de données SQLite\n"
    )  # fmt: skip
    connection = sqlite3.connect(tmp_path / "both.db")
    assert connection.execute("SELECT name_fr, name_en FROM regions WHERE id = 'brussels'").fetchone() == (
        "Bruxelles", "Brussels"
    )  # fmt: skip
    connection.close()


def test_an_unknown_language_is_a_usage_error(main: Callable[..., Any], tmp_path: Path) -> None:
    run = main("data", "export", str(tmp_path / "x.db"), "--texts", "es")
    assert (run.exit_code, run.stderr) == (2, "uwe: error: --texts: unknown language 'es' (use en, fr, nl, de or bg)\n")
    assert list(tmp_path.iterdir()) == []


def test_refuses_to_overwrite_without_force(main: Callable[..., Any], tmp_path: Path) -> None:
    for target in (str(tmp_path / "uwe.db"), f"{tmp_path}/pkg/"):
        assert main("data", "export", target).exit_code == 0
        before = snapshot(tmp_path)
        run = main("data", "export", target)
        assert (run.exit_code, run.stderr) == (
            2, f"uwe: error: {target} already exists; add --force to replace it, or give a new name\n"
        )  # fmt: skip
        assert snapshot(tmp_path) == before


def test_force_replaces_an_export_once_the_new_one_is_complete(main: Callable[..., Any], tmp_path: Path) -> None:
    assert main("data", "export", str(tmp_path / "uwe.db"), "--texts", "fr").exit_code == 0
    assert main("data", "export", f"{tmp_path}/pkg/", "--texts", "fr").exit_code == 0
    assert main("data", "export", str(tmp_path / "uwe.db"), "--force").exit_code == 0
    assert main("data", "export", f"{tmp_path}/pkg/", "--force").exit_code == 0
    connection = sqlite3.connect(tmp_path / "uwe.db")
    assert connection.execute("SELECT name_en FROM regions WHERE id = 'wallonia'").fetchone() == ("Wallonia",)
    connection.close()
    assert rows(tmp_path / "pkg", "regions")[3]["name_en"] == "Wallonia"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pkg", "uwe.db"]  # no temporary, no old copy left


def test_force_never_deletes_what_uwe_did_not_write(main: Callable[..., Any], tmp_path: Path) -> None:
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "todo.txt").write_text("keep me", encoding="utf-8")
    (tmp_path / "notes.db").write_text("not a database", encoding="utf-8")
    before = snapshot(tmp_path)
    run = main("data", "export", str(tmp_path / "notes"), "--force")
    assert (run.exit_code, run.stderr) == (2, (
        f"uwe: error: {tmp_path / 'notes'} is not a Data Package that uwe wrote (only datapackage.json and CSV files); "
        "uwe does not delete it, even with --force: give a new folder\n"
    ))  # fmt: skip
    run = main("data", "export", str(tmp_path / "notes.db"), "--force")
    assert (run.exit_code, run.stderr) == (
        2, f"uwe: error: {tmp_path / 'notes.db'} is not an SQLite database that uwe wrote; uwe does not replace it, even with --force: give a new name\n"
    )  # fmt: skip
    assert snapshot(tmp_path) == before


def test_an_empty_folder_is_filled_without_force(main: Callable[..., Any], tmp_path: Path) -> None:
    (tmp_path / "pkg").mkdir()
    assert main("data", "export", str(tmp_path / "pkg")).exit_code == 0
    assert (tmp_path / "pkg" / "datapackage.json").is_file()


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("{tmp}/uwe.csv", "{tmp}/uwe.csv: give a folder (ending in '/') for a Data Package, or a file name ending in "
                          ".db, .sqlite or .sqlite3 for SQLite; '.csv' is neither"),
        ("{tmp}/my exports/uwe.db", "{tmp}/my exports/uwe.db: {tmp}/my exports does not exist "
                                    "(create it first: mkdir -p '{tmp}/my exports')"),
        ("{tmp}/missing/uwe.db", "{tmp}/missing/uwe.db: {tmp}/missing does not exist (create it first: mkdir -p {tmp}/missing)"),
        ("{tmp}/missing/pkg/", "{tmp}/missing/pkg/: {tmp}/missing does not exist (create it first: mkdir -p {tmp}/missing)"),
        ("{tmp}/file.txt/uwe.db", "{tmp}/file.txt/uwe.db: {tmp}/file.txt is not a folder"),
        ("", "give a folder (for a Data Package) or a file name ending in .db (for SQLite)"),
    ],
)  # fmt: skip
def test_bad_paths_get_one_clear_line(main: Callable[..., Any], tmp_path: Path, target: str, message: str) -> None:
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")
    run = main("data", "export", target.replace("{tmp}", str(tmp_path)))
    assert (run.exit_code, run.stdout, run.stderr) == (
        2,
        "",
        f"uwe: error: {message.replace('{tmp}', str(tmp_path))}\n",
    )
    assert [p.name for p in tmp_path.iterdir()] == ["file.txt"]


def test_a_place_that_cannot_be_written_is_a_clear_error(
    main: Callable[..., Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(*args: Any, **kwargs: Any) -> Any:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(data_export.newfile, "reserve", refused)
    run = main("data", "export", str(tmp_path / "uwe.db"))
    assert (run.exit_code, run.stderr) == (1, f"uwe: error: cannot write in {tmp_path} (permission denied)\n")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("read_only", "reason"), [(True, "the file system is read-only"), (False, "permission denied")]
)
def test_a_folder_that_cannot_be_written_says_why(
    main: Callable[..., Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, read_only: bool, reason: str
) -> None:
    monkeypatch.setattr(data_export.os, "access", lambda *args, **kwargs: False)
    monkeypatch.setattr(data_export, "_read_only", lambda folder: read_only)
    run = main("data", "export", str(tmp_path / "uwe.db"))
    assert (run.exit_code, run.stderr) == (
        2, f"uwe: error: {tmp_path / 'uwe.db'}: cannot write in {tmp_path} ({reason}); choose a folder you can write to\n"
    )  # fmt: skip


# Atomic: a failure or Ctrl-C midway leaves nothing at PATH, no temporary, and any old export as it was.


def _fail_after(calls: int, error: BaseException) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    def wrap(real: Callable[..., Any]) -> Callable[..., Any]:
        done = []

        def writer(*args: Any, **kwargs: Any) -> Any:
            if len(done) == calls:
                raise error
            done.append(1)
            return real(*args, **kwargs)

        return writer

    return wrap


@pytest.mark.parametrize("target", ["uwe.db", "pkg/"])
@pytest.mark.parametrize("error", [OSError(errno.ENOSPC, "No space left on device"), KeyboardInterrupt()])
def test_a_failure_midway_leaves_nothing(
    main: Callable[..., Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, target: str, error: BaseException
) -> None:
    # The package fails after writing 5 CSV files; the database after creating 5 tables.
    if target.endswith("/"):
        monkeypatch.setattr(datapackage, "_write_csv", _fail_after(5, error)(datapackage._write_csv))
    else:
        monkeypatch.setattr(database, "_create", _fail_after(5, error)(database._create))
    run = main("data", "export", f"{tmp_path}/{target}")
    if isinstance(error, KeyboardInterrupt):
        assert (run.exit_code, run.stderr) == (130, "")
    else:
        path = tmp_path / target.rstrip("/")
        assert (run.exit_code, run.stderr) == (1, f"uwe: error: cannot write {path} (no space left on the disk)\n")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("target", ["uwe.db", "pkg/"])
def test_a_failed_force_keeps_the_old_export(
    main: Callable[..., Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, target: str
) -> None:
    assert main("data", "export", f"{tmp_path}/{target}", "--texts", "fr").exit_code == 0
    before = snapshot(tmp_path)
    monkeypatch.setattr(datapackage, "descriptor", _fail_after(0, KeyboardInterrupt())(datapackage.descriptor))
    monkeypatch.setattr(database, "_describe", _fail_after(0, KeyboardInterrupt())(database._describe))
    assert main("data", "export", f"{tmp_path}/{target}", "--force").exit_code == 130
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize(("name", "code", "stderr"), [
    ("SQLITE_FULL", 1, "uwe: error: cannot write {path} (no space left on the disk)\n"),
    # An extended name is the error it extends.
    ("SQLITE_READONLY_DIRECTORY", 1, "uwe: error: cannot write {path} (the file system is read-only)\n"),
    # Any other SQLite error is the tool's own fault, and said so (exit 3), not blamed on the disk.
    ("SQLITE_ERROR", 3, "uwe: error: unexpected OperationalError: database or disk is full (re-run with --debug to see the traceback)\n"),
])  # fmt: skip
def test_sqlite_errors(
    main: Callable[..., Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, code: int, stderr: str
) -> None:
    error = sqlite3.OperationalError("database or disk is full")
    error.sqlite_errorname = name  # type: ignore[attr-defined]
    monkeypatch.setattr(database, "_describe", _fail_after(0, error)(database._describe))
    run = main("data", "export", str(tmp_path / "uwe.db"))
    assert (run.exit_code, run.stderr) == (code, stderr.format(path=tmp_path / "uwe.db"))
    assert list(tmp_path.iterdir()) == []


def test_the_export_has_the_permissions_of_any_new_file(main: Callable[..., Any], tmp_path: Path) -> None:
    mask = os.umask(0o022)
    try:
        assert main("data", "export", str(tmp_path / "uwe.db")).exit_code == 0
        assert main("data", "export", f"{tmp_path}/pkg/").exit_code == 0
    finally:
        os.umask(mask)
    assert (tmp_path / "uwe.db").stat().st_mode & 0o777 == 0o644
    assert (tmp_path / "pkg").stat().st_mode & 0o777 == 0o755


# Your own data folder.


def test_exports_the_data_folder_in_use(uwe: Callable[..., Any], data_copy: Path, tmp_path: Path) -> None:
    edit(data_copy / "clusters.yaml", "name: TWEED", "name: TWEED 2")
    assert uwe("--data-dir", str(data_copy), "data", "export", str(tmp_path / "mine.db")).exit_code == 0
    assert uwe("data", "export", f"{tmp_path}/mine/", env={"UWE_DATA_DIR": str(data_copy)}).exit_code == 0
    connection = sqlite3.connect(tmp_path / "mine.db")
    assert connection.execute("SELECT name_fr, name_en FROM groupings WHERE id = 'tweed'").fetchone() == (
        "TWEED 2",
        "TWEED 2",
    )
    connection.close()
    assert [r["name_en"] for r in rows(tmp_path / "mine", "groupings") if r["id"] == "tweed"] == ["TWEED 2"]


def test_broken_data_is_one_line_and_writes_nothing(main: Callable[..., Any], data_copy: Path, tmp_path: Path) -> None:
    (data_copy / "lessons.yaml").write_text("lessons: 3\n", encoding="utf-8")
    run = main("--data-dir", str(data_copy), "data", "export", str(tmp_path / "uwe.db"))
    assert (run.exit_code, run.stderr) == (
        1,
        f"uwe: error: {data_copy / 'lessons.yaml'}:1:1: lessons: should be a list, got 3\n",
    )
    assert not (tmp_path / "uwe.db").exists()


def test_other_commands_do_not_load_the_export_code(tmp_path: Path) -> None:
    cache = str(tmp_path / "cache")
    for args in (["regions"], ["clusters", "--format", "json"]):
        modules = imported(*args, cache_dir=cache)
        assert (
            not {
                "sqlite3",
                "uwe_cli.export.writer",
                "uwe_cli.export.tables",
                "uwe_cli.export.schema",
                "uwe_cli.export.database",
                "uwe_cli.export.rows",
                "uwe_cli.export.metadata",
            }
            & modules
        )
    # And an export to SQLite loads neither CSV, nor Rich, nor (with a warm cache) pydantic.
    modules = imported("data", "export", str(tmp_path / "uwe.db"), cache_dir=cache)
    assert "sqlite3" in modules and not {"csv", "uwe_cli.export.datapackage", "rich.console", "pydantic"} & modules


# README.md shows both exports and reads each; these run what it shows.

_SECTION = re.compile(r"### `uwe data export PATH`.*?(?=\n## )", re.S)
_SNIPPET = re.compile(r"```python\n(?P<code>.*?)```\n\n```text\n(?P<output>.*?)```", re.S)
_QUESTION = re.compile(r"```sql\n(?P<code>.*?)```\n(?:\n```text\n(?P<output>.*?)```\n)?", re.S)


@pytest.fixture(scope="module")
def readme_exports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding the exports README.md's commands write, made by running them."""
    section = _SECTION.search(README.read_text(encoding="utf-8"))
    assert section
    folder = tmp_path_factory.mktemp("readme")
    for line in section[0].split("```sh\n", 1)[1].split("```", 1)[0].splitlines():
        args = shlex.split(line, comments=True)
        assert args[:3] == ["uwe", "data", "export"]
        target = args[3]
        _export(f"{folder / target}/" if target.endswith("/") else folder / target)
    return folder


def _rendered(text: str, section: str, pattern: re.Pattern[str], run: Callable[[str], str]) -> str:
    def real(found: re.Match[str]) -> str:
        kind = "python" if pattern is _SNIPPET else "sql"
        if found["output"] is None:
            run(found["code"])
            return found[0]
        return f"```{kind}\n{found['code']}```\n\n```text\n{run(found['code'])}```" + ("\n" if kind == "sql" else "")

    return text.replace(section, pattern.sub(real, section))


def _check_readme(updated: str, text: str) -> None:
    if os.environ.get("UWE_UPDATE_README"):
        README.write_text(updated, encoding="utf-8")
    assert updated == text, (
        "README's export examples are stale: run UWE_UPDATE_README=1 pytest tests/test_data_export.py"
    )


def test_readme_readers_of_the_exports_run(readme_exports: Path) -> None:
    # pandas, DuckDB and sqlite3, three lines each, run as a reader would, output as shown.
    text = README.read_text(encoding="utf-8")
    section = _SECTION.search(text)
    assert section
    snippets = list(_SNIPPET.finditer(section[0]))
    assert [s["code"].split()[1] for s in snippets] == ["pandas", "duckdb,", "sqlite3"]
    assert [len(s["code"].splitlines()) for s in snippets] == [3, 3, 3]

    def run(code: str) -> str:
        done = subprocess.run(
            [sys.executable, "-c", code], cwd=readme_exports, capture_output=True, text=True, check=True
        )
        return done.stdout

    _check_readme(_rendered(text, section[0], _SNIPPET, run), text)


def test_readme_questions_give_the_same_answer_from_the_package_and_the_database(
    readme_exports: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import duckdb

    text = README.read_text(encoding="utf-8")
    section = _SECTION.search(text)
    assert section
    reader = next(s["code"] for s in _SNIPPET.finditer(section[0]) if "duckdb" in s["code"])
    package = duckdb.connect()
    monkeypatch.chdir(readme_exports)  # (the reader names the package's folder as a relative path)
    # The README's own DuckDB reader, its views made on this connection.
    exec(reader.rsplit("\n", 2)[0].replace("duckdb.sql(", "package.sql("), {"json": json, "package": package})
    db = sqlite3.connect("uwe.db")
    questions = list(_QUESTION.finditer(section[0]))
    assert len(questions) == 3

    def run(query: str) -> str:
        from_package, from_database = package.sql(query).fetchall(), db.execute(query).fetchall()
        assert from_package == from_database and from_database, query  # (1 == 1.0: a number is a number)
        return "".join(f"{row}\n" for row in from_database)

    answers = [db.execute(q["code"]).fetchall() for q in questions]
    assert [len(a) for a in answers] == [6, 5, 56]
    assert ("Biowin", "Life sciences") in answers[0]
    assert [row[0] for row in answers[1]] == ["Brussels", "Belgium", "Flanders", "Wallonia", "Wallonia"]
    assert all(row[5] for row in answers[2])  # every figure has its slide
    _check_readme(_rendered(text, section[0], _QUESTION, run), text)
    db.close()


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file below `folder` with its bytes (hidden temporaries included)."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_text_not_translated_exports_as_an_empty_cell(
    main: Callable[..., Any], data_copy: Path, tmp_path: Path
) -> None:
    # A record the translations do not cover yet (a user's new text): no translation, no error.
    path = data_copy / "clusters.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("name: TWEED", 'name: {fr: "Tweed neuf"}'),
        encoding="utf-8",
    )
    run = main("--data-dir", str(data_copy), "data", "export", str(tmp_path / "x.db"))
    assert run.exit_code == 0, run.stderr
    db = sqlite3.connect(tmp_path / "x.db")
    row = db.execute("SELECT name_fr, name_en, name_nl FROM groupings WHERE id = 'tweed'").fetchone()
    assert row == ("Tweed neuf", None, None)  # (English is a translation like any other)
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_a_fact_that_names_its_slide_cites_that_slide() -> None:
    # Facts of the data may carry their own `slide` (one slide per fact): the export cites it
    # rather than the record's first slide, for a figure, a list item and a quote.
    from uwe_cli.export import schema, tables

    dataset = store.load_dataset(store.shipped_data_dir(), use_cache=False).dump()
    wallonia = next(r for r in dataset["regions"] if r["id"] == "wallonia")
    wallonia["unemployment_rate"][0]["slide"] = "wallonia"
    wallonia["unemployment_rate"][1]["slide"] = None  # (the shipped data names it: here it does not)
    poles = next(s for s in dataset["schemes"] if s["id"] == "poles")
    poles["features"][0]["slide"] = "poles"
    poles["features"][1]["slide"] = None
    built = {t.spec.name: t for t in tables.build(schema.SPECS, dataset, langs=("fr",))}

    def cited(table: str, **match: Any) -> list[str]:
        names = [c.name for c in built[table].columns]
        found = [dict(zip(names, row, strict=True)) for row in built[table].rows]
        return [r["slide_id"] for r in found if all(r[k] == v for k, v in match.items())]

    assert cited("figures", subject_id="wallonia", measure="unemployment_rate") == ["wallonia", "belgium"]
    assert cited("lists", owner_id="poles", list="features")[:2] == ["poles", "walloon-experiences"]
    assert cited("regions", id="wallonia") == ["belgium"]  # (a record: the first slide it appears on)
