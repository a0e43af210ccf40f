"""The command line: a thin map from options to a view and the output layer.

Each command parses its options and calls `_show` with the view to run. Errors are not
handled here: the command group's `main` (command_line.Group) runs everything inside the
error boundary (boundary.py), for `uwe` and for Typer's CliRunner alike.
"""

# No `from __future__ import annotations` here: Typer reads these annotations at every
# start, and string annotations would cost it an eval() each.
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from uwe_cli.cli import command_line, completion, data_commands, showing, site_command
from uwe_cli.cli.options import App, LangOpt, NoColorOpt, Out, Settings
from uwe_cli.vocabulary import (
    CLUSTER_SORT_KEYS,
    CLUSTER_STATUSES,
    LESSON_KINDS,
    SCHEME_SORT_KEYS,
    SEARCH_SORT_KEYS,
    SORT_KEYS,
    listed,
)

if TYPE_CHECKING:
    pass

# How every --sort reads its KEY (views/sorting.py), said once for every command's help.
SORT_RULE = "names A to Z, years earliest first, figures largest first; -KEY reverses (default: the source's order)."


def _sort_option(keys: dict[str, tuple[str, ...]], *, rule: str = SORT_RULE) -> Any:
    """The --sort option of a list whose order matters: its keys, and the one rule they follow."""
    return typer.Option(
        "--sort", metavar="KEY", help=f"{listed(keys)}: {rule}", autocompletion=completion.choices(keys)
    )


HELP = """A terminal reference on Belgium's regions and Wallonia's business-clustering policies,
as presented by the Union Wallonne des Entreprises (UWE) in Sofia on 15 April 2014.

Run `uwe` alone for an overview, and `uwe help COMMAND` for a command's options. The
options below work before or after the command."""


app = App(
    name="uwe",
    cls=command_line.Group,
    help=HELP,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    add_completion=True,
)
app.add_typer(data_commands.data_app, name="data")
site_command.register(app)


_view = showing.view_command(app)
_show = showing.show
_version = showing.version


