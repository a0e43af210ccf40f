"""How the tool's commands meet Typer (and the Click inside it): parsing, help, usage errors.

commands.py declares the commands; the classes here give every one of them the same manners:
- options are converted without Typer's pydantic start-up cost (coercion.py);
- the options of `uwe` itself work after the command too (`uwe clusters --data-dir X`),
  and `uwe help [COMMAND]` and `uwe version` are `uwe [COMMAND] --help` and `uwe --version`;
- help is laid out for the terminal's width (Click never goes under 50 columns), lists
  each command's help in full, and names arguments by their placeholder (`NAME`): helptext.py;
- a usage error is the tool's own one line, in the tool's words ("unknown …", "missing …"), with
  what to type next.
Only Click's public API is used, so a Typer release that changes its internals cannot
change what a user sees.
"""

from __future__ import annotations

import contextlib
import inspect
import os
import re
import sys
from itertools import islice
from typing import Any

from typer.core import TyperCommand, TyperGroup

from uwe_cli.cli import boundary, coercion, helptext
from uwe_cli.errors import UsageError


class _Manners:
    """What every uwe command and group does alike (mixed in before Typer's classes)."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        coercion.install(self.get_params(ctx))  # type: ignore[attr-defined]
        try:
            return super().parse_args(ctx, args)  # type: ignore[misc, no-any-return]
        except Exception as exc:
            raise _in_our_words(exc, ctx) from None

    def get_help(self, ctx: Any) -> str:
        formatter = ctx.make_formatter()
        formatter.width = helptext.help_width()
        self.format_help(ctx, formatter)  # type: ignore[attr-defined]
        # (Click leaves a space at the end of a usage line it breaks: `Usage: uwe clusters `)
        return "\n".join(line.rstrip() for line in str(formatter.getvalue()).rstrip("\n").split("\n"))

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        lang = helptext.help_language()
        pieces = helptext.metavars(" ".join(self.collect_usage_pieces(ctx)), lang)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, pieces, prefix=lang.gettext("Usage:", "help") + " ")

    def format_help_text(self, ctx: Any, formatter: Any) -> None:
        text = helptext.help_text(self)
        if text:
            formatter.write_paragraph()
            helptext.wrapped(formatter, helptext.help_language().gettext(text), formatter.current_indent + 2)

    def format_epilog(self, ctx: Any, formatter: Any) -> None:
        epilog = inspect.cleandoc(getattr(self, "epilog", None) or "")
        if epilog:
            formatter.write_paragraph()
            helptext.wrapped(formatter, helptext.translated_epilog(epilog), formatter.current_indent + 2)

    def format_options(self, ctx: Any, formatter: Any) -> None:
        lang = helptext.help_language()
        arguments, options = [], []
        for param in self.get_params(ctx):  # type: ignore[attr-defined]
            if getattr(param, "hidden", False):
                continue
            if param.param_type_name == "argument":
                arguments.append(
                    (
                        helptext.metavars(helptext.placeholder(param), lang),
                        lang.gettext(getattr(param, "help", None) or ""),
                    )
                )
            else:
                record = param.get_help_record(ctx)
                if record is not None:
                    options.append((helptext.metavars(record[0], lang), helptext.option_help(param, record[1], lang)))
        helptext.definitions(formatter, lang.gettext("Arguments", "help"), arguments)
        helptext.definitions(formatter, lang.gettext("Options", "help"), options)


class Command(_Manners, TyperCommand):
    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.get_params(ctx) else []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                pieces.append(helptext.placeholder(param) if param.required else f"[{helptext.placeholder(param)}]")
        return [p for p in pieces if p]


class Group(_Manners, TyperGroup):
    """A command group: `uwe` itself and `uwe data`. Its `main` is where `uwe` starts."""

    def main(  # type: ignore[override]
        self,
        args: list[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        # Not Typer's own `main`: it would print Click's usage errors its own way, turn a
        # closed pipe into exit 1, and catch Ctrl-C. The boundary does all that, in one place.
        args = list(sys.argv[1:] if args is None else args)
        helptext.TYPED[:] = args  # (for the language of help, asked for anywhere on the line)
        with contextlib.suppress(Exception):  # (usage errors too are said in that language)
            from uwe_cli.i18n import language

            language.use(helptext.help_language())
        with contextlib.suppress(Exception):  # (pure list work; should it fail, Click sees the line as typed)
            args = rearranged(self, args)
        code = boundary.run(lambda: self._run(args, prog_name or "uwe", complete_var, extra), args)
        if standalone_mode:
            sys.exit(code)
        return code

    def _run(self, args: list[str], prog_name: str, complete_var: str | None, extra: dict[str, Any]) -> None:
        complete_var = complete_var or f"_{prog_name}_COMPLETE".replace("-", "_").upper()
        if os.environ.get(complete_var):  # the shell asks for completions (and Click exits)
            if not _shell_variables_set(os.environ[complete_var]):  # (else Typer fails on a KeyError)
                from uwe_cli.i18n.messages import msg

                raise UsageError(msg("shell completion: {variable} is set, but not the variables a shell sets with it",
                                     variable=complete_var))  # fmt: skip
            self._main_shell_completion(extra, prog_name, complete_var)
        _refuse_empty(args, group=self)
        from uwe_cli.cli import hints

        misplaced = hints.misplaced(self, args, options=_options)
        if misplaced is not None:
            raise misplaced
        with self.make_context(prog_name, list(args), **extra) as ctx:  # (Click consumes the list)
            self.invoke(ctx)

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        name = args[0] if args else ""
        if name and not name.startswith("-") and name not in self.commands and not ctx.resilient_parsing:
            from uwe_cli.cli import hints
            from uwe_cli.i18n.messages import msg
            from uwe_cli.names.lookup import did_you_mean

            unknown = msg("unknown command '{name}'", name=name)
            line = hints.unknown_command(ctx, name, args[1:])
            if line is not None:
                raise hints.did_you_mean_line(unknown, line)
            # (`help` and `version` are commands of `uwe` only: `uwe data help` is `uwe data --help`)
            aliases = ALIASES if ctx.parent is None else ()
            known = [*aliases, *(n for n, c in self.commands.items() if not c.hidden)]
            raise UsageError(did_you_mean(unknown, name, known, otherwise=_see(ctx)))
        return super().resolve_command(ctx, args)

    def format_options(self, ctx: Any, formatter: Any) -> None:
        super().format_options(ctx, formatter)
        self.format_commands(ctx, formatter)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        # Each command's first sentence in full, wrapped: Click would cut it with "..." to
        # fit one line, even on a wide screen.
        lang = helptext.help_language()
        rows = [(name, helptext.first_sentence(lang.gettext(helptext.help_text(command)))) for name, command in self.commands.items()
                if not command.hidden]  # fmt: skip
        helptext.definitions(formatter, lang.gettext("Commands", "help"), rows)


# Usage errors in the tool's words. Click's wording changes between releases; its exceptions'
# classes and attributes are what is read here, and anything else keeps Click's message.


def _in_our_words(exc: Exception, ctx: Any) -> Exception:
    kind = type(exc).__name__
    if kind == "NoArgsIsHelpError" or not hasattr(exc, "format_message"):
        return exc  # (asking for help; or not a usage error at all)
    from uwe_cli.i18n.messages import msg

    param = getattr(exc, "param", None)
    if kind == "MissingParameter" and param is not None and param.param_type_name == "argument":
        missing = msg(
            "missing {argument}",
            argument=helptext.metavars(helptext.placeholder(param).rstrip("."), helptext.help_language()),
        )
        return UsageError(msg("{error}: {hint}", error=missing, hint=_what_to_type(ctx)))
    if kind == "NoSuchOption":
        from uwe_cli.i18n.messages import Listing

        option = exc.option_name  # type: ignore[attr-defined]
        close = _closest_options(option, exc.possibilities or ())  # type: ignore[attr-defined]
        unknown = msg("unknown option '{option}'", option=option)
        if close:
            names = Listing((msg("'{name}'", name=close[0]),), style="or")
            return UsageError(msg("{error} (did you mean {names}?)", error=unknown, names=names))
        return UsageError(msg("{error} ({hint})", error=unknown, hint=_see(ctx)))
    if kind == "BadOptionUsage" and "requires an argument" in exc.format_message():
        missing = msg("missing value after {option}", option=exc.option_name)  # type: ignore[attr-defined]
        return UsageError(msg("{error} ({hint})", error=missing, hint=_see(ctx)))
    message = str(exc.format_message()).rstrip(".")
    extra = _EXTRA.search(message)
    if extra:
        said = _unexpected(extra.group(1), ctx)
        if said.id == "{error} (did you mean {names}?)":
            return UsageError(said)
        return UsageError(msg("{error} ({hint})", error=said, hint=_see(ctx)))
    if kind == "BadOptionUsage" and "does not take a value" in message:
        takes_none = msg("{option} does not take a value", option=exc.option_name)  # type: ignore[attr-defined]
        return UsageError(msg("{error} ({hint})", error=takes_none, hint=_see(ctx)))
    # Click's own words (English), for the rare errors not said above.
    return UsageError(msg("{error} ({hint})", error=f"{message[:1].lower()}{message[1:]}", hint=_see(ctx)))


def _shell_variables_set(instruction: str) -> bool:
    """Whether the variables the shell sets for a completion (`complete_bash`...) are there."""
    if instruction.startswith("complete_bash"):
        return "COMP_WORDS" in os.environ and os.environ.get("COMP_CWORD", "").isdigit()
    if instruction.startswith("complete_"):  # zsh, fish, PowerShell
        return "_TYPER_COMPLETE_ARGS" in os.environ
    return True  # (`source_bash`... : the script to install, or an instruction Typer refuses itself)


def _refuse_empty(args: list[str], *, group: Any) -> None:
    """An empty path (`--export ""`) names nothing, though it would be read as the current
    folder: refused before Click reads it. (An empty name or choice gets the choices.)"""
    from uwe_cli.i18n.messages import msg

    for i, arg in enumerate(args):
        option = arg[:-1] if arg.startswith("--") and arg.endswith("=") else None
        if option is None and arg == "" and i:
            option = args[i - 1]
        if option is not None and option in _path_options(group):
            raise UsageError(msg("missing value after {option}", option=option))


def _path_options(group: Any) -> set[str]:
    """The names of every option of `group`'s commands that takes a path (`--data-dir`, `--export`)."""
    found: set[str] = set()
    commands = [group]
    while commands:
        command = commands.pop()
        for param in command.params:
            if param.param_type_name == "option" and param.metavar in ("PATH", "FILE"):
                found.update(param.opts)
        commands += getattr(command, "commands", {}).values()
    return found


