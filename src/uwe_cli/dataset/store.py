"""Find, read, validate and cross-check a data folder; knows nothing of the command line.

A data folder holds one YAML file per kind of record (see FILES). Every problem found is
collected, located (file, line, column, field) and raised together as one `DataError`, so
that `uwe data check` can list them all and other commands can show the first.

Validation (PyYAML and pydantic, the costly part) runs only when the folder's contents
have no valid cache entry (cache.py); otherwise the validated data is read back as JSON.
"""

from __future__ import annotations

import errno
import json
import os
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext, suppress
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from uwe_cli.dataset import cache
from uwe_cli.dataset.readfile import NotRegular, TooLarge, not_utf8, read_regular
from uwe_cli.dataset.records import Dataset
from uwe_cli.errors import DataError, Problem, Worded, system_reason
from uwe_cli.i18n import translations
from uwe_cli.i18n.messages import Message, Quantity, msg, msg_n

if TYPE_CHECKING:
    from uwe_cli.dataset import models
    from uwe_cli.dataset.yamlfile import YamlDocument

# The files of a data folder, in the order problems are reported.
FILES = ("about", "regions", "schemes", "clusters", "sectors", "lessons", "concepts")
ENV_VAR = "UWE_DATA_DIR"
# What bounds the memory and time of reading any folder: its bytes and its values
# (scalars, lists, mappings), all files together. Measured with generated worst cases
# (benchmarks/run.py); documented in README.md ("Data folder limits").
MAX_FOLDER_BYTES = 16 * 1024 * 1024
MAX_FILE_BYTES = MAX_FOLDER_BYTES
MAX_VALUES = 500_000
# Above this many bytes of YAML, a first (uncached) read is slow enough to show progress.
SLOW_BYTES = 512 * 1024


def shipped_data_dir() -> Path:
    """The dataset that comes with uwe: inside the installed package, else the source checkout."""
    package = Path(__file__).resolve().parents[1]
    installed = package / "data"
    return installed if installed.is_dir() else package.parents[1] / "data"


def resolve_data_dir(explicit: Path | None) -> Path:
    """The folder to read: `explicit` if given, then $UWE_DATA_DIR, then the shipped data."""
    if explicit is not None:
        return explicit
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR])
    return shipped_data_dir()


def load_dataset(
    data_dir: Path,
    *,
    use_cache: bool = True,
    on_slow_load: Callable[[int], AbstractContextManager[object]] | None = None,
) -> Dataset:
    """The validated dataset of `data_dir`, from the cache when its contents are unchanged.

    Raises one DataError listing every problem. `on_slow_load(total_bytes)` is entered
    while a large folder is validated, for the caller to show progress.
    """
    contents, unreadable = _read_files(data_dir)
    if unreadable:  # still parse the rest, so that every problem is reported at once
        validate(data_dir, contents, unreadable)
    built_for = cache.key(contents)
    if use_cache:
        cached = cache.read(data_dir, key=built_for)
        if cached is not None:
            _from_cache.append(data_dir)
            return Dataset(cached)  # type: ignore[arg-type]  # (what _json wrote: shapes.DatasetData)
    size = sum(len(raw) for raw in contents.values())
    with on_slow_load(size) if on_slow_load and size > SLOW_BYTES else nullcontext():
        dataset = validate(data_dir, contents)
        data: Any = _translated(_json(dataset), contents, data_dir)  # (shapes.DatasetData)
        del contents, dataset  # (not needed any more: the peak memory of a large folder is lower without)
    if use_cache:
        body = _body(data)
        if not cache.write(data_dir, key=built_for, body=body) and not cache.fits(body):
            too_large.append(len(body))
    # What a later run reads from the cache: plain JSON data (dicts, lists, strings, numbers),
    # as _json and _translated build it, so the first run shows the same.
    return Dataset(data)


# The values of each folder's YAML files, as validate() counted them.
_values: dict[str, int] = {}

# The size of each dataset this process validated that the cache cannot keep: the caller
# says so (a folder validated again on every run, in silence, would only seem slow).
too_large: list[int] = []

# The folders whose dataset this process read from the cache (see `discard_cached`).
_from_cache: list[Path] = []


