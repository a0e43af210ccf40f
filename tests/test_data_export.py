"""`uwe data export`: the whole dataset as a Frictionless Data Package and as SQLite.

The exports are checked by their real consumers (frictionless, sqlite3), asked real
questions, and counted against what the views show.
"""

from __future__ import annotations

import csv
import errno
import json
import os
import re
import shlex
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
TABLES = 39


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


def test_the_package_says_what_it_is(package: Path) -> None:
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["name"] == "uwe-wallonia-clusters"
    assert descriptor["title"] == "Belgium's regions and Wallonia's clustering policies (UWE, Sofia, 15 April 2014)"
    assert descriptor["version"] == __version__
    assert descriptor["languages"] == ["fr", "en", "nl", "de", "bg"]
    assert descriptor["sources"] == [
        {"title": "Union Wallonne des Entreprises (UWE), presentation at IFAG / Bulgarian Chamber of Commerce and "
                  "Industry (CCI), Sofia, 15 April 2014"}
    ]  # fmt: skip
    assert [licence["name"] for licence in descriptor["licenses"]] == ["MIT"]
    for words in ("the facts are the UWE's", "French (columns ending _fr) is the slides' own wording",
                  "every other language (_en, _nl, _de, _bg) is the tool's translation", "'computed' is true", "starts with an apostrophe"):  # fmt: skip
        assert words in descriptor["description"]
    regions = next(r for r in descriptor["resources"] if r["name"] == "regions")
    fields = {f["name"]: f for f in regions["schema"]["fields"]}
    assert (fields["name_fr"]["language"], fields["name_en"]["language"]) == ("fr", "en")
    assert "the slides' own words" in fields["name_fr"]["description"]
    assert "the tool's translation" in fields["name_en"]["description"]
    assert "not in the slides" in fields["nuts"]["description"]
    assert regions["schema"]["primaryKey"] == ["id"]
    assert regions["schema"]["foreignKeys"] == [{"fields": ["within"], "reference": {"resource": "", "fields": ["id"]}}]


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


def test_csv_cells_that_a_spreadsheet_would_run_start_with_an_apostrophe(package: Path, db: sqlite3.Connection) -> None:
    notes = [r for r in rows(package, "scheme_list_items") if (r["scheme_id"], r["list"]) == ("poles", "funding.notes")]
    assert notes[0]["text_fr"] == "'+ contributions privées"  # as `uwe scheme poles --format csv` writes it
    assert notes[0]["text_en"] == "plus private contributions"
    # The database holds the text itself: nothing runs there.
    query = (
        "SELECT text_fr FROM scheme_list_items WHERE scheme_id = 'poles' AND list = 'funding.notes' AND position = 1"
    )
    assert db.execute(query).fetchone() == ("+ contributions privées",)


# The database, read by sqlite3.


def test_sqlite_checks_pass_and_keys_are_enforced(db: sqlite3.Connection) -> None:
    assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    references = {(row[2], row[3], row[4]) for row in db.execute("PRAGMA foreign_key_list(memberships)")}
    assert references == {("groupings", "grouping_id", "id"), ("schemes", "scheme_id", "id")}
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        db.execute(
            "INSERT INTO memberships VALUES ('tweed', 'nowhere', 2, NULL, NULL, NULL, NULL, NULL, 'walloon-clusters')"
        )
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        columns = len(db.execute("SELECT * FROM groupings").description)
        db.execute(
            f"INSERT INTO groupings VALUES ('tweed', 99, {', '.join([repr('x')] * (columns - 3))}, 'walloon-clusters')"
        )


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
            "water - waste - renewable energy",
        ),
    ]
    shown = view(uwe, "clusters", "--sector", "energy")
    assert [(c["id"], c["schemes"]) for c in shown] == [(row[0], [row[2]]) for row in found]