def _see(ctx: Any) -> Any:
    from uwe_cli.i18n.messages import msg

    return msg("see '{command}'", command=f"{ctx.command_path} --help")


_EXTRA = re.compile(r"unexpected extra arguments?(?:\(s\))? \((.*)\)$")


def _unexpected(extra: str, ctx: Any) -> Any:
    """Words left over: several names for a command that takes one (`uwe region A B`), a value
    without its option (`uwe clusters energy`), or a name with spaces typed without quotes."""
    from uwe_cli.cli import hints
    from uwe_cli.i18n.messages import msg

    if " " in extra:
        shown = msg("unexpected extra arguments '{extra}'", extra=extra)
    else:
        shown = msg("unexpected extra argument '{extra}'", extra=extra)
    line = hints.extra_words(ctx, extra.split(" "))
    if line is not None:
        return hints.did_you_mean_line(shown, line).message
    given = [p for p in ctx.command.params if p.param_type_name == "argument" and p.nargs == 1]
    value = ctx.params.get(given[0].name) if len(given) == 1 else None
    if isinstance(value, str):
        return msg("{error}: a name with spaces needs quotes, as in {command}", error=shown,
                   command=f"{ctx.command_path} '{value} {extra}'")  # fmt: skip
    return shown


_EXAMPLE = re.compile(r"Example: (uwe [^(\n]*?)\s*(?:\(|$)", re.M)


