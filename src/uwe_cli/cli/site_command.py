"""`uwe site DIR`: the data in use as a folder of web pages (output/site).

No `from __future__ import annotations` here: Typer reads these annotations at every
start, and string annotations would cost it an eval() each.
"""

import os
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from uwe_cli.cli.options import App, LangOpt, load, root_settings
from uwe_cli.errors import UsageError

if TYPE_CHECKING:
    from uwe_cli.dataset.records import Dataset


def _shares(dataset: "Dataset", part: int, parts: int) -> "Iterator[tuple[str, str]]":
    from uwe_cli.output.site import build

    return build.files(dataset, part=part, parts=parts)


def _workers(pages: int) -> int:
    """Processes to write the pages with: one for a small site, else one per core (at most 4)."""
    if pages < 500:
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # (not on every system)
        cores = os.cpu_count() or 1
    return max(1, min(cores, 4))


def register(app: App) -> None:
    @app.command("site", epilog="Example: uwe site ./uwe-site")
    def site(
        ctx: typer.Context,
        given: Annotated[str, typer.Argument(metavar="DIRECTORY", help="The folder to write the site to.")],
        force: Annotated[
            bool,
            typer.Option(
                "--force",
                help="Write even where DIRECTORY holds files uwe did not write: that folder is kept, renamed.",
            ),
        ] = False,
        lang: LangOpt = None,
    ) -> None:
        """Write the data as web pages in every language, to read offline in any browser."""
        from uwe_cli.dataset import store
        from uwe_cli.i18n.choice import resolve
        from uwe_cli.i18n.language import current, use
        from uwe_cli.i18n.messages import msg
        from uwe_cli.output import render as output
        from uwe_cli.output.site import build, folder

        settings = root_settings(ctx)
        use(resolve(lang or settings.lang, os.environ))  # (the language of its messages)
        if not given:
            raise UsageError(msg("an empty argument: give a folder"))
        target = Path(given)
        data_dir = store.resolve_data_dir(settings.data_dir)
        folder.check(target, force=force, data_dir=data_dir)
        dataset = load(ctx)
        count, kept = folder.write(target, partial(_shares, dataset), force=force,
                                   workers=_workers(build.pages(dataset)))  # fmt: skip
        if kept is not None:
            output.note(current().message(msg("the folder that was at {folder} is now {kept}", folder=str(target),
                                               kept=str(kept))))  # fmt: skip
        said = msg("wrote {count} files to {folder}: open {page}", count=count, folder=str(target),
                   page=str(target / "index.html"))  # fmt: skip
        output.note(current().message(said))
