"""`uwe site` in a real browser: headless Chromium (Debian's `chromium`) opens the pages from
`file://`, shows them, and asks nothing of the network; the home page in each language is
kept as a screenshot at 375 and 1280 pixels under build/site-screenshots/ for review.

.ci/run installs Chromium and sets UWE_BROWSER_TESTS=1, so that there a missing browser
fails these tests instead of skipping them.
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
import tempfile
from pathlib import Path

import pytest

from uwe_cli.dataset import store
from uwe_cli.output.site import build, folder
from uwe_cli.vocabulary import LANGS

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SHOTS = Path(__file__).resolve().parents[1] / "build" / "site-screenshots"

if CHROMIUM is None:
    if os.environ.get("UWE_BROWSER_TESTS"):
        raise RuntimeError("UWE_BROWSER_TESTS is set but no chromium is installed (apt-get install chromium)")
    pytest.skip("no chromium here (.ci/run installs it)", allow_module_level=True)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("browser") / "site"
    ds = store.load_dataset(store.shipped_data_dir(), use_cache=False)
    folder.write(target, lambda part, parts: build.files(ds, part=part, parts=parts), force=False)
    return target


def _chromium(*args: str) -> subprocess.CompletedProcess[str]:
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run(
            [CHROMIUM or "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--no-first-run", "--hide-scrollbars", f"--user-data-dir={profile}", *args],
            capture_output=True, text=True, timeout=180, check=False,
        )  # fmt: skip


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", path
    width, height = struct.unpack(">II", header[16:24])
    return int(width), int(height)


@pytest.mark.parametrize("lang", list(LANGS))
def test_home_page_screenshots_at_375_and_1280_pixels(site: Path, lang: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width in (375, 1280):
        shot = SHOTS / f"home-{lang}-{width}.png"
        shot.unlink(missing_ok=True)
        run = _chromium(f"--window-size={width},1400", f"--screenshot={shot}", (site / lang / "index.html").as_uri())
        assert shot.is_file(), run.stderr[-2000:]
        assert _png_size(shot) == (width, 1400)


def _requests_of_the_page(url: str) -> tuple[str, list[str]]:
    """The page's DOM as the browser built it, and every network request the page made
    (the browser's own, for updates and the like, start from no origin and are left out)."""
    with tempfile.TemporaryDirectory() as logs:
        log = Path(logs) / "net.json"
        run = _chromium(f"--log-net-log={log}", "--virtual-time-budget=3000", "--dump-dom", url)
        text = log.read_text(encoding="utf-8").rstrip().rstrip(",")
    # (Chromium may end the log without closing it)
    for ending in ("", "]}", "}]}"):
        try:
            netlog = json.loads(text + ending)
            break
        except json.JSONDecodeError:
            continue
    else:
        raise AssertionError("unreadable net log")
    start = netlog["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    asked = [e["params"] for e in netlog["events"] if e["type"] == start and "url" in e.get("params", {})]
    return run.stdout, [p["url"] for p in asked if p.get("initiator") != "not an origin"]


@pytest.mark.parametrize("page", ["index.html", "bg/index.html", "bg/region/wallonia.html", "bg/slide/wallonia.html",
                                  "fr/regions.html", "de/clusters.html"])  # fmt: skip
def test_pages_open_from_file_and_fetch_nothing_from_the_network(site: Path, page: str) -> None:
    dom, requests = _requests_of_the_page((site / page).as_uri())
    assert "<h1>" in dom and "</main>" in dom
    assert requests == []


def test_the_network_check_sees_a_request_a_page_makes(tmp_path: Path) -> None:
    # (the control: were the check blind, the test above could not fail)
    page = tmp_path / "leaky.html"
    page.write_text('<!DOCTYPE html><html lang="en"><title>x</title><h1>x</h1><main><img src="http://127.0.0.1:9/x.png" '
                    'alt=""></main></html>', encoding="utf-8")  # fmt: skip
    _, requests = _requests_of_the_page(page.as_uri())
    assert requests == ["http://127.0.0.1:9/x.png"]
