"""The line to type, for a command line that is nearly right.

- an option of a command typed before it (`uwe -f json regions`): `uwe regions -f json`;
- a command that is a subcommand elsewhere (`uwe export`: `uwe data export`), or a word
  readers use for one (`uwe compare A B`: `uwe regions A B`);
- words left over: several names for a command that takes one (`uwe region A B`:
  `uwe regions A B`), a value without its option (`uwe clusters energy`:
  `uwe clusters --sector energy`).
Pure list work on the words typed and the commands' declarations: no data is read.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from uwe_cli.errors import UsageError
from uwe_cli.i18n.messages import Listing, msg

# Words readers use for a command, and the command (with its options) they mean.
COMMAND_WORDS = {
    "compare": "regions", "comparison": "regions", "comparer": "regions", "vergelijk": "regions",
    "vergleichen": "regions", "vergleich": "regions", "сравни": "regions",
    "find": "search", "grep": "search", "chercher": "search", "rechercher": "search", "zoeken": "search",
    "suchen": "search", "търси": "search",
    "list": "clusters", "poles": "clusters --scheme poles", "pôles": "clusters --scheme poles",
    "grappes": "clusters --scheme export-grappes",
    "citation": "cite", "bibtex": "cite", "reference": "cite",
    "info": "about", "source": "about", "definitions": "concepts", "assessment": "results",
    "validate": "data check", "init": "data init", "path": "data path",
}  # fmt: skip

# For a command that takes no argument, the option a word left over is most likely the value
# of: `uwe clusters energy` means `--sector energy` (a status word means `--status`).
BARE_WORD_OPTION = {"clusters": "--sector", "lessons": "--kind"}


def typed(words: list[str]) -> str:
    """`words` as a shell line to copy: a word bare, else in double quotes (which read well
    inside a message's single quotes: 'uwe data check "my data"')."""
    from uwe_cli.views.common import shell_word

    return " ".join(shell_word(word) for word in words)


def did_you_mean_line(error: Any, line: str) -> UsageError:
    names = Listing((msg("'{name}'", name=line),), style="or")
    return UsageError(msg("{error} (did you mean {names}?)", error=error, names=names))


def misplaced(group: Any, args: list[str], *, options: Any) -> UsageError | None:
    """`uwe -f json regions`: an option of the command typed before it, and the line to type.

    `options(command)` gives each option name of a command and whether it takes a value.
    None when the line has no such option (Click then says what else is wrong)."""
    root = options(group)
    for start in range(len(args)):
        command, end = group.commands.get(args[start]), start + 1
        if command is None or args[start].startswith("-"):
            continue
        while end < len(args) and args[end] in getattr(command, "commands", {}):
            command, end = command.commands[args[end]], end + 1
        own = options(command)
        kept, moved, i = [], [], 0
        while i < start:
            name, has_value = args[i].partition("=")[0], "=" in args[i]
            if name in root:
                step = 2 if root[name] and not has_value else 1
                kept += args[i : i + step]
            elif name in own:
                step = 2 if own[name] and not has_value else 1
                moved += args[i : i + step]
            else:
                break  # (not an option of either: another mistake, which Click names)
            i += step
        if i != start or not moved:
            continue
        line = typed(["uwe", *kept, *args[start:end], *moved, *args[end:]])
        option = moved[0].partition("=")[0]
        return UsageError(msg("'{option}' is an option of '{command}': type '{line}'", option=option,
                              command=typed(["uwe", *args[start:end]]), line=line))  # fmt: skip
    return None


def unknown_command(ctx: Any, name: str, rest: list[str]) -> str | None:
    """The line to type for a command `uwe` does not have: the subcommand of that name
    (`uwe export`: `uwe data export`), or the command a reader's word means."""
    group = ctx.command
    if ctx.parent is None:
        for parent, command in group.commands.items():
            if name in getattr(command, "commands", {}):
                return typed([ctx.command_path, parent, name, *rest])
    meant = COMMAND_WORDS.get(name.casefold())
    if meant is not None and meant.split()[0] in group.commands:
        return " ".join([ctx.command_path, meant, typed(rest)]).rstrip()
    if meant is not None and ctx.parent is None and meant.startswith("data "):
        return " ".join([ctx.command_path, meant, typed(rest)]).rstrip()
    return None


def extra_words(ctx: Any, extra: list[str]) -> str | None:
    """The line to type for words left over: several names for a command that takes one
    (`uwe region A B`: `uwe regions A B`), a value without its option (`uwe clusters energy`)."""
    command = ctx.command
    parent = ctx.parent.command if ctx.parent is not None else None
    plural = getattr(parent, "commands", {}).get(f"{ctx.info_name}s")
    given = [p for p in command.params if p.param_type_name == "argument" and p.nargs == 1]
    value = ctx.params.get(given[0].name) if len(given) == 1 else None
    takes_several = plural is not None and any(p.param_type_name == "argument" and p.nargs == -1
                                                for p in plural.params)  # fmt: skip
    if isinstance(value, str) and takes_several:
        return typed([*ctx.parent.command_path.split(), f"{ctx.info_name}s", value, *extra])
    option = BARE_WORD_OPTION.get(ctx.info_name)
    if option is None or given:
        return None
    from uwe_cli.vocabulary import CLUSTER_STATUSES

    words = []
    for word in extra:
        chosen = option
        if option == "--sector" and _is_choice(word, CLUSTER_STATUSES):
            chosen = "--status"
        words += [chosen, word]
    return typed([*ctx.command_path.split(), *_typed_options(ctx), *words])


def _is_choice(word: str, choices: Mapping[str, tuple[str, ...]]) -> bool:
    from uwe_cli.names.matching import fold

    return any(fold(word) == fold(name) for key, others in choices.items() for name in (key, *others))


def _typed_options(ctx: Any) -> list[str]:
    """The options given to the command, as typed (for the line to type again)."""
    found: list[str] = []
    for param in ctx.command.params:
        if param.param_type_name != "option" or param.name not in ctx.params:
            continue
        value = ctx.params[param.name]
        source = ctx.get_parameter_source(param.name)
        if source is None or source.name != "COMMANDLINE":
            continue
        name = param.opts[-1] if param.opts[-1].startswith("--") else param.opts[0]
        if param.is_flag:
            found.append(name)
        elif isinstance(value, (list, tuple)):
            for each in value:
                found += [name, str(each)]
        elif value is not None:
            found += [name, str(value)]
    return found
