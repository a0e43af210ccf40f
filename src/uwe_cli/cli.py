"""The command line: a thin map from options to a view and the output layer.

Each command parses its options and calls `_show` with the view to run. Errors are not
handled here: the command group's `main` (`_Commands`) runs everything inside the error
boundary (boundary.py), for `uwe` and for Typer's CliRunner alike.
"""

# No `from __future__ import annotations` here: Typer reads these annotations at every
# start, and string annotations would cost it an eval() each.
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer
from typer.core import TyperCommand, TyperGroup

from uwe_cli import __version__, boundary, coercion
from uwe_cli.errors import UsageError, UweError
from uwe_cli.vocabulary import CLUSTER_STATUSES, FORMATS, LANGS, LESSON_KINDS, SORT_KEYS, listed

if TYPE_CHECKING:
    from uwe_cli.dataset import Dataset
    from uwe_cli.form import Form

HELP = """A terminal reference on Belgium's regions and Wallonia's business-clustering policies,
as presented by the Union Wallonne des Entreprises (UWE) in Sofia on 15 April 2014.

Run `uwe` alone for an overview."""

class _LightOptions:
    """Commands whose flags and text options skip Typer's pydantic start-up cost (coercion.py)."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        coercion.install(self.get_params(ctx))  # type: ignore[attr-defined]
        return super().parse_args(ctx, args)  # type: ignore[misc]


class _Command(_LightOptions, TyperCommand):
    pass


class _Commands(_LightOptions, TyperGroup):
    """The command group. Its `main` is where `uwe` starts, for the program and CliRunner alike."""

    def main(  # type: ignore[override]
        self,
        args: Optional[list[str]] = None,
        prog_name: Optional[str] = None,
        complete_var: Optional[str] = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        # Not Typer's own `main`: it would print Click's usage errors its own way, turn a
        # closed pipe into exit 1, and catch Ctrl-C. The boundary does all that, in one place.
        args = list(sys.argv[1:] if args is None else args)
        code = boundary.run(lambda: self._run(args, prog_name or "uwe", complete_var, extra), args)
        if standalone_mode:
            sys.exit(code)
        return code

    def _run(self, args: list[str], prog_name: str, complete_var: Optional[str], extra: dict[str, Any]) -> None:
        complete_var = complete_var or f"_{prog_name}_COMPLETE".replace("-", "_").upper()
        if os.environ.get(complete_var):  # the shell asks for completions (and Click exits)
            self._main_shell_completion(extra, prog_name, complete_var)
        with self.make_context(prog_name, list(args), **extra) as ctx:  # (Click consumes the list)
            self.invoke(ctx)


class _App(typer.Typer):
    """A Typer app whose commands are `_Command`s."""

    def command(self, *args: Any, **kwargs: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:  # type: ignore[override]
        kwargs.setdefault("cls", _Command)
        return super().command(*args, **kwargs)


app = _App(
    name="uwe",
    cls=_Commands,
    help=HELP,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    add_completion=True,
)
data_app = _App(
    cls=_Commands,
    help="Check, copy or locate the data folder.", epilog="Example: uwe data init ./my-data", no_args_is_help=True
)
app.add_typer(data_app, name="data")


@dataclass
class Settings:
    """What the options before the command say, for every command."""

    data_dir: Optional[Path] = None
    lang: Optional[str] = None
    no_color: bool = False
    no_cache: bool = False


# Shell completion: names from the dataset in use.


def _complete(kind: str) -> Callable[[str], list[str]]:
    def complete(incomplete: str) -> list[str]:
        try:
            from uwe_cli import store

            dataset = store.load_dataset(store.resolve_data_dir(None))
        except UweError:
            return []
        return [r["id"] for r in dataset[kind] if r["id"].startswith(incomplete.lower())]

    return complete


def _complete_choices(choices: dict[str, tuple[str, ...]]) -> Callable[[str], list[str]]:
    return lambda incomplete: [c for c in choices if c.startswith(incomplete)]


# The options every data command shares.
FormatOpt = Annotated[
    str,
    typer.Option("--format", "-f", metavar="FORMAT", help=f"{listed(FORMATS)}.", autocompletion=_complete_choices(FORMATS)),
]
LangOpt = Annotated[
    Optional[str],
    typer.Option("--lang", "-l", metavar="LANG", help=f"{listed(LANGS)} (default: $UWE_LANG, else en).", autocompletion=_complete_choices(LANGS)),
]
NoColorOpt = Annotated[bool, typer.Option("--no-color", help="No colour, even on a terminal.")]
ExportOpt = Annotated[
    Optional[Path],
    typer.Option("--export", metavar="FILE", help="Also save the table as FILE.svg, FILE.html or FILE.txt."),
]


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"uwe {__version__}\n")
        raise typer.Exit()


@app.callback(invoke_without_command=True, epilog="Example: uwe --lang fr clusters --sector energy")
def root(
    ctx: typer.Context,
    data_dir: Annotated[
        Optional[Path],
        typer.Option("--data-dir", metavar="PATH", help="Read this data folder (default: $UWE_DATA_DIR, else the shipped data)."),
    ] = None,
    lang: LangOpt = None,
    no_color: NoColorOpt = False,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Read the YAML files, not the cache.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show a traceback on unexpected errors.")] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """A terminal reference on Belgium's regions and Wallonia's clustering policies (UWE, 2014)."""
    # (--debug is read by the error boundary, which outlives this context.)
    ctx.obj = Settings(data_dir=data_dir, lang=lang, no_color=no_color, no_cache=no_cache)
    if ctx.invoked_subcommand is None:
        from uwe_cli.views import about

        _show(ctx, about.overview, fmt="table", lang=None, no_color=False, export=None)


def _settings(ctx: typer.Context) -> Settings:
    root_ctx = ctx.find_root()
    return root_ctx.obj if isinstance(root_ctx.obj, Settings) else Settings()


def _load(ctx: typer.Context) -> "Dataset":
    from uwe_cli import output, store

    settings = _settings(ctx)
    data_dir = store.resolve_data_dir(settings.data_dir)
    return store.load_dataset(data_dir, use_cache=not settings.no_cache, on_slow_load=output.progress)


def _show(
    ctx: typer.Context,
    view: Callable[..., "Form"],
    *,
    fmt: str,
    lang: Optional[str],
    no_color: bool,
    export: Optional[Path],
    **options: Any,
) -> None:
    """Run `view` on the dataset with `options`, and render what it returns."""
    from uwe_cli import export as exporting
    from uwe_cli import lookup, output
    from uwe_cli.language import Language

    settings = _settings(ctx)
    fmt = lookup.choose(fmt, FORMATS, what="format")
    lang = lookup.choose(lang or settings.lang or os.environ.get("UWE_LANG") or "en", LANGS, what="language")
    if export is not None and fmt != "table":
        raise UsageError("--export saves the table view: leave out --format, or use --format table")
    exporting.check(export)
    form = view(_load(ctx), **options)
    output.render(form, fmt=fmt, lang=Language(lang), no_color=no_color or settings.no_color, export=export)


# The commands. Docstrings are the help; each epilog is a real example.


@app.command(epilog="Example: uwe regions brussels wallonia --sort gdp")
def regions(
    ctx: typer.Context,
    names: Annotated[Optional[list[str]], typer.Argument(help="Regions to compare (default: all).", autocompletion=_complete("regions"), show_default=False)] = None,
    sort: Annotated[Optional[str], typer.Option("--sort", metavar="KEY", help=f"{listed(SORT_KEYS)} (default: the source's order).", autocompletion=_complete_choices(SORT_KEYS))] = None,
    fmt: FormatOpt = "table",
    lang: LangOpt = None,
    no_color: NoColorOpt = False,
    export: ExportOpt = None,
) -> None:
    """Compare GDP per capita of Belgium, its regions and the German-speaking Community."""
    from uwe_cli import lookup
    from uwe_cli.views import regions as region_views

    sort = lookup.choose(sort, SORT_KEYS, what="sort key") if sort is not None else None
    _show(ctx, region_views.regions, fmt=fmt, lang=lang, no_color=no_color, export=export, names=names or (), sort=sort)


@app.command(epilog="Example: uwe region wallonia")
def region(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="A region: id, English or French name.", autocompletion=_complete("regions"))],
    fmt: FormatOpt = "table",
    lang: LangOpt = None,
    no_color: NoColorOpt = False,
    export: ExportOpt = None,
) -> None:
    """One region's full profile: population, GDP, EU indices, labour market, sectors."""
    from uwe_cli.views import regions

    _show(ctx, regions.region, fmt=fmt, lang=lang, no_color=no_color, export=export, name=name)


