"""What every command of the command line shares: the app's kind, the options of `uwe`
itself (Settings), the output options of the commands that show a view (Out), and the
data folder in use.

No `from __future__ import annotations` here: Typer reads these annotations at every
start, and string annotations would cost it an eval() each.
"""

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from uwe_cli.cli import command_line, completion
from uwe_cli.errors import UsageError
from uwe_cli.vocabulary import FORMATS, LANGS, listed

if TYPE_CHECKING:
    from uwe_cli.dataset.records import Dataset


class App(typer.Typer):
    """A Typer app whose commands have the tool's manners (command_line.py)."""

    def command(self, *args: Any, **kwargs: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:  # type: ignore[override]
        kwargs.setdefault("cls", command_line.Command)
        return super().command(*args, **kwargs)


@dataclass
class Settings:
    """What the options of `uwe` itself say (before or after the command), for every command."""

    data_dir: Optional[Path] = None
    lang: Optional[str] = None
    no_color: bool = False
    no_cache: bool = False
    no_pager: bool = False


# The options every command that shows a view has, defined once (showing.view_command gives them).
FormatOpt = Annotated[
    str,
    typer.Option(
        "--format", "-f", metavar="FORMAT", help=f"{listed(FORMATS)}.", autocompletion=completion.choices(FORMATS)
    ),
]
LangOpt = Annotated[
    Optional[str],
    typer.Option(
        "--lang",
        "-l",
        metavar="LANG",
        help=f"{listed(LANGS)} (default: $UWE_LANG, else the locale's language, else en).",
        autocompletion=completion.choices(LANGS),
    ),
]
NoColorOpt = Annotated[bool, typer.Option("--no-color", help="No colour or bold, even on a terminal.")]
ExportOpt = Annotated[
    Optional[Path],
    typer.Option(
        "--export", metavar="FILE", help="Also save the table as FILE.svg, FILE.html or FILE.txt, 100 columns wide."
    ),
]
# Text, not int: Typer would convert an int through pydantic, whose start-up costs more
# than the whole command (coercion.py); columns() below checks it.
WidthOpt = Annotated[
    Optional[str],
    typer.Option(
        "--width", metavar="N", help="Lay the table out for N columns (default: the terminal's; 100 for --export)."
    ),
]
ForceOpt = Annotated[bool, typer.Option("--force", help="With --export, replace FILE if it exists.")]
BomOpt = Annotated[
    bool,
    typer.Option(
        "--bom", help="With --format csv, start with a byte-order mark, so that Excel reads the accents right."
    ),
]


@dataclass(frozen=True)
class Out:
    """How a command shows its view: the options showing.view_command gives every such command."""

    fmt: FormatOpt = "table"
    lang: LangOpt = None
    no_color: NoColorOpt = False
    export: ExportOpt = None
    width: WidthOpt = None
    force: ForceOpt = False
    bom: BomOpt = False


def root_settings(ctx: typer.Context) -> Settings:
    root_ctx = ctx.find_root()
    return root_ctx.obj if isinstance(root_ctx.obj, Settings) else Settings()


def load(ctx: typer.Context, *, use_cache: bool = True, folder: Optional[Path] = None) -> "Dataset":
    """The dataset of the folder in use (or `folder`); a folder that cannot be used names
    where it came from, when that is $UWE_DATA_DIR, a setting the user may have forgotten."""
    from uwe_cli.dataset import store
    from uwe_cli.output import render as output

    settings = root_settings(ctx)
    data_dir = folder or store.resolve_data_dir(settings.data_dir)
    with naming_the_variable(ctx, folder=folder, data_dir=data_dir):
        dataset = store.load_dataset(
            data_dir, use_cache=use_cache and not settings.no_cache, on_slow_load=output.progress
        )
    say_too_large(data_dir)
    return dataset


def say_too_large(data_dir: Path) -> None:
    """One line on stderr when the dataset just validated is too large for the cache."""
    from uwe_cli.dataset import cache, store
    from uwe_cli.i18n.language import current
    from uwe_cli.i18n.messages import Quantity, msg
    from uwe_cli.output import render as output

    if store.too_large:
        size = Quantity(-(-store.too_large.pop() // 2**20))
        output.note(current().message(msg(
            "{folder}: {size} MiB of validated data, too large for the tool's cache ({limit} MiB at most): every "
            "command reads and validates the folder again", folder=data_dir, size=size,
            limit=Quantity(cache.MAX_ENTRY_BYTES // 2**20),
        )))  # fmt: skip
        store.too_large.clear()


@contextmanager
def naming_the_variable(ctx: typer.Context, *, folder: Optional[Path], data_dir: Path) -> Iterator[None]:
    """A data folder that cannot be used names $UWE_DATA_DIR when that is where it came from."""
    from dataclasses import replace

    from uwe_cli.dataset import store
    from uwe_cli.errors import DataError

    try:
        yield
    except DataError as exc:
        if folder or root_settings(ctx).data_dir or not os.environ.get(store.ENV_VAR):
            raise
        from uwe_cli.i18n.messages import msg

        hint = msg("set {variable} to a data folder, or unset it to use the shipped data", variable=store.ENV_VAR)
        problems = [replace(p, file=f"{store.ENV_VAR}={p.file}", hint=hint) if p.file == str(data_dir) else p
                    for p in exc.problems]  # fmt: skip
        raise DataError(problems, folder=exc.folder, count=exc.count) from None


def columns(text: Optional[str]) -> Optional[int]:
    """`--width N`: a number of columns a table can be laid out in."""
    if text is None:
        return None
    if not (text.strip().isdigit() and 20 <= int(text) <= 1000):
        from uwe_cli.i18n.messages import msg

        raise UsageError(
            msg("--width {text}: give a number of columns from 20 to 1000, such as --width 100", text=text)
        )
    return int(text)
