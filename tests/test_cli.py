"""The commands, as a user runs them: output, formats, languages, errors, suggestions."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from uwe_cli import __version__
from uwe_cli.cli import completion
from uwe_cli.dataset import models, store

Uwe = Callable[..., object]
ESC = "\x1b"


@pytest.fixture(scope="module")
def ds() -> models.DatasetModel:
    return store.load_models(store.shipped_data_dir())


def test_regions_table_exact(uwe: Uwe) -> None:
    run = uwe("regions", "german", "wallonia", "--sort", "gdp")
    assert run.exit_code == 0
    lines = [line.rstrip() for line in run.stdout.splitlines()]
    assert lines[:9] == [
        "Belgium and its regions: GDP per capita",
        "                                GDP per   vs Belgium         Index         Index",
        "Region             Population    capita   (computed)   EU-28\xa0=\xa0100   EU-15\xa0=\xa0100",
        "─" * 80,
        "Wallonia          3.6 million   €21,500        70.5%            88            80",
        "",  # (a blank line between rows: "Community" is not a row of its own)
        "German-speaking        77,000",
        "Community",
        "",
    ]


def test_regions_in_french(uwe: Uwe) -> None:
    run = uwe("regions", "--lang", "fr", "--format", "markdown")
    assert run.stdout.splitlines()[:5] == [
        "## La Belgique et ses régions\xa0: PIB par habitant",
        "",
        "| Région | Population | PIB par habitant | En % de la Belgique (calculé) | Indice UE-28\xa0=\xa0100 | Indice UE-15\xa0=\xa0100 |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
        "| Belgique | 11 millions | 30\u202f500\xa0€ | 100\xa0% | 119 |  |",
    ]


def test_lang_from_environment(uwe: Uwe) -> None:
    assert "30\u202f500\xa0€" in uwe("regions", env={"UWE_LANG": "fr"}).stdout
    assert "€30,500" in uwe("regions", "--lang", "en", env={"UWE_LANG": "fr"}).stdout


def test_regions_json_keeps_numbers_and_sources(uwe: Uwe) -> None:
    rows = uwe("regions", "--format", "json").json()
    assert [r["id"] for r in rows] == ["belgium", "flanders", "brussels", "wallonia", "german-speaking-community"]
    wallonia = rows[3]
    assert wallonia["gdp_per_capita_eur"] == 21500 and wallonia["population"] == 3_600_000
    assert (wallonia["gdp_index_eu28_100"], wallonia["gdp_index_eu15_100"]) == (88, 80)
    assert wallonia["gdp_share_of_belgium_pct"] == 70.5
    assert wallonia["source"] == ["Belgium in a few words", "Wallonia in a few figures"]
    assert rows[4]["within"] == "wallonia" and rows[4]["gdp_per_capita_eur"] is None


def test_clusters_csv_one_row_per_record(uwe: Uwe) -> None:
    rows = list(csv.DictReader(io.StringIO(uwe("clusters", "--format", "csv").stdout)))
    assert len(rows) == 27
    assert list(rows[0]) == [
        "id",
        "name",
        "schemes",
        "domain",
        "domains",
        "sectors",
        "status",
        "source",
        "tool_words.classified",
    ]
    logistics = next(r for r in rows if r["id"] == "logistics-in-wallonia")
    assert logistics["schemes"] == "regional-clusters; poles"
    assert logistics["source"] == (
        "The economic regeneration policy — The 10 Walloon clusters; The 6 competitiveness poles"
    )


def test_profile_csv_is_one_row(uwe: Uwe) -> None:
    rows = list(csv.DictReader(io.StringIO(uwe("region", "wallonia", "-f", "csv").stdout)))
    assert len(rows) == 1
    assert rows[0]["unemployment_rate.1.value"] == "11.2"
    assert rows[0]["unemployment_rate.1.period"] == "Q4 2013"


@pytest.mark.parametrize("word", ["energy", "Energy", "ENERGY", "énergie", "Energie", "énergie renouvelable"])
def test_sector_filter_is_case_accent_and_language_blind(uwe: Uwe, word: str) -> None:
    ids = [c["id"] for c in uwe("clusters", "--sector", word, "--format", "json").json()]
    # Only where the words say energy: « basse énergie » describes CAP 2020's buildings.
    assert ids == ["tweed", "environment"]


def test_filters_combine(uwe: Uwe) -> None:
    def ids(*args: str) -> list[str]:
        return [c["id"] for c in uwe("clusters", *args, "-f", "json").json()]

    assert ids("--scheme", "pôles") == ["logistics-in-wallonia", "biowin", "wagralim", "mecatech", "skywin", "greenwin"]
    assert ids("--status", "in-formation") == ["btp", "glass"]
    assert ids("--status", "en formation", "--sector", "construction") == ["btp"]
    assert ids("--scheme", "export-grappes", "--search", "energie") == ["environment"]
    assert ids("--sector", "transport", "--scheme", "regional-clusters") == ["logistics-in-wallonia"]
    assert ids("--search", "no such thing") == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["cluster", "twed"], "uwe: error: unknown grouping 'twed' (did you mean 'TWEED'?)\n"),
        (["cluster", "nothing-like-it"], "uwe: error: unknown grouping 'nothing-like-it' (see 'uwe clusters')\n"),
        (["region", "walonia"], "uwe: error: unknown region 'walonia' (did you mean 'Wallonia'?)\n"),
        (["region", "atlantis"], "uwe: error: unknown region 'atlantis' (see 'uwe regions')\n"),
        (["clusters", "--sector", "enrgy"], "uwe: error: unknown sector 'enrgy' (did you mean 'Energy'?)\n"),
        (
            ["clusters", "--scheme", "polls"],
            "uwe: error: unknown scheme 'polls' (did you mean 'Competitiveness poles'?)\n",
        ),
        (
            ["clusters", "--status", "gone"],
            "uwe: error: unknown status 'gone' (use active, in-formation or not-stated)\n",
        ),
        (["regions", "--format", "jsn"], "uwe: error: unknown format 'jsn' (did you mean 'json'?)\n"),
        (
            ["regions", "--format", "nonsense"],
            "uwe: error: unknown format 'nonsense' (use table, json, csv, markdown or bibtex)\n",
        ),
        (["regions", "--lang", "es"], "uwe: error: unknown language 'es' (use en, fr, nl, de or bg)\n"),
        (["regions", "--sort", "size"], "uwe: error: unknown sort key 'size' (use gdp, population or name)\n"),
        (
            ["lessons", "--kind", "goodpractise"],
            "uwe: error: unknown lesson kind 'goodpractise' (did you mean 'good-practice'?)\n",
        ),
    ],
)
def test_unknown_names_get_one_line_and_suggestions(uwe: Uwe, args: list[str], message: str) -> None:
    run = uwe(*args)
    assert (run.exit_code, run.stdout, run.stderr) == (2, "", message)


def test_names_match_by_id_name_and_prefix(uwe: Uwe) -> None:
    for name in ("val+", "(Val)+", "VAL-PLUS", "val plus"):
        assert uwe("cluster", name, "-f", "json").json()["id"] == "val-plus", name
    assert uwe("region", "wallonie", "-f", "json").json()["id"] == "wallonia"
    assert uwe("region", "brux", "-f", "json").json()["id"] == "brussels"
    assert uwe("scheme", "grappes technologiques", "-f", "json").json()["id"] == "technology-grappes"


def test_ambiguous_prefix(uwe: Uwe) -> None:
    run = uwe("cluster", "tw")
    assert (run.exit_code, run.stderr) == (
        2,
        "uwe: error: 'tw' could be several groupings: 'TWEED' (tweed), 'TWIST' (twist); type an id in brackets, or more of the name\n",
    )


def test_usage_errors_from_typer_are_one_line(main: Callable[..., object]) -> None:
    # Click's errors in the tool's words ("unknown …", "missing …"), each with what to type next.
    run = main("regions", "--frmat", "json")
    assert (run.exit_code, run.stdout, run.stderr) == (
        2,
        "",
        "uwe: error: unknown option '--frmat' (did you mean '--format'?)\n",
    )
    run = main("nosuchcommand")
    assert (run.exit_code, run.stderr) == (2, "uwe: error: unknown command 'nosuchcommand' (see 'uwe --help')\n")
    run = main("region")
    assert (run.exit_code, run.stderr) == (
        2,
        "uwe: error: missing NAME: try 'uwe region wallonia', or 'uwe regions' to list them all\n",
    )


def test_version(main: Callable[..., object]) -> None:
    run = main("--version")
    assert (run.exit_code, run.stdout) == (0, f"uwe {__version__}\n")


@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_help_everywhere(uwe: Uwe, flag: str) -> None:
    for command in (
        "",
        "regions",
        "region",
        "schemes",
        "scheme",
        "clusters",
        "cluster",
        "sectors",
        "lessons",
        "results",
        "concepts",
        "notes",
        "about",
        "cite",
        "search",
        "data",
        "data check",
        "data init",
        "data path",
    ):
        run = uwe(*command.split(), flag)
        assert run.exit_code == 0, command
        assert "Usage: uwe" in run.stdout and "Example: uwe" in run.stdout, command


def test_scheme_profile_regional_clusters(uwe: Uwe) -> None:
    out = uwe("scheme", "regional-clusters").stdout
    for expected in (
        "Defining criteria",
        "• The mobilisation of a critical mass representative of a field of activity",
        "Lines of activity",
        "• Synergy actions between the cluster and other business organisations",
        "Period                               since 2000",
        "As the slides say (translated)       Policy in place since 2000 (4-year test\n"
        "                                     phase)",
        "Test phase                           4 years",
        "Funding in figures                   €160,000/year for 3 years; tapering down to\n"
        "                                     50% over 9 years",
        # (the figures laid out by the tool, then the slide's own words, verbatim: never one for the other)
        "Funding in the slides' words         “Financement: 160 000€/an pour 3 ans,\n"
        "                                     dégressif jusque 50% sur 9 ans”",
        "Accreditation                        3 years",
        "Obligations\n• Obligation to hire a facilitator (animateur)",
    ):
        assert expected in out
    # On the slide, hiring an animateur is a point of its own, not a funding rule.
    assert "Funding rules" not in out


def test_results_csv(uwe: Uwe) -> None:
    rows = list(csv.DictReader(io.StringIO(uwe("results", "-f", "csv").stdout)))
    assert [(r["id"], r["value"], r["unit"]) for r in rows][:3] == [
        ("member-companies", "600", "count"),
        ("value-added-share", "45", "%"),
        ("industrial-employment-share", "24", "%"),
    ]
    # The patents came out of the completed projects: an output of them, not a part.
    patents = next(r for r in rows if r["id"] == "patents")
    assert (patents["part_of"], patents["output_of"]) == ("", "completed-rd-projects")
    # A quote is the slide's French in every language, its translation beside it, saying into what.
    assert (patents["quote"], patents["quote_translation.lang"], patents["quote_translation.text"]) == (
        "202 brevets déposés", "en", "202 patents filed",
    )  # fmt: skip
    assert patents["tool_words.written"] == "label"
    completed = next(r for r in rows if r["id"] == "completed-rd-projects")
    assert (completed["part_of"], completed["output_of"]) == ("rd-projects", "")


def test_lessons_in_source_order_and_by_kind(uwe: Uwe) -> None:
    data = uwe("lessons", "-f", "json").json()
    assert [x["kind"] for x in data][:3] == ["difficulty", "effect", "conclusion"]
    good = uwe("lessons", "--kind", "bonnes pratiques", "-f", "json", "--lang", "fr").json()
    assert [x["text"] for x in good][
        0
    ] == "Initiatives de création et développement des clusters/pôles laissées aux entreprises."


def test_cite_text_and_bibtex(uwe: Uwe) -> None:
    data = uwe("cite", "tweed", "-f", "json").json()
    assert data["slides"] == ["La politique de redéploiement économique — Les 10 clusters wallons"]
    assert data["citation"] == (
        "Union Wallonne des Entreprises (UWE). “La politique de redéploiement économique — Les 10 clusters "
        "wallons” (slide), IFAG / Bulgarian Chamber of Commerce and Industry (BCCI), Sofia, 15 April 2014. "
        f"Data: uwe {__version__}, grouping 'tweed'."
    )
    assert data["bibtex"].startswith(
        "@misc{uwe2014:cluster:tweed,\n  author       = {{Union Wallonne des Entreprises}},"
    )
    whole = uwe("cite", "-f", "json").json()
    assert whole["kind"] == "dataset" and len(whole["slides"]) == 23


def test_search_both_languages(uwe: Uwe) -> None:
    hits = uwe("search", "brevets", "-f", "json").json()
    assert [(h["kind"], h["id"], h["field"], h["lang"]) for h in hits] == [
        ("scheme", "poles", "results[7].label", "fr"),
        ("scheme", "poles", "results[7].figure.quote", "fr"),
    ]
    assert uwe("search", "PATENTS", "-f", "json").json()[0]["field"] == "results[7].label"
    run = uwe("search", "!!!")
    assert (run.exit_code, run.stderr) == (2, "uwe: error: give some letters or digits to search for\n")


def test_data_commands(uwe: Uwe, tmp_path: Path) -> None:
    run = uwe("data", "init", str(tmp_path / "mine"))
    assert run.exit_code == 0 and run.stdout.startswith("wrote 11 files to ")
    check = uwe("data", "check", str(tmp_path / "mine"))
    assert check.stdout == (
        # Belgium is a country and the German-speaking Community a community: neither is a region.
        f"ok: 1 country, 3 regions, 1 community, 4 schemes, 27 clusters, 21 sectors, 13 lessons, 12 concepts, "
        f"7 glossary terms, 23 slides ({tmp_path / 'mine'})\n"
    )
    again = uwe("data", "init", str(tmp_path / "mine"))
    assert again.exit_code == 1
    assert (
        again.stderr
        == f"uwe: error: {tmp_path / 'mine' / 'about.yaml'}: already exists; uwe never overwrites a data file (give "
        "a new folder, or an empty one)\n"
    )
    assert uwe("--data-dir", str(tmp_path / "mine"), "data", "path").stdout == f"{tmp_path / 'mine'}\n"
    assert uwe("data", "path", env={"UWE_DATA_DIR": "/x/y"}).stdout == "/x/y\n"


def test_data_check_lists_every_problem(uwe: Uwe, data_copy: Path) -> None:
    (data_copy / "lessons.yaml").write_text("", encoding="utf-8")
    (data_copy / "concepts.yaml").unlink()
    run = uwe("data", "check", str(data_copy))
    assert run.exit_code == 1 and run.stdout == ""
    assert run.stderr.splitlines() == [
        f"{data_copy}/lessons.yaml: file is empty (expected a YAML mapping)",
        f"{data_copy}/concepts.yaml: file is missing",
        f"uwe: error: 2 problems in {data_copy}",
    ]


def test_broken_data_gives_one_line_for_other_commands(uwe: Uwe, data_copy: Path) -> None:
    (data_copy / "lessons.yaml").write_text("", encoding="utf-8")
    (data_copy / "concepts.yaml").unlink()
    run = uwe("--data-dir", str(data_copy), "regions")
    assert (run.exit_code, run.stdout) == (1, "")
    assert run.stderr == (
        f"uwe: error: {data_copy}/lessons.yaml: file is empty (expected a YAML mapping) "
        f"(and 1 more: run 'uwe data check {data_copy}' to list it)\n"
    )


def test_export(uwe: Uwe, tmp_path: Path) -> None:
    for suffix, marker in ((".svg", "<svg"), (".html", "<html"), (".txt", "Named groupings (2)")):
        path = tmp_path / f"clusters{suffix}"
        run = uwe("clusters", "--sector", "energy", "--export", str(path))
        assert run.exit_code == 0
        assert marker in path.read_text(encoding="utf-8")
    txt = (tmp_path / "clusters.txt").read_text(encoding="utf-8")
    assert "TWEED" in txt and ESC not in txt
    again = uwe("clusters", "--export", str(tmp_path / "clusters.txt"))
    assert (again.exit_code, again.stderr) == (
        2,
        f"uwe: error: --export {tmp_path / 'clusters.txt'}: file already exists (add --force to replace it)\n",
    )
    assert uwe("clusters", "-f", "json", "--export", str(tmp_path / "x.svg")).exit_code == 2
    assert uwe("clusters", "--export", str(tmp_path / "x.pdf")).stderr.endswith(
        "use a file name ending in .svg, .html or .txt\n"
    )
    (tmp_path / "folder.svg").mkdir()
    for folder in (tmp_path, tmp_path / "folder.svg"):
        run = uwe("clusters", "--export", str(folder))
        message = f"uwe: error: --export {folder}: is a folder; give a file name ending in .svg, .html or .txt\n"
        assert (run.exit_code, run.stderr) == (2, message)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_cluster_json_gives_schemes_and_a_domain_only_where_the_slides_give_one(uwe: Uwe, lang: str) -> None:
    logistics = uwe("cluster", "logistics-in-wallonia", "-f", "json", "--lang", lang).json()
    assert logistics["schemes"] == ["regional-clusters", "poles"]  # type: ignore[index]
    assert logistics["domain"] == logistics["memberships"][0]["domain"]  # type: ignore[index]
    steel = uwe("cluster", "steel", "-f", "json", "--lang", lang).json()
    assert steel["schemes"] == ["export-grappes"] and "domain" not in steel  # type: ignore[index,operator]


def test_completion_offers_names(monkeypatch: pytest.MonkeyPatch) -> None:
    assert completion.records("clusters")(None, "tw") == ["tweed", "twist"]
    assert completion.records("regions")(None, "") == [
        "belgium",
        "flanders",
        "brussels",
        "wallonia",
        "german-speaking-community",
    ]
    monkeypatch.setenv("UWE_DATA_DIR", "/nonexistent")
    assert completion.records("clusters")(None, "tw") == []


def test_no_escape_codes_unless_forced(uwe: Uwe) -> None:
    assert ESC not in uwe("regions").stdout
    assert ESC in uwe("regions", env={"FORCE_COLOR": "1"}).stdout
    forced_plain = uwe("regions", "--no-color", env={"FORCE_COLOR": "1"}).stdout
    assert ESC not in forced_plain  # no colour, and no bold either
    assert "\x1b[36m" not in uwe("regions", env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout


@pytest.mark.parametrize("width", [40, 50, 60, 80, 120])
@pytest.mark.parametrize(
    "command", [["regions"], ["clusters"], ["schemes"], ["sectors"], ["results"], ["scheme", "poles"]]
)
def test_output_fits_the_screen_without_cutting_words(
    uwe: Uwe, ds: models.DatasetModel, width: int, command: list[str]
) -> None:
    out = uwe(*command, env={"COLUMNS": str(width)}).stdout
    assert max(len(line.rstrip()) for line in out.splitlines()) <= width
    words = set(re.split(r"\s+", out))
    if command == ["clusters"]:
        for cluster in store.load_dataset(store.shipped_data_dir())["clusters"]:  # (English: translations/en.po)
            for word in cluster["name"]["en"].split():
                if len(word) < width // 3:
                    assert word in words, (word, width)


def test_every_fact_is_reachable_through_json(uwe: Uwe, ds: models.DatasetModel) -> None:
    def commands() -> list[list[str]]:
        found = [["regions"], ["schemes"], ["clusters"], ["sectors"], ["lessons"], ["results"], ["concepts"], ["about"],
                 ["notes"]]  # fmt: skip
        found += [["region", r.id] for r in ds.regions]
        found += [["scheme", s.id] for s in ds.schemes]
        found += [["cluster", c.id] for c in ds.clusters]
        return found

    def leaves(value: object) -> set[str]:
        if isinstance(value, dict):
            return {x for v in value.values() for x in leaves(v)}
        if isinstance(value, list):
            return {x for v in value for x in leaves(v)}
        return {json.dumps(value, ensure_ascii=False)}

    def facts(value: object, lang: str) -> set[str]:
        if isinstance(value, models.Text):
            return {json.dumps(getattr(value, lang), ensure_ascii=False)}  # (the text in `lang`: fr or en)
        if isinstance(value, models.Figure):
            return {json.dumps(value.value)} | facts(value.note, lang)
        if isinstance(value, models.BaseModel):
            return {x for n in type(value).model_fields for x in facts(getattr(value, n), lang)}
        if isinstance(value, tuple):
            return {x for v in value for x in facts(v, lang)}
        if isinstance(value, (int, float, str)) and not isinstance(value, bool):
            return {json.dumps(value, ensure_ascii=False)}
        return set()

    for lang in ("en", "fr"):
        shown: set[str] = set()
        for command in commands():
            shown |= leaves(uwe(*command, "--format", "json", "--lang", lang).json())
        unreachable = facts(ds, lang) - shown
        assert unreachable == set(), (lang, sorted(unreachable)[:10])


def test_shell_completion_protocol_completes_names() -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "_UWE_COMPLETE": "complete_bash", "COMP_WORDS": "uwe cluster tw", "COMP_CWORD": "2"}
    run = subprocess.run(
        [sys.executable, "-c", "from uwe_cli.__main__ import run; run()"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (run.returncode, run.stdout.split()) == (0, ["tweed", "twist"])


@pytest.mark.parametrize("shell", [{"COMP_WORDS": "uwe cluster tw", "COMP_CWORD": "two"}, {}])
def test_completion_variables_a_shell_did_not_set_are_a_usage_error(shell: dict[str, str]) -> None:
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith("COMP_")}
    env.update({"_UWE_COMPLETE": "complete_bash", **shell})
    run = subprocess.run([sys.executable, "-m", "uwe_cli"], env=env, capture_output=True, text=True, timeout=120)
    assert (run.returncode, run.stdout) == (2, "")
    assert run.stderr == (
        "uwe: error: shell completion: _UWE_COMPLETE is set, but not the variables a shell sets with it\n"
    )


# Every view, and what its JSON is: how many records, or the one record it is about.
VIEWS: dict[tuple[str, ...], int | str] = {
    ("regions",): 5,
    ("region", "wallonia"): "wallonia",
    ("schemes",): 4,
    ("scheme", "poles"): "poles",
    ("clusters",): 27,
    ("cluster", "tweed"): "tweed",
    ("sectors",): 21,
    ("lessons",): 13,
    ("results",): 10,
    ("concepts",): 19,
    ("about",): "uwe",
    ("cite",): "uwe2014",
    ("cite", "porter-1998"): "porter-1998",
    ("search", "énergie"): 5,
    ("notes",): 6,  # 4 figures that do not agree, 2 errata
    ("cite", "grappe"): "grappe",
}


def about(data: object) -> int | str:
    """How many records a view's JSON holds, or which record it is about."""
    if isinstance(data, list):
        return len(data)
    assert isinstance(data, dict)
    return data.get("id") or data.get("key") or data["organisation"]["id"]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_view_in_every_format_and_language(uwe: Uwe, lang: str) -> None:
    for args, expected in VIEWS.items():
        shown = {}
        for fmt in ("table", "json", "csv", "markdown"):
            run = uwe(*args, "--format", fmt, "--lang", lang)
            assert (run.exit_code, run.stderr) == (0, ""), (args, fmt)
            shown[fmt] = run.stdout
        data = json.loads(shown["json"])
        assert about(data) == expected, args
        # The other formats show the same records, under the same title.
        rows = list(csv.DictReader(io.StringIO(shown["csv"])))
        assert len(rows) == (len(data) if isinstance(data, list) else 1), args
        if isinstance(data, list) and "id" in rows[0]:
            assert [row["id"] for row in rows] == [record["id"] for record in data], args
        title = shown["table"].splitlines()[0]
        assert shown["markdown"].splitlines()[0] == f"## {title}" and title.strip(), args


