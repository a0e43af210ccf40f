"""Time uwe against the cost of importing its libraries, and at scale.

    python benchmarks/run.py [--rounds N]

Run it with the Python of an environment where uwe is installed. It:
1. measures the import floor, `python -c "import typer, pydantic, yaml, rich.console, rich.table"`,
   and the commands of STARTUP (four, then the same in every language), interleaved round by round so that a slower moment of the machine
   weighs on all of them alike; prints each median and its ratio to the floor
   (target: the commands' median at most 1.25 times the floor);
2. generates a data folder with 10,000 clusters and times
   `uwe clusters --sector energy --format json` on it against the shipped data, from the
   second run on, when the cache is warm (target: at most 1.5 times), and its whole
   `uwe clusters` table, piped (target: at most 2.5 s);
3. prints the peak memory (maximum resident set) of each command (target: under 64 MiB
   for the shipped data);
4. times `uwe data export` of the shipped data to SQLite (target: at most 0.5 s) and of the
   10,000-cluster folder to SQLite and to a Data Package (target: at most 2 s), each
   replacing its previous export (--force).
5. times `uwe site` of the shipped data (target: at most 2 s) and of the 10,000-cluster
   folder (target: at most 30 s, wall time: its pages are written by one process per core),
   each replacing the site it wrote before (3 runs, median).
6. generates the worst cases of README.md's "Data folder limits" (a 16 MiB flow list, a
   record of 240,000 unknown keys, lists nested 62 deep, 55,000 minimal records, 16 MiB of
   long texts) and a name that begins 10,000 groupings' names, and times `uwe data check`
   (or the lookup) on each, once validated from the files (target: accepted or refused
   within 10 s and 512 MiB); on the worst cases with translations present (PO files for nl,
   de and bg), the views, search, --export and `uwe data export` too, cache warm.
Seconds targets are checked on CPU time (user+sys, of the command's process): on a machine
shared with other work, wall time measures the other work too. Wall time is printed beside it.
The cache goes to a temporary folder (UWE_CACHE_DIR), never the user's own.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

FLOOR = "import typer, pydantic, yaml, rich.console, rich.table"
STARTUP = {
    "uwe regions": ["regions"],
    "uwe clusters --sector energy": ["clusters", "--sector", "energy"],
    "uwe lessons": ["lessons"],
    "uwe --version": ["--version"],
    # Every language: its catalogue and the dataset's translations are read too.
    **{f"uwe regions --lang {lang}": ["regions", "--lang", lang] for lang in ("fr", "nl", "de", "bg")},
    "uwe clusters --sector energy --lang nl": ["clusters", "--sector", "energy", "--lang", "nl"],
    "uwe lessons --lang bg": ["lessons", "--lang", "bg"],
}
# For reference: a plain Typer command with two options that prints a Rich table. Typer
# 0.29 builds a pydantic TypeAdapter for each option it parses, which imports pydantic's
# schema machinery (the floor's lazy `import pydantic` leaves it out); the tool's own options
# skip it (src/uwe_cli/coercion.py), which is why uwe can start faster than this row.
TYPER_BASELINE = """
import sys, typer
from typing import Annotated, Optional
app = typer.Typer()
@app.command()
def show(sector: Annotated[Optional[str], typer.Option()] = None, format: Annotated[str, typer.Option()] = "table"):
    from rich.console import Console
    from rich.table import Table
    table = Table("Region", "GDP per capita")
    table.add_row("Belgium", "30,500")
    Console().print(table)
@app.command()
def other() -> None:
    pass