def discard_cached() -> bool:
    """Remove the cache entries this process read; whether there were any.

    An entry passes its digest only if uwe wrote it or someone recomputed the digest; what
    a command cannot use is taken for the latter: the caller runs the command again, and
    the dataset is rebuilt from the files (cache.py)."""
    found = bool(_from_cache)
    for data_dir in _from_cache:
        with suppress(OSError):
            cache.entry_path(data_dir).unlink()
    _from_cache.clear()
    return found


def check(data_dir: Path, *, use_cache: bool = True) -> tuple[Dataset, Message | None]:
    """Validate `data_dir` from its files, never the cache; then check its cache entry.

    Returns the dataset, and what was wrong with the cache entry (rebuilt since), if
    anything. An entry is also compared with what the files say, which catches even an
    edited entry whose digest was recomputed (cache.py says why reads do not).
    """
    contents, unreadable = _read_files(data_dir)
    data: Any = _translated(_json(validate(data_dir, contents, unreadable)), contents, data_dir)  # (shapes.DatasetData)
    if not use_cache:
        return Dataset(data), None
    built_for = cache.key(contents)
    body = _body(data)
    cached, problem = cache.inspect(data_dir, key=built_for)
    if cached is not None and cached != data:
        problem = msg("differs from what the data files say")
    rebuilt = (cached is None or problem is not None) and cache.write(data_dir, key=built_for, body=body)
    if not cache.fits(body):
        too_large.append(len(body))
    if problem is None:
        return Dataset(data), None
    entry = cache.entry_path(data_dir)
    if rebuilt:
        return Dataset(data), msg("{entry} {problem}; rebuilt", entry=entry, problem=problem)
    return Dataset(data), msg("{entry} {problem}; left as it is: the cache cannot be written", entry=entry,
                              problem=problem)  # fmt: skip


def load_models(data_dir: Path) -> models.DatasetModel:
    """The dataset of `data_dir` as pydantic models, validated now (no cache)."""
    return validate(data_dir, *_read_files(data_dir))


def validate(
    data_dir: Path, contents: dict[str, bytes], unreadable: dict[str, Problem] | None = None
) -> models.DatasetModel:
    """Parse, validate and cross-check the files' bytes; raise one DataError for all problems.

    `unreadable` holds the problem of each file that could not be read.
    """
    from uwe_cli.dataset import models
    from uwe_cli.dataset.checks.findings import locate
    from uwe_cli.dataset.checks.separators import dotted_thousands
    from uwe_cli.dataset.checks.validation import MAX_LISTED, validate_file
    from uwe_cli.dataset.yamlfile import TooManyValues, YamlProblem, parse_yaml

    problems: list[Problem] = []
    count = 0  # the problems found: more than `problems` when some are not listed
    parts: dict[str, Any] = {}
    docs: dict[str, YamlDocument] = {}
    counted = 0  # values of the files read so far: MAX_VALUES bounds the folder's cost
    for name in FILES:
        display = str(data_dir / f"{name}.yaml")
        if unreadable and name in unreadable:
            problems.append(unreadable[name])
            continue
        try:
            doc = docs[name] = parse_yaml(contents[name], display=display, max_values=MAX_VALUES, counted=counted)
        except TooManyValues as exc:  # (the files after it cannot be read within the limit either)
            problems.append(exc.problem)
            break
        except YamlProblem as exc:
            problems.append(exc.problem)
            continue
        counted += doc.values
        # regions.yaml is described by models.RegionsFile, and so on.
        file_model = getattr(models, f"{name.capitalize()}File")
        found_separators = list(dotted_thousands(doc, contents[name].decode("utf-8", "replace"), name=name))
        content, found = validate_file(file_model, doc.data, key=name)
        found += found_separators
        doc.data = None  # validated: from here on, the models hold it
        problems.extend(locate(found, docs=docs, data_dir=data_dir))
        count += sum(f.count for f in found) - len(found)
        if content is not None:
            parts[name] = content
    # (a translation file that cannot be read: translations.py's, not a file of FILES)
    others = [problem for name, problem in (unreadable or {}).items() if name not in FILES]
    count += max(len(others) - MAX_LISTED, 0)  # (listed as any file's problems are: the first MAX_LISTED)
    problems += others[:MAX_LISTED]
    if problems:
        raise DataError(problems, folder=str(data_dir), count=count + len(problems))
    _values[str(data_dir)] = counted  # (what the folder's translations may still add: _translated)
    _cross_check(parts, docs, data_dir)
    # The Dataset's fields are the fields of the files' top-level mappings.
    fields = {key: getattr(content, key) for content in parts.values() for key in type(content).model_fields}
    return models.DatasetModel(**fields)


