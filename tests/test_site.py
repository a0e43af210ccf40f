"""`uwe site DIR`: every page there, valid HTML, links that resolve, nothing from the network,
the slides' words marked, contrast at WCAG AA, and the folder written whole or not at all."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import html5lib
import pytest

from uwe_cli.dataset import store
from uwe_cli.i18n.language import Language
from uwe_cli.output.shown import derive, localized
from uwe_cli.output.site import build, folder
from uwe_cli.views import regions
from uwe_cli.vocabulary import LANGS

VIEWS = ("index", "regions", "schemes", "clusters", "sectors", "results", "lessons", "concepts", "notes", "about")


@pytest.fixture(scope="module")
def ds() -> store.Dataset:
    return store.load_dataset(store.shipped_data_dir(), use_cache=False)


@pytest.fixture(scope="module")
def site(ds: store.Dataset, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("site") / "reference"
    folder.write(target, _files(ds), force=False)
    return target


def _files(ds: store.Dataset) -> folder.Files:
    return lambda part, parts: build.files(ds, part=part, parts=parts)


class _Page(HTMLParser):
    """What a check needs of a page: its links, the languages it declares, its alternates."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.langs: list[str] = []
        self.alternates: dict[str, str] = {}
        self.spans_fr: list[str] = []
        self._in_fr = 0
        self.text: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"] or "")
        for key in ("href", "src", "action", "poster", "srcset"):
            if a.get(key):
                self.links.append(a[key] or "")
        if a.get("lang"):
            self.langs.append(a["lang"] or "")
        if tag == "link" and a.get("rel") == "alternate":
            self.alternates[a["hreflang"] or ""] = a["href"] or ""
        if tag == "span" and a.get("lang") == "fr":
            self._in_fr += 1
            self.spans_fr.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self._in_fr:
            self._in_fr -= 1

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._in_fr:
            self.spans_fr[-1] += data


def _parsed(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_view_record_and_slide_has_a_page_in_every_language(site: Path, ds: store.Dataset) -> None:
    records = [f"{kind}/{r['id']}" for kind in ("region", "scheme", "cluster") for r in ds[kind + "s"]]
    slides = [f"slide/{s['id']}" for s in ds["presentation"]["slides"]]
    for lang in LANGS:
        for name in (*VIEWS, *records, *slides):
            assert (site / lang / f"{name}.html").is_file(), f"{lang}/{name}.html"
    assert (site / "index.html").is_file() and (site / "style.css").is_file()
    assert len(_pages(site)) == 1 + len(LANGS) * (len(VIEWS) + len(records) + len(slides))


def test_every_page_is_valid_html_with_its_language(site: Path) -> None:
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    for path in _pages(site):
        text = path.read_text(encoding="utf-8")
        tree = parser.parse(text)  # (strict: raises on any parse error, a missing doctype too)
        lang = path.parent.name if path.parent != site else "en"
        lang = lang if lang in LANGS else path.parent.parent.name
        assert tree.get("lang") == lang, path
        assert tree.find("head/title").text.strip(), path
        assert len(tree.findall(".//h1")) == 1, path


def test_every_internal_link_resolves_and_nothing_comes_from_the_network(site: Path) -> None:
    for path in [*_pages(site), site / "style.css"]:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"(?i)\b(?:https?:)?//[a-z0-9]", re.sub(r"<!--.*?-->", "", text)), path
        assert "@import" not in text and "<script" not in text, path
        if path.suffix != ".html":
            continue
        page = _parsed(path)
        for link in page.links:
            target = urlsplit(link)
            assert not target.scheme and not target.netloc, (path, link)
            if not target.path:  # (a link within the page: to an element that is there)
                assert target.fragment in page.ids, (path, link)
                continue
            resolved = (path.parent / unquote(target.path)).resolve()
            assert resolved.is_file(), (path, link)
            assert site.resolve() in resolved.parents, (path, link)


def test_each_page_links_to_its_translations(site: Path) -> None:
    for path in _pages(site / "bg"):
        page = _parsed(path)
        assert set(page.alternates) == set(LANGS), path
        for code, link in page.alternates.items():
            assert (path.parent / link).resolve() == (site / code / path.relative_to(site / "bg")).resolve()


