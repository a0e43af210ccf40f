"""Flags and text options without pydantic: how uwe meets its start-up target on Typer 0.29.

Typer 0.29 converts option values through pydantic `TypeAdapter`s, built when a command
line is parsed: one for every option but a flag that already holds True or False, even
for an option that was not given. Building the first one loads pydantic's schema
machinery: about 60 ms on a 2-core machine, more than everything else uwe does to answer
a command (see benchmarks/run.py). Yet the tool's options are all flags or text (`bool`, `str`,
`list[str]`, or a `Path` with no checks), and what the command line gives them needs no
conversion beyond `Path(text)`; the checks that matter (names, formats, export files) are
the tool's own, with suggestions.

So before Typer parses, `install` puts a `_Converter` of the tool's in the slot where Typer
keeps the converter it would build for a parameter (`_runtime_param`). That slot is
private, and a Typer release may change it; whatever it changes, uwe must still work:
- no slot (older or newer Typer): nothing is installed, Typer converts as usual;
- the converter takes only plain command-line text (and True/False for flags), and only
  when Typer calls it as 0.29 does (`coerce(value, param=..., ctx=...)`); for anything
  else (a flag set to "yes" in an environment variable, another call, another method, an
  exception of its own) it steps aside: it puts back what Typer would have built, through
  Typer's own `get_runtime_param`, and hands over, slower but correct.
tests/test_coercion.py compares the two conversions and simulates such Typer releases;
tests/test_speed.py checks that the adapters stay unloaded.
"""

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

_SLOT = "_runtime_param"  # where Typer 0.29 keeps a parameter's converter (None: not built yet)

# The annotations the tool's converter takes over; any other stays Typer's.
_TARGETS = (bool, str, list[str], Path)

_NOT_PLAIN = object()  # "not plain command-line text: Typer's own conversion"


def install(params: Iterable[Any]) -> None:
    """Give each of `params` that is a flag or a text option the tool's converter. Never fails."""
    for param in params:
        try:
            if getattr(param, _SLOT, ...) is None and _plain(param):
                setattr(param, _SLOT, _Converter(param))
        except Exception:  # a parameter of another shape: Typer's own conversion
            pass


def _plain(param: Any) -> bool:
    """A flag or text, with no parser and no path checks but `readable` (left to Typer)."""
    info = param.type_descriptor.parameter_info
    return (
        param.type_descriptor.annotation in _TARGETS
        and info.parser is None
        and info.path_type is None
        and not (info.exists or info.writable or info.resolve_path or info.allow_dash)
        and info.file_okay
        and info.dir_okay
    )


class _Converter:
    """The tool's converter in a parameter's slot: plain text itself, anything else Typer's."""

    def __init__(self, param: Any) -> None:
        self._param = param
        self._annotation = param.type_descriptor.annotation
        self._readable = bool(param.type_descriptor.parameter_info.readable)
        self._multiple = bool(param.multiple or param.nargs == -1)

    def coerce(self, value: Any, *args: Any, **kwargs: Any) -> Any:
        converted = _NOT_PLAIN
        if not args and set(kwargs) == {"param", "ctx"}:  # called as Typer 0.29 calls it
            try:
                converted = self._convert(value)
            except Exception:
                converted = _NOT_PLAIN
        if converted is _NOT_PLAIN:
            return self._typers().coerce(value, *args, **kwargs)
        return converted

    def __getattr__(self, name: str) -> Any:
        # Whatever else a Typer asks of its converter, its own converter answers.
        if name.startswith("__") or name in ("_param", "_annotation", "_readable", "_multiple"):
            raise AttributeError(name)
        return getattr(self._typers(), name)

    def _typers(self) -> Any:
        """Typer's own converter for this parameter, in place of this one from now on."""
        param = self._param
        setattr(param, _SLOT, None)
        own = getattr(param, "get_runtime_param", None)
        if own is None:  # a Typer that builds it elsewhere: as Typer 0.29 builds it
            from typer._coercion import build_runtime_param

            return build_runtime_param(param.type_descriptor)
        return own()

    def _convert(self, value: Any) -> Any:
        """What Typer 0.29 gives for plain command-line text, or _NOT_PLAIN."""
        if value is None:  # not given (Typer's `coerce` answers the same)
            return () if self._multiple else None
        kind = self._annotation
        if kind is bool or (kind is str and not self._multiple):
            return value if type(value) is kind else _NOT_PLAIN
        if kind == list[str]:
            plain = type(value) in (list, tuple) and all(type(item) is str for item in value)
            return list(value) if plain else _NOT_PLAIN
        if kind is Path and type(value) is str and "\0" not in value and not self._unreadable(value):
            return Path(value)
        return _NOT_PLAIN

    def _unreadable(self, path: str) -> bool:
        return self._readable and os.path.exists(path) and not os.access(path, os.R_OK)