@app.command(epilog="Example: uwe schemes poles regional-clusters")
def schemes(
    ctx: typer.Context,
    names: Annotated[Optional[list[str]], typer.Argument(help="Schemes to compare (default: all four).", autocompletion=_complete("schemes"), show_default=False)] = None,
    fmt: FormatOpt = "table",
    lang: LangOpt = None,
    no_color: NoColorOpt = False,
    export: ExportOpt = None,
) -> None:
    """The four Walloon clustering schemes side by side."""
    from uwe_cli.views import schemes

    _show(ctx, schemes.schemes, fmt=fmt, lang=lang, no_color=no_color, export=export, names=names or ())


@app.command(epilog="Example: uwe scheme regional-clusters")
def scheme(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="A scheme: id, name or alias (poles, grappes...).", autocompletion=_complete("schemes"))],
    fmt: FormatOpt = "table",
    lang: LangOpt = None,
    no_color: NoColorOpt = False,
    export: ExportOpt = None,
) -> None:
    """One scheme in full: criteria, funding, activities, results, its groupings."""
    from uwe_cli.views import schemes

    _show(ctx, schemes.scheme, fmt=fmt, lang=lang, no_color=no_color, export=export, name=name)


@app.command(epilog="Example: uwe clusters --sector energy --scheme regional-clusters")
def clusters(
    ctx: typer.Context,
    sector: Annotated[Optional[list[str]], typer.Option("--sector", "-s", metavar="SECTOR", help="A sector, in English or French (see `uwe sectors`); repeat for either.", autocompletion=_complete("sectors"), show_default=False)] = None,
    scheme_name: Annotated[Optional[list[str]], typer.Option("--scheme", metavar="SCHEME", help="regional-clusters, poles, export-grappes or technology-grappes; repeat for either.", autocompletion=_complete("schemes"), show_default=False)] = None,
    status: Annotated[Optional[list[str]], typer.Option("--status", metavar="STATUS", help=f"{listed(CLUSTER_STATUSES)}.", autocompletion=_complete_choices(CLUSTER_STATUSES), show_default=False)] = None,
    search: Annotated[Optional[str], typer.Option("--search", metavar="TEXT", help="Text in the name or domain.")] = None,
    fmt: FormatOpt = "table",
    lang: LangOpt = None,
    no_color: NoColorOpt = False,
    export: ExportOpt = None,
) -> None:
    """Every named grouping (clusters, poles, export grappes); filters combine."""
    from uwe_cli.views import clusters

    _show(ctx, clusters.clusters, fmt=fmt, lang=lang, no_color=no_color, export=export,
          sector=sector or (), scheme_name=scheme_name or (), status=status or (), search=search)  # fmt: skip