def test_wallonias_figures_with_units_periods_and_slides(db: sqlite3.Connection) -> None:
    found = db.execute(
        "SELECT measure, value, unit, period, base, maximum, computed, source, slides_en FROM figures"
        " WHERE subject_id = 'wallonia' ORDER BY measure, position"
    ).fetchall()
    slides = ("belgium; wallonia", "Belgium in a few words; Wallonia in a few figures")
    # A period only where the slide gives one: "2013", never a guessed one.
    assert found == [
        ("area", 16844, "km2", None, None, 0, 0, *slides),
        ("employment_rate", 62.3, "%", "2013", None, 0, 0, *slides),
        ("employment_rate", 62.2, "%", "Q4 2013", None, 0, 0, *slides),
        ("gdp_per_capita", 21500, "EUR", None, None, 0, 0, *slides),
        ("gdp_per_capita_index", 88, "index", None, "EU28=100", 0, 0, *slides),
        ("gdp_per_capita_index", 80, "index", None, "EU15=100", 0, 0, *slides),
        ("gdp_per_capita_share_of_belgium", 70.5, "%", None, None, 0, 1, *slides),
        ("population", 3600000, "people", None, None, 0, 0, *slides),
        ("unemployment_rate", 11.1, "%", "2013", None, 0, 0, *slides),
        ("unemployment_rate", 11.2, "%", "Q4 2013", None, 0, 0, *slides),
    ]


def test_the_figures_view_has_every_figure(db: sqlite3.Connection) -> None:
    counts = dict(db.execute("SELECT table_name, count(*) FROM figures GROUP BY table_name").fetchall())
    assert counts == {"organisation_figures": 2, "region_figures": 24, "scheme_figures": 14, "results": 10}
    ceiling = "SELECT subject_name_en, measure, value, unit, maximum FROM figures WHERE maximum = 1"
    assert db.execute(ceiling).fetchall() == [
        ("Competitiveness poles", "funding.amount_per_year", 400000, "EUR/year", 1)
    ]
    patents = (
        "SELECT label_fr, label_en, value, slides_fr FROM figures WHERE table_name = 'results' AND measure = 'patents'"
    )
    assert db.execute(patents).fetchall() == [
        ("Brevets déposés", "Patents filed", 202, "Premier bilan des pôles de compétitivité")
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
        ("regional-clusters", "funding.degression.floor_share", 50, "%", None, None),
        ("regional-clusters", "funding.degression.years", 9, "years", None, None),
        ("regional-clusters", "test_phase", 4, "years", None, "phase-test de 4 ans"),
    ]
    schemes = (
        "SELECT legal_basis_fr, legal_basis_year, funding_degression_fr FROM schemes WHERE id = 'regional-clusters'"
    )
    assert db.execute(schemes).fetchone() == ("Régie par une loi de 2007", 2007, "dégressif jusque 50% sur 9 ans")
    quoted = "SELECT quoted_in_author, quoted_in_place, quoted_in_year FROM concepts WHERE id = 'porter-1998'"
    assert db.execute(quoted).fetchone() == ("P-A Van Binst", "Namur", 2003)


def test_outputs_are_not_parts(db: sqlite3.Connection) -> None:
    assert db.execute("SELECT result_id, part_of FROM result_parts").fetchall() == [
        ("completed-rd-projects", "rd-projects")
    ]
    outputs = db.execute("SELECT result_id, output_of FROM result_outputs ORDER BY result_id").fetchall()
    assert outputs == [(r, "completed-rd-projects") for r in ("companies-created", "innovations", "patents")]


def test_uwes_words_and_readings_are_marked(db: sqlite3.Connection) -> None:
    described = dict(
        db.execute("SELECT column_name, description FROM meta_columns WHERE table_name = 'schemes'").fetchall()
    )
    assert described["summary_fr"].endswith("(the tool's words, in French)")
    assert described["participants_fr"].endswith("(the tool's words, in French)")
    assert described["definition_fr"].endswith("(in French, the slides' own words)")
    statuses = db.execute("SELECT status, count(*) FROM groupings GROUP BY status ORDER BY status").fetchall()
    assert statuses == [(None, 15), ("active", 10), ("in-formation", 2)]  # the 10 clusters and 6 poles, one in both
    words = "SELECT grouping_id, sector_id, words_fr, source FROM grouping_sectors WHERE grouping_id IN ('tweed', 'logistics-in-wallonia')"
    assert db.execute(words).fetchall() == [
        ("logistics-in-wallonia", "transport-logistics", "Transport et logistique", "walloon-clusters"),
        ("tweed", "energy", "Énergie durable", "walloon-clusters"),
    ]
    usages = "SELECT quote_fr, source FROM glossary_usages WHERE term_id = 'animateur'"
    assert db.execute(usages).fetchall() == [
        ("Obligation d’engager un animateur.", "regional-clusters-funding"),
        ("Animation du réseau des membres", "poles-activity"),
    ]


