"""Which language a command answers in: `--lang`, then `$UWE_LANG`, then the locale.

Apart from `language.py` because refusing a language uwe does not speak is a usage error
with suggestions (`uwe_cli.errors`, `uwe_cli.names`), which themselves say things in a
language: here, the import graph stays a tree.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from uwe_cli.i18n.language import Language

if TYPE_CHECKING:
    from uwe_cli.errors import UsageError

# Where the language of a command may come from, in order: the option, the tool's variable,
# then the POSIX locale as gettext reads it.
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def asked_for(option: str | None, environ: Mapping[str, str], *, known: Iterable[str]) -> tuple[str, str]:
    """The language asked for, and where it was asked: `--lang`, `UWE_LANG`, a locale variable.

    A locale names a language only when it is one of `known` (`fr_BE.UTF-8` is French;
    `C` or `es_ES` says nothing and English is used); an option or UWE_LANG is always a
    request, to be refused with its origin if uwe does not speak it.
    """
    wanted = set(known)
    for asked, origin in ((option, "--lang"), (environ.get("UWE_LANG"), "UWE_LANG")):
        if asked:  # (a locale's name, `fr_BE.UTF-8`, asks for its language there too)
            return (_code(asked) if _code(asked) in wanted else asked), origin
    for variable in LOCALE_VARIABLES:
        for entry in environ.get(variable, "").split(":"):
            code = _code(entry)
            if code in wanted:
                return code, variable
        if environ.get(variable) and variable != "LANGUAGE":
            break  # the first locale variable set decides, as in gettext (LANGUAGE may list several)
    return "en", "default"


def _code(locale: str) -> str:
    """The language of a locale's name: `fr` for `fr_BE.UTF-8`, `fr-BE` or `fr@euro`."""
    return locale.split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()


# The run's resolutions, by what each was resolved from: the command line's language is resolved
# once, where the run starts (command_line.Group.main, for help and usage errors), and the
# command that then asks with the same option and environment (cli/showing.py, the `data` and
# `site` commands) is given that answer, or that refusal, again.
_RESOLVED: dict[tuple[str | None, ...], Language | UsageError] = {}


def resolve(option: str | None, environ: Mapping[str, str]) -> Language:
    """The language of a command (see asked_for); an unknown one names where it came from."""
    key = (option, *(environ.get(name) for name in ("UWE_LANG", *LOCALE_VARIABLES)))
    found = _RESOLVED.get(key)
    if found is None:
        if len(_RESOLVED) > 8:  # (one process, many runs: the tests)
            _RESOLVED.clear()
        found = _RESOLVED[key] = _resolved(option, environ)
    if isinstance(found, Language):
        return found
    raise found


def _resolved(option: str | None, environ: Mapping[str, str]) -> Language | UsageError:
    """The language asked for, or the UsageError that refuses it."""
    from uwe_cli.errors import UsageError
    from uwe_cli.names import lookup
    from uwe_cli.vocabulary import LANGS  # (imported here: only a command's start needs them)

    asked, origin = asked_for(option, environ, known=LANGS)
    try:
        return Language(lookup.choose(asked, LANGS, what="language"))
    except UsageError as exc:
        if origin == "--lang":
            return exc
        refused = exc.of(origin)
        refused.__suppress_context__ = True  # (as `raise ... from None`)
        return refused