@app.callback(invoke_without_command=True, epilog="Example: uwe --lang fr clusters --sector energy")
def root(
    ctx: typer.Context,
    data_dir: Annotated[
        Optional[Path],
        typer.Option(
            "--data-dir", metavar="PATH", help="Read this data folder (default: $UWE_DATA_DIR, else the shipped data)."
        ),
    ] = None,
    lang: LangOpt = None,
    no_color: NoColorOpt = False,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Read the YAML files, not the cache.")] = False,
    no_pager: Annotated[
        bool,
        typer.Option("--no-pager", help="Never page a long view (default: $UWE_PAGER, else $PAGER, else less)."),
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show a traceback on unexpected errors.")] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """A terminal reference on Belgium's regions and Wallonia's clustering policies (UWE, 2014)."""
    # (--debug is read by the error boundary, which outlives this context.)
    ctx.obj = Settings(data_dir=data_dir, lang=lang, no_color=no_color, no_cache=no_cache, no_pager=no_pager)
    if ctx.invoked_subcommand is None:
        from uwe_cli.views import about

        _show(ctx, about.overview, Out())


# The commands. Docstrings are the help; each epilog is a real example.


@_view(epilog="Example: uwe regions brussels wallonia --base wallonia")
def regions(
    ctx: typer.Context,
    out: Out,
    names: Annotated[
        Optional[list[str]],
        typer.Argument(
            metavar="NAME",
            help="Regions to compare (default: all).",
            autocompletion=completion.records("regions"),
            show_default=False,
        ),
    ] = None,
    sort: Annotated[Optional[str], _sort_option(SORT_KEYS)] = None,
    base: Annotated[
        Optional[str],
        typer.Option(
            "--base",
            metavar="NAME",
            help="Also compare each with this region: the difference and the ratio (computed by the tool).",
            autocompletion=completion.records("regions"),
        ),
    ] = None,
) -> None:
    """Compare the GDP per capita of Belgium, its regions and the German-speaking Community."""
    from uwe_cli.views import regions as region_views

    _show(ctx, region_views.regions, out, names=names or (), sort=sort, base=base)


@_view(epilog="Example: uwe region wallonia")
def region(
    ctx: typer.Context,
    out: Out,
    name: Annotated[
        str,
        typer.Argument(
            metavar="NAME",
            help="A region: id, or name in any of the tool's languages (see `uwe regions`).",
            autocompletion=completion.records("regions"),
        ),
    ],
) -> None:
    """One region's full profile: population, GDP, EU indices, labour market, sectors."""
    from uwe_cli.views import regions

    _show(ctx, regions.region, out, name=name)


@_view(epilog="Example: uwe schemes poles regional-clusters")
def schemes(
    ctx: typer.Context,
    out: Out,
    names: Annotated[
        Optional[list[str]],
        typer.Argument(
            metavar="NAME",
            help="Schemes to compare (default: all four).",
            autocompletion=completion.records("schemes"),
            show_default=False,
        ),
    ] = None,
    sort: Annotated[Optional[str], _sort_option(SCHEME_SORT_KEYS)] = None,
) -> None:
    """The four Walloon clustering schemes side by side."""
    from uwe_cli.views import schemes

    _show(ctx, schemes.schemes, out, names=names or (), sort=sort)


@_view(epilog="Example: uwe scheme regional-clusters")
def scheme(
    ctx: typer.Context,
    out: Out,
    name: Annotated[
        str,
        typer.Argument(
            metavar="NAME",
            help="A scheme: id, name or alias (poles, export grappes...).",
            autocompletion=completion.records("schemes"),
        ),
    ],
) -> None:
    """One scheme in full: criteria, funding, activities, results, its groupings."""
    from uwe_cli.views import schemes

    _show(ctx, schemes.scheme, out, name=name)


@_view(epilog="Example: uwe clusters --sector energy --scheme regional-clusters")
def clusters(
    ctx: typer.Context,
    out: Out,
    sector: Annotated[
        Optional[list[str]],
        typer.Option(
            "--sector",
            "-s",
            metavar="SECTOR",
            help="A sector, in any of the tool's languages (see `uwe sectors`); repeat it to match any of several.",
            autocompletion=completion.records("sectors"),
            show_default=False,
        ),
    ] = None,
    scheme_name: Annotated[
        Optional[list[str]],
        typer.Option(
            "--scheme",
            metavar="SCHEME",
            help="regional-clusters, poles, export-grappes or technology-grappes; repeat it to match any of several.",
            autocompletion=completion.records("schemes"),
            show_default=False,
        ),
    ] = None,
    status: Annotated[
        Optional[list[str]],
        typer.Option(
            "--status",
            metavar="STATUS",
            help=f"{listed(CLUSTER_STATUSES)}.",
            autocompletion=completion.choices(CLUSTER_STATUSES),
            show_default=False,
        ),
    ] = None,
    search: Annotated[
        Optional[str], typer.Option("--search", metavar="TEXT", help="Words starting with TEXT in the name or domain.")
    ] = None,
    sort: Annotated[Optional[str], _sort_option(CLUSTER_SORT_KEYS)] = None,
) -> None:
    """Every named grouping (clusters, poles, export grappes); filters combine."""
    from uwe_cli.views import clusters

    _show(
        ctx,
        clusters.clusters,
        out,
        sector=sector or (),
        scheme_name=scheme_name or (),
        status=status or (),
        search=search,
        sort=sort,
    )


@_view(epilog="Example: uwe cluster tweed")
def cluster(
    ctx: typer.Context,
    out: Out,
    name: Annotated[
        str,
        typer.Argument(
            metavar="NAME",
            help="A grouping: id or name (case and accents do not matter).",
            autocompletion=completion.records("clusters"),
        ),
    ],
) -> None:
    """One grouping's profile: schemes, domain, sectors, status, source."""
    from uwe_cli.views import clusters

    _show(ctx, clusters.cluster, out, name=name)


def _plain_view(name: str, *, module_name: str, help_text: str, example: str) -> None:
    """Register `uwe NAME`: one view with only the options every view has."""

    def command(ctx: typer.Context, out: Out) -> None:
        import importlib

        module = importlib.import_module(f"uwe_cli.views.{module_name}")
        _show(ctx, getattr(module, name), out)

    command.__name__, command.__doc__ = name, help_text
    _view(name, epilog=f"Example: {example}")(command)


_plain_view(
    "sectors",
    module_name="clusters",
    help_text="The sector vocabulary for `--sector`, with how many groupings carry each.",
    example="uwe sectors --lang fr",
)


@_view(epilog="Example: uwe lessons --kind good-practice")
def lessons(
    ctx: typer.Context,
    out: Out,
    kind: Annotated[
        Optional[str],
        typer.Option(
            "--kind",
            "-k",
            metavar="KIND",
            help=f"{listed(LESSON_KINDS)}.",
            autocompletion=completion.choices(LESSON_KINDS),
        ),
    ] = None,
) -> None:
    """What the Walloon experience taught, grouped, in the source's order."""
    from uwe_cli.views import policy

    _show(ctx, policy.lessons, out, kind=kind)


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
    help_text="Where the source's figures do not agree with one another, computed by the tool from the data in use.",
    example="uwe notes --format json",
)
_plain_view(
    "about",
    module_name="about",
    help_text="The UWE and the source document: the presentation, its date and place, its slides.",
    example="uwe about",
)


@_view(epilog="Example: uwe cite wallonia gdp-per-capita --format bibtex")
def cite(
    ctx: typer.Context,
    out: Out,
    what: Annotated[
        Optional[list[str]],
        typer.Argument(
            metavar="WHAT",
            help="A view (results, regions, lessons...); a record (tweed, or region wallonia); a slide "
            "(slide wallonia); a record and one of its figures (wallonia gdp-per-capita); "
            "default: the whole dataset.",
            autocompletion=completion.citable,
            show_default=False,
        ),
    ] = None,
) -> None:
    """How to cite what uwe shows: a view, a record, a slide, a figure, or the whole dataset."""
    from uwe_cli.views import cite

    _show(ctx, cite.cite, out, target_words=tuple(what or ()))


@_view("search", epilog="Example: uwe search énergie")
def search_command(
    ctx: typer.Context,
    out: Out,
    query: Annotated[
        str, typer.Argument(metavar="TEXT", help="Words to find: any that start so, ignoring case and accents.")
    ],
    sort: Annotated[
        Optional[str],
        _sort_option(SEARCH_SORT_KEYS, rule="names A to Z; -KEY reverses (default: relevance, names first)."),
    ] = None,
) -> None:
    """Every record of any kind that mentions TEXT, in any of the tool's languages, and where."""
    from uwe_cli.views import search

    _show(ctx, search.search, out, query=query, sort=sort)


def main(argv: Optional[list[str]] = None) -> int:
    """Run `uwe` with `argv` (default: the command line) and return its exit code."""
    args = sys.argv[1:] if argv is None else list(argv)
    return int(typer.main.get_command(app).main(args, prog_name="uwe", standalone_mode=False))
