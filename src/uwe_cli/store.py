"""Find, read, validate and cross-check a data folder; knows nothing of the command line.

A data folder holds one YAML file per kind of record (see FILES). Every problem found is
collected, located (file, line, column, field) and raised together as one `DataError`, so
that `uwe data check` can list them all and other commands can show the first.

Validation (PyYAML and pydantic, the costly part) runs only when the folder's contents
have no valid cache entry (cache.py); otherwise the validated data is read back as JSON.
"""

from __future__ import annotations

import os
import stat
import typing
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Any

from uwe_cli import cache
from uwe_cli.errors import DataError, Problem
from uwe_cli.dataset import Dataset

if TYPE_CHECKING:
    from pydantic import BaseModel

    from uwe_cli import models
    from uwe_cli.yamlfile import YamlDocument

# The files of a data folder, in the order problems are reported.
FILES = ("about", "regions", "schemes", "clusters", "sectors", "lessons", "concepts")
ENV_VAR = "UWE_DATA_DIR"
# Documented in README.md ("Data folder limits").
MAX_FILE_BYTES = 16 * 1024 * 1024
# Above this many bytes of YAML, a first (uncached) read is slow enough to show progress.
SLOW_BYTES = 512 * 1024


def shipped_data_dir() -> Path:
    """The dataset that comes with uwe: inside the installed package, else the source checkout."""
    here = Path(__file__).resolve().parent
    installed = here / "data"
    return installed if installed.is_dir() else here.parents[1] / "data"


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
        cached = cache.read(data_dir, built_for)
        if cached is not None:
            return Dataset(cached)
    size = sum(len(raw) for raw in contents.values())
    slow = on_slow_load(size) if on_slow_load and size > SLOW_BYTES else nullcontext()
    with slow:
        data = validate(data_dir, contents).model_dump(mode="json")
    if use_cache:
        cache.write(data_dir, built_for, data)
    return Dataset(data)


def load_models(data_dir: Path) -> models.DatasetModel:
    """The dataset of `data_dir` as pydantic models, validated now (no cache)."""
    return validate(data_dir, *_read_files(data_dir))


def validate(data_dir: Path, contents: dict[str, bytes], unreadable: dict[str, Problem] | None = None) -> models.DatasetModel:
    """Parse, validate and cross-check the files' bytes; raise one DataError for all problems.

    `unreadable` holds the problem of each file that could not be read.
    """
    from uwe_cli import models
    from uwe_cli.yamlfile import YamlProblem, parse_yaml

    problems: list[Problem] = []
    parts: dict[str, tuple[Any, YamlDocument]] = {}
    for name in FILES:
        display = str(data_dir / f"{name}.yaml")
        if unreadable and name in unreadable:
            problems.append(unreadable[name])
            continue
        try:
            doc = parse_yaml(contents[name], display=display)
        except YamlProblem as exc:
            problems.append(exc.problem)
            continue
        # regions.yaml is described by models.RegionsFile, and so on.
        file_model = getattr(models, f"{name.capitalize()}File")
        content, found = _validate(file_model, doc, display, key=name)
        problems.extend(found)
        if content is not None:
            parts[name] = (content, doc)
    if problems:
        raise DataError(problems, folder=str(data_dir))
    order = {str(data_dir / f"{name}.yaml"): i for i, name in enumerate(FILES)}
    problems = sorted(_cross_check(parts, data_dir), key=lambda p: (order.get(p.file, 0), p.line or 0, p.column or 0))
    if problems:
        raise DataError(problems, folder=str(data_dir))
    # The Dataset's fields are the fields of the files' top-level mappings.
    fields = {key: getattr(content, key) for content, _ in parts.values() for key in type(content).model_fields}
    return models.DatasetModel(**fields)


