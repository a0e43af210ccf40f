"""`uwe data ...`: check, copy, export or locate a data folder, and clear the cache.

No `from __future__ import annotations` here: Typer reads these annotations at every
start, and string annotations would cost it an eval() each.
"""

from pathlib import Path
from typing import Annotated, Optional

import typer

from uwe_cli.cli import command_line, completion
from uwe_cli.cli.options import App, naming_the_variable, root_settings, say_too_large
from uwe_cli.errors import UsageError, UweError
from uwe_cli.i18n.messages import Quantity, msg, msg_n
from uwe_cli.vocabulary import LANGS, listed

data_app = App(
    cls=command_line.Group,
    help="Check, copy, export or locate the data folder; clear the cache.",
    epilog="Example: uwe data init ./my-data",
    no_args_is_help=True,
)


@data_app.callback()
def data(ctx: typer.Context) -> None:
    # The language uwe answers in, chosen and checked as for every command: an unknown one
    # is a usage error here too.
    import os

    from uwe_cli.i18n.choice import resolve
    from uwe_cli.i18n.language import use

    use(resolve(root_settings(ctx).lang, os.environ))


def _folder(given: str, *, optional: bool) -> Path:
    """A folder typed on the command line; an empty one names nothing (Path("") is the current folder)."""
    if not given:
        from uwe_cli.i18n.messages import msg

        if optional:
            raise UsageError(msg("an empty argument: give a folder, or leave it out"))
        raise UsageError(msg("an empty argument: give a folder"))
    return Path(given)


@data_app.command("check", epilog="Example: uwe data check ./my-data")
def data_check(
    ctx: typer.Context,
    given: Annotated[
        Optional[str],
        typer.Argument(metavar="PATH", help="The data folder (default: the one in use).", show_default=False),
    ] = None,
) -> None:
    """Validate a data folder and list every problem found, with file, line and field."""
    from uwe_cli.dataset import store
    from uwe_cli.errors import DataError
    from uwe_cli.i18n import translations
    from uwe_cli.output import render as output

    path = _folder(given, optional=True) if given is not None else None
    folder = path or store.resolve_data_dir(root_settings(ctx).data_dir)
    try:
        with naming_the_variable(ctx, folder=path, data_dir=folder):
            dataset, cache_note = store.check(folder, use_cache=not root_settings(ctx).no_cache)
    except DataError as exc:
        output.problems(exc.problems)
        raise UweError(
            msg_n("{n} problem in {folder}", "{n} problems in {folder}", n=exc.count, folder=folder)
        ) from None
    output.line(msg("ok: {summary} ({folder})", summary=dataset.summary(), folder=folder), prose=True)
    say_too_large(folder)
    if cache_note:
        output.line(msg("cache: {note}", note=cache_note), prose=True)
    for note in dataset.outdated_translations:  # (the views show the French for these, marked)
        output.line(msg("outdated translation: {file}: {address}: {reason}", file=note["file"],
                        address=note["address"], reason=translations.CAUSES[note["cause"]]), prose=True)  # fmt: skip
    if dataset.outdated_not_listed:
        output.line(msg_n("and {n} more outdated translation (only the first {limit} are listed)",
                          "and {n} more outdated translations (only the first {limit} are listed)",
                          n=dataset.outdated_not_listed, limit=Quantity(len(dataset.outdated_translations))),
                    prose=True)  # fmt: skip


@data_app.command("init", epilog="Example: uwe data init ./my-data")
def data_init(
    given: Annotated[str, typer.Argument(metavar="DIRECTORY", help="A new folder (or one without the tool's files).")],
) -> None:
    """Copy the shipped dataset into DIRECTORY, to edit and use with --data-dir."""
    from uwe_cli.dataset import store
    from uwe_cli.output import render as output
    from uwe_cli.shell import quote

    directory = _folder(given, optional=False)
    written = store.init_data_dir(directory)
    output.line(msg_n("wrote {n} file to {folder}", "wrote {n} files to {folder}", n=len(written), folder=directory))
    output.line(msg("use them with: {command}", command=f"uwe --data-dir={quote(directory)} regions"))


@data_app.command("export", epilog="Example: uwe data export ./uwe-data/")
def data_export(
    ctx: typer.Context,
    path: Annotated[
        str,
        typer.Argument(
            metavar="PATH",
            help="A folder (ending in /) for a Frictionless Data Package, or FILE.db, .sqlite or .sqlite3 for SQLite.",
        ),
    ],
    texts: Annotated[
        Optional[str],
        typer.Option(
            "--texts",
            metavar="LANG",
            help=f"{listed(LANGS)}: texts in that language only (default: every language of the data; French is the source's).",
            autocompletion=completion.choices(LANGS),
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace an existing export at PATH, once the new one is complete.")
    ] = False,
) -> None:
    """Write the whole dataset, with its schema, units and slides, for pandas, R, spreadsheets or Datasette."""
    from uwe_cli.export import writer as data_export
    from uwe_cli.names import lookup
    from uwe_cli.output import render as output

    settings = root_settings(ctx)
    # (not --lang: that is the language uwe answers in, here as for every command)
    try:
        lang = lookup.choose(texts, LANGS, what="language") if texts else None
    except UsageError as exc:  # (which option: --lang is the language uwe answers in)
        raise exc.of("--texts") from None
    output.line(
        data_export.export(path, data_dir=settings.data_dir, use_cache=not settings.no_cache, lang=lang, force=force)
    )


@data_app.command("clear-cache", epilog="Example: uwe data clear-cache")
def data_clear_cache() -> None:
    """Remove the tool's cache of validated data folders; each is rebuilt when next used."""
    from uwe_cli.dataset import cache
    from uwe_cli.output import render as output

    removed = cache.clear()
    output.line(msg_n("removed {n} cache file from {folder}", "removed {n} cache files from {folder}", n=removed,
                      folder=cache.directory()))  # fmt: skip


@data_app.command("path", epilog="Example: uwe data path")
def data_path(ctx: typer.Context) -> None:
    """Print the data folder in use (--data-dir, else $UWE_DATA_DIR, else the shipped data)."""
    from uwe_cli.dataset import store
    from uwe_cli.output import render as output

    output.line(str(store.resolve_data_dir(root_settings(ctx).data_dir)))
