"""`uwe cite` writes BibTeX that a real parser (pybtex) reads, whatever the titles hold, and
whose fields a LaTeX reader shows as the original text."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from pybtex.database import parse_string

from helpers import edit
from uwe_cli.output import bibtex

# What LaTeX shows for each command uwe may write (LaTeX's own definitions: \% is a per
# cent sign, \textbraceright{} a closing brace...), to read a field back as a person sees it.
SHOWN = {
    r"\textbackslash{}": "\\",
    r"\textbraceleft{}": "{",
    r"\textbraceright{}": "}",
    r"\textasciitilde{}": "~",
    r"\textasciicircum{}": "^",
    r"\%": "%",
    r"\&": "&",
    r"\#": "#",
    r"\$": "$",
    r"\_": "_",
}
COMMAND = re.compile("|".join(map(re.escape, SHOWN)))
HOSTILE = r"}{ \ % & # $ _ ~ ^ @ \" = , {{ }} \} \{ end\ "


def shown(latex: str) -> str:
    # (a bare `~` is LaTeX's no-break space: read as a space, as `plain` reads one)
    read = COMMAND.sub(lambda m: SHOWN[m.group()], latex.replace("~", " "))
    rest = COMMAND.sub("", latex)
    assert "\\" not in rest and "{" not in rest and "}" not in rest  # nothing else a LaTeX reader would act on
    return plain(read)


def plain(text: str) -> str:
    """A text as a reader reads it: a run of white space as one space (pybtex, like TeX)."""
    return re.sub(r"\s+", " ", text).strip()


def parsed(entry: str) -> tuple[str, dict[str, str], str]:
    ((key, found),) = parse_string(entry, "bibtex").entries.items()
    (author,) = found.persons["author"]
    return key, dict(found.fields), str(author)


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(exclude_categories=("Cs",)), max_size=40), st.text(max_size=20) | st.just(HOSTILE))
def test_any_text_makes_a_valid_entry(title: str, author: str) -> None:
    entry = bibtex.misc(
        key="uwe2014-x", author=author, title=title, howpublished=title, day=date(2014, 4, 15), note=HOSTILE + title
    )
    key, fields, person = parsed(entry)
    assert key == "uwe2014-x"
    assert shown(fields["title"]) == plain(title) == shown(fields["howpublished"])
    assert shown(fields["note"]) == plain(HOSTILE + title)
    assert person[0] + person[-1] == "{}" and shown(person[1:-1]) == plain(author)  # (an organisation: kept whole)
    assert (fields["year"], fields["month"]) == ("2014", "April")


def test_cite_with_hostile_titles(uwe, data_copy: Path) -> None:
    edit(
        data_copy / "about.yaml",
        'title: {fr: "La politique de redéploiement économique"',
        "title: {fr: '" + HOSTILE.replace("'", "''") + "'",
    )
    edit(
        data_copy / "about.yaml", "  name: Union Wallonne des Entreprises", '  name: "Union {Wallonne} \\\\ 100% & co"'
    )
    run = uwe("--data-dir", str(data_copy), "cite", "tweed", "-f", "json")
    assert run.exit_code == 0
    key, fields, person = parsed(run.json()["bibtex"])
    assert key == "uwe2014:cluster:tweed"
    assert shown(fields["title"]) == plain(HOSTILE) + " — Les 10 clusters wallons"
    assert shown(fields["note"]) == "15 April 2014; grouping 'tweed'; data: uwe 0.1.0"
    assert shown(person[1:-1]) == "Union {Wallonne} \\ 100% & co"
    # The table view shows the same entry (verbatim, never interpreted).
    assert run.json()["bibtex"] in uwe("--data-dir", str(data_copy), "cite", "tweed", "-f", "markdown").stdout


def test_the_whole_dataset_cites_validly(uwe) -> None:
    key, fields, person = parsed(uwe("cite", "-f", "json").json()["bibtex"])
    assert (key, person) == ("uwe2014", "{Union Wallonne des Entreprises}")  # (as before: no special character)
    assert fields["howpublished"] == "Presentation, IFAG / Bulgarian Chamber of Commerce and Industry (BCCI), Sofia"


def test_a_no_break_space_is_latexs_tilde() -> None:
    # (pdfLaTeX stops at U+202F; Bulgarian dates carry one: `15 април 2014 г.`)
    from uwe_cli.output.bibtex import escape

    assert escape("15\u00a0avril 2014\u202fг.") == "15~avril 2014~г."