def test_every_record_and_slide_can_be_cited(uwe: Uwe, ds: models.DatasetModel) -> None:
    records = [*ds.regions, *ds.schemes, *ds.clusters, *ds.lessons, *ds.concepts, ds.organisation]
    for record in records:
        data = uwe("cite", record.id, "-f", "json", "--lang", "fr").json()
        assert data["id"] == record.id and data["kind"] != "slide", record.id
    for slide in ds.presentation.slides:
        data = uwe("cite", f"slide:{slide.id}", "-f", "json").json()
        label = slide.title.fr + (f" — {slide.subtitle.fr}" if slide.subtitle else "")
        assert (data["kind"], data["slides"]) == ("slide", [f"{label} (p. {slide.page})" if slide.page else label])


def test_a_slide_is_found_by_its_title_when_no_record_has_the_name(uwe: Uwe) -> None:
    data = uwe("cite", "Merci de votre attention", "-f", "json").json()
    assert (data["kind"], data["id"]) == ("slide", "thanks")


def test_search_filters_need_letters(uwe: Uwe) -> None:
    run = uwe("clusters", "--search", "!!!")
    assert (run.exit_code, run.stderr) == (2, "uwe: error: give some letters or digits to search for\n")


def test_search_snippet_shows_the_match(uwe: Uwe) -> None:
    (hit,) = uwe("search", "sponsors", "-f", "json", "--lang", "fr").json()
    assert (hit["id"], hit["field"], hit["lang"]) == ("export-grappes", "benefits[1].benefits", "fr")
    shown = " ".join(uwe("search", "sponsors", "--lang", "fr").stdout.split())
    # The match is near the end of a long text: the snippet is cut around it.
    assert "…références des sponsors de la Cellule." in shown


