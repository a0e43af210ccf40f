"""The interface's catalogues: compiled to .mo when the package is built, read with the
standard library's gettext, exactly as Babel reads the .po files translators edit; plural
rules as CLDR has them, for every language CLDR knows."""

from __future__ import annotations

import gettext
import io
import json
import runpy
from pathlib import Path

import pytest
from babel import Locale
from babel.messages.pofile import read_po

from uwe_cli.i18n import language
from uwe_cli.i18n.language import Language, compile_mo, parse_po

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = sorted(path.parent.parent.name for path in language._LOCALE.glob("*/LC_MESSAGES/uwe.po"))
COUNTS = [*range(0, 30), 101, 111, 1000, 1_000_001]


def babel_catalogue(code: str) -> object:
    with (language._LOCALE / code / "LC_MESSAGES" / "uwe.po").open("rb") as handle:
        return read_po(handle, locale=code)


def same_as_babel(code: str, translations: gettext.NullTranslations) -> None:
    """Every entry Babel reads, said by `translations` as Babel's catalogue says it."""
    catalogue = babel_catalogue(code)
    plural = gettext.c2py(catalogue.plural_expr)  # type: ignore[attr-defined]  # (Babel's reading of the rule)
    checked = 0
    for message in catalogue:  # type: ignore[attr-defined]
        if not message.id:
            continue
        if isinstance(message.id, str):
            said = (
                translations.pgettext(message.context, message.id)
                if message.context
                else translations.gettext(message.id)
            )
            assert said == (message.string or message.id), (code, message.id)
        else:
            for n in COUNTS:
                wanted = message.string[plural(n)] or message.id[0 if n == 1 else 1]
                assert translations.ngettext(message.id[0], message.id[1], n) == wanted, (code, message.id[0], n)
        checked += 1
    assert checked > 300


@pytest.mark.parametrize("code", SHIPPED)
def test_the_runtime_reads_every_catalogue_as_babel_does(code: str) -> None:
    assert isinstance(Language(code)._translations, gettext.GNUTranslations)
    same_as_babel(code, Language(code)._translations)


@pytest.mark.parametrize("code", SHIPPED)
def test_a_catalogue_changed_since_the_build_is_read_from_its_po_as_babel_does(code: str) -> None:
    po = (language._LOCALE / code / "LC_MESSAGES" / "uwe.po").read_text(encoding="utf-8")
    same_as_babel(code, gettext.GNUTranslations(io.BytesIO(compile_mo(parse_po(po), code=code))))


def test_the_build_compiles_every_catalogue(tmp_path: Path) -> None:
    # What hatch_build.py writes, beside the .po: the .mo the runtime reads.
    for code in SHIPPED:
        assert (language._LOCALE / code / "LC_MESSAGES" / "uwe.mo").is_file(), code
    copy = tmp_path / "src" / "uwe_cli" / "i18n" / "locale" / "fr" / "LC_MESSAGES"
    copy.mkdir(parents=True)
    (copy / "uwe.po").write_bytes((language._LOCALE / "fr" / "LC_MESSAGES" / "uwe.po").read_bytes())
    hook = runpy.run_path(str(ROOT / "hatch_build.py"))
    assert hook["compile_catalogues"](tmp_path) == [copy / "uwe.mo"]
    with (copy / "uwe.mo").open("rb") as compiled:
        same_as_babel("fr", gettext.GNUTranslations(compiled))


def test_a_catalogue_without_a_plural_rule_takes_cldrs() -> None:
    # Polish has three forms for whole numbers: 1 plik, 2-4 / 22-24 pliki, 5-21 / 25 plików.
    entries = {
        (None, ""): ["Content-Type: text/plain; charset=UTF-8\n"],
        (None, "{n} file"): ["plik", "pliki", "plików"],
    }
    polish = gettext.GNUTranslations(io.BytesIO(compile_mo(entries, code="pl")))
    said = [polish.ngettext("{n} file", "{n} files", n) for n in (1, 2, 4, 5, 12, 21, 22, 25, 101)]
    assert said == ["plik", "pliki", "pliki", "plików", "plików", "plików", "pliki", "plików", "plików"]


def test_the_plural_rules_are_cldrs_for_every_language_it_knows() -> None:
    script = runpy.run_path(str(ROOT / "scripts" / "update-cldr"))
    shipped = json.loads((language._LOCALE / "plurals.json").read_text(encoding="utf-8"))
    assert shipped == script["plurals"](), "run scripts/update-cldr"
    assert len(shipped) > 300
    for code, rule in shipped.items():
        form = Locale.parse(code).plural_form
        tags = [tag for tag in ("zero", "one", "two", "few", "many") if tag in form.tags] + ["other"]
        choose = gettext.c2py(rule.partition("plural=")[2].rstrip(";"))
        assert [choose(n) for n in range(200)] == [tags.index(form(n)) for n in range(200)], code
