"""Adding a language takes what the README's "Adding a language" says, and nothing else.

In a copy of the source, data and tests, a language the tool does not have, Italian, is
added the way the README tells a contributor to: its registry entry, its name in every
catalogue, its own catalogue (made up here: the French one with a few entries in Italian),
the dataset's translations (the Dutch ones, renamed), the CLDR rules (scripts/update-cldr)
and its golden files (the golden tests' update switch). Then the copy's program answers in
Italian and the copy's catalogue, CLDR and language tests pass: no other code place had to
know about the language.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENTRY = """    "it": Registered(
        msg_p("language", "Italian"),
        "it_IT",
        ("italian", "italiano", "italien", "italiaans", "italienisch", "италиански"),
        lambda n: f"{n}º",
    ),
"""
# A few entries of the French catalogue, in Italian.
ITALIAN = {
    'msgid "Region"\nmsgstr "Région"': 'msgid "Region"\nmsgstr "Regione"',
    'msgid "Population"\nmsgstr "Population"': 'msgid "Population"\nmsgstr "Popolazione"',
}


def _copy(target: Path) -> None:
    skipped = shutil.ignore_patterns("__pycache__", "*.mo", ".pytest_cache", "*.egg-info")
    for folder in ("src", "data", "tests", "scripts"):
        shutil.copytree(ROOT / folder, target / folder, ignore=skipped)
    for name in ("pyproject.toml", "hatch_build.py"):
        shutil.copy2(ROOT / name, target / name)


def _add_italian(copy: Path) -> None:
    registry = copy / "src" / "uwe_cli" / "i18n" / "languages.py"
    text = registry.read_text(encoding="utf-8")
    assert text.endswith("}\n")
    registry.write_text(text[:-2] + ENTRY + "}\n", encoding="utf-8")
    locale = copy / "src" / "uwe_cli" / "i18n" / "locale"
    for po in sorted(locale.glob("*/LC_MESSAGES/uwe.po")):  # (its name, in every catalogue)
        with po.open("a", encoding="utf-8") as catalogue:
            catalogue.write('\nmsgctxt "language"\nmsgid "Italian"\nmsgstr "Italian"\n')
    french = (locale / "fr" / "LC_MESSAGES" / "uwe.po").read_text(encoding="utf-8")
    italian = french.replace('"Language: fr\\n"', '"Language: it\\n"')
    for entry, translated in ITALIAN.items():
        assert entry in italian
        italian = italian.replace(entry, translated)
    (locale / "it" / "LC_MESSAGES").mkdir(parents=True)
    (locale / "it" / "LC_MESSAGES" / "uwe.po").write_text(italian, encoding="utf-8")
    dutch = (copy / "data" / "translations" / "nl.po").read_text(encoding="utf-8")
    (copy / "data" / "translations" / "it.po").write_text(
        dutch.replace('"Language: nl\\n"', '"Language: it\\n"'), encoding="utf-8"
    )


def test_a_language_added_as_the_readme_says_works_everywhere(tmp_path: Path) -> None:
    copy = tmp_path / "uwe"
    _copy(copy)
    _add_italian(copy)
    # (the copy's source, whichever checkout the Python installed; the user's settings left out)
    env = {key: value for key, value in os.environ.items() if not key.startswith(("UWE_", "LANG", "LC_"))}
    env.update(PYTHONPATH=str(copy / "src"), PYTHONDONTWRITEBYTECODE="1", COLUMNS="80", UWE_NO_PAGER="1")
    env["UWE_CACHE_DIR"] = str(tmp_path / "cache")

    def run(*command: str, **extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(command, cwd=copy, env={**env, **extra}, capture_output=True, text=True, timeout=600)

    cldr = run(sys.executable, "scripts/update-cldr")
    assert cldr.returncode == 0, cldr.stderr

    shown = run(sys.executable, "-m", "uwe_cli", "--lang", "it", "regions")
    assert (shown.returncode, shown.stderr) == (0, "")
    assert "Regione" in shown.stdout and "Popolazione" in shown.stdout
    assert "30.500" in shown.stdout and "179,3%" in shown.stdout  # (numbers as Italian CLDR writes them)
    typed = run(sys.executable, "-m", "uwe_cli", "--lang", "italiano", "regions")
    assert typed.stdout == shown.stdout
    refused = run(sys.executable, "-m", "uwe_cli", "--lang", "zz", "regions")
    assert refused.stderr == "uwe: error: unknown language 'zz' (use en, fr, nl, de, bg or it)\n"

    build = run(sys.executable, "-c", "import runpy; runpy.run_path('hatch_build.py')['compile_catalogues']('.')")
    assert build.returncode == 0, build.stderr  # (what installing the package does: the .mo files)
    views = ("overview", "regions", "clusters-energy", "lessons", "schemes", "region-wallonia")
    checks = run(
        sys.executable, "-m", "pytest", "-v", "-p", "no:cacheprovider",
        "tests/test_catalogues.py::test_the_runtime_reads_every_catalogue_as_babel_does[it]",
        "tests/test_catalogues.py::test_the_build_compiles_every_catalogue",
        "tests/test_cldr.py::test_the_shipped_rules_are_what_babel_says_today",
        "tests/test_cldr.py::test_numbers_money_percentages_dates_and_lists_match_babel[it]",
        "tests/test_forms.py::test_every_message_translators_tools_extract_is_in_every_catalogue",
        "tests/test_languages.py::test_every_dataset_text_exists_in_every_language[it]",
        "tests/test_languages.py::test_every_help_text_is_in_every_catalogue[it]",
        # (written by the update switch, as a contributor writes them, then read)
        *(f"tests/test_languages.py::test_golden_output_at_80_columns[{view}-it]" for view in views),
        UWE_UPDATE_GOLDEN="1",
    )  # fmt: skip
    assert checks.returncode == 0, checks.stdout[-3000:]
    assert checks.stdout.count(" PASSED") == 13
    assert (copy / "tests" / "golden" / "it" / "regions.txt").read_text(encoding="utf-8") == shown.stdout
