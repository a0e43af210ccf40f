"""Invalid records: every problem of a folder reported at once, with file:line and field."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from helpers import edit, line_of, problems
from uwe_cli.dataset import store


def test_unknown_field_suggests_the_close_one(data_copy: Path) -> None:
    line = edit(data_copy / "regions.yaml", '    name: {fr: "Belgique"', '    nmae: {fr: "Belgique"')
    assert problems(data_copy) == [
        f"DATA/regions.yaml:{line - 1}:5: regions[0]: missing required field 'name'",
        f"DATA/regions.yaml:{line}:5: regions[0]: unknown field 'nmae' (did you mean 'name'?)",
    ]


def test_wrong_type(data_copy: Path) -> None:
    line = edit(data_copy / "regions.yaml", "population: {value: 11000000", "population: {value: lots")
    assert problems(data_copy) == [
        f"DATA/regions.yaml:{line}:18: regions[0].population.value: should be a number, got 'lots'"
    ]


def test_impossible_percentage(data_copy: Path) -> None:
    line = edit(data_copy / "regions.yaml", '{value: 11.1, unit: "%"', '{value: 111.1, unit: "%"')
    assert problems(data_copy) == [
        f"DATA/regions.yaml:{line}:9: regions[3].unemployment_rate[0]: a percentage cannot exceed 100 (got 111.1)"
    ]


def test_negative_figure(data_copy: Path) -> None:
    line = edit(data_copy / "regions.yaml", "gdp_per_capita: {value: 30500", "gdp_per_capita: {value: -30500")
    assert problems(data_copy) == [
        f"DATA/regions.yaml:{line}:22: regions[0].gdp_per_capita.value: cannot be negative (got -30500)"
    ]


def test_bad_id(data_copy: Path) -> None:
    line = edit(data_copy / "clusters.yaml", "  - id: tweed", "  - id: Tweed X")
    assert problems(data_copy) == [
        f"DATA/clusters.yaml:{line}:5: clusters[8].id: should be a lowercase id of letters, digits and single "
        "hyphens (like 'cap-2020'), got 'Tweed X'"
    ]


def test_duplicate_id(data_copy: Path) -> None:
    first = edit(data_copy / "clusters.yaml", "  - id: tweed", "  - id: twist")
    second = line_of(data_copy / "clusters.yaml", "  - id: twist", after="id: twist\n")
    assert problems(data_copy) == [
        f"DATA/clusters.yaml:{second}:5: clusters[9].id: duplicate id 'twist' (first used on line {first})"
    ]


def test_duplicate_key(data_copy: Path) -> None:
    line = edit(data_copy / "regions.yaml", "    kind: country", "    kind: country\n    kind: region")
    assert problems(data_copy) == [f"DATA/regions.yaml:{line + 1}:5: duplicate key 'kind' (first given on line {line})"]


def test_dangling_references_all_reported(data_copy: Path) -> None:
    clusters, regions, lessons = (data_copy / f"{n}.yaml" for n in ("clusters", "regions", "lessons"))
    scheme_line = edit(clusters, "      - scheme: regional-clusters", "      - scheme: regional-cluster")
    sector_line = edit(clusters, "sectors: [research]", "sectors: [research, reserch]")
    within_line = edit(regions, "within: wallonia", "within: walonia")
    source_line = edit(lessons, "source: lessons-evaluation", "source: lesson-evaluation")
    groupings_line = line_of(data_copy / "schemes.yaml", "groupings:", after="id: regional-clusters")
    assert problems(data_copy) == [
        f"DATA/regions.yaml:{within_line}:5: regions[4].within: unknown region 'walonia' (did you mean 'wallonia'?)",
        f"DATA/clusters.yaml:{sector_line}:25: clusters[0].sectors[1]: unknown sector 'reserch' "
        "(did you mean 'research'?)",
        f"DATA/clusters.yaml:{scheme_line}:9: clusters[0].memberships[0].scheme: unknown scheme 'regional-cluster' "
        "(did you mean 'regional-clusters'?)",
        f"DATA/lessons.yaml:{source_line}:5: lessons[0].source[0]: unknown slide 'lesson-evaluation' (did you mean "
        "'lessons-evaluation'?)",
        # The count the unknown scheme puts out comes last: the cause first, then its consequence.
        f"DATA/schemes.yaml:{groupings_line}:5: schemes[1].groupings: says 10 groupings but clusters.yaml names 9 "
        "with this scheme: correct the one that is wrong",
    ]


def test_ambiguous_sector_word(data_copy: Path) -> None:
    line = edit(data_copy / "sectors.yaml", "synonyms: [eaux,", "synonyms: [énergie, eaux,")
    assert problems(data_copy) == [
        f"DATA/sectors.yaml:{line - 2}:5: sectors[8]: 'énergie' already names sector 'energy'"
    ]


def test_errors_in_several_files_are_all_reported(data_copy: Path) -> None:
    (data_copy / "lessons.yaml").write_text("", encoding="utf-8")
    line = edit(data_copy / "regions.yaml", "population: {value: 11000000", "population: {value: lots")
    assert problems(data_copy) == [
        f"DATA/regions.yaml:{line}:18: regions[0].population.value: should be a number, got 'lots'",
        "DATA/lessons.yaml: file is empty (expected a YAML mapping)",
    ]


def test_a_result_that_is_part_of_itself(data_copy: Path) -> None:
    line = edit(
        data_copy / "schemes.yaml",
        "      - id: rd-projects\n",
        "      - id: rd-projects\n        part_of: completed-rd-projects\n",
    )
    assert problems(data_copy) == [
        f"DATA/schemes.yaml:{line + 1}:9: schemes[2].results[4].part_of: 'rd-projects' is part of itself "
        "(through completed-rd-projects)",
        f"DATA/schemes.yaml:{line_of(data_copy / 'schemes.yaml', 'part_of: rd-projects')}:9: "
        "schemes[2].results[5].part_of: 'completed-rd-projects' is part of itself (through rd-projects)",
    ]


def test_a_definition_without_author_shows_no_placeholder(uwe, data_copy: Path) -> None:
    path = data_copy / "concepts.yaml"
    text = path.read_text(encoding="utf-8")
    assert "    author: Porter\n" in text
    path.write_text(text.replace("    author: Porter\n", ""), encoding="utf-8")
    run = uwe("--data-dir", str(data_copy), "concepts")
    assert run.exit_code == 0 and "None" not in run.stdout


def test_a_result_that_is_its_own_part(data_copy: Path) -> None:
    line = edit(
        data_copy / "schemes.yaml",
        "      - id: rd-projects\n",
        "      - id: rd-projects\n        part_of: rd-projects\n",
    )
    assert problems(data_copy) == [
        f"DATA/schemes.yaml:{line + 1}:9: schemes[2].results[4].part_of: 'rd-projects' is part of itself"
    ]


# Figures written as a Belgian writes them: with a thousands separator.


def test_a_thousands_comma_inside_braces(data_copy: Path) -> None:
    line = edit(data_copy / "regions.yaml", "gdp_per_capita: {value: 28800", "gdp_per_capita: {value: 28,800")
    assert problems(data_copy) == [
        f"DATA/regions.yaml:{line}:32: regions[1].gdp_per_capita: 'value: 28,800' reads as separate entries, because "
        "a comma separates the entries inside { }: write value: 28800, without a thousands separator"
    ]


def test_two_thousands_commas_inside_braces(data_copy: Path) -> None:
    # `6,400,000` is three entries: the fix writes all of the number, not its first two groups.
    line = edit(data_copy / "regions.yaml", "population: {value: 6400000", "population: {value: 6,400,000")
    assert problems(data_copy)[0] == (
        f"DATA/regions.yaml:{line}:27: regions[1].population: 'value: 6,400,000' reads as separate entries, because "
        "a comma separates the entries inside { }: write value: 6400000, without a thousands separator"
    )


def test_a_thousands_comma_on_its_own_line(data_copy: Path) -> None:
    quote = 'quote: {fr: "PIB/hab: 28 800€"}'
    line = edit(data_copy / "regions.yaml", f"gdp_per_capita: {{value: 28800, unit: EUR, {quote}}}",
                f"gdp_per_capita:\n      value: 28,800\n      unit: EUR\n      {quote}")  # fmt: skip
    assert problems(data_copy) == [
        f"DATA/regions.yaml:{line + 1}:7: regions[1].gdp_per_capita.value: should be a number, got '28,800': "
        "write 28800, without a thousands separator"
    ]


def test_a_thousands_dot_is_refused_for_whole_things(data_copy: Path) -> None:
    # YAML reads 28.800 as 28.8: a Belgian meant 28 800. Refused, with both ways to say it.
    line = edit(data_copy / "regions.yaml", "gdp_per_capita: {value: 28800", "gdp_per_capita: {value: 28.800")
    assert problems(data_copy) == [
        f"DATA/regions.yaml:{line}:22: regions[1].gdp_per_capita.value: value 28.800 reads as 28.8: if you meant "
        "28800, write it without the dot (a thousands separator); if you meant 28.8, write 28.8"
    ]


def test_decimals_stay_decimals(data_copy: Path) -> None:
    # 28.8 euros is written so; a rate may well have three decimals.
    edit(data_copy / "regions.yaml", "gdp_per_capita: {value: 28800", "gdp_per_capita: {value: 28.8")
    edit(data_copy / "regions.yaml", '{value: 11.1, unit: "%"', '{value: 11.125, unit: "%"')
    assert problems_or_none(data_copy) == []


def test_an_empty_source_says_what_it_needs(data_copy: Path) -> None:
    line = edit(data_copy / "lessons.yaml", "source: lessons-evaluation", "source: []")
    assert problems(data_copy) == [
        f"DATA/lessons.yaml:{line}:5: lessons[0].source: should name at least one slide (an id from about.yaml)"
    ]


def problems_or_none(folder: Path) -> list[str]:
    from uwe_cli.dataset import store
    from uwe_cli.errors import DataError

    try:
        store.load_models(folder)
    except DataError:
        return problems(folder)
    return []


def test_a_list_given_as_one_value_says_how_to_write_it(data_copy: Path) -> None:
    line = edit(data_copy / "clusters.yaml", "sectors: [research]", "sectors: research")
    assert problems(data_copy) == [
        f"DATA/clusters.yaml:{line}:5: clusters[0].sectors: should be a list, got 'research' (write [research])"
    ]


def test_outputs_are_checked_like_parts(data_copy: Path) -> None:
    line = edit(
        data_copy / "schemes.yaml", "        output_of: completed-rd-projects\n", "        output_of: innovation\n"
    )
    edit(
        data_copy / "schemes.yaml",
        "        part_of: rd-projects\n",
        "        part_of: rd-projects\n        output_of: patents\n",
    )
    both = line_of(data_copy / "schemes.yaml", "- id: completed-rd-projects")
    assert problems(data_copy) == [
        f"DATA/schemes.yaml:{both}:9: schemes[2].results[5]: a result is either part_of or output_of another, not both",
    ]
    edit(data_copy / "schemes.yaml", "        output_of: patents\n", "")
    assert problems(data_copy) == [
        f"DATA/schemes.yaml:{line}:9: schemes[2].results[6].output_of: unknown result 'innovation' (did you mean "
        "'innovations'?)",
    ]


def test_a_glossary_use_or_a_membership_citing_an_unknown_slide(data_copy: Path) -> None:
    usage = edit(
        data_copy / "concepts.yaml",
        "        slide: regional-clusters-funding",
        "        slide: regional-cluster-funding",
    )
    membership = edit(data_copy / "clusters.yaml", "        slide: six-poles", "        slide: six-pole")
    assert problems(data_copy) == [
        f"DATA/clusters.yaml:{membership}:9: clusters[5].memberships[1].slide: slide 'six-pole' is not one of its "
        "record's (source) (name one of 'walloon-clusters' or 'six-poles', or add 'six-pole' to the record's source)",
        f"DATA/concepts.yaml:{usage}:9: glossary[5].usages[0].slide: unknown slide 'regional-cluster-funding' "
        "(did you mean 'regional-clusters-funding' or 'regional-clusters-definition'?)",
    ]


def test_a_region_within_itself(data_copy: Path) -> None:
    line = edit(data_copy / "regions.yaml", "within: wallonia", "within: german-speaking-community")
    assert problems(data_copy) == [f"DATA/regions.yaml:{line}:5: regions[4].within: a region cannot lie within itself"]


@pytest.mark.parametrize("written", ["11,1", "6,400,080"])
def test_a_comma_that_is_not_a_thousands_separator_gets_no_wrong_fix(data_copy: Path, written: str) -> None:
    # `11,1` is a decimal comma: 'write 11001' would be a wrong figure, so no fix is offered.
    edit(data_copy / "regions.yaml", "population: {value: 6400000", f"population: {{value: {written}")
    said = " ".join(problems(data_copy))
    assert "without a thousands separator" not in said and "population" in said


def test_a_fact_of_a_record_citing_several_slides_names_its_own(data_copy: Path) -> None:
    # Wallonia cites the Belgium slide and its own: its capital is on its own, and must say so.
    line = edit(data_copy / "regions.yaml", '    capital: {fr: "Namur", slide: wallonia}', "    capital: Namur")
    unemployment = edit(data_copy / "regions.yaml", '"Taux de chômage: 11,1% en 2013"}, slide: wallonia}',
                        '"Taux de chômage: 11,1% en 2013"}, slide: uwe}')  # fmt: skip
    assert problems(data_copy) == [
        f"DATA/regions.yaml:{line}:5: regions[3].capital: names no slide, and its record cites several (add "
        "'slide:' with the one that states it: 'belgium' or 'wallonia')",
        f"DATA/regions.yaml:{unemployment}:97: regions[3].unemployment_rate[0].slide: slide 'uwe' is not one of "
        "its record's (source) (name one of 'belgium' or 'wallonia', or add 'uwe' to the record's source)",
    ]
    # A record of one slide: its facts are on it, and need not say so.
    edit(data_copy / "regions.yaml", "    capital: Namur", '    capital: {fr: "Namur", slide: wallonia}')
    edit(data_copy / "regions.yaml", "}, slide: uwe}", "}, slide: wallonia}")
    edit(data_copy / "regions.yaml", "    source: [belgium, wallonia]", "    source: [wallonia]")
    assert "wallonia" in problems(data_copy)[0]  # (the Belgium slide's facts now cite a slide it does not)


def test_a_year_is_a_fact_of_one_slide_too(data_copy: Path) -> None:
    # A bare year is still accepted, but where its record cites several slides it must name its own.
    about = data_copy / "about.yaml"
    text = about.read_text(encoding="utf-8")
    block = text[text.index("  founded:\n") : text.index("    slide: uwe\n", text.index("  founded:\n")) + 15]
    line = edit(about, block, "  founded: 1969\n")
    start = edit(
        data_copy / "schemes.yaml", "      slide: poles\n    period:", "      slide: six-poles-typo\n    period:"
    )
    assert problems(data_copy) == [
        f"DATA/about.yaml:{line}:3: organisation.founded: names no slide, and its record cites several (add 'slide:' "
        "with the one that states it: 'uwe' or 'uwe-actions')",
        f"DATA/schemes.yaml:{start}:7: schemes[2].start.slide: slide 'six-poles-typo' is not one of its record's "
        "(source) (name one of 'walloon-experiences', 'poles', 'six-poles', 'poles-activity' or "
        "'poles-first-results', or add 'six-poles-typo' to the record's source)",
    ]
    edit(about, "  founded: 1969\n", "  founded: {value: 1969, slide: uwe}\n")
    edit(data_copy / "schemes.yaml", "slide: six-poles-typo", "slide: poles")
    dataset = store.load_dataset(data_copy, use_cache=False).dump()
    assert dataset["organisation"]["founded"] == {"value": 1969, "unit": "year", "period": None, "base": None,
        "maximum": False, "alternative": None, "computed": False, "quote": None, "note": None, "slide": "uwe"}  # fmt: skip


def test_uwes_words_name_no_slide(data_copy: Path) -> None:
    line = edit(data_copy / "schemes.yaml", '{fr: "Entreprises/centres de recherche"}',
                '{fr: "Entreprises/centres de recherche", slide: technology-grappes}')  # fmt: skip
    assert problems(data_copy) == [
        f"DATA/schemes.yaml:{line}:60: schemes[0].participants.slide: should be left out: this text is not the "
        "slides' words (a summary, a label, a note) and names no slide, got 'technology-grappes'"
    ]


def test_a_slide_inside_a_fact_or_a_glossary_use_is_checked_too(data_copy: Path) -> None:
    # The poles' funding names its slide; its ceiling names another, which the scheme does not cite.
    line = edit(data_copy / "schemes.yaml", "        maximum: true\n", "        maximum: true\n        slide: bogus\n")
    usage = edit(data_copy / "concepts.yaml", '{fr: "Obligation d’engager un animateur."}',
                 '{fr: "Obligation d’engager un animateur.", slide: poles}')  # fmt: skip
    found = problems(data_copy)
    assert found[0].startswith(
        f"DATA/schemes.yaml:{line + 1}:9: schemes[2].funding.amount_per_year.slide: slide 'bogus' is not one of its "
        "record's (source)"
    )
    assert found[1].startswith(
        f"DATA/concepts.yaml:{usage}:59: glossary[5].usages[0].quote.slide: slide 'poles' is not one of its record's"
    )
    assert len(found) == 2


@pytest.mark.parametrize("link", ["part_of", "output_of"])
def test_a_chain_of_results_deeper_than_pythons_recursion_is_shown(
    main: Callable[..., Any], data_copy: Path, link: str
) -> None:
    # `data check` refuses only cycles: a chain of 2,000 results is valid data, and is shown
    # (its indent stops growing after a few levels), never an internal error.
    schemes = data_copy / "schemes.yaml"
    text = schemes.read_text(encoding="utf-8")
    anchor = "    assessment:\n"
    assert anchor in text
    chain = "".join(
        f"      - {{id: c{i}, slide: poles-first-results, label: {{fr: Chain {i}}}, figure: {{value: {i + 1}, "
        f"unit: count}}{f', {link}: c{i - 1}' if i else ''}}}\n"
        for i in range(2_000)
    )
    schemes.write_text(text.replace(anchor, chain + anchor, 1), encoding="utf-8")
    assert main("--data-dir", str(data_copy), "data", "check").exit_code == 0
    run = main("--data-dir", str(data_copy), "results", "--width", "200")
    assert run.exit_code == 0, run.stderr
    deepest = next(line for line in run.stdout.splitlines() if "Chain 900 " in line)
    assert deepest.index("Chain") == 2 * 8 + (2 if link == "output_of" else 0)
