"""`uwe cite` cites anything a reader can see (issue 19, item 6): a view, a record, a slide,
a figure, the whole dataset; BibTeX that pybtex reads, with keys unique across every entry."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

import pytest
from pybtex.database import parse_string

from uwe_cli import __version__
from uwe_cli.dataset import store
from uwe_cli.dataset.records import Dataset
from uwe_cli.i18n.language import Language
from uwe_cli.views import cite
from uwe_cli.views.common import citable
from uwe_cli.vocabulary import CITED_VIEWS

Uwe = Callable[..., object]


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return store.load_dataset(store.shipped_data_dir(), use_cache=False)


def every_target(ds: Dataset) -> list[tuple[str, ...]]:
    """Every `uwe cite` target the shipped data offers: the dataset, views, records, slides, figures."""
    targets: list[tuple[str, ...]] = [(), *((view,) for view in CITED_VIEWS)]
    kinds = {v: k for k, v in cite.KIND_WORDS.items() if k != "grouping"}
    for kind, record in citable(ds, slides=True):
        targets.append((kinds[kind], record["id"]))
        targets += [(kinds[kind], record["id"], figure) for figure in cite.figures(kind, record)]
    return targets


def test_every_entry_is_valid_bibtex_with_a_key_of_its_own(ds: Dataset) -> None:
    targets = every_target(ds)
    assert len(targets) == 151  # (the dataset, 9 views, 69 records, 23 slides, 49 figures: 6 of them years)
    keys: dict[str, tuple[str, ...]] = {}
    for words in targets:
        entry = Language("en").localize(cite.cite(ds, target_words=words).data)["bibtex"]
        ((key, found),) = parse_string(entry, "bibtex").entries.items()
        assert key not in keys, (key, words, keys.get(key))
        keys[key] = words
        fields = dict(found.fields)
        # No field repeats another, and a page is never part of a title.
        texts = [fields[k] for k in ("title", "howpublished", "note")]
        assert all(a not in b for a in texts for b in texts if a is not b), (words, fields)
        assert "(p. " not in fields["title"], words
    # The region and the slide that share the id `wallonia` are two entries.
    assert {"uwe2014:region:wallonia", "uwe2014:slide:wallonia", "uwe2014", "uwe2014:view:results",
            "uwe2014:region:wallonia:gdp-per-capita", "uwe2014:scheme:poles:patents"} <= set(keys)  # fmt: skip


def test_format_bibtex_prints_the_entry_alone(uwe: Uwe) -> None:
    run = uwe("cite", "wallonia", "gdp-per-capita", "--format", "bibtex")
    assert (run.exit_code, run.stderr) == (0, "")  # type: ignore[attr-defined]
    assert (
        run.stdout
        == (  # type: ignore[attr-defined]
            "@misc{uwe2014:region:wallonia:gdp-per-capita,\n"
            "  author       = {{Union Wallonne des Entreprises}},\n"
            + run.stdout.split("\n")[2]
            + "\n"  # type: ignore[attr-defined]
            + "  howpublished = {Presentation, IFAG / Bulgarian Chamber of Commerce and Industry (BCCI), Sofia},\n"
            "  year         = {2014},\n"
            "  month        = apr,\n"
            f"  note         = {{15 April 2014; figure 'wallonia gdp-per-capita'; data: uwe {__version__}}},\n"
            "}\n"
        )
    )
    assert run.stdout.split("\n")[2].startswith("  title        = {")  # type: ignore[attr-defined]
    # (the one slide the figure is read from, named in its own words: Wallonia's €21,500 is on
    # the Belgium slide, « PIB/hab: 21 500 € », not on the Wallonia slide its record also cites)
    assert "La Belgique en quelques mots" in run.stdout.split("\n")[2]  # type: ignore[attr-defined]
    bib = parse_string(run.stdout, "bibtex")  # type: ignore[attr-defined]
    assert list(bib.entries) == ["uwe2014:region:wallonia:gdp-per-capita"]


def test_the_whole_dataset_has_a_title_of_its_own_marked_as_supplied(uwe: Uwe) -> None:
    entry = parse_string(uwe("cite", "-f", "bib").stdout, "bibtex").entries["uwe2014"]  # type: ignore[attr-defined]
    assert entry.fields["title"] == "[Slides on Belgium's regions and Wallonia's clustering policies]"
    assert entry.fields["howpublished"] not in entry.fields["title"]


def test_pages_are_a_field_of_their_own(uwe: Uwe) -> None:
    data = uwe("cite", "coopétition", "-f", "json").json()  # type: ignore[attr-defined]
    assert (data["key"], data["pages"], data["slides"]) == (
        "uwe2014:concept:coopetition", "8", ["Pourquoi des clusters? (p. 8)"],
    )  # fmt: skip
    entry = parse_string(data["bibtex"], "bibtex").entries["uwe2014:concept:coopetition"]
    assert (entry.fields["title"], entry.fields["pages"]) == ("Pourquoi des clusters?", "8")


@pytest.mark.parametrize(
    ("words", "kind", "ident", "slides"),
    [
        (["results"], "view", "results", ["Premier bilan des pôles de compétitivité"]),
        (["regions"], "view", "regions", ["La Belgique en quelques mots", "La Wallonie en quelques chiffres"]),
        (["lessons"], "view", "lessons", ["Les leçons à tirer des expériences wallonnes",
                                          "Les leçons à tirer des expériences wallonnes (2/3) — Points à améliorer",
                                          "Les leçons à tirer des expériences wallonnes — Bonnes pratiques"]),
        (["wallonia"], "region", "wallonia", ["La Belgique en quelques mots", "La Wallonie en quelques chiffres"]),
        (["slide", "wallonia"], "slide", "wallonia", ["La Wallonie en quelques chiffres"]),
        (["diapositive", "wallonie"], "slide", "wallonia", ["La Wallonie en quelques chiffres"]),
        (["poles", "patents"], "figure", "poles patents", ["Premier bilan des pôles de compétitivité"]),
    ],
)  # fmt: skip
def test_views_records_slides_and_figures_are_cited(
    uwe: Uwe, words: list[str], kind: str, ident: str, slides: list[str]
) -> None:
    data = uwe("cite", *words, "-f", "json").json()  # type: ignore[attr-defined]
    assert (data["kind"], data["id"], data["slides"]) == (kind, ident, slides)


def test_a_plain_text_citation_is_in_the_readers_language(uwe: Uwe) -> None:
    def citation(lang: str) -> str:
        return uwe("cite", "results", "-f", "json", "--lang", lang).json()["citation"]  # type: ignore[attr-defined]

    assert citation("en") == (
        "Union Wallonne des Entreprises (UWE). “Premier bilan des pôles de compétitivité” (slide), IFAG / Bulgarian "
        f"Chamber of Commerce and Industry (BCCI), Sofia, 15 April 2014. Data: uwe {__version__}, view 'uwe results'."
    )
    assert citation("fr") == (
        "Union Wallonne des Entreprises (UWE). « Premier bilan des pôles de compétitivité » (diapositive), "
        f"IFAG/CCI Bulgare, Sofia, 15 avril 2014. Données : uwe {__version__}, vue « uwe results »."
    )
    assert citation("de").endswith(f"Daten: uwe {__version__}, Ansicht „uwe results“.")


def test_csv_keeps_the_bibtex_entry_as_it_is(uwe: Uwe) -> None:
    (row,) = csv.DictReader(io.StringIO(uwe("cite", "tweed", "-f", "csv").stdout))  # type: ignore[attr-defined]
    assert row["bibtex"].startswith("@misc{uwe2014:cluster:tweed,\n")
    # Anything else starting with @ is still kept from a spreadsheet's formulas.
    from uwe_cli.output.machine import to_csv

    assert to_csv([{"a": "@SUM(A1)"}]) == "a\n'@SUM(A1)\n"


@pytest.mark.parametrize(
    ("args", "suggested"),
    [
        (["results"], "uwe cite results --format bibtex"),
        (["region", "wallonia"], "uwe cite region wallonia --format bibtex"),
        (["cluster", "Eco-construction"], "uwe cite cluster Eco-construction --format bibtex"),
        (["search", "grappe"], "uwe cite --format bibtex"),
    ],
)
def test_bibtex_elsewhere_says_which_cite_command_gives_it(uwe: Uwe, args: list[str], suggested: str) -> None:
    run = uwe(*args, "--format", "bibtex")
    assert (run.exit_code, run.stdout, run.stderr) == (  # type: ignore[attr-defined]
        2, "", f"uwe: error: --format bibtex is for 'uwe cite': type '{suggested}'\n",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["resluts"], "unknown record 'resluts' (did you mean 'uwe results'?)"),
        (["wallonia", "gdp-per-capta"], "unknown figure 'gdp-per-capta' (did you mean 'gdp-per-capita' or 'gdp-per-capita-index'?)"),
        (["tweed", "population"], "TWEED has no figures to cite: cite it whole, as in 'uwe cite tweed'"),
        (["wallonia", "area", "x"], "cite one thing at a time: a view, a record, a slide, or a record and one of "
                                    "its figures, as in 'uwe cite wallonia gdp-per-capita'"),
    ],
)  # fmt: skip
def test_an_unknown_target_suggests_the_right_one(uwe: Uwe, args: list[str], message: str) -> None:
    run = uwe("cite", *args)
    assert (run.exit_code, run.stderr) == (2, f"uwe: error: {message}\n")  # type: ignore[attr-defined]


@pytest.mark.parametrize("lang", ["en", "fr", "nl", "de", "bg"])
def test_a_view_is_named_by_its_command_in_every_language(uwe: Uwe, lang: str) -> None:
    title = uwe("cite", "results", "--lang", lang).stdout.splitlines()[0]  # type: ignore[attr-defined]
    assert title.endswith(": uwe results") or title.endswith(" : uwe results"), title