app(["show", "--sector", "energy"])
"""
SCALE_ARGS = ["clusters", "--sector", "energy", "--format", "json"]
LARGE = 10_000


# CPU seconds (user+sys) of each run, by its arguments (see `run`).
CPU: dict[tuple[str, ...], list[float]] = {}


def run(argv: list[str], env: dict[str, str], *, code: int = 0) -> float:
    """Wall time (s) of one run, which must exit with `code`; its CPU time goes to CPU.
    (Its output goes to /dev/null: not a terminal, as in a pipe.)"""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    CPU.setdefault(tuple(argv), []).append(cpu)
    if process.returncode != code:
        raise SystemExit(f"failed: {' '.join(argv)}: exit {process.returncode}: {process.stderr.decode()[-500:]}")
    return elapsed


def cpu(argv: list[str]) -> float:
    """The median CPU seconds of the runs of `argv` so far."""
    return statistics.median(CPU[tuple(argv)])


# Peak memory is read inside the program, at exit: the kernel's count for a child process
# starts from the (large) benchmark process it was forked from.
PEAK = """
import atexit, runpy, sys
def peak():
    try:
        kib = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:"))
    except OSError:
        import resource
        kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    sys.stderr.write(f"\\nPEAK {kib}\\n")
atexit.register(peak)
sys.argv = sys.argv[1:]
{run}
"""


def peak_memory(argv: list[str], env: dict[str, str]) -> int:
    """Peak resident memory (bytes) of one run of `python -c/-m ...` or of the `uwe` script."""
    if argv[0] != sys.executable:
        argv = [sys.executable, "-m", "uwe_cli", *argv[1:]]
    python, flag, target, *args = argv
    run_code = f"runpy.run_module({target!r}, run_name='__main__')" if flag == "-m" else target
    process = subprocess.run(
        [python, "-c", PEAK.replace("{run}", run_code), target, *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    )
    return int(process.stderr.rsplit("PEAK ", 1)[1].split()[0]) * 1024


def make_large(shipped: Path, target: Path, count: int) -> None:
    """The shipped dataset plus `count` generated clusters in a scheme of their own."""
    shutil.copytree(shipped, target)
    schemes = yaml.safe_load((target / "schemes.yaml").read_text(encoding="utf-8"))
    schemes["schemes"].append(
        {
            "id": "benchmark",
            "name": {"fr": "Banc d'essai"},
            "summary": {"fr": "Groupements générés"},
            "status": "active",
            "groupings": {"value": count, "unit": "count"},
            "source": "walloon-experiences",
        }
    )
    (target / "schemes.yaml").write_text(yaml.safe_dump(schemes, allow_unicode=True), encoding="utf-8")
    clusters = yaml.safe_load((target / "clusters.yaml").read_text(encoding="utf-8"))
    sectors = [s["id"] for s in yaml.safe_load((target / "sectors.yaml").read_text(encoding="utf-8"))["sectors"]]
    for i in range(count):
        clusters["clusters"].append(
            {
                "id": f"generated-{i:05d}",
                "name": {"fr": f"Groupement {i}"},
                "sectors": [sectors[i % len(sectors)], sectors[(i * 7) % len(sectors)]]
                if i % 3
                else [sectors[i % len(sectors)]],
                "status": "active" if i % 5 else "in-formation",
                "memberships": [{"scheme": "benchmark", "domain": {"fr": f"Domaine numéro {i}"}}],
                "source": "walloon-experiences",
            }
        )
    (target / "clusters.yaml").write_text(yaml.safe_dump(clusters, allow_unicode=True), encoding="utf-8")
    # Their English, as every translation is given: translations/en.po (what a real folder loads too).
    english = [("schemes/benchmark/name", "Banc d'essai", "Benchmark"),
               ("schemes/benchmark/summary", "Groupements générés", "Generated groupings")]  # fmt: skip
    for i in range(count):
        english += [(f"clusters/generated-{i:05d}/name", f"Groupement {i}", f"Grouping {i}"),
                    (f"clusters/generated-{i:05d}/memberships/0/domain", f"Domaine numéro {i}", f"Domain number {i}")]  # fmt: skip
    with (target / "translations" / "en.po").open("a", encoding="utf-8") as po:
        po.writelines(f'\nmsgctxt "{where}"\nmsgid "{french}"\nmsgstr "{text}"\n' for where, french, text in english)


def make_worst_cases(shipped: Path, target: Path) -> dict[str, tuple[Path, int]]:
    """The worst cases of README.md's limits: name -> (data folder, the exit code expected)."""
    # What the shipped files (translations included) leave of the 16 MiB, less a margin.
    mib16 = 16 * 2**20 - sum(path.stat().st_size for path in shipped.rglob("*") if path.is_file()) - 4_000
    long_text = "e" * 9990
    cases = {
        "flow list `x: [1,1,1,…]`, 16 MiB": (
            "regions",
            1,
            lambda head: "regions: [" + "1," * (mib16 // 2 - 10) + "1]\n",
        ),
        "a record of 240,000 unknown keys": (
            "regions",
            1,
            lambda head: "regions:\n- id: x\n" + "".join(f"  k{i}: 1\n" for i in range(240_000)),
        ),
        "lists nested 62 deep, 16 MiB": (
            "regions",
            1,
            lambda head: "regions: [" + ",".join(["[" * 62 + "1" + "]" * 62] * (mib16 // 126)) + "]\n",
        ),
        "55,000 minimal records (the values limit)": (
            "regions",
            0,
            lambda head: (
                head + "".join(f"  - {{id: r{i}, name: R, kind: region, source: belgium}}\n" for i in range(55_000))
            ),
        ),
        "16 MiB of 10,000-character texts": (
            "lessons",
            0,
            lambda head: (
                head
                + "".join(
                    f"  - {{id: gen-{i}, kind: conclusion, text: {long_text}, source: lessons-evaluation}}\n"
                    for i in range(mib16 // 10_060)
                )
            ),
        ),
    }
    # With translations present: texts grow to five languages, and PO entries count as values.
    po_header = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    translated = {
        "a lesson of 460,000 one-letter points, translated": (
            "lessons",
            0,
            lambda head: (
                head
                + "  - {id: gen, kind: conclusion, text: t, source: lessons-evaluation, points: ["
                + "p, " * 460_000
                + "p]}\n"
            ),
        ),
        # (fewer: each string of the shipped translations counts as a value too)
        "50,000 minimal records, translated": (
            "regions",
            0,
            lambda head: (
                head + "".join(f"  - {{id: r{i}, name: R, kind: region, source: belgium}}\n" for i in range(50_000))
            ),
        ),
        "170,000 tiny PO entries (past the values limit)": (
            "translations/es.po",
            1,
            lambda head: po_header + "".join(f'msgctxt "x/{i}"\nmsgid "a"\nmsgstr "b"\n\n' for i in range(170_000)),
        ),
        "a 16 MiB msgstr (past the text limit)": (
            "translations/nl.po",
            1,
            lambda head: head.replace('msgstr "België"', 'msgstr "' + "x" * (mib16 - len(head)) + '"', 1),
        ),
    }
    made = {}
    for i, (name, (file, code, content)) in enumerate([*cases.items(), *translated.items()]):
        folder = target / f"worst-{i}"
        keep = name in translated  # (else the YAML files alone: the limits were first measured on them)
        shutil.copytree(shipped, folder, ignore=None if keep else shutil.ignore_patterns("translations"))
        path = folder / (file if "/" in file else f"{file}.yaml")
        path.write_text(content(path.read_text(encoding="utf-8") if path.exists() else ""), encoding="utf-8")
        made[name] = (folder, code)
    return made


# The views run on the translated worst cases that are valid, cache warm: name -> arguments.
WORST_VIEWS = {
    "a lesson of 460,000 one-letter points, translated": [
        ["lessons"],
        ["search", "p"],
        ["--lang", "nl", "lessons"],
        ["lessons", "--export", "{tmp}/x.html", "--force"],
        ["data", "export", "{tmp}/x.db", "--force"],
    ],
    "50,000 minimal records, translated": [
        ["regions"],
        ["search", "r"],
        ["--lang", "nl", "regions"],
        ["regions", "--export", "{tmp}/x.html", "--force"],
        ["regions", "--format", "json"],
        ["data", "export", "{tmp}/x.db", "--force"],
        ["data", "export", "{tmp}/x/", "--force"],
    ],
}


def worst_cases(
    uwe: list[str], shipped: Path, tmp: Path, large: Path, env: dict[str, str]
) -> list[tuple[str, float, float, int]]:
    """(case, median wall seconds of 3 runs, their median CPU seconds, peak bytes) of each worst
    case, validated from the files."""
    made = make_worst_cases(shipped, tmp)
    commands = {
        name: (uwe + ["--no-cache", "data", "check", str(folder)], code) for name, (folder, code) in made.items()
    }
    for name, views in WORST_VIEWS.items():
        folder = made[name][0]
        run(uwe + ["--data-dir", str(folder), "data", "check"], env)  # (builds the cache, if it can)
        for args in views:
            shown = " ".join(args).replace("{tmp}/", "")
            commands[f"  uwe {shown}"] = (
                uwe + ["--data-dir", str(folder), *(a.replace("{tmp}", str(tmp)) for a in args)],
                0,
            )
    # A name that begins every generated grouping's name: found ambiguous (exit 2), linearly.
    commands[f"a name that begins {LARGE:,} groupings' names"] = (
        uwe + ["--data-dir", str(large), "cluster", "grouping"],
        2,
    )
    rows = []
    for name, (argv, code) in commands.items():
        times = [run(argv, env, code=code) for _ in range(3)]
        rows.append((name, statistics.median(times), cpu(argv), peak_memory(argv, env)))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=21, help="interleaved rounds (default 21)")
    rounds = parser.parse_args().rounds

    from uwe_cli import __version__
    from uwe_cli.dataset import store

    python = sys.executable
    # The installed `uwe` script, as users run it; `python -m uwe_cli` where there is none.
    script = Path(python).with_name("uwe")
    uwe = [str(script)] if script.exists() else [python, "-m", "uwe_cli"]
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "UWE_CACHE_DIR": str(Path(tmp) / "cache")}
        env.pop("UWE_DATA_DIR", None)
        large = Path(tmp) / "large"
        make_large(store.shipped_data_dir(), large, LARGE)

        commands = {
            "import floor": [python, "-c", FLOOR],
            "reference: minimal Typer+Rich app": [python, "-c", TYPER_BASELINE],
        }
        commands.update({name: uwe + args for name, args in STARTUP.items()})
        commands["scale: shipped data"] = uwe + SCALE_ARGS
        commands[f"scale: {LARGE:,} clusters"] = uwe + ["--data-dir", str(large), *SCALE_ARGS]
        commands[f"scale: {LARGE:,} clusters, whole table, piped"] = uwe + ["--data-dir", str(large), "clusters"]
        exports = Path(tmp) / "exports"
        exports.mkdir()
        commands["export: shipped data, SQLite"] = uwe + ["data", "export", str(exports / "shipped.db"), "--force"]
        commands[f"export: {LARGE:,} clusters, SQLite"] = uwe + [
            "--data-dir", str(large), "data", "export", str(exports / "large.db"), "--force"
        ]  # fmt: skip
        commands[f"export: {LARGE:,} clusters, Data Package"] = uwe + [
            "--data-dir", str(large), "data", "export", f"{exports / 'large'}/", "--force"
        ]  # fmt: skip

        started = time.perf_counter()
        first_large = run(commands[f"scale: {LARGE:,} clusters"], env)  # builds the cache
        for argv in commands.values():  # warm the OS and the caches once
            run(argv, env)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(rounds):
            for name, argv in commands.items():
                times[name].append(run(argv, env))
        memory = {name: peak_memory(argv, env) for name, argv in commands.items()}
        sites = Path(tmp) / "sites"
        sites.mkdir()
        site_commands = {
            "site: shipped data": uwe + ["site", str(sites / "shipped")],
            f"site: {LARGE:,} clusters": uwe + ["--data-dir", str(large), "site", str(sites / "large")],
        }
        # (a site is written by as many processes as there are cores, so its CPU time counts
        # every core's: the target is the time a reader waits, wall time, beside the CPU time)
        site_walls = {name: statistics.median(run(argv, env) for _ in range(3)) for name, argv in site_commands.items()}
        site_times = {name: cpu(argv) for name, argv in site_commands.items()}
        worst = worst_cases(uwe, store.shipped_data_dir(), Path(tmp), large, env)

    median = {name: statistics.median(values) for name, values in times.items()}
    floor = median["import floor"]
    startup = statistics.median([t for name in STARTUP for t in times[name]])
    shipped, scaled = median["scale: shipped data"], median[f"scale: {LARGE:,} clusters"]

    print(
        f"uwe {__version__} on Python {platform.python_version()}, {platform.machine()}, "
        f"{os.cpu_count()} cores; {rounds} interleaved rounds ({time.perf_counter() - started:.0f} s)\n"
    )
    print(f"{'command':46} {'median':>9} {'vs floor':>9} {'CPU':>9} {'peak RSS':>9}")
    for name in commands:
        print(f"{name:46} {median[name] * 1000:7.1f}ms {median[name] / floor:8.2f}x "
              f"{cpu(commands[name]) * 1000:7.1f}ms {memory[name] / 2**20:7.1f}MiB")  # fmt: skip
    print()
    cpu_of = {name: cpu(argv) for name, argv in commands.items()}
    verdicts = [
        ("start-up: commands' median / import floor", startup / floor, 1.25),
        (f"scale: {LARGE:,} clusters / shipped (warm cache)", scaled / shipped, 1.5),
        (f"scale: {LARGE:,} clusters / shipped, CPU", cpu_of[f"scale: {LARGE:,} clusters"] / cpu_of["scale: shipped data"],
         1.5),
        (f"scale: {LARGE:,} clusters, whole table piped, CPU s", cpu_of[f"scale: {LARGE:,} clusters, whole table, piped"],
         2.5),
        ("memory: peak MiB, shipped data", max(memory[n] for n in STARTUP) / 2**20, 64),
        ("export: shipped data to SQLite, CPU seconds", cpu_of["export: shipped data, SQLite"], 0.5),
        (f"export: {LARGE:,} clusters, slower format, CPU s",
         max(cpu_of[f"export: {LARGE:,} clusters, {kind}"] for kind in ("SQLite", "Data Package")), 2),
        ("site: shipped data, CPU seconds", site_times["site: shipped data"], 2),
        (f"site: {LARGE:,} clusters, wall seconds ({site_times[f'site: {LARGE:,} clusters']:.1f} s CPU)",
         site_walls[f"site: {LARGE:,} clusters"], 30),
    ]  # fmt: skip
    for label, value, limit in verdicts:
        print(f"{label:50} {value:6.2f}  (target <= {limit:g})  {'ok' if value <= limit else 'MISSED'}")
    print(f"{'first run on ' + format(LARGE, ',') + ' clusters (builds the cache)':50} {first_large:6.2f} s")
    print("\nworst cases (uwe --no-cache data check, then views, indented; targets: 10 s CPU, 512 MiB)")
    print(f"{'':50} {'wall':>8} {'CPU':>8} {'peak RSS':>10}")
    for name, seconds, cpu_seconds, peak in worst:
        verdict = "ok" if cpu_seconds <= 10 and peak <= 512 * 2**20 else "MISSED"
        print(f"{name:50} {seconds:6.2f} s {cpu_seconds:6.2f} s {peak / 2**20:7.1f}MiB  {verdict}")


if __name__ == "__main__":
    main()
