"""Flags and text options without pydantic: how uwe meets its start-up target on Typer 0.29.

Typer 0.29 converts option values through pydantic `TypeAdapter`s, built when a command
line is parsed: one for every option but a flag that already holds True or False, even
for an option that was not given. Building the first one loads pydantic's schema
machinery: about 60 ms on a 2-core machine, more than everything else uwe does to answer
a command (see benchmarks/run.py). Yet uwe's options are all flags or text (`bool`, `str`,
`list[str]`, or a `Path` with no checks), and what the command line gives them needs no
conversion beyond `Path(text)`; the checks that matter (names, formats, export files) are
uwe's own, with suggestions.

So before Typer parses, `install` gives each such parameter a converter of its own,
through the slot where Typer keeps the one it would build (`_runtime_param`), and leaves
every other parameter to Typer. The converter takes only plain command-line text (and
True/False for flags); anything else (a flag set to "yes" in an environment variable, bytes
from a Python caller, an unreadable path) goes to Typer's own conversion, with its own
messages. The slot is private: `install` does nothing on a Typer without it, and
tests/test_coercion.py compares the two conversions while tests/test_speed.py checks the
adapters stay unloaded, so a Typer release that changes either shows in CI.
"""

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

try:
    from typer._coercion import RuntimeParam, build_runtime_param
    from typer.core import _TyperParameter
except ImportError:  # Typer < 0.29 converts without pydantic: nothing to avoid.
    RuntimeParam = _TyperParameter = None  # type: ignore[assignment,misc]


# The annotations uwe's converter takes over; any other stays Typer's.
_TARGETS = (bool, str, list[str], Path)


def install(params: Iterable[Any]) -> None:
    """Give each of `params` that is a flag or a text option uwe's converter."""
    if RuntimeParam is None:
        return
    for param in params:
        if isinstance(param, _TyperParameter) and getattr(param, "_runtime_param", ...) is None:
            info = param.type_descriptor.parameter_info
            if param.type_descriptor.annotation in _TARGETS and _plain(info):
                param._runtime_param = _PlainParam(parameter_info=info, annotation=param.type_descriptor.annotation)


def _plain(info: Any) -> bool:
    """No parser, and no path checks but `readable` (which `_PlainParam` leaves to Typer)."""
    return (
        info.parser is None
        and info.path_type is None
        and not (info.exists or info.writable or info.resolve_path or info.allow_dash)
        and info.file_okay
        and info.dir_okay
    )


if RuntimeParam is not None:

    class _PlainParam(RuntimeParam):  # type: ignore[misc,valid-type]
        """Typer's own `coerce` (absent values, repeated options) around a plain conversion."""

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            if self.annotation is bool:
                if type(value) is bool:
                    return value
            elif self.annotation is str:
                if type(value) is str:
                    return value
            elif self.annotation == list[str]:
                if type(value) in (list, tuple) and all(type(item) is str for item in value):
                    return list(value)
            elif type(value) is str and "\0" not in value and not self._unreadable(value):
                return Path(value)
            return build_runtime_param(param.type_descriptor)._coerce_value(value, param=param, ctx=ctx)

        def _unreadable(self, path: str) -> bool:
            return self.parameter_info.readable and os.path.exists(path) and not os.access(path, os.R_OK)