def _cross_check(parts: dict[str, Any], docs: dict[str, YamlDocument], data_dir: Path) -> None:
    """Raise one DataError for the problems between the validated files, causes first."""
    from uwe_cli.dataset.checks import crosscheck
    from uwe_cli.dataset.checks.findings import locate
    from uwe_cli.dataset.checks.validation import MAX_LISTED

    checks = crosscheck.check(parts, FILES)  # type: ignore[arg-type]  # (every file of FILES, validated)
    findings = list(islice(checks, MAX_LISTED))
    if not findings:
        return
    order = {name: i for i, name in enumerate(FILES)}
    located = zip(findings, locate(findings, docs=docs, data_dir=data_dir), strict=True)

    # A scheme's count of groupings that disagrees with clusters.yaml is most often the
    # consequence of a reference that does not resolve: causes are reported first.
    def rank(fp: tuple[Any, Problem]) -> tuple[bool, int, int, int]:
        finding, problem = fp
        consequence = bool(problem.field and problem.field.endswith(".groupings"))
        return consequence, order[finding.name], problem.line or 0, problem.column or 0

    problems = [p for _, p in sorted(located, key=rank)]
    more = sum(1 for _ in checks)
    if more:
        listed = msg_n("and {n} more problem between the files (only the first {limit} are listed)",
                       "and {n} more problems between the files (only the first {limit} are listed)",
                       n=more, limit=Quantity(MAX_LISTED))  # fmt: skip
        problems.append(Problem(str(data_dir), listed))
    raise DataError(problems, folder=str(data_dir), count=len(findings) + more)


def _json(dataset: models.DatasetModel) -> dict[str, Any]:
    """The validated dataset as plain JSON data: what the cache keeps and every command reads."""
    from pydantic import TypeAdapter

    from uwe_cli.dataset import facts, models

    data: dict[str, Any] = json.loads(TypeAdapter(models.DatasetModel).dump_json(dataset))
    facts.resolve(data)  # (every fact with its one slide: what every reader of the data relies on)
    return data


def _body(data: dict[str, Any]) -> bytes:
    """The data as the cache keeps it. (Written once: the data is passed on as it is, not
    written and parsed again at each step, which took seconds for a 16 MiB folder.)"""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _read_files(data_dir: Path) -> tuple[dict[str, bytes], dict[str, Problem]]:
    """The bytes of every file of the folder, and the problem of each one that cannot be read."""
    _check_folder(data_dir)
    contents: dict[str, bytes] = {}
    unreadable: dict[str, Problem] = {}
    left = MAX_FOLDER_BYTES
    for name in FILES:
        path = data_dir / f"{name}.yaml"
        try:
            contents[name] = raw = _read_file(path, limit=min(MAX_FILE_BYTES, left), folder=left < MAX_FILE_BYTES)
            left -= len(raw)
        except _Unreadable as exc:
            unreadable[name] = Problem(str(path), exc.message)
    # The dataset's texts in other languages (translations.py), under the same limits.
    paths, problem = _translation_files(data_dir)
    if problem is not None:
        unreadable[f"{translations.FOLDER}/"] = problem
    for path in paths:
        name = f"{translations.FOLDER}/{path.name}"
        try:
            contents[name] = raw = _read_file(path, limit=min(MAX_FILE_BYTES, left), folder=left < MAX_FILE_BYTES)
            left -= len(raw)
        except _Unreadable as exc:
            unreadable[name] = Problem(str(path), exc.message)
    return contents, unreadable


def _translation_files(data_dir: Path) -> tuple[list[Path], Problem | None]:
    """The folder's PO files (every one: a badly named one is a problem, found when the
    files are validated), and the problem of a translations folder that cannot be listed."""
    folder = data_dir / translations.FOLDER
    try:
        names = sorted(os.listdir(folder))
    except (FileNotFoundError, NotADirectoryError):
        return [], None
    except OSError as exc:
        return [], Problem(str(folder), msg("cannot be read ({reason})", reason=system_reason(exc)))
    return [folder / n for n in names if n.endswith(".po") and not n.startswith(".")], None


