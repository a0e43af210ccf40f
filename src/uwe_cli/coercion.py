"""Text options without pydantic: how uwe meets its start-up target on Typer 0.29.

Typer 0.29 converts every option value through a pydantic `TypeAdapter`, built when a
command line is parsed, even for an option that was not given. Building the first one loads
pydantic's schema machinery: about 60 ms on a 2-core machine, more than everything else uwe
does to answer a command (see benchmarks/run.py). Yet uwe's options are all flags or text
(`bool`, `str`, `list[str]`, or a `Path` with no checks), whose conversion is nothing,
`str(value)` or `Path(value)`; the checks that matter (names, formats, export files) are
uwe's own, with suggestions.

So before Typer parses, `install` gives each such parameter a converter of its own, through
the slot where Typer keeps the one it would build (`_runtime_param`), and leaves every other
parameter to Typer. That slot is private: `install` acts only on the shape it knows, so a
Typer that changes it makes uwe slower, never wrong, and tests/test_speed.py then fails so
that we notice.
"""

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import typer

try:
    from typer._coercion import RuntimeParam, build_runtime_param
    from typer.core import _TyperParameter
except ImportError:  # Typer < 0.29 converts without pydantic: nothing to avoid.
    RuntimeParam = _TyperParameter = None  # type: ignore[assignment,misc]


# The annotations uwe's converter takes over; any other stays Typer's.
_TARGETS = (bool, str, list[str], Path)


def install(params: Iterable[Any]) -> None:
    """Give each of `params` that is a flag or plain text uwe's converter."""
    if RuntimeParam is None:
        return
    for param in params:
        if isinstance(param, _TyperParameter) and getattr(param, "_runtime_param", ...) is None:
            info = param.type_descriptor.parameter_info
            if param.type_descriptor.annotation in _TARGETS and _plain(info):
                param._runtime_param = _TextParam(parameter_info=info, annotation=param.type_descriptor.annotation)


def _plain(info: Any) -> bool:
    """No parser, and no path checks but `readable` (which `_TextParam` does too)."""
    return (
        info.parser is None
        and info.path_type is None
        and not (info.exists or info.writable or info.resolve_path or info.allow_dash)
        and info.file_okay
        and info.dir_okay
    )


if RuntimeParam is not None:

    class _TextParam(RuntimeParam):  # type: ignore[misc,valid-type]
        """Typer's own `coerce` (absent values, repeated options) around a plain conversion."""

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            if self.annotation is bool:
                if isinstance(value, bool):
                    return value
                # A flag given as text ("yes", "0") is rare: let Typer, and pydantic, read it.
                return build_runtime_param(param.type_descriptor)._coerce_value(value, param=param, ctx=ctx)
            if self.annotation == list[str]:
                items = value if isinstance(value, (list, tuple)) else [value]
                return [_text(item) for item in items]
            if self.annotation is str:
                return _text(value)
            path = _text(value)
            # As Typer does for a `Path` option: an existing path must be readable.
            if self.parameter_info.readable and os.path.exists(path) and not os.access(path, os.R_OK):
                raise typer.BadParameter(f"path {path!r} is not readable.", ctx=ctx, param=param)
            return Path(path)


def _text(value: Any) -> str:
    return os.fsdecode(value) if isinstance(value, bytes) else str(value)
