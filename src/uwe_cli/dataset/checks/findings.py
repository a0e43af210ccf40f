"""Problems found in a data file before their line and column are looked up.

Positions are found by reading a file again (yamlfile.YamlDocument.positions), once for
all the findings of that file: a Finding names its place by keys and indices, and
`locate` turns a list of them into located Problems. Imported only when a folder is
validated, not by a command that reads the cache.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from uwe_cli.errors import Problem
from uwe_cli.errors import dotted as dotted  # (the checks' name for it)
from uwe_cli.i18n.messages import msg

if TYPE_CHECKING:
    from uwe_cli.dataset.yamlfile import YamlDocument


@dataclass(frozen=True)
class Finding:
    name: str  # the file, as in store.FILES
    loc: tuple[Any, ...]  # keys and list indices from the top of the file
    message: Any  # a messages.Message
    field: str | None = None
    first: tuple[Any, ...] | None = None  # a duplicate: where the value was first given
    count: int = 1  # the problems it tells of (a line that counts those not listed: more)
    hint: Any = None  # what to do (a form.Message)


def locate(findings: list[Finding], *, docs: dict[str, YamlDocument], data_dir: Path) -> list[Problem]:
    """The findings as problems with their file, line and column, in the same order.

    Each file is read again once, for all of its findings together.
    """
    wanted: dict[str, set[tuple[Any, ...]]] = {}
    for finding in findings:
        wanted.setdefault(finding.name, set()).update([finding.loc] + ([finding.first] if finding.first else []))
    found = {name: docs[name].positions(paths) for name, paths in wanted.items()}
    problems = []
    for f in findings:
        line, column = found[f.name][f.loc]
        message = f.message
        if f.first:
            message = msg("{error} (first used on line {line})", error=message, line=found[f.name][f.first][0])
        problems.append(Problem(str(data_dir / f"{f.name}.yaml"), message, line, column, f.field, f.hint))
    return problems
