"""How a command shows a view (commands.py's helpers): the output options every view command
takes, declared once; running a view on the dataset and rendering what it returns; --version.
"""

# No `from __future__ import annotations` here either: Typer reads the commands' annotations,
# which `view_command` builds from Out's fields.
import inspect
import os
import sys
from collections.abc import Callable
from dataclasses import fields
from typing import TYPE_CHECKING, Any

import typer

from uwe_cli import __version__
from uwe_cli.cli.options import Out, columns, load, root_settings
from uwe_cli.errors import UsageError
from uwe_cli.vocabulary import BIBTEX_COMMAND, CITED_VIEWS, FORMATS

if TYPE_CHECKING:
    from uwe_cli.views.form import Form


def view_command(app: typer.Typer) -> Callable[..., Callable[[Callable[..., Any]], Any]]:
    """The `@_view(...)` of commands.py: `@app.command(...)` for a command that shows a view."""

    def view(*args: Any, **kwargs: Any) -> Callable[[Callable[..., Any]], Any]:
        """Its function takes `(ctx, out, ...)`, and gets the output options (`Out`'s fields)
        on its command line, declared once here."""

        def decorate(func: Callable[..., Any]) -> Any:
            own = [p for p in inspect.signature(func).parameters.values() if p.name != "out"]
            shared = [inspect.Parameter(f.name, inspect.Parameter.KEYWORD_ONLY, default=f.default, annotation=f.type)
                      for f in fields(Out)]  # fmt: skip

            def command(ctx: typer.Context, **options: Any) -> None:
                out = Out(**{f.name: options.pop(f.name) for f in fields(Out)})
                func(ctx, out, **options)

            command.__name__, command.__doc__ = func.__name__, func.__doc__
            command.__signature__ = inspect.Signature([*own, *shared])  # type: ignore[attr-defined]
            command.__annotations__ = {p.name: p.annotation for p in (*own, *shared)}
            return app.command(*args, **kwargs)(command)

        return decorate

    return view


def version(value: bool) -> None:
    if value:
        sys.stdout.write(f"uwe {__version__}\n")
        raise typer.Exit()


def show(ctx: typer.Context, view: Callable[..., "Form"], out: Out, **options: Any) -> None:
    """Run `view` on the dataset with `options`, and render what it returns."""
    from uwe_cli.i18n.choice import resolve
    from uwe_cli.i18n.language import use
    from uwe_cli.i18n.messages import msg
    from uwe_cli.names import lookup
    from uwe_cli.output import export_file as exporting
    from uwe_cli.output import render as output

    settings = root_settings(ctx)
    language = resolve(out.lang or settings.lang, os.environ)
    use(language)  # (errors from here on are said in it)
    fmt = lookup.choose(out.fmt, FORMATS, what="format")
    if fmt == "bibtex" and ctx.info_name != BIBTEX_COMMAND:
        raise UsageError(msg("--format bibtex is for 'uwe cite': type '{command}'", command=citing(ctx)))
    width = columns(out.width)
    if out.export is not None and fmt != "table":
        raise UsageError(msg("--export saves the table view: leave out --format, or use --format table"))
    exporting.check(out.export, force=out.force)
    form = view(load(ctx), **options)
    output.render(form, fmt=fmt, lang=language, no_color=out.no_color or settings.no_color, width=width,
                  export=out.export, force=out.force, pager=not settings.no_pager,
                  bom=out.bom or bool(os.environ.get("UWE_CSV_BOM")))  # fmt: skip


def citing(ctx: typer.Context) -> str:
    """The `uwe cite` command that cites what this command shows (`uwe cite region wallonia`)."""
    from uwe_cli.views.common import shell_word

    name, command = ctx.params.get("name"), ctx.info_name or ""
    if isinstance(name, str) and command in ("region", "scheme", "cluster"):
        return f"uwe cite {command} {shell_word(name)} --format bibtex"
    if command in CITED_VIEWS:
        return f"uwe cite {command} --format bibtex"
    return "uwe cite --format bibtex"