def _read_files(data_dir: Path) -> tuple[dict[str, bytes], dict[str, Problem]]:
    """The bytes of every file of the folder, and the problem of each one that cannot be read."""
    _check_folder(data_dir)
    contents: dict[str, bytes] = {}
    unreadable: dict[str, Problem] = {}
    for name in FILES:
        path = data_dir / f"{name}.yaml"
        try:
            contents[name] = _read_file(path)
        except _Unreadable as exc:
            unreadable[name] = Problem(str(path), str(exc))
    return contents, unreadable


class _Unreadable(Exception):
    pass


def _read_file(path: Path) -> bytes:
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise _Unreadable("is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            # A FIFO or a device would block or never end: only plain files are read.
            raise _Unreadable("is not a regular file")
        if info.st_size > MAX_FILE_BYTES:
            raise _Unreadable(f"file is too large ({info.st_size:,} bytes; the limit is {MAX_FILE_BYTES:,})")
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)  # never more, even if the file grows meanwhile
    except FileNotFoundError:
        raise _Unreadable("file is missing") from None
    except PermissionError:
        raise _Unreadable("cannot be read (permission denied)") from None
    except OSError as exc:
        raise _Unreadable(f"cannot be read ({exc.strerror or exc})") from None
    if len(raw) > MAX_FILE_BYTES:
        raise _Unreadable(f"file is too large (the limit is {MAX_FILE_BYTES:,} bytes)")
    return raw


def init_data_dir(target: Path) -> list[Path]:
    """Copy the shipped dataset into `target` for editing; never over an existing file."""
    source = shipped_data_dir()
    if target.exists() and not target.is_dir():
        raise DataError([Problem(str(target), "exists and is not a folder")])
    clashes = [target / f"{n}.yaml" for n in FILES if (target / f"{n}.yaml").exists()]
    if clashes:
        raise DataError([Problem(str(clashes[0]), "already exists; uwe never overwrites a data file")])
    try:
        contents = {name: (source / f"{name}.yaml").read_bytes() for name in FILES}
    except OSError as exc:
        raise DataError([Problem(str(source), f"the shipped data cannot be read ({exc.strerror or exc})")]) from None
    written: list[Path] = []
    try:
        target.mkdir(parents=True, exist_ok=True)
        for name, raw in contents.items():
            path = target / f"{name}.yaml"
            # "x": fail rather than replace a file that appeared since the check above.
            with path.open("xb") as out:
                written.append(path)
                out.write(raw)
    except OSError as exc:
        for path in written:  # all or nothing: no half-copied dataset left behind
            path.unlink(missing_ok=True)
        raise DataError([Problem(str(target), f"cannot write there ({exc.strerror or exc})")]) from None
    return written


def _check_folder(data_dir: Path) -> None:
    if not data_dir.exists():
        raise DataError([Problem(str(data_dir), "data folder does not exist")])
    if not data_dir.is_dir():
        raise DataError([Problem(str(data_dir), "is not a folder (expected a data folder of YAML files)")])
    if not os.access(data_dir, os.R_OK | os.X_OK):
        raise DataError([Problem(str(data_dir), "data folder cannot be read (permission denied)")])


def _validate(file_model: type[BaseModel], doc: YamlDocument, display: str, *, key: str) -> tuple[Any, list[Problem]]:
    from pydantic import ValidationError

    if not isinstance(doc.data, dict):
        kind = "a list" if isinstance(doc.data, list) else f"a single value ({type(doc.data).__name__})"
        line, column = doc.position(())
        return None, [Problem(display, f"expected a mapping with the key '{key}:', got {kind}", line, column)]
    try:
        return file_model.model_validate(doc.data), []
    except ValidationError as exc:
        return None, [_problem(file_model, doc, display, err) for err in exc.errors(include_url=False)]


