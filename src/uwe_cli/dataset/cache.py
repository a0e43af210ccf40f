"""A validated copy of each data folder, so that commands skip YAML parsing and validation.

One file per data folder in the user's cache directory (`$UWE_CACHE_DIR`, else
platformdirs' user cache dir): JSON, because a cache file must never be able to run code
(pickle could), laid out as

    {"format":"3","key":"<key>","digest":"<digest>","dataset":<the validated data>}

`key` is what the entry was built from (a hash of the folder's file contents, the tool's
version and FORMAT). `digest` is SHA-256 of the dataset's bytes, keyed with `key`.

Why a keyed digest, checked on every read, and nothing more: the cache must never make uwe
show what validating the files would not. A damaged, truncated or edited entry, one built
for other contents, or one copied from another folder fails the digest, and the caller
then rebuilds it from the YAML files, the one source of truth; re-validating the JSON
with the models instead would accept an edited entry that is still well-formed (a number
swapped for another) and would import pydantic on every start. Hashing the entry costs
a few milliseconds at 10,000 clusters. What the digest cannot stop is someone who
recomputes it: only a secret could, and any secret uwe keeps is readable by anyone who can
write the user's cache, who could as well edit the data files or uwe itself. So an entry
is also trusted only if it is a regular file, no larger than MAX_ENTRY_BYTES, owned by
the user and writable by no one else.

Old entries are pruned when an entry is written: the MAX_ENTRIES most recently written
are kept, and a temporary file older than STALE_SECONDS (what a killed writer leaves) is
removed. `clear()` removes everything uwe put there.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import time
from pathlib import Path
from typing import Any

from uwe_cli import __version__
from uwe_cli.dataset.readfile import NotRegular, TooLarge, read_regular
from uwe_cli.errors import system_reason
from uwe_cli.i18n.messages import Message, msg

ENV_VAR = "UWE_CACHE_DIR"
# The shape of a cache entry; raise it when what is written changes within a version.
FORMAT = "7"  # (7: a year is a figure, `{value, unit: year, quote, slide}`)
# Documented in README.md ("Speed and the cache").
MAX_ENTRIES = 16
MAX_ENTRY_BYTES = 64 * 1024 * 1024
STALE_SECONDS = 10 * 60

# The head of any entry, of this format or another (compiled only when an entry is not
# one for the contents at hand: a warm start compiles no pattern).
_ANY_HEAD = rb'\{"format":"[^"]{0,16}","key":"[0-9a-f]{64}","digest":"[0-9a-f]{64}","dataset":'
_DATASET = b'","dataset":'
# A \u escape of a surrogate (uwe never writes one), not itself escaped (\\ud800 is text).
_SURROGATE = rb"(?<!\\)(?:\\\\)*\\u[dD][89a-fA-F]"


def directory() -> Path:
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR])
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("uwe", appauthor=False))


def key(contents: dict[str, bytes]) -> str:
    """What a cache entry was built from: every file's name and bytes, the tool's version and FORMAT."""
    digest = hashlib.sha256(f"{__version__}\0{FORMAT}".encode())
    for name, raw in sorted(contents.items()):
        digest.update(f"\0{name}\0{len(raw)}\0".encode())
        digest.update(raw)
    return digest.hexdigest()


def entry_path(data_dir: Path) -> Path:
    # fsencode: a folder's name need not be valid UTF-8.
    folder = hashlib.sha256(os.fsencode(data_dir.resolve())).hexdigest()[:32]
    return directory() / f"dataset-{folder}.json"


def read(data_dir: Path, *, key: str) -> dict[str, Any] | None:
    """The dataset of the sound entry built for `key`, else None: the caller rebuilds it."""
    return inspect(data_dir, key=key)[0]


def inspect(data_dir: Path, *, key: str) -> tuple[dict[str, Any] | None, Message | None]:
    """(dataset, None) for a sound entry; (None, None) if there is none for `key`, or one
    built for other contents (stale, not damaged); (None, what is wrong) otherwise."""
    try:
        raw, info = read_regular(entry_path(data_dir), limit=MAX_ENTRY_BYTES)
    except FileNotFoundError:
        return None, None
    except (NotRegular, TooLarge) as exc:
        return None, exc.message
    except OSError as exc:
        return None, msg("cannot be read ({reason})", reason=system_reason(exc))
    if hasattr(os, "geteuid") and (info.st_uid != os.geteuid() or info.st_mode & 0o022):
        return None, msg("is not a file that only you can write")
    head = f'{{"format":"{FORMAT}","key":"{key}","digest":"'.encode()
    start = len(head) + 64 + len(_DATASET)
    if not raw.startswith(head):  # built for other contents or by another uwe: stale; or not the tool's
        return None, None if re.match(_ANY_HEAD, raw) else msg("is not a complete uwe cache entry")
    if raw[start - len(_DATASET) : start] != _DATASET or not raw.endswith(b"}"):
        return None, msg("is not a complete uwe cache entry")
    body = memoryview(raw)[start:-1]
    if _digest(body, key=key).encode() != raw[len(head) : len(head) + 64]:
        return None, msg("does not match its digest (damaged or edited)")
    try:
        # The whole entry, not a copy of its body: it is one JSON object when its body is JSON.
        dataset = json.loads(raw)["dataset"]
    except (ValueError, RecursionError):  # (only an entry whose digest was forged gets here)
        return None, msg("is not valid JSON")
    if type(dataset) is not dict or ((b"\\ud" in raw or b"\\uD" in raw) and re.search(_SURROGATE, raw)):
        # (uwe writes text as UTF-8, never as \u escapes of surrogates: one alone is no text)
        return None, msg("is not a dataset")
    return dataset, None


def fits(body: bytes) -> bool:
    """Whether an entry for `body` is small enough to be read back (MAX_ENTRY_BYTES)."""
    return len(body) <= MAX_ENTRY_BYTES - 200


def write(data_dir: Path, *, key: str, body: bytes) -> bool:
    """Keep `body`, the dataset's JSON built for `key`, then prune; whether it was kept.
    Never fails: a cache that cannot be written only costs time."""
    if not fits(body):  # (it could never be read back)
        return False
    from uwe_cli import newfile

    path = entry_path(data_dir)
    head = f'{{"format":"{FORMAT}","key":"{key}","digest":"{_digest(body, key=key)}'.encode() + _DATASET
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Whole or not at all, as every file uwe writes: a reader sees the old entry or the
        # new one, a writer stopped by an error or a signal leaves no temporary file, and
        # only the user may read or write it. Not waiting for the disk (durable=False) saves
        # 20 to 30 ms per 3 MB written (10,000 clusters, measured on ext4): an entry a crash
        # damages fails its digest and is rebuilt.
        newfile.create(path, head + body + b"}", replace=True, mode=0o600, durable=False)
        prune(keep=path)
    except OSError:  # an unwritable cache directory only costs time
        return False
    return True


def prune(*, keep: Path | None = None) -> None:
    """Keep the MAX_ENTRIES most recently written entries; remove stale temporary files."""
    entries: list[tuple[float, str]] = []
    for item, modified in _listing():
        if _is_temporary(item.name):
            if time.time() - modified > STALE_SECONDS:  # a writer that was killed
                _remove(item.path)
        elif keep is None or item.path != str(keep):
            entries.append((modified, item.path))
    entries.sort(reverse=True)
    for _, path in entries[MAX_ENTRIES - (keep is not None) :]:
        _remove(path)


def clear() -> int:
    """Remove every entry and temporary file of the cache; how many were removed."""
    return sum(_remove(item.path) for item, _ in _listing())


def _listing() -> list[tuple[os.DirEntry[str], float]]:
    """The tool's files in the cache directory (entries and temporaries), with their mtimes."""
    found = []
    try:
        with os.scandir(directory()) as items:
            for item in items:
                if _is_temporary(item.name) or (item.name.startswith("dataset-") and item.name.endswith(".json")):
                    with contextlib.suppress(OSError):
                        found.append((item, item.stat(follow_symlinks=False).st_mtime))
    except OSError:
        pass
    return found


def _is_temporary(name: str) -> bool:
    # (newfile's temporary names; `.dataset-`: those an earlier uwe, before newfile, left)
    return name.startswith((".uwe-", ".dataset-")) and name.endswith(".tmp")


def _remove(path: str) -> bool:
    try:
        os.unlink(path)  # (a folder with an entry's name is left alone: unlink refuses it)
    except OSError:
        return False
    return True


def _digest(body: bytes | memoryview, *, key: str) -> str:
    # SHA-256 of the key's 32 bytes, then the body: keyed by a fixed-length prefix. (With no
    # secret involved, HMAC would add nothing but an import; SHA-256 is the fastest hash
    # hashlib has where CPUs accelerate it: 3 ms for the 3 MB of 10,000 clusters.)
    digest = hashlib.sha256(bytes.fromhex(key))
    digest.update(body)
    return digest.hexdigest()