def _what_to_type(ctx: Any) -> Any:
    """For a missing argument: the command's example, and the command listing the names."""
    from uwe_cli.i18n.messages import msg

    found = _EXAMPLE.search(ctx.command.epilog or "")
    example = helptext.help_language().gettext(found.group(1), helptext.EXAMPLE) if found else None
    parent = ctx.parent.command if ctx.parent is not None else None
    plural = f"{ctx.info_name}s"
    if parent is not None and plural in getattr(parent, "commands", {}):
        listing = f"{ctx.parent.command_path} {plural}"
        if example:
            return msg("try '{example}', or '{listing}' to list them all", example=example, listing=listing)
        return msg("{hint}, or '{listing}' to list them all", hint=_see(ctx), listing=listing)
    return msg("try '{example}'", example=example) if example else _see(ctx)


# Options of `uwe` itself after the command, and the aliases.

# Commands that stand for an option of `uwe`: `uwe help [COMMAND]`, `uwe version`.
ALIASES = ("help", "version")


def rearranged(group: Any, args: list[str]) -> list[str]:
    """`args` as Click expects them: root options before the command, aliases resolved.

    `uwe clusters --data-dir X --no-cache` becomes `uwe --data-dir X --no-cache clusters`;
    an option the command has of its own (`--lang`, `--no-color`) stays where it is.
    """
    root = _options(group)
    start = _command_start(args, root)
    if start == len(args):
        return args
    if args[start] == "help":  # `uwe help clusters` is `uwe clusters --help` (its root options moved too)
        return rearranged(group, [*args[:start], *args[start + 1 :], "--help"])
    if args[start] == "version":
        return [*args[:start], "--version", *args[start + 1 :]]
    command, end = group.commands.get(args[start]), start + 1
    while command is not None and end < len(args) and args[end] in getattr(command, "commands", {}):
        command, end = command.commands[args[end]], end + 1
    if command is not None and end < len(args) and args[end] == "help" and getattr(command, "commands", None):
        # `uwe data help [COMMAND]` is `uwe data [COMMAND] --help`, as `uwe help` is `uwe --help`
        return rearranged(group, [*args[:end], *args[end + 1 :], "--help"])
    if command is None:
        return args
    own = _options(command)
    moved, kept = [], []
    rest = iter(args[end:])
    for arg in rest:
        name, has_value = arg.partition("=")[0], "=" in arg
        if arg == "--":
            kept += [arg, *rest]
        elif name in own or name not in root or name in ("-h", "--help"):
            kept.append(arg)
            if own.get(name) and not has_value:
                kept += list(islice(rest, 1))
        else:
            moved.append(arg)
            if root[name] and not has_value:
                moved += list(islice(rest, 1))
    return [*args[:start], *moved, *args[start:end], *kept]


def _options(command: Any) -> dict[str, bool]:
    """Each option name of `command` (`--lang`, `-l`), and whether it takes a value."""
    found: dict[str, bool] = {}
    for param in getattr(command, "params", ()):
        if param.param_type_name == "option":
            takes_value = not (param.is_flag or param.count)
            found.update(dict.fromkeys([*param.opts, *param.secondary_opts], takes_value))
    return found


def _command_start(args: list[str], root: dict[str, bool]) -> int:
    """Where the command's name stands in `args`, after the root options (and their values)."""
    i = 0
    while i < len(args) and args[i].startswith("-") and args[i] != "--":
        name = args[i].partition("=")[0]
        i += 2 if root.get(name) and "=" not in args[i] else 1
    return min(i, len(args))


def _closest_options(option: str, possibilities: Any) -> list[str]:
    """The options `option` may have meant, closest first (`--sektor`: `--sector`); Click
    gives them unordered."""
    import difflib

    ranked = difflib.get_close_matches(option, list(possibilities), n=len(possibilities) or 1, cutoff=0.0)
    return sorted(ranked, key=lambda known: not known.startswith(option))  # (a beginning typed: that one first)
