"""Bounded cost for any input: limits counted while parsing, work that grows linearly.

Nothing here times anything (speed targets live in benchmarks/run.py): the tests count
values, lines run, or cap the memory a child process may take.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from helpers import problems
from uwe_cli.dataset import store, yaml_scalars, yamlfile
from uwe_cli.dataset.checks import validation
from uwe_cli.names import lookup

# Where the limits are given in README.md.
README = Path(__file__).resolve().parents[1] / "README.md"


def test_the_limits_are_documented() -> None:
    text = README.read_text(encoding="utf-8")
    assert store.MAX_FOLDER_BYTES == 16 * 2**20 and "| bytes, all files together | 16 MiB |" in text
    assert f"| {store.MAX_VALUES:,} |" in text
    listed = "| problems listed per file (and between files), outdated translations listed |"
    assert f"{listed} {validation.MAX_LISTED:,} |" in text
    assert f"| {yaml_scalars.MAX_DIGITS:,} |" in text and f"| {yamlfile.MAX_DEPTH} levels |" in text


@pytest.fixture
def data_copy(data_copy: Path) -> Path:
    """The shipped data without its translations: the limits are measured on the YAML files."""
    import shutil

    shutil.rmtree(data_copy / "translations")
    return data_copy


def test_a_long_flow_list_is_refused_where_the_count_goes_over(data_copy: Path) -> None:
    # 16 MiB of `1,` is 8 million values; reading stops at the 500,001st.
    count = (store.MAX_FOLDER_BYTES - 50_000) // 2
    (data_copy / "regions.yaml").write_bytes(b"regions: [" + b"1," * count + b"1]\n")
    (found,) = problems(data_copy)
    where, message = found.split(": ", 1)
    assert message == (
        f"too many values: the files of a data folder may hold {store.MAX_VALUES:,} in all "
        "(scalars, lists and mappings); the count goes over here"
    )
    # The values of about.yaml, read first, count too; the rest of the file is never read.
    file, line, column = where.split(":")
    assert (file, line) == ("DATA/regions.yaml", "1") and 2 * store.MAX_VALUES - 10_000 < int(
        column
    ) < 2 * store.MAX_VALUES


def test_the_value_budget_is_for_the_folder(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Counted over the files in order: the file where the count goes over is the one named.
    monkeypatch.setattr(store, "MAX_VALUES", 1000)
    (found,) = problems(data_copy)  # (the files after it are not read: they could not be, within the limit)
    assert found.startswith("DATA/schemes.yaml:") and "too many values" in found


def test_the_folder_byte_limit_is_for_all_files_together(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sizes = {name: (data_copy / f"{name}.yaml").stat().st_size for name in store.FILES}
    monkeypatch.setattr(store, "MAX_FOLDER_BYTES", sizes["about"] + sizes["regions"] + 10)
    assert (
        problems(data_copy)[0] == "DATA/schemes.yaml: file is too large: the files of a data folder may hold "
        f"{store.MAX_FOLDER_BYTES:,} bytes in all"
    )


@pytest.mark.parametrize(
    ("shape", "text"),
    [
        ("many keys", "regions:\n- id: x\n" + "".join(f"  k{i}: 1\n" for i in range(3000))),
        ("a flow list", "regions: [" + "1," * 3000 + "1]\n"),
        ("deep lists", "regions: [" + ",".join(["[" * 60 + "1" + "]" * 60] * 1200) + "]\n"),
        ("many wrong records", "regions:\n" + "".join(f"- {{id: [{i}], name: 1, kind: 2}}\n" for i in range(800))),
    ],
)
def test_problems_listed_are_bounded_and_the_rest_counted(data_copy: Path, shape: str, text: str) -> None:
    (data_copy / "regions.yaml").write_text(text, encoding="utf-8")
    found = [p for p in problems(data_copy) if p.startswith("DATA/regions.yaml")]
    assert len(found) <= validation.MAX_LISTED + 1
    # The last line counts what is not listed: all the problems of one vast record, or the rest.
    assert found[-1].endswith(" problems in this record") or (
        found[-1].startswith("DATA/regions.yaml:1:1: and ")
        and found[-1].endswith(" more problems (only the first 1,000 of a file are listed)")
    )


def test_problems_past_the_listed_ones_are_counted_exactly(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(validation, "MAX_LISTED", 10)
    monkeypatch.setattr(validation, "SLICE", 4)
    # 25 wrong records, 4 problems each (id, name, source, kind): 10 listed, 90 counted.
    (data_copy / "regions.yaml").write_text("regions:\n" + "- {id: [1], name: 1, kind: 2}\n" * 25, encoding="utf-8")
    found = [p for p in problems(data_copy) if p.startswith("DATA/regions.yaml")]
    assert found[:4] == [
        "DATA/regions.yaml:2:4: regions[0].id: should be text",
        "DATA/regions.yaml:2:13: regions[0].name: should be a text: a string, or {fr: ...}, got 1",
        "DATA/regions.yaml:2:3: regions[0]: missing required field 'source'",
        "DATA/regions.yaml:2:22: regions[0].kind: should be 'country', 'region' or 'community', got 2",
    ]
    # (the first slice of 4 records has 16 problems: they are listed record by record)
    assert len(found) == 10 + 1 and found[9].startswith("DATA/regions.yaml:4:13: regions[2].name:")
    assert found[-1] == "DATA/regions.yaml:1:1: and 90 more problems (only the first 10 of a file are listed)"


def run_limited(args: list[str], *, memory: int) -> subprocess.CompletedProcess[str]:
    """`uwe ARGS` in a child process that may take at most `memory` bytes of address space."""
    limit = (
        "import resource, runpy, sys\n"
        f"resource.setrlimit(resource.RLIMIT_AS, ({memory}, {memory}))\n"
        "sys.argv = ['uwe', *sys.argv[1:]]\n"
        "runpy.run_module('uwe_cli', run_name='__main__')\n"
    )
    return subprocess.run([sys.executable, "-c", limit, *args], capture_output=True, text=True, timeout=120)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS as Linux counts it")
@pytest.mark.parametrize("shape", ["flow list", "many keys", "long texts"])
def test_worst_cases_within_512_mib(data_copy: Path, shape: str) -> None:
    # The address space (not only what is resident: libraries and arenas count too) is
    # capped at the documented 512 MiB; a MemoryError would be an exit 3 with a message.
    path = data_copy / ("lessons.yaml" if shape == "long texts" else "regions.yaml")
    room = store.MAX_FOLDER_BYTES - sum(p.stat().st_size for p in data_copy.iterdir() if p != path) - 1000
    if shape == "flow list":  # refused at the values limit
        path.write_bytes(b"regions: [" + b"1," * (room // 2 - 10) + b"1]\n")
    elif shape == "many keys":  # under the values limit: every key an unknown field
        path.write_text("regions:\n- id: x\n" + "".join(f"  k{i}: 1\n" for i in range(240_000)), encoding="utf-8")
    else:  # valid, 16 MiB: lessons of 10,000 characters
        head = path.read_text(encoding="utf-8")
        item = "  - {{id: gen-{}, kind: conclusion, text: " + "e" * 9990 + ", source: lessons-evaluation}}\n"
        path.write_text(
            head + "".join(item.format(i) for i in range((room - len(head)) // len(item.format(99999)))),
            encoding="utf-8",
        )
    commands = [["data", "check", str(data_copy)]]
    if shape == "long texts":  # accepted: also a first run, which builds the cache, and its output
        commands.append(["--data-dir", str(data_copy), "lessons", "-f", "json"])
    for args in commands:
        run = run_limited(args, memory=512 * 2**20)
        assert run.returncode == (0 if shape == "long texts" else 1), run.stderr[-500:]
        assert "unexpected" not in run.stderr and "MemoryError" not in run.stderr


# Name lookups are linear: the work of finding a prefix shared by n records grows like n.


def lines_run_in_lookup(n: int) -> int:
    records = [{"id": f"g-{i}", "name": {"fr": f"Groupement {i}", "en": f"Grouping {i}"}} for i in range(n)]
    count = 0

    def trace(frame, event, arg):
        nonlocal count
        if frame.f_code.co_filename == lookup.__file__:
            if event == "line":
                count += 1
            return trace
        return None

    sys.settrace(trace)
    try:
        with pytest.raises(lookup.Ambiguous):
            lookup.find(records, "groupe", what="grouping")
    finally:
        sys.settrace(None)
    return count


def test_finding_a_prefix_of_many_records_is_linear() -> None:
    # (comparing every match with every match before it, as it once did, makes the work
    # four times larger when n doubles)
    small, large = lines_run_in_lookup(1000), lines_run_in_lookup(2000)
    assert large < 2.2 * small


def test_problems_between_files_are_bounded_and_counted(uwe, data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(validation, "MAX_LISTED", 10)
    path = data_copy / "clusters.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text
        + "".join(
            f"  - {{id: x{i}, name: X, sectors: [nope], memberships: [{{scheme: poles}}], source: poles}}\n"
            for i in range(30)
        ),
        encoding="utf-8",
    )
    with pytest.raises(store.DataError) as caught:
        store.load_models(data_copy)
    # 30 unknown sectors, and 'poles' now counts 36 groupings where its slide says 6: 31 problems.
    assert caught.value.count == 31 and len(caught.value.problems) == 10 + 1
    assert (
        str(caught.value.problems[-1])
        == f"{data_copy}: and 21 more problems between the files (only the first 10 are listed)"
    )
    run = uwe("data", "check", str(data_copy))
    assert run.exit_code == 1 and run.stderr.endswith(f"uwe: error: 31 problems in {data_copy}\n")
    assert f"(and 30 more: run 'uwe data check {data_copy}'" in uwe("--data-dir", str(data_copy), "regions").stderr
