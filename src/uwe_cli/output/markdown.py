"""The Markdown format: a pipe table or headed lists, with data's Markdown characters escaped."""

from __future__ import annotations

import re

from uwe_cli.output.sanitize import visible
from uwe_cli.output.shown import Shown, ShownTable

_FENCE = "`" * 3
_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def _md(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", visible(text)).replace("\n", "<br>")


def to_markdown(shown: Shown, *, colon: str = ":") -> str:
    """`shown` as Markdown; `colon` ends a bold label as the language writes it (`Capitale :`)."""
    lines = [f"## {_md(shown.title)}", ""]
    if isinstance(shown, ShownTable):
        lines.append("| " + " | ".join(_md(label) for label, _ in shown.headers) + " |")
        lines.append("| " + " | ".join("---:" if justify == "right" else "---" for _, justify in shown.headers) + " |")
        lines += ["| " + " | ".join(_md(cell) for cell in row) + " |" for row in shown.rows]
        lines.append("")
    else:
        lines += [f"- **{_md(label)}{colon}** {_md(value)}" for label, value in shown.fields]
        if shown.fields:
            lines.append("")
        for section in shown.sections:
            lines += [f"### {_md(section.heading)}", ""]
            lines += [f"- **{_md(label)}{colon}** {_md(value)}" for label, value in section.fields]
            for item in section.items:
                lines.append(f"- {_md(item.text)}")
                lines += [f"  - {_md(point)}" for point in item.points]
            if section.verbatim:  # a fenced block; a fence inside the text would end it early
                lines += [_FENCE, visible(section.verbatim).replace(_FENCE, "'" * 3), _FENCE]
            lines.append("")
    lines += [f"*{_md(note)}*\n" for note in shown.notes]
    return "\n".join(lines).rstrip("\n") + "\n"
