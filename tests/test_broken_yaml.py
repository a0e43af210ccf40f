"""Broken YAML files and folders: one located line each, on stderr, exit 1, nothing on stdout."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import edit, problems
from uwe_cli.dataset import store
from uwe_cli.errors import DataError


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
    assert problems(tmp_path / "nowhere") == [
        "DATA: data folder does not exist (check the path, or make one with 'uwe data init DATA')"
    ]


def test_file_instead_of_folder(tmp_path: Path) -> None:
    (tmp_path / "data").write_text("x", encoding="utf-8")
    assert problems(tmp_path / "data") == ["DATA: is not a folder (expected a data folder of YAML files)"]


def test_several_documents(data_copy: Path) -> None:
    (data_copy / "regions.yaml").write_text("regions: []\n---\nregions: []\n", encoding="utf-8")
    assert problems(data_copy) == [
        "DATA/regions.yaml:2:1: YAML syntax error: but found another document "
        "(expected a single document in the stream)"
    ]


def test_init_copies_and_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "mine"
    written = store.init_data_dir(target)
    translated = [f"translations/{lang}.po" for lang in ("bg", "de", "en", "nl")]
    assert sorted(str(p.relative_to(target)) for p in written) == sorted(
        [*(f"{n}.yaml" for n in store.FILES), *translated]
    )
    assert len(store.load_dataset(target)["clusters"]) == 27
    other = tmp_path / "other"
    other.mkdir()
    (other / "regions.yaml").write_text("mine", encoding="utf-8")
    with pytest.raises(DataError, match="regions.yaml: already exists; uwe never overwrites a data file"):
        store.init_data_dir(other)
    assert [p.name for p in other.iterdir()] == ["regions.yaml"]
    assert (other / "regions.yaml").read_text(encoding="utf-8") == "mine"


def test_unreadable_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # (Tests run as root on CI, where permissions do not bite: ask os.access instead.)
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setattr("uwe_cli.dataset.store.os.access", lambda path, mode: False)
    assert problems(folder) == ["DATA: data folder cannot be read (permission denied)"]


BROKEN = {
    "syntax error": ("regions.yaml", b"regions:\n  - id: x\n   name: [\n", "regions.yaml:3:4: YAML syntax error"),
    "empty file": ("lessons.yaml", b"", "lessons.yaml: file is empty (expected a YAML mapping)"),
    "not UTF-8": (
        "regions.yaml",
        b"regions: caf\xe9\n",
        "regions.yaml: is not UTF-8 text (invalid byte 0xe9 at offset 12)",
    ),
    "a list": ("sectors.yaml", b"- a\n", "sectors.yaml:1:1: expected a mapping with the key 'sectors:', got a list"),
    "missing file": ("concepts.yaml", None, "concepts.yaml: file is missing"),
}


@pytest.mark.parametrize("case", BROKEN, ids=list(BROKEN))
def test_each_broken_file_is_one_line_on_stderr(uwe, data_copy: Path, case: str) -> None:
    name, content, message = BROKEN[case]
    if content is None:
        (data_copy / name).unlink()
    else:
        (data_copy / name).write_bytes(content)
    run = uwe("--data-dir", str(data_copy), "clusters")
    assert (run.exit_code, run.stdout) == (1, "")
    assert run.stderr.startswith(f"uwe: error: {data_copy}/{message}")
    assert run.stderr.count("\n") == 1


def test_missing_data_folder_from_the_environment(uwe, tmp_path: Path) -> None:
    # The user may have forgotten the setting: the message names it, and what to do.
    run = uwe("regions", env={"UWE_DATA_DIR": str(tmp_path / "gone")})
    assert (run.exit_code, run.stdout, run.stderr) == (
        1,
        "",
        f"uwe: error: UWE_DATA_DIR={tmp_path / 'gone'}: data folder "
        "does not exist (set UWE_DATA_DIR to a data folder, or unset it "
        "to use the shipped data)\n",
    )
    check = uwe("data", "check", env={"UWE_DATA_DIR": str(tmp_path / "gone")})
    assert check.stderr.startswith(f"UWE_DATA_DIR={tmp_path / 'gone'}: data folder does not exist (set UWE_DATA_DIR")
    given = uwe("--data-dir", str(tmp_path / "gone"), "regions", env={"UWE_DATA_DIR": str(tmp_path)})
    assert given.stderr == (
        f"uwe: error: {tmp_path / 'gone'}: data folder does not exist (check the path, or make one with "
        f"'uwe data init {tmp_path / 'gone'}')\n"
    )


def test_the_users_files_are_never_modified(uwe, data_copy: Path) -> None:
    (data_copy / "regions.yaml").write_text("regions: [\n", encoding="utf-8")
    before = {p: p.read_bytes() for p in data_copy.rglob("*") if p.is_file()}
    uwe("--data-dir", str(data_copy), "regions")
    uwe("data", "check", str(data_copy))
    assert {p: p.read_bytes() for p in data_copy.rglob("*") if p.is_file()} == before


def test_a_fifo_is_refused_not_waited_on(data_copy: Path) -> None:
    import os

    (data_copy / "regions.yaml").unlink()
    os.mkfifo(data_copy / "regions.yaml")
    assert problems(data_copy) == ["DATA/regions.yaml: is not a regular file"]


def test_a_control_character_is_located(data_copy: Path) -> None:
    (data_copy / "regions.yaml").write_bytes(b"regions:\n  - id: x\x01y\n")
    assert problems(data_copy) == [
        "DATA/regions.yaml:2:10: character '\\x01' is not allowed in YAML text (write it as an escape)"
    ]


def test_a_merge_key_is_refused_and_a_lone_equals_sign_is_text(data_copy: Path) -> None:
    path = data_copy / "regions.yaml"
    edit(path, "    population: {value: 11000000, unit: people,", "    population: &p {value: 11000000, unit: people,")
    flanders = '    population: {value: 6400000, unit: people, quote: {fr: "6,4 millions d’habitants"}}'
    line = edit(path, flanders, "    population:\n      <<: *p")
    assert problems(data_copy) == [
        f"DATA/regions.yaml:{line + 1}:7: regions[1].population: YAML merge keys (<<) are not allowed: write the "
        "fields out in full"
    ]
    edit(path, "      <<: *p", "      value: 6400000\n      unit: people")
    edit(path, '    capital: {fr: "Bruxelles"', "    capital: {fr: =")  # (YAML 1.1's "value" tag: text here)
    assert store.load_models(data_copy).regions[0].capital.fr == "="


@pytest.mark.parametrize(
    "written", ["0", "2014.5", "2014-04-15T10:00:00Z", "true", '"0"', '"2014-04-15T00:00:00"', '"1397520000"']
)
def test_a_date_is_a_date_not_a_number_or_a_time(data_copy: Path, written: str) -> None:
    # pydantic would read 0 as 1 January 1970 (a Unix time).
    line = edit(data_copy / "about.yaml", "  date: 2014-04-15", f"  date: {written}")
    assert problems(data_copy) == [f"DATA/about.yaml:{line}:3: presentation.date: should be a date (YYYY-MM-DD)"]


def test_a_flow_mapping_left_open_is_a_located_syntax_error(data_copy: Path) -> None:
    # (the parser's words hold a brace, `',' or '}'`: said as they are, in every language)
    line = edit(
        data_copy / "regions.yaml",
        '    name: {fr: "Flandre"}',
        '    name: {fr: "Flandre"',
    )
    assert problems(data_copy) == [
        f"DATA/regions.yaml:{line + 1}:5: YAML syntax error: did not find expected ',' or '}}' (while parsing a flow mapping)"
    ]


def test_a_date_in_quotes_is_a_date_still(data_copy: Path) -> None:
    edit(data_copy / "about.yaml", "  date: 2014-04-15", '  date: "2014-04-15"')
    assert str(store.load_models(data_copy).presentation.date) == "2014-04-15"


def test_an_explicit_value_or_merge_tag_is_a_tag_refused(data_copy: Path) -> None:
    line = edit(data_copy / "regions.yaml", '    capital: {fr: "Bruxelles"', "    capital: {fr: !!value x")
    assert problems(data_copy) == [
        f"DATA/regions.yaml:{line}:19: regions[0].capital.fr: YAML tag '!!value' is not allowed (plain values, lists "
        "and mappings only)"
    ]


def test_a_french_reader_reads_the_field_and_the_choices_as_french_sets_them(uwe, data_copy: Path) -> None:
    # The field a problem is in, then a French colon; the values it may take in « », not in ASCII quotes.
    path = data_copy / "regions.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("kind: community", "kind: communaute"), encoding="utf-8")
    run = uwe("--lang", "fr", "data", "check", str(data_copy))
    said = (run.stdout + run.stderr).replace("\xa0", " ").replace("\u202f", " ")
    assert run.exit_code == 1
    line = path.read_text(encoding="utf-8").splitlines().index("    kind: communaute") + 1
    assert (
        f"regions.yaml:{line}:5: regions[4].kind : doit être « country », « region » ou « community » ; "
        "valeur trouvée : « communaute »"
    ) in said


def test_a_path_alone_is_followed_by_the_colon_french_sets(uwe, tmp_path: Path) -> None:
    # `file:line:column:` stays as compilers write it; a path with no line is a sentence's subject.
    missing = tmp_path / "absent"
    said = uwe("--lang", "fr", "data", "check", str(missing)).stderr.replace("\xa0", " ")
    assert said.startswith(f"{missing} : le dossier de données n’existe pas (vérifiez le chemin")
    assert uwe("data", "check", str(missing)).stderr.startswith(f"{missing}: data folder does not exist")