@app.command(epilog="Example: uwe cluster tweed")
def cluster(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="A grouping: id or name (case and accents do not matter).", autocompletion=_complete("clusters"))],
    fmt: FormatOpt = "table",
    lang: LangOpt = None,
    no_color: NoColorOpt = False,
    export: ExportOpt = None,
) -> None:
    """One grouping's profile: schemes, domain, sectors, status, source."""
    from uwe_cli.views import clusters

    _show(ctx, clusters.cluster, fmt=fmt, lang=lang, no_color=no_color, export=export, name=name)


def _plain_view(name: str, *, module_name: str, help_text: str, example: str) -> None:
    """Register `uwe NAME`: one view with only the options every view has."""

    def command(
        ctx: typer.Context,
        fmt: FormatOpt = "table",
        lang: LangOpt = None,
        no_color: NoColorOpt = False,
        export: ExportOpt = None,
    ) -> None:
        import importlib

        module = importlib.import_module(f"uwe_cli.views.{module_name}")
        _show(ctx, getattr(module, name), fmt=fmt, lang=lang, no_color=no_color, export=export)

    command.__doc__ = help_text
    app.command(name, epilog=f"Example: {example}")(command)


_plain_view(
    "sectors",
    module_name="clusters",
    help_text="The sector vocabulary for `--sector`, with how many groupings carry each.",
    example="uwe sectors --lang fr",
)


@app.command(epilog="Example: uwe lessons --kind good-practice")
def lessons(
    ctx: typer.Context,
    kind: Annotated[Optional[str], typer.Option("--kind", "-k", metavar="KIND", help=f"{listed(LESSON_KINDS)}.", autocompletion=_complete_choices(LESSON_KINDS))] = None,
    fmt: FormatOpt = "table",
    lang: LangOpt = None,
    no_color: NoColorOpt = False,
    export: ExportOpt = None,
) -> None:
    """What the Walloon experience taught, grouped, in the source's order."""
    from uwe_cli.views import policy

    _show(ctx, policy.lessons, fmt=fmt, lang=lang, no_color=no_color, export=export, kind=kind)


