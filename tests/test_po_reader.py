"""The PO reader of a data folder's translations reads what GNU msgfmt reads, as msgfmt
does: a property test against Babel's read_po on generated catalogues, and msgfmt itself
(where installed) on the cases that once differed."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from hypothesis import given, settings
from hypothesis import strategies as st

from uwe_cli.i18n.language import POError, parse_po

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
# Characters that once split a line or a string: U+2028, U+0085, form feed, vertical tab,
# file separators; quotes and backslashes, which are escaped.
ODD = "\u2028\u0085\f\v\x1c\x1d\x1e\t\"\\'#"
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",), exclude_characters="\n\r\x00") | st.sampled_from(ODD), min_size=1, max_size=30)  # fmt: skip


def quoted(text: str, *, cut: int) -> str:
    """`text` as a PO string, escaped as translators' tools write it, in pieces of `cut`
    characters on continuation lines."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
    pieces = [escaped[i : i + cut] for i in range(0, len(escaped), cut)]
    # (a piece never ends inside an escape: move a lone trailing backslash to the next one)
    for i in range(len(pieces) - 1):
        while pieces[i].endswith("\\") and (len(pieces[i]) - len(pieces[i].rstrip("\\"))) % 2:
            pieces[i], pieces[i + 1] = pieces[i][:-1], pieces[i][-1] + pieces[i + 1]
    if len(pieces) == 1:
        return f'"{pieces[0]}"'
    return '""\n' + "\n".join(f'"{p}"' for p in pieces)


@st.composite
def catalogues(draw: st.DrawFn) -> tuple[str, dict[tuple[str | None, str], str]]:
    entries = draw(st.dictionaries(st.tuples(st.none() | TEXT, TEXT), TEXT, max_size=8))
    cut = draw(st.integers(1, 40))
    lines = [HEADER]
    for (context, msgid), msgstr in entries.items():
        if context is not None:
            lines.append(f"msgctxt {quoted(context, cut=cut)}\n")
        lines.append(f"msgid {quoted(msgid, cut=cut)}\nmsgstr {quoted(msgstr, cut=cut)}\n\n")
    return "".join(lines), entries


@settings(max_examples=300, deadline=None)
@given(catalogues(), st.booleans())
def test_reads_generated_catalogues_as_babel_does(catalogue: tuple[str, dict], bom: bool) -> None:
    source, entries = catalogue
    ours = {key: forms[0] for key, forms in parse_po(("\ufeff" if bom else "") + source).items() if key[0] or key[1]}
    babel = {(m.context, m.id): m.string for m in read_po(io.BytesIO(source.encode("utf-8"))) if m.id}
    assert ours == babel == entries


ACCEPTED = {
    "U+2028 inside a string": 'msgid "a"\nmsgstr "b\u2028c"\n',
    "U+0085 inside a string": 'msgid "a"\nmsgstr "b\u0085c"\n',
    "a form feed inside a string": 'msgid "a"\nmsgstr "b\fc"\n',
    "two strings on a line": 'msgid "a" "b"\nmsgstr "x"\n',
    "a tab after the keyword": 'msgid\t"a"\nmsgstr "x"\n',
    "octal escapes": 'msgid "a"\nmsgstr "\\033[31mRED \\303\\251"\n',
    "hex escapes": 'msgid "a"\nmsgstr "\\x1b[0m \\xc3\\xa9"\n',
}
REFUSED = {
    "a string that never ends": ('msgid "abc\\"\nmsgstr "x"\n', 5),
    "junk after a string": ('msgid "a"b"\nmsgstr "x"\n', 5),
    "a msgstr without msgid": ('msgstr "x"\n', 5),
    "a msgctxt without msgid": ('msgctxt "c"\nmsgstr "x"\n', 5),
    "msgid_plural with msgstr": ('msgid "a"\nmsgid_plural "b"\nmsgstr "x"\n', 5),
    "msgstr[0] without msgid_plural": ('msgid "a"\nmsgstr[0] "x"\n', 5),
    "an x without hex digits": ('msgid "a"\nmsgstr "\\xg"\n', 6),
    "an unknown escape": ('msgid "a"\nmsgstr "\\q"\n', 6),
}


@pytest.mark.parametrize("name", list(ACCEPTED))
def test_accepts_what_msgfmt_accepts(name: str, tmp_path: Path) -> None:
    source = HEADER + ACCEPTED[name]
    assert len(parse_po(source)) == 2
    assert msgfmt(source, tmp_path) in (True, None)


def test_escaped_bytes_are_read_as_gettext_reads_them() -> None:
    # (a number is a byte of the UTF-8 text: msgfmt compiles these, and Python's gettext
    # reads ESC [ 3 1 m and é from the .mo)
    assert parse_po(HEADER + ACCEPTED["octal escapes"])[(None, "a")] == ["\x1b[31mRED é"]
    assert parse_po(HEADER + ACCEPTED["hex escapes"])[(None, "a")] == ["\x1b[0m é"]
    with pytest.raises(POError, match="not UTF-8"):
        parse_po(HEADER + 'msgid "a"\nmsgstr "\\303"\n')


def test_a_byte_order_mark_is_no_text() -> None:
    assert parse_po("\ufeff" + HEADER + 'msgid "a"\nmsgstr "b"\n')[(None, "a")] == ["b"]


@pytest.mark.parametrize("name", list(REFUSED))
def test_refuses_what_msgfmt_refuses(name: str, tmp_path: Path) -> None:
    source, line = REFUSED[name]
    with pytest.raises(POError) as refused:
        parse_po(HEADER + source)
    assert refused.value.line == line
    assert msgfmt(HEADER + source, tmp_path) in (False, None)


def msgfmt(source: str, folder: Path) -> bool | None:
    """Whether GNU msgfmt reads `source`; None where it is not installed."""
    if shutil.which("msgfmt") is None:
        return None
    path = folder / "t.po"
    path.write_text(source, encoding="utf-8")
    run = subprocess.run(["msgfmt", "-o", "/dev/null", str(path)], capture_output=True, check=False)
    return run.returncode == 0