def test_computed_figures_are_marked_and_match_the_regions_view(
    db: sqlite3.Connection, uwe: Callable[..., Any]
) -> None:
    computed = db.execute("SELECT region_id, value, unit, note_en FROM region_figures WHERE computed = 1").fetchall()
    shown = {
        r["id"]: r["gdp_share_of_belgium_pct"]
        for r in view(uwe, "regions")
        if r["gdp_share_of_belgium_pct"] is not None
    }
    assert {region: value for region, value, _, _ in computed} == shown == {
        "belgium": 100.0, "flanders": 94.4, "brussels": 179.3, "wallonia": 70.5,
    }  # fmt: skip
    assert {(unit, note) for _, _, unit, note in computed} == {
        ("%", "Computed by the tool: 100 × GDP per capita / GDP per capita of Belgium, rounded to 0.1")
    }
    # The one other: the export grappes, counted from the slide's list.
    counted = (
        "SELECT subject_id, measure, value, note_en FROM figures WHERE computed = 1 AND table_name != 'region_figures'"
    )
    assert db.execute(counted).fetchall() == [
        (
            "export-grappes",
            "groupings",
            12,
            "counted by the tool from the list on the slide "
            "'Les grappes existantes', of which 2 are in formation (construction, glass)",
        )
    ]


def test_counts_match_the_views(db: sqlite3.Connection, package: Path, uwe: Callable[..., Any]) -> None:
    clusters = view(uwe, "clusters")
    expected = {
        "groupings": len(clusters),
        "memberships": sum(len(c["schemes"]) for c in clusters),
        "grouping_sectors": sum(len(c["sectors"]) for c in clusters),
        "regions": len(view(uwe, "regions")),
        "results": len(view(uwe, "results")),
        "sectors": len(view(uwe, "sectors")),
        "lessons": len(view(uwe, "lessons")),
    }
    assert (expected["groupings"], expected["memberships"]) == (27, 28)
    for table, count in expected.items():
        assert db.execute(f"SELECT count(*) FROM {table}").fetchone() == (count,), table
        assert len(rows(package, table)) == count, table
    assert db.execute("SELECT count(*) FROM slides").fetchone() == (23,)


def test_both_formats_hold_the_same_tables_and_rows(db: sqlite3.Connection, package: Path) -> None:
    names = [row[0] for row in db.execute("SELECT name FROM meta_tables WHERE name != 'figures' ORDER BY rowid")]
    assert len(names) == TABLES
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    assert [r["name"] for r in descriptor["resources"]] == names
    for name in names:
        columns = [row[1] for row in db.execute(f"PRAGMA table_info({name})")]
        with (package / f"{name}.csv").open(encoding="utf-8", newline="") as file:
            csv_rows = list(csv.reader(file))
        assert csv_rows[0] == columns, name
        assert len(csv_rows) - 1 == db.execute(f"SELECT count(*) FROM {name}").fetchone()[0], name