def _translated(data: dict[str, Any], contents: dict[str, bytes], data_dir: Path) -> dict[str, Any]:
    """The validated data with the texts of the folder's translations added (translations.py),
    in place; the outdated ones are kept as `translation_notes`, for `uwe data check` to list."""
    prefix = f"{translations.FOLDER}/"
    catalogues = {name[len(prefix) : -3]: raw for name, raw in contents.items() if name.startswith(prefix)}
    if not catalogues:
        return data
    misnamed = [Problem(str(data_dir / f"{prefix}{lang}.po"), problem)
                for lang, problem in translations.misnamed(catalogues)]  # fmt: skip
    if misnamed:
        raise DataError(misnamed[:1_000], count=len(misnamed))  # (validation.MAX_LISTED)
    texts: dict[str, str] = {}
    for lang, raw in catalogues.items():
        try:
            texts[lang] = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            path = data_dir / f"{prefix}{lang}.po"
            raise DataError([Problem(str(path), not_utf8(raw, exc))]) from None
    from uwe_cli.dataset.checks.validation import MAX_LISTED

    left = [MAX_VALUES - _values.get(str(data_dir), 0)]
    try:
        outdated = translations.apply(data, texts, values=left, max_values=MAX_VALUES)
    except translations.NotPO as exc:
        path = data_dir / f"{prefix}{exc.lang}.po"
        if isinstance(exc, translations.PastLimit):
            raise DataError([Problem(str(path), exc.message, exc.line)]) from None
        not_po = msg("is not a gettext PO file ({reason})", reason=exc.message)
        raise DataError([Problem(str(path), not_po, exc.line)]) from None
    # As many as any list of problems (MAX_LISTED), then their number.
    data["translation_notes"] = [
        {"file": f"{prefix}{o.lang}.po", "lang": o.lang, "address": o.address, "cause": o.cause}
        for o in outdated[:MAX_LISTED]
    ]
    data["translation_notes_more"] = max(len(outdated) - MAX_LISTED, 0)
    return data


class _Unreadable(Worded):
    pass


def _read_file(path: Path, *, limit: int, folder: bool) -> bytes:
    """The file's bytes; `folder`: the limit is what is left of the folder's."""
    try:
        # Only a regular file, opened without waiting (a FIFO never blocks) and checked once
        # open, so that nothing swapped in between the check and the open is read.
        return read_regular(path, limit=limit)[0]
    except TooLarge as exc:
        if folder:
            raise _Unreadable(msg("file is too large: the files of a data folder may hold {limit} bytes in all",
                                  limit=Quantity(MAX_FOLDER_BYTES))) from None  # fmt: skip
        raise _Unreadable(exc.message) from None
    except NotRegular as exc:
        raise _Unreadable(exc.message) from None
    except FileNotFoundError:
        raise _Unreadable(msg("file is missing")) from None
    except OSError as exc:
        raise _Unreadable(msg("cannot be read ({reason})", reason=system_reason(exc))) from None


def init_data_dir(target: Path) -> list[Path]:
    """Copy the shipped dataset into `target` for editing; never over an existing file, all or
    nothing (newfolder.py)."""
    from uwe_cli.dataset import newfolder

    source = shipped_data_dir()
    files = [f"{name}.yaml" for name in FILES]
    files += [f"{translations.FOLDER}/{path.name}" for path in _translation_files(source)[0]]
    return newfolder.copy(source, target, files=files, data_files=[f"{n}.yaml" for n in FILES])


def _check_folder(data_dir: Path) -> None:
    try:
        os.stat(data_dir)
    except (FileNotFoundError, NotADirectoryError):
        pass
    except OSError as exc:  # (a symbolic link loop, a name too long: it exists, or cannot be told)
        unreadable = msg("data folder cannot be read ({reason})", reason=system_reason(exc))
        raise DataError([Problem(str(data_dir), unreadable)]) from None
    if not data_dir.exists():
        from uwe_cli.shell import command

        make = command("uwe", "data", "init", names=(os.fsdecode(data_dir),))
        make_one = msg("check the path, or make one with '{command}'", command=make)
        raise DataError([Problem(str(data_dir), msg("data folder does not exist"), hint=make_one)])
    if not data_dir.is_dir():
        raise DataError([Problem(str(data_dir), msg("is not a folder (expected a data folder of YAML files)"))])
    if not os.access(data_dir, os.R_OK | os.X_OK):
        denied = system_reason(PermissionError(errno.EACCES, ""))
        raise DataError([Problem(str(data_dir), msg("data folder cannot be read ({reason})", reason=denied))])
