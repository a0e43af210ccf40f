"""The wheel carries the dataset, so a non-editable install works from any folder."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from uwe_cli.dataset import store

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation", "-q", "-w", str(out)],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("uwe_cli-*.whl")
    return built


def test_wheel_contains_every_data_file(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {f"uwe_cli/data/{name}.yaml" for name in store.FILES} <= names
    # The interface's catalogues, compiled by the build (hatch_build.py) for gettext to read.
    assert {f"uwe_cli/i18n/locale/{lang}/LC_MESSAGES/uwe.mo" for lang in ("fr", "nl", "de", "bg")} <= names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "uwe = uwe_cli.__main__:run" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_installed_wheel_runs_from_another_folder(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()

    def uwe(*args: str) -> subprocess.CompletedProcess[str]:
        env = {"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin", "UWE_CACHE_DIR": str(tmp_path / "cache")}
        return subprocess.run(
            [sys.executable, "-m", "uwe_cli", *args], cwd=elsewhere, env=env, capture_output=True, text=True
        )

    path = uwe("data", "path")
    assert path.returncode == 0, path.stderr
    assert Path(path.stdout.strip()) == target / "uwe_cli" / "data"
    check = uwe("data", "check")
    assert check.returncode == 0, check.stderr
    assert check.stdout.startswith(
        "ok: 1 country, 3 regions, 1 community, 4 schemes, 27 clusters, 21 sectors, 13 lessons, 12 concepts, 7 glossary terms, 23 slides"
    )
    # Installed, uwe reads its compiled catalogues: no .po is parsed at run time.
    probe = (
        "from unittest import mock; from uwe_cli.i18n import language\n"
        "with mock.patch.object(language, 'parse_po', side_effect=AssertionError('a .po was parsed')):\n"
        "    print(language.Language('fr').gettext('Region'))\n"
    )
    env = {"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"}
    read = subprocess.run([sys.executable, "-c", probe], cwd=elsewhere, env=env, capture_output=True, text=True)
    assert (read.returncode, read.stdout, read.stderr) == (0, "Région\n", "")

    # `uwe site` from the wheel: its stylesheet is in the package too.
    site = uwe("site", "out")
    assert site.returncode == 0, site.stderr
    shipped = ROOT / "src" / "uwe_cli" / "output" / "site" / "style.css"
    assert (elsewhere / "out" / "style.css").read_bytes() == shipped.read_bytes()
    assert (elsewhere / "out" / "bg" / "region" / "wallonia.html").is_file()