def test_every_json_record_and_csv_row_carries_its_source(uwe: Uwe) -> None:
    for args in (
        ["regions"],
        ["schemes"],
        ["clusters"],
        ["sectors"],
        ["lessons"],
        ["results"],
        ["concepts"],
        ["search", "énergie"],
    ):
        rows = uwe(*args, "-f", "json").json()
        assert all(row["source"] for row in rows), args
        assert all(row["source"] for row in csv.DictReader(io.StringIO(uwe(*args, "-f", "csv").stdout))), args
    for args in (["region", "wallonia"], ["scheme", "poles"], ["cluster", "tweed"]):
        assert uwe(*args, "-f", "json").json()["source"], args


def test_a_filter_given_twice_means_either(uwe: Uwe) -> None:
    def ids(*args: str) -> list[str]:
        return [c["id"] for c in uwe("clusters", *args, "-f", "json").json()]

    assert ids("--sector", "media", "--sector", "energy") == ["tweed", "environment", "media"]
    assert ids("--scheme", "poles", "--scheme", "export", "--sector", "transport") == [
        "logistics-in-wallonia",
        "airports-ports",
        "rail-transport",
    ]
    assert uwe("clusters", "--sector", "media", "--sector", "energy").stdout.startswith(
        "Named groupings (3): sector Media or Energy"
    )