_plain_view(
    "results",
    module_name="policy",
    help_text="The first assessment of the competitiveness poles, figure by figure.",
    example="uwe results --format csv",
)
_plain_view(
    "concepts",
    module_name="policy",
    help_text="Definitions of clustering (Porter, Graitson), why clusters, their characteristics and objectives.",
    example="uwe concepts --lang fr",
)
_plain_view(
    "notes",
    module_name="notes",
    help_text="Where the source's figures do not agree with one another, computed by uwe from the data in use.",
    example="uwe notes --format json",
)
_plain_view(
    "about",
    module_name="about",
    help_text="The UWE and the source document: the presentation, its date and place, its slides.",
    example="uwe about",
)


@app.command(epilog="Example: uwe cite tweed --format json")
def cite(
    ctx: typer.Context,
    name: Annotated[Optional[str], typer.Argument(help="A record (region, scheme, grouping, lesson, concept) or slide; default: the whole dataset.", show_default=False)] = None,
    fmt: FormatOpt = "table",
    lang: LangOpt = None,
    no_color: NoColorOpt = False,
    export: ExportOpt = None,
) -> None:
    """How to cite a record or the whole dataset, as text and as BibTeX."""
    from uwe_cli.views import cite

    _show(ctx, cite.cite, fmt=fmt, lang=lang, no_color=no_color, export=export, name=name)


@app.command(name="search", epilog="Example: uwe search énergie")
def search_command(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(help="The text to find (case and accents do not matter).")],
    fmt: FormatOpt = "table",
    lang: LangOpt = None,
    no_color: NoColorOpt = False,
    export: ExportOpt = None,
) -> None:
    """Every record of any kind that mentions TEXT, in French or English, and where."""
    from uwe_cli.views import search

    _show(ctx, search.search, fmt=fmt, lang=lang, no_color=no_color, export=export, query=query)


# uwe data ...


@data_app.command("check", epilog="Example: uwe data check ./my-data")
def data_check(
    ctx: typer.Context,
    path: Annotated[Optional[Path], typer.Argument(help="The data folder (default: the one in use).", show_default=False)] = None,
) -> None:
    """Validate a data folder and list every problem found, with file, line and field."""
    from uwe_cli import output, store
    from uwe_cli.errors import DataError

    folder = path or store.resolve_data_dir(_settings(ctx).data_dir)
    try:
        dataset = store.load_dataset(folder, use_cache=False)
    except DataError as exc:
        output.problems(exc.problems)
        count = len(exc.problems)
        raise UweError(f"{count} problem{'s' if count != 1 else ''} in {folder}") from None
    output.line(f"ok: {dataset.summary()} ({folder})")


@data_app.command("init", epilog="Example: uwe data init ./my-data")
def data_init(
    directory: Annotated[Path, typer.Argument(help="A new folder (or one without uwe's files).")],
) -> None:
    """Copy the shipped dataset into DIRECTORY, to edit and use with --data-dir."""
    import shlex

    from uwe_cli import output, store

    written = store.init_data_dir(directory)
    output.line(f"wrote {len(written)} files to {directory}")
    output.line(f"use them with: uwe --data-dir {shlex.quote(str(directory))} regions")


@data_app.command("export", epilog="Example: uwe data export ./uwe-data/ (or: uwe data export uwe.db)")
def data_export(
    ctx: typer.Context,
    path: Annotated[str, typer.Argument(help="A folder (ending in /) for a Frictionless Data Package, or FILE.db, .sqlite or .sqlite3 for SQLite.")],
    lang: Annotated[Optional[str], typer.Option("--lang", "-l", metavar="LANG", help=f"{listed(LANGS)}: texts in that language only (default: both; French is the source's).", autocompletion=_complete_choices(LANGS))] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing export at PATH, once the new one is complete.")] = False,
) -> None:
    """Write the whole dataset, with its schema, units and slides, for pandas, R, spreadsheets or Datasette."""
    from uwe_cli import data_export, lookup, output

    settings = _settings(ctx)
    # An explicit --lang (here or before the command) only: $UWE_LANG is for reading, not for what to keep.
    chosen = lang or settings.lang
    lang = lookup.choose(chosen, LANGS, what="language") if chosen else None
    output.line(data_export.export(path, data_dir=settings.data_dir, use_cache=not settings.no_cache, lang=lang, force=force))


@data_app.command("path", epilog="Example: uwe data path")
def data_path(ctx: typer.Context) -> None:
    """Print the data folder in use (--data-dir, else $UWE_DATA_DIR, else the shipped data)."""
    from uwe_cli import output, store

    output.line(str(store.resolve_data_dir(_settings(ctx).data_dir)))


def main(argv: Optional[list[str]] = None) -> int:
    """Run `uwe` with `argv` (default: the command line) and return its exit code."""
    args = sys.argv[1:] if argv is None else list(argv)
    return typer.main.get_command(app).main(args, prog_name="uwe", standalone_mode=False)