def test_every_row_from_a_slide_cites_slides_that_exist(db: sqlite3.Connection) -> None:
    slides = {row[0] for row in db.execute("SELECT id FROM slides")}
    uncited = set()
    for (name,) in db.execute("SELECT name FROM meta_tables WHERE name != 'figures'").fetchall():
        if "source" not in [row[1] for row in db.execute(f"PRAGMA table_info({name})")]:
            uncited.add(name)
            continue
        for (source,) in db.execute(f"SELECT source FROM {name}"):
            assert source and set(source.split("; ")) <= slides, (name, source)
    # The source itself, link tables (whose slide_id is the reference), and the tool's own words.
    assert uncited == {"presentation", "slides", "sectors", "sector_synonyms", "scheme_aliases", "region_aliases"} | {
        f"{kind}_slides"
        for kind in ("organisation", "region", "scheme", "result", "grouping", "lesson", "concept", "term")
    }


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
    for (name,) in db.execute("SELECT name FROM meta_tables WHERE name != 'figures'").fetchall():
        for row in db.execute(f"SELECT * FROM {name}"):
            cells.update(row)
            cells.update(part for cell in row if isinstance(cell, str) for part in cell.split("; "))
    dataset = store.load_dataset(store.shipped_data_dir(), use_cache=False).dump()
    missing = {value for value in leaves(dataset) if value not in cells}
    assert not missing


def test_the_database_describes_its_columns(db: sqlite3.Connection) -> None:
    about = dict(db.execute("SELECT key, value FROM meta_dataset").fetchall())
    assert about["version"] == __version__ and about["languages"] == "fr, en, nl, de, bg"
    assert about["source"].endswith("Sofia, 15 April 2014") and about["licence"].startswith("MIT")
    described = db.execute(
        "SELECT column_name, type, required, language FROM meta_columns WHERE table_name = 'memberships' ORDER BY position"
    ).fetchall()
    assert described == [
        ("grouping_id", "string", 1, None), ("scheme_id", "string", 1, None), ("position", "integer", 1, None),
        ("domain_fr", "string", 0, "fr"), ("domain_en", "string", 0, "en"), ("domain_nl", "string", 0, "nl"),
        ("domain_de", "string", 0, "de"), ("domain_bg", "string", 0, "bg"), ("source", "string", 1, None),
    ]  # fmt: skip
    schema = db.execute("SELECT sql FROM sqlite_master WHERE name = 'regions'").fetchone()[0]
    assert '"nuts" TEXT, -- NUTS code, added by the tool to join official statistics, not in the slides.' in schema