def test_walloon_gdp_per_capita_in_bulgarian_links_to_the_slide_with_its_words(site: Path) -> None:
    region = (site / "bg" / "region" / "wallonia.html").read_text(encoding="utf-8")
    assert "<dt>БВП на човек</dt><dd>21\u00a0500\u00a0€" in region
    assert 'href="../slide/wallonia.html">Валония в цифри</a>' in region
    slide = _parsed(site / "bg" / "slide" / "wallonia.html")
    assert "La Wallonie en quelques chiffres" in slide.spans_fr
    assert "Валония" in "".join(slide.text)  # (cited by: the region, in Bulgarian)


def test_a_slide_page_keeps_a_translation_out_of_quotation_marks(site: Path) -> None:
    # Quotation marks hold the slides' words only; the year the UWE was founded is on its slide.
    text = " ".join("".join(_parsed(site / "de" / "slide" / "uwe.html").text).split())
    assert (
        "„Fédération intersectorielle créée en 1969“, übersetzt: Branchenübergreifender Verband, gegründet 1969" in text
    )
    assert "‚" not in text


def test_a_slide_names_each_record_citing_it_by_its_kind(site: Path) -> None:
    # Belgium is a country and the German-speaking Community a community, not Regions.
    text = " ".join(" ".join(_parsed(site / "fr" / "slide" / "belgium.html").text).split())
    for cited in ("pays : Belgique", "région : Wallonie", "communauté : Communauté germanophone"):
        assert cited in text.replace("\xa0", " "), cited
    assert "région : Communauté germanophone" not in text.replace("\xa0", " ")


def test_a_page_shows_what_the_view_shows(site: Path, ds: store.Dataset) -> None:
    lang = Language("de")
    form = regions.region(ds, "wallonia")
    shown = derive(form, localized(form, lang), lang)
    # (the same text, but for the spaces French typography keeps from breaking a line)
    page = (site / "de" / "region" / "wallonia.html").read_text(encoding="utf-8").replace("\u00a0", " ")
    assert f"<h1>{shown.title}</h1>" in page
    for label, value in shown.fields:
        assert f"<dt>{label}</dt><dd>{value.replace(chr(0xA0), ' ')}" in page


def test_the_slides_french_is_marked_on_other_pages_and_not_on_french_ones(site: Path) -> None:
    de = _parsed(site / "de" / "slide" / "walloon-clusters.html")
    marked = [span.replace("\u00a0", " ") for span in de.spans_fr]
    assert "Les 10 clusters wallons" in marked and "Recherche clinique" in marked
    fr = _parsed(site / "fr" / "slide" / "walloon-clusters.html")
    assert fr.spans_fr == [] and fr.langs[0] == "fr"


def test_french_typography_keeps_its_no_break_spaces(site: Path) -> None:
    page = (site / "fr" / "region" / "wallonia.html").read_text(encoding="utf-8")
    assert "<dd>21\u202f500\u00a0€" in page
    text = re.sub(r"<[^>]+>", "", page)
    assert not re.search(r" [:;!?»]", text) and "« " not in text


def _colours(css: str) -> tuple[dict[str, str], dict[str, str]]:
    def variables(block: str) -> dict[str, str]:
        return dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})", block))

    light = variables(css[: css.index("@media (prefers-color-scheme: dark)")])
    dark = {**light, **variables(css[css.index("@media (prefers-color-scheme: dark)") :].split("}\n}")[0])}
    return light, dark


def _contrast(a: str, b: str) -> float:
    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_contrast_is_wcag_aa_in_light_and_dark(scheme: str) -> None:
    css = (Path(build.__file__).parent / "style.css").read_text(encoding="utf-8")
    colours = dict(zip(("light", "dark"), _colours(css), strict=True))[scheme]
    for text in ("fg", "muted", "link", "visited", "french"):
        for background in ("bg", "band"):
            ratio = _contrast(colours[text], colours[background])
            assert ratio >= 4.5, (scheme, text, background, round(ratio, 2))
    assert _contrast(colours["bar"], colours["bg"]) >= 3  # (a graphic: WCAG 1.4.11)
    assert _contrast(colours["focus"], colours["bg"]) >= 3