def _problem(file_model: type[BaseModel], doc: YamlDocument, display: str, err: Any) -> Problem:
    from uwe_cli.lookup import suggestion

    loc = tuple(err["loc"])
    kind = err["type"]
    line, column = doc.position(loc)
    if kind == "missing":
        return Problem(display, f"missing required field '{loc[-1]}'", line, column, _dotted(loc[:-1]) or None)
    if kind == "extra_forbidden":
        known = _fields_at(file_model, loc[:-1])
        message = f"unknown field '{loc[-1]}'" + (
            suggestion(str(loc[-1]), known) or (f" (expected one of: {', '.join(known)})" if known else "")
        )
        return Problem(display, message, line, column, _dotted(loc[:-1]) or None)
    message = _PLAIN_MESSAGES.get(kind) or err["msg"].removeprefix("Value error, ").replace("Input should", "should")
    if kind == "model_type" and err.get("ctx", {}).get("class_name") == "Text":
        message = "should be a text: a string, or {fr: ..., en: ...}"
    value = err.get("input")
    if kind != "value_error" and (value is None or isinstance(value, (str, int, float, bool))):
        shown = repr(value)
        message += f", got {shown[:60] + '…' if len(shown) > 60 else shown}"
    return Problem(display, message, line, column, _dotted(loc))


# pydantic's words for the commonest mistakes, said the way a data file's author thinks.
_PLAIN_MESSAGES = {
    "string_pattern_mismatch": "should be a lowercase id of letters, digits and single hyphens (like 'cap-2020')",
    "string_type": "should be text",
    "string_too_short": "should not be empty",
    "tuple_type": "should be a list",
    "list_type": "should be a list",
    "model_type": "should be a mapping (field: value, ...)",
    "dict_type": "should be a mapping (field: value, ...)",
    "int_type": "should be a whole number",
    "int_parsing": "should be a whole number",
    "int_from_float": "should be a whole number",
    "bool_type": "should be true or false",
    "bool_parsing": "should be true or false",
    "date_type": "should be a date (YYYY-MM-DD)",
    "date_from_datetime_parsing": "should be a date (YYYY-MM-DD)",
}