# The command.


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_lang_keeps_one_language(main: Callable[..., Any], tmp_path: Path, lang: str) -> None:
    other = {"fr": "en", "en": "fr"}[lang]
    assert main("data", "export", str(tmp_path / "one.db"), "--texts", lang).exit_code == 0
    assert main("data", "export", f"{tmp_path}/one/", "--texts", lang).exit_code == 0
    connection = sqlite3.connect(tmp_path / "one.db")
    columns = [row[0] for row in connection.execute("SELECT column_name FROM meta_columns")]
    assert f"name_{lang}" in columns and not [c for c in columns if c.endswith(f"_{other}")]
    name = {"fr": "Wallonie", "en": "Wallonia"}[lang]
    assert connection.execute(f"SELECT name_{lang} FROM regions WHERE id = 'wallonia'").fetchone() == (name,)
    assert connection.execute("SELECT value FROM meta_dataset WHERE key = 'languages'").fetchone() == (lang,)
    connection.close()
    descriptor = json.loads((tmp_path / "one" / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["languages"] == [lang]
    assert ("French texts only" if lang == "fr" else "translation into 'en' only") in descriptor["description"]
    assert rows(tmp_path / "one", "regions")[3][f"name_{lang}"] == name
    assert frictionless.validate(tmp_path / "one" / "datapackage.json").valid


@pytest.mark.parametrize("reader", [{"env": {"UWE_LANG": "fr"}}, {"lang": "fr"}])
def test_the_default_keeps_every_language_whatever_language_uwe_answers_in(
    uwe: Callable[..., Any], tmp_path: Path, reader: dict[str, Any]
) -> None:
    before = ["--lang", reader["lang"]] if "lang" in reader else []
    run = uwe(*before, "data", "export", str(tmp_path / "both.db"), env=reader.get("env"))
    assert (run.exit_code, run.stdout) == (  # (said in French: the reader's language is still French)
        0, f"{TABLES} tables (877 lignes, fr, en, nl, de, bg) écrites dans {tmp_path / 'both.db'} sous forme d’une "
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
        2, f"uwe: error: {tmp_path / 'notes.db'} is not an SQLite database; uwe does not replace it, even with --force: give a new name\n"
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

    monkeypatch.setattr(data_export.tempfile, "mkstemp", refused)
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
    monkeypatch.setattr(datapackage, "_descriptor", _fail_after(0, KeyboardInterrupt())(datapackage._descriptor))
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


def test_hostile_text_stays_text(main: Callable[..., Any], data_copy: Path, tmp_path: Path) -> None:
    name = '=HYPERLINK("http://x")\n"quoted", a; b\t\x1b[31m'
    edit(data_copy / "clusters.yaml", "name: TWEED", f"name: {json.dumps(name)}")
    assert main("--data-dir", str(data_copy), "data", "export", f"{tmp_path}/pkg/").exit_code == 0
    assert main("--data-dir", str(data_copy), "data", "export", str(tmp_path / "uwe.db")).exit_code == 0
    assert [r["name_en"] for r in rows(tmp_path / "pkg", "groupings") if r["id"] == "tweed"] == ["'" + name]
    assert frictionless.validate(tmp_path / "pkg" / "datapackage.json").valid
    connection = sqlite3.connect(tmp_path / "uwe.db")
    assert connection.execute("SELECT name_en FROM groupings WHERE id = 'tweed'").fetchone() == (name,)
    connection.close()


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
            }
            & modules
        )
    # And an export to SQLite loads neither CSV, nor Rich, nor (with a warm cache) pydantic.
    modules = imported("data", "export", str(tmp_path / "uwe.db"), cache_dir=cache)
    assert "sqlite3" in modules and not {"csv", "uwe_cli.export.datapackage", "rich.console", "pydantic"} & modules


# README.md shows both exports and reads each; these run what it shows.

_SECTION = re.compile(r"### `uwe data export PATH`.*?(?=\n## )", re.S)
_SNIPPET = re.compile(r"```python\n(?P<code>.*?)```\n\n```text\n(?P<output>.*?)```", re.S)


def test_readme_examples_of_reading_the_exports_run(
    uwe: Callable[..., Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = README.read_text(encoding="utf-8")
    section = _SECTION.search(text)
    assert section
    commands = section[0].split("```sh\n", 1)[1].split("```", 1)[0].splitlines()
    monkeypatch.chdir(tmp_path)
    for line in commands:
        args = shlex.split(line, comments=True)
        assert args[:3] == ["uwe", "data", "export"]
        assert uwe(*args[1:]).exit_code == 0, line
    snippets = list(_SNIPPET.finditer(section[0]))
    assert [len(s["code"].splitlines()) for s in snippets] == [3, 3]

    def real(snippet: re.Match[str]) -> str:
        run = subprocess.run(
            [sys.executable, "-c", snippet["code"]], cwd=tmp_path, capture_output=True, text=True, check=True
        )
        return f"```python\n{snippet['code']}```\n\n```text\n{run.stdout}```"

    updated = text.replace(section[0], _SNIPPET.sub(real, section[0]))
    if os.environ.get("UWE_UPDATE_README"):
        README.write_text(updated, encoding="utf-8")
    assert updated == text, (
        "README's export examples are stale: run UWE_UPDATE_README=1 pytest tests/test_data_export.py"
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file below `folder` with its bytes (hidden temporaries included)."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_text_not_translated_exports_as_an_empty_cell(
    main: Callable[..., Any], data_copy: Path, tmp_path: Path
) -> None:
    # A record the translations do not cover yet (a user's new text): no translation, no error.
    path = data_copy / "clusters.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("name: TWEED", 'name: {fr: "Tweed neuf", en: "New Tweed"}'),
        encoding="utf-8",
    )
    run = main("--data-dir", str(data_copy), "data", "export", str(tmp_path / "x.db"))
    assert run.exit_code == 0, run.stderr
    db = sqlite3.connect(tmp_path / "x.db")
    row = db.execute("SELECT name_fr, name_en, name_nl FROM groupings WHERE id = 'tweed'").fetchone()
    assert row == ("Tweed neuf", "New Tweed", None)
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