def test_cite_never_picks_a_slide_for_an_ambiguous_record_name(uwe: Uwe) -> None:
    run = uwe("cite", "me")
    assert (run.exit_code, run.stderr) == (
        2,
        "uwe: error: 'me' could be several records: 'Mecatech' (mecatech), 'Media' (media); type an id in brackets, or more of the name\n",
    )


def test_slides_sharing_a_title_are_told_apart(uwe: Uwe) -> None:
    assert uwe("cite", "slide:The Union Wallonne des Entreprises (UWE)", "-f", "json").json()["id"] == "uwe"
    assert uwe("cite", "Its actions", "-f", "json").json()["id"] == "uwe-actions"


def test_csv_columns_do_not_depend_on_the_rows(uwe: Uwe) -> None:
    header = uwe("lessons", "-f", "csv").stdout.splitlines()[0]
    assert uwe("lessons", "-k", "conclusion", "-f", "csv").stdout.splitlines()[0] == header


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["lessons", "-k", ""],
            "unknown lesson kind '' (use difficulty, effect, improvement, good-practice or conclusion)",
        ),
        (["regions", "--sort", ""], "unknown sort key '' (use gdp, population or name)"),
        (["clusters", "--sector", ""], "unknown sector '' (see 'uwe sectors')"),
    ],
)
def test_an_empty_choice_is_an_error(uwe: Uwe, args: list[str], message: str) -> None:
    run = uwe(*args)
    assert (run.exit_code, run.stdout, run.stderr) == (2, "", f"uwe: error: {message}\n")