def test_contrast_is_computed_as_wcag_says() -> None:
    assert round(_contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(_contrast("#777777", "#ffffff"), 2) == 4.48


# The command: paths, --force, whole or not at all.


def test_site_writes_a_folder_and_says_where(main: Callable[..., object], tmp_path: Path) -> None:
    run = main("site", str(tmp_path / "out"))
    assert run.exit_code == 0, run.stderr  # type: ignore[attr-defined]
    assert f"open {tmp_path / 'out' / 'index.html'}" in run.stderr  # type: ignore[attr-defined]
    assert (tmp_path / "out" / "fr" / "index.html").is_file() and (tmp_path / "out" / build.MARKER).is_file()
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # (no temporary folder left)


def test_an_earlier_site_is_replaced_and_any_other_folder_kept_aside_with_force(main: Callable[..., object],
                                                                               tmp_path: Path) -> None:  # fmt: skip
    out = tmp_path / "out"
    assert main("site", str(out)).exit_code == 0  # type: ignore[attr-defined]
    before = (out / "en" / "index.html").stat().st_mtime_ns
    assert main("site", str(out)).exit_code == 0  # type: ignore[attr-defined]  # (a site of its own: replaced)
    assert (out / "en" / "index.html").stat().st_mtime_ns != before
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep", encoding="utf-8")
    run = main("site", str(mine))
    assert (run.exit_code, run.stderr) == (  # type: ignore[attr-defined]
        2, f"uwe: error: site {mine}: holds files uwe did not write; move them, or add --force to set the folder "
        "aside (kept, under a new name)\n",
    )  # fmt: skip
    assert [p.name for p in mine.iterdir()] == ["notes.txt"]
    run = main("site", str(mine), "--force")
    assert run.exit_code == 0  # type: ignore[attr-defined]
    kept = next(tmp_path.glob("mine.uwe-kept-*"))
    assert [p.name for p in kept.iterdir()] == ["notes.txt"] and (mine / "index.html").is_file()
    assert run.stderr.startswith(f"uwe: the folder that was at {mine} is now {kept}\n")  # type: ignore[attr-defined]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["out", "mine", kept.name])  # nothing hidden


def test_a_file_added_to_an_earlier_site_is_never_deleted(main: Callable[..., object], tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main("site", str(out)).exit_code == 0  # type: ignore[attr-defined]
    (out / "NOTES.txt").write_text("my notes", encoding="utf-8")
    (out / "en" / "mine.html").write_text("mine", encoding="utf-8")
    run = main("site", str(out))
    assert run.exit_code == 2 and "holds files uwe did not write" in run.stderr  # type: ignore[attr-defined]
    assert (out / "NOTES.txt").read_text(encoding="utf-8") == "my notes" and (out / "en" / "mine.html").is_file()
    assert main("site", str(out), "--force").exit_code == 0  # type: ignore[attr-defined]
    kept = next(tmp_path.glob("out.uwe-kept-*"))
    assert (kept / "NOTES.txt").read_text(encoding="utf-8") == "my notes" and (kept / "en" / "mine.html").is_file()


def test_a_page_the_user_edited_in_an_earlier_site_is_never_overwritten(
    main: Callable[..., object], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    assert main("site", str(out)).exit_code == 0  # type: ignore[attr-defined]
    (out / "en" / "index.html").write_text("my own briefing page", encoding="utf-8")
    run = main("site", str(out))
    assert run.exit_code == 2 and "holds files uwe did not write" in run.stderr  # type: ignore[attr-defined]
    assert (out / "en" / "index.html").read_text(encoding="utf-8") == "my own briefing page"
    assert main("site", str(out), "--force").exit_code == 0  # type: ignore[attr-defined]
    kept = next(tmp_path.glob("out.uwe-kept-*"))
    assert (kept / "en" / "index.html").read_text(encoding="utf-8") == "my own briefing page"


def test_a_link_is_never_followed_even_with_force(main: Callable[..., object], tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (real / "keep.txt").write_text("p", encoding="utf-8")
    link = tmp_path / "link"
    link.symlink_to(real)
    for force in ((), ("--force",)):
        run = main("site", str(link), *force)
        assert (run.exit_code, run.stderr) == (  # type: ignore[attr-defined]
            2, f"uwe: error: site {link}: is a symbolic link; uwe does not replace it, even with --force: give a "
            "folder\n",
        )  # fmt: skip
    assert [p.name for p in real.iterdir()] == ["keep.txt"]


def test_a_file_added_to_the_old_site_during_the_swap_is_kept_where_the_user_sees_it(
    main: Callable[..., object], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    assert main("site", str(out)).exit_code == 0  # type: ignore[attr-defined]
    real = folder.own_site

    def own(path: Path) -> list[Path] | None:
        files = real(path)
        if path.name != "out":  # (the old site aside, at the swap: a file lands in it)
            (path / "en" / "mine.html").write_text("mine", encoding="utf-8")
        return files

    monkeypatch.setattr(folder, "own_site", own)
    run = main("site", str(out))
    kept = next(tmp_path.glob("out.uwe-kept-*"))
    assert [str(p.relative_to(kept)) for p in kept.rglob("*")] == ["en", "en/mine.html"]
    assert (run.exit_code, run.stderr) == (  # type: ignore[attr-defined]
        2, f"uwe: error: site {out}: was replaced, but files were added to the old site meanwhile; uwe kept them "
        f"in {kept}\n",
    )  # fmt: skip
    assert (out / "index.html").is_file() and sorted(p.name for p in tmp_path.iterdir()) == ["out", kept.name]


def test_bad_paths_are_one_clear_line(main: Callable[..., object], tmp_path: Path) -> None:
    a_file = tmp_path / "file.txt"
    a_file.write_text("x", encoding="utf-8")
    cases = {
        str(a_file): f"site {a_file}: is a file; give a folder for the site",
        str(tmp_path / "no" / "out"): f"site {tmp_path / 'no' / 'out'}: folder {tmp_path / 'no'} does not exist",
        "": "an empty argument: give a folder",
    }
    for given, said in cases.items():
        run = main("site", given)
        assert (run.exit_code, run.stderr) == (2, f"uwe: error: {said}\n"), given  # type: ignore[attr-defined]
    run = main("--lang", "fr", "site", str(a_file))
    assert run.stderr == f"uwe : erreur : site {a_file} : est un fichier ; indiquez un dossier pour le site\n"  # type: ignore[attr-defined]


def test_never_over_the_folder_one_is_in_even_with_force(
    main: Callable[..., object], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inside = tmp_path / "here"
    inside.mkdir()
    monkeypatch.chdir(inside)
    for given in (".", str(tmp_path), "../here"):
        run = main("site", given, "--force")
        assert run.stderr == f"uwe: error: site {given}: holds the folder you are in; give another folder\n"  # type: ignore[attr-defined]
    assert main("site", "../out").exit_code == 0  # type: ignore[attr-defined]
    assert (tmp_path / "out" / "index.html").is_file() and sorted(p.name for p in tmp_path.iterdir()) == ["here", "out"]


def test_never_over_the_data_folder_even_with_force(main: Callable[..., object], data_copy: Path) -> None:
    for target in (data_copy, data_copy.parent):
        run = main("--data-dir", str(data_copy), "site", str(target), "--force")
        assert run.exit_code == 2, target  # type: ignore[attr-defined]
        assert "holds the data folder in use" in run.stderr  # type: ignore[attr-defined]
    assert (data_copy / "regions.yaml").is_file()


def test_a_failed_write_leaves_the_earlier_site_whole_and_nothing_else(
    main: Callable[..., object], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    assert main("site", str(out)).exit_code == 0  # type: ignore[attr-defined]
    before = sorted(p.relative_to(out) for p in out.rglob("*"))
    written = 0
    real = Path.write_text

    def full_disk(self: Path, *args: object, **kwargs: object) -> int:
        nonlocal written
        written += 1
        if written > 40:
            raise OSError(28, "No space left on device")
        return real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "write_text", full_disk)
    run = main("site", str(out))
    assert run.exit_code == 1  # type: ignore[attr-defined]
    assert run.stderr.startswith(f"uwe: error: site {out}: cannot write (")  # type: ignore[attr-defined]
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_pages_written_by_several_processes_are_the_same_pages(ds: store.Dataset, site: Path, tmp_path: Path) -> None:
    folder.write(tmp_path / "shared", _files(ds), force=False, workers=3)
    # (the marker aside: it records each file's time of writing)
    ours = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file() and p.name != build.MARKER}
    shared = tmp_path / "shared"
    theirs = {
        p.relative_to(shared): p.read_bytes() for p in shared.rglob("*") if p.is_file() and p.name != build.MARKER
    }
    assert theirs == ours


def test_a_process_that_fails_fails_the_whole_and_leaves_nothing(
    ds: store.Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real, parent = Path.write_text, os.getpid()

    def full_disk(self: Path, *args: object, **kwargs: object) -> int:
        if os.getpid() != parent:  # (the disk fills while a child process writes its share)
            raise OSError(28, "No space left on device")
        return real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "write_text", full_disk)
    with pytest.raises(folder.UweError) as caught:
        folder.write(tmp_path / "out", _files(ds), force=False, workers=2)
    assert str(caught.value) == f"site {tmp_path / 'out'}: cannot write (no space left on the disk)"
    assert list(tmp_path.iterdir()) == []


def test_records_link_to_one_another(site: Path) -> None:
    grouping = (site / "en" / "cluster" / "logistics-in-wallonia.html").read_text(encoding="utf-8")
    assert ('<dt>Schemes</dt><dd><a href="../scheme/regional-clusters.html">Regional clusters</a>, '
            '<a href="../scheme/poles.html">Competitiveness poles</a>') in grouping  # fmt: skip
    listing = (site / "nl" / "clusters.html").read_text(encoding="utf-8")
    assert '<th scope="row"><a href="cluster/tweed.html">TWEED</a></th>' in listing
    scheme = (site / "de" / "scheme" / "poles.html").read_text(encoding="utf-8")
    assert 'href="../cluster/logistics-in-wallonia.html"' in scheme
    home = (site / "bg" / "index.html").read_text(encoding="utf-8")
    assert '<a href="region/wallonia.html">uwe region валония' in home
    region = (site / "bg" / "region" / "wallonia.html").read_text(encoding="utf-8")
    assert 'вижте <a href="../notes.html"><code>uwe\u00a0notes</code></a>.' in region


def test_data_is_text_never_markup(main: Callable[..., object], data_copy: Path, tmp_path: Path) -> None:
    from helpers import edit

    edit(data_copy / "clusters.yaml", "name: TWEED", 'name: "<script>alert(1)</script> TWEED \\u202e&amp;"')
    run = main("--data-dir", str(data_copy), "site", str(tmp_path / "out"))
    assert run.exit_code == 0, run.stderr  # type: ignore[attr-defined]
    page = (tmp_path / "out" / "en" / "cluster" / "tweed.html").read_text(encoding="utf-8")
    assert "<h1>&lt;script&gt;alert(1)&lt;/script&gt; TWEED \\u202e&amp;amp;</h1>" in page
    for path in _pages(tmp_path / "out"):
        assert "<script" not in path.read_text(encoding="utf-8"), path


def test_a_view_the_data_cannot_give_is_a_page_that_says_why(
    ds: store.Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    from uwe_cli.errors import UsageError
    from uwe_cli.i18n.messages import msg
    from uwe_cli.views import policy

    def nothing(ds: object) -> None:
        raise UsageError(msg("this dataset has no assessment results"))

    monkeypatch.setattr(policy, "results", nothing)
    pages = dict(build.files(ds, languages=("en", "fr")))
    assert "<h1>this dataset has no assessment results</h1>" in pages["en/results.html"]
    assert "<h1>ce jeu de données ne contient aucun résultat de bilan</h1>" in pages["fr/results.html"]


def test_a_printed_page_leaves_out_the_navigation() -> None:
    css = (Path(build.__file__).parent / "style.css").read_text(encoding="utf-8")
    printed = css[css.index("@media print") :]
    assert re.search(r"header nav, \.skip \{ display: none; \}", printed)
    assert "print-color-adjust: exact" in css  # (the GDP bars are printed, not dropped as backgrounds)