def _dotted(loc: Iterable[Any]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The field names of the model found at `loc`, for 'did you mean' suggestions."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part)
        current = _model_in(field.annotation) if field else None
        if current is None:
            return []
    return list(current.model_fields)


def _model_in(annotation: Any) -> type[BaseModel] | None:
    from pydantic import BaseModel

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_in(arg)
        if found:
            return found
    return None


def _cross_check(parts: dict[str, tuple[Any, YamlDocument]], data_dir: Path) -> Iterator[Problem]:
    """References between records and files: what pydantic cannot see file by file."""
    from uwe_cli.lookup import suggestion
    from uwe_cli.matching import fold

    def at(name: str, *loc: Any) -> dict[str, Any]:
        line, column = parts[name][1].position(loc)
        return {"file": str(data_dir / f"{name}.yaml"), "line": line, "column": column, "field": _dotted(loc)}

    def refers(what: str, value: str | None, known: list[str], name: str, *loc: Any) -> Iterator[Problem]:
        """A problem if `value` (at `loc` of file `name`) is not one of the `known` ids."""
        if value is not None and value not in known:
            yield Problem(message=f"unknown {what} '{value}'" + suggestion(value, known), **at(name, *loc))

    about = parts["about"][0]
    slides = [s.id for s in about.presentation.slides]
    yield from _duplicates(slides, lambda i: at("about", "presentation", "slides", i, "id"))
    lists = {name: getattr(parts[name][0], name) for name in FILES if name != "about"}
    for name, records in lists.items():
        yield from _duplicates([r.id for r in records], lambda i, name=name: at(name, name, i, "id"))

    # Every slide cited exists.
    cited = [("about", about.organisation, ("organisation",), "source")]
    cited += [(n, r, (n, i), "source") for n, records in lists.items() if n != "sectors" for i, r in enumerate(records)]
    cited += [("schemes", s, ("schemes", i), "results_source") for i, s in enumerate(lists["schemes"])]
    for name, record, loc, field in cited:
        for j, slide in enumerate(getattr(record, field)):
            yield from refers("slide", slide, slides, name, *loc, field, j)
    # (a term's `source` is its usages' slides: each usage names one)
    for i, term in enumerate(parts["concepts"][0].glossary):
        for j, usage in enumerate(term.usages):
            yield from refers("slide", usage.source, slides, "concepts", "glossary", i, "usages", j, "source")

    region_ids = [r.id for r in lists["regions"]]
    for i, region in enumerate(lists["regions"]):
        yield from refers("region", region.within, region_ids, "regions", "regions", i, "within")

    scheme_ids = [s.id for s in lists["schemes"]]
    sector_ids = [s.id for s in lists["sectors"]]
    named: dict[str, int] = {}
    for i, cluster in enumerate(lists["clusters"]):
        for j, membership in enumerate(cluster.memberships):
            yield from refers("scheme", membership.scheme, scheme_ids, "clusters", "clusters", i, "memberships", j, "scheme")
            yield from refers("slide", membership.source, slides, "clusters", "clusters", i, "memberships", j, "source")
            if membership.scheme in cluster.schemes[:j]:
                message = f"scheme '{membership.scheme}' is listed twice"
                yield Problem(message=message, **at("clusters", "clusters", i, "memberships", j, "scheme"))
            named[membership.scheme] = named.get(membership.scheme, 0) + 1
        for j, sector in enumerate(cluster.sectors):
            yield from refers("sector", sector, sector_ids, "clusters", "clusters", i, "sectors", j)

    for i, scheme in enumerate(lists["schemes"]):
        count = named.get(scheme.id, 0)
        # A scheme whose groupings the source does not name has none in clusters.yaml.
        if count and count != scheme.groupings.value:
            message = f"says {scheme.groupings.value:g} groupings but clusters.yaml names {count}"
            yield Problem(message=message, **at("schemes", "schemes", i, "groupings"))
        yield from _result_problems(scheme.results, ("schemes", "schemes", i, "results"), at, refers)

    # A sector word must lead to one sector only, or `--sector WORD` would be ambiguous.
    owner: dict[str, str] = {}
    for i, sector in enumerate(lists["sectors"]):
        for word in sorted({sector.id, sector.name.fr, sector.name.en, *sector.synonyms}):
            key = fold(word)
            if owner.setdefault(key, sector.id) != sector.id:
                message = f"'{word}' already names sector '{owner[key]}'"
                yield Problem(message=message, **at("sectors", "sectors", i))


def _result_problems(results: Any, prefix: tuple[Any, ...], at: Any, refers: Any) -> Iterator[Problem]:
    """Duplicate ids, unknown references, and a result that comes, through others, from itself.

    `prefix` is (file, *location) of the results list; `at` and `refers` are _cross_check's.
    """
    name, *loc = prefix
    result_ids = [r.id for r in results]
    yield from _duplicates(result_ids, lambda k: at(name, *loc, k, "id"))
    # A result is part of another (a subset) or an output of it: either way it points to one.
    parent = {r.id: (r.part_of or r.output_of) for r in results}
    for k, result in enumerate(results):
        field = "part_of" if result.part_of else "output_of"
        yield from refers("result", parent[result.id], result_ids, name, *loc, k, field)
        seen, current = {result.id}, parent[result.id]
        while current in parent and current not in seen:
            seen.add(current)
            current = parent[current]
        if current == result.id:
            through = sorted(seen - {result.id})
            relation = "part" if field == "part_of" else "an output"
            message = f"'{result.id}' is {relation} of itself" + (f" (through {', '.join(through)})" if through else "")
            yield Problem(message=message, **at(name, *loc, k, field))


def _duplicates(ids: list[str], where: Any) -> Iterator[Problem]:
    first: dict[str, int] = {}
    for i, record_id in enumerate(ids):
        if record_id in first:
            line = where(first[record_id])["line"]
            yield Problem(message=f"duplicate id '{record_id}' (first used on line {line})", **where(i))
        else:
            first[record_id] = i
