"""A validated copy of each data folder, so that commands skip YAML parsing and validation.

One JSON file per data folder in the user's cache directory (`$UWE_CACHE_DIR`, else
platformdirs' user cache dir), holding the validated dataset and the key it was built
for: a hash of the folder's file contents and uwe's version. JSON, because a cache file
must never be able to run code (pickle could). A file that is missing, corrupt, or built
for other contents is ignored and rebuilt; one that cannot be written is skipped: the
cache only ever saves time, it never decides what uwe shows.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from uwe_cli import __version__

ENV_VAR = "UWE_CACHE_DIR"
# The shape of a cache entry; raise it when what store.py writes changes within a version.
FORMAT = "2"


def directory() -> Path:
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR])
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("uwe", appauthor=False))


def key(contents: dict[str, bytes]) -> str:
    """What a cache entry was built from: every file's name and bytes, uwe's version and FORMAT."""
    digest = hashlib.sha256(f"{__version__}\0{FORMAT}".encode())
    for name, raw in sorted(contents.items()):
        digest.update(f"\0{name}\0{len(raw)}\0".encode())
        digest.update(raw)
    return digest.hexdigest()


def _path(data_dir: Path) -> Path:
    # fsencode: the path's own bytes, which need not be UTF-8 (str(path).encode() would fail).
    folder = hashlib.sha256(os.fsencode(data_dir.resolve())).hexdigest()[:32]
    return directory() / f"dataset-{folder}.json"


def read(data_dir: Path, wanted: str) -> dict[str, Any] | None:
    try:
        entry = json.loads(_path(data_dir).read_bytes())
    except (OSError, ValueError):  # missing, unreadable or corrupt: rebuild
        return None
    if not isinstance(entry, dict) or entry.get("key") != wanted or not isinstance(entry.get("dataset"), dict):
        return None
    return entry["dataset"]


def write(data_dir: Path, built_for: str, dataset: dict[str, Any]) -> None:
    import tempfile

    path = _path(data_dir)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Write aside, then rename: a reader sees the old entry or the new one, never half.
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".dataset-", suffix=".tmp")
        try:
            # dumps, not dump: dump encodes piece by piece in Python, several times slower.
            content = json.dumps({"key": built_for, "dataset": dataset}, ensure_ascii=False, separators=(",", ":"))
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(content)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        pass  # an unwritable cache directory only costs time