@pytest.mark.parametrize("width", ["40", "80", "160"])
@pytest.mark.parametrize("name", [[], ["tweed"], ["slide:wallonia"]])
def test_cite_prints_bibtex_verbatim(uwe: Uwe, width: str, name: list[str]) -> None:
    entry = uwe("cite", *name, "-f", "json").json()["bibtex"]
    out = uwe("cite", *name, env={"COLUMNS": width}).stdout
    # The entry's lines as they are, whatever the width: a line cut in two is no longer BibTeX.
    assert out.endswith("\nBibTeX\n" + entry + "\n")


def test_bibtex_is_in_the_chosen_language(uwe: Uwe) -> None:
    english = uwe("cite").stdout
    assert "Diapositives" not in english and "Présentation" not in english and "avril" not in english
    assert "  title        = {[Slides on Belgium's regions and Wallonia's clustering policies]},\n" in english
    assert "  note         = {15 April 2014; 23 slides recorded; data: uwe " in english
    french = uwe("cite", "--lang", "fr").stdout
    assert (
        "  title        = {[Diapositives sur les régions de la Belgique et les politiques de clustering de la Wallonie]},\n"
        in french
    )
    assert "  note         = {15 avril 2014 ; 23 diapositives enregistrées ; données : uwe " in french
    # A record's entry quotes its slide's title in the slide's own words, in both languages.
    tweed = uwe("cite", "tweed").stdout
    assert "  title        = {La politique de redéploiement économique — Les 10 clusters wallons},\n" in tweed
    assert (
        "  howpublished = {Presentation, IFAG / Bulgarian Chamber of Commerce and Industry (BCCI), Sofia},\n" in tweed
    )


def test_an_exact_id_names_one_record_even_where_two_share_a_name() -> None:
    # Two groupings a data folder names alike: `uwe cite tweed` is the one whose id is tweed.
    from uwe_cli.names import lookup

    name = {"fr": "TWEED", "en": "TWEED"}
    entries = [("cluster", {"id": "tweed", "name": name}), ("cluster", {"id": "tweed-bis", "name": name})]
    assert lookup.find(entries, "tweed", what="record")[1]["id"] == "tweed"
    assert lookup.find(entries, "tweed-bis", what="record")[1]["id"] == "tweed-bis"
