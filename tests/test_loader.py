"""Broken data folders: each problem reported like a compiler error, all of them at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from uwe_cli import store, yamlfile
from uwe_cli.errors import DataError


def problems(folder: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        store.load_dataset(folder)
    return [str(p).replace(str(folder), "DATA") for p in caught.value.problems]


def edit(path: Path, old: str, new: str) -> int:
    """Replace the first `old` in `path`; return the line number where it stood."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def line_of(path: Path, needle: str, *, after: str = "") -> int:
    """The line number of the first `needle` in `path` that follows `after`."""
    text = path.read_text(encoding="utf-8")
    start = text.index(after) if after else 0
    return text[: text.index(needle, start)].count("\n") + 1


def test_shipped_data_loads() -> None:
    dataset = store.load_dataset(store.shipped_data_dir())
    assert len(dataset.clusters) == 27


def test_syntax_error_names_file_line_and_column(data_copy: Path) -> None:
    (data_copy / "regions.yaml").write_text("regions:\n  - id: x\n   name: [\n", encoding="utf-8")
    assert problems(data_copy) == [
        "DATA/regions.yaml:3:4: YAML syntax error: did not find expected '-' indicator "
        "(while parsing a block collection)"
    ]


@pytest.mark.parametrize("content", ["", "\n\n", "# only a comment\n"])
def test_empty_file(data_copy: Path, content: str) -> None:
    (data_copy / "lessons.yaml").write_text(content, encoding="utf-8")
    assert problems(data_copy) == ["DATA/lessons.yaml: file is empty (expected a YAML mapping)"]


def test_not_utf8(data_copy: Path) -> None:
    (data_copy / "regions.yaml").write_bytes(b"regions:\n  - id: caf\xe9\n")
    assert problems(data_copy) == ["DATA/regions.yaml: is not UTF-8 text (invalid byte 0xe9 at offset 20)"]


def test_list_where_a_mapping_is_expected(data_copy: Path) -> None:
    (data_copy / "sectors.yaml").write_text("- energy\n- health\n", encoding="utf-8")
    assert problems(data_copy) == ["DATA/sectors.yaml:1:1: expected a mapping with the key 'sectors:', got a list"]


def test_missing_file(data_copy: Path) -> None:
    (data_copy / "concepts.yaml").unlink()
    assert problems(data_copy) == ["DATA/concepts.yaml: file is missing"]


def test_missing_folder(tmp_path: Path) -> None:
    assert problems(tmp_path / "nowhere") == ["DATA: data folder does not exist"]


def test_file_instead_of_folder(tmp_path: Path) -> None:
    (tmp_path / "data").write_text("x", encoding="utf-8")
    assert problems(tmp_path / "data") == ["DATA: is not a folder (expected a data folder of YAML files)"]


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
    sector_line = edit(clusters, "sectors: [health, research]", "sectors: [health, reserch]")
    within_line = edit(regions, "within: wallonia", "within: walonia")
    source_line = edit(lessons, "source: lessons-evaluation", "source: lesson-evaluation")
    groupings_line = line_of(data_copy / "schemes.yaml", "groupings:", after="id: regional-clusters")
    assert problems(data_copy) == [
        f"DATA/regions.yaml:{within_line}:5: regions[4].within: unknown region 'walonia' (did you mean 'wallonia'?)",
        f"DATA/schemes.yaml:{groupings_line}:5: schemes[1].groupings: says 10 groupings but clusters.yaml names 9",
        f"DATA/clusters.yaml:{sector_line}:23: clusters[0].sectors[1]: unknown sector 'reserch' "
        "(did you mean 'research'?)",
        f"DATA/clusters.yaml:{scheme_line}:9: clusters[0].memberships[0].scheme: unknown scheme 'regional-cluster' "
        "(did you mean 'regional-clusters'?)",
        f"DATA/lessons.yaml:{source_line}:5: lessons[0].source[0]: unknown slide 'lesson-evaluation' (did you mean "
        "'lessons-evaluation'?)",
    ]


def test_ambiguous_sector_word(data_copy: Path) -> None:
    line = edit(data_copy / "sectors.yaml", "synonyms: [eaux,", "synonyms: [énergie, eaux,")
    assert problems(data_copy) == [f"DATA/sectors.yaml:{line - 2}:5: sectors[6]: 'énergie' already names sector 'energy'"]


def test_errors_in_several_files_are_all_reported(data_copy: Path) -> None:
    (data_copy / "lessons.yaml").write_text("", encoding="utf-8")
    line = edit(data_copy / "regions.yaml", "population: {value: 11000000", "population: {value: lots")
    assert problems(data_copy) == [
        f"DATA/regions.yaml:{line}:18: regions[0].population.value: should be a number, got 'lots'",
        "DATA/lessons.yaml: file is empty (expected a YAML mapping)",
    ]


def test_python_tags_are_refused_never_run(data_copy: Path, tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    (data_copy / "regions.yaml").write_text(
        f'regions: !!python/object/apply:os.system ["touch {marker}"]\n', encoding="utf-8"
    )
    assert problems(data_copy) == [
        "DATA/regions.yaml:1:10: YAML tag '!!python/object/apply:os.system' is not allowed "
        "(plain values, lists and mappings only)"
    ]
    assert not marker.exists()


def test_alias_bomb_is_refused(data_copy: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        lines.append(f"{chr(97 + i)}: &{chr(97 + i)} [" + ",".join([f"*{chr(96 + i)}"] * 9) + "]")
    lines.append("regions: *i")
    (data_copy / "regions.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert problems(data_copy) == [
        "DATA/regions.yaml:1:50: YAML aliases expand to more than 10,000 values; refusing what looks like an alias bomb"
    ]


def test_a_few_aliases_are_fine(data_copy: Path) -> None:
    edit(data_copy / "regions.yaml", "    source: belgium\n", "    source: &b belgium\n")
    edit(data_copy / "regions.yaml", "    source: belgium\n", "    source: *b\n")
    assert len(store.load_dataset(data_copy).regions) == 5


def test_too_large_file_is_refused_before_reading(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlfile, "MAX_FILE_BYTES", 1000)
    size = (data_copy / "about.yaml").stat().st_size
    assert problems(data_copy)[0] == f"DATA/about.yaml: file is too large ({size:,} bytes; the limit is 1,000)"


def test_deep_nesting_is_refused(data_copy: Path) -> None:
    (data_copy / "regions.yaml").write_text("regions: " + "[" * 200 + "]" * 200 + "\n", encoding="utf-8")
    assert problems(data_copy) == ["DATA/regions.yaml:1:74: nesting is too deep (the limit is 64 levels)"]


def test_several_documents(data_copy: Path) -> None:
    (data_copy / "regions.yaml").write_text("regions: []\n---\nregions: []\n", encoding="utf-8")
    assert problems(data_copy) == [
        "DATA/regions.yaml:2:1: YAML syntax error: but found another document "
        "(expected a single document in the stream)"
    ]


def test_init_copies_and_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "mine"
    written = store.init_data_dir(target)
    assert sorted(p.name for p in written) == sorted(f"{n}.yaml" for n in store.FILES)
    assert len(store.load_dataset(target).clusters) == 27
    other = tmp_path / "other"
    other.mkdir()
    (other / "regions.yaml").write_text("mine", encoding="utf-8")
    with pytest.raises(DataError, match="regions.yaml: already exists; uwe never overwrites a data file"):
        store.init_data_dir(other)
    assert [p.name for p in other.iterdir()] == ["regions.yaml"]
    assert (other / "regions.yaml").read_text(encoding="utf-8") == "mine"
