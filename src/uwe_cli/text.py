"""Language-aware text: matching keys, numbers and figures, and the interface's own words.

Pure functions of strings and models; nothing here prints.
"""

from __future__ import annotations

import unicodedata
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from uwe_cli.records import Record as Figure
    from uwe_cli.records import Text

# A figure's reference period when the slide gives none (see the source's README).
AS_PRESENTED = "as presented, April 2014"


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'").replace("œ", "oe").replace("Œ", "Oe"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def fold(text: str) -> str:
    """The key two names are compared by: no case, accents, spaces or punctuation but '+'.

    So `val+` finds "(Val)+", `cap 2020` finds "CAP 2020" and `wallonie` finds "Wallonie".
    """
    return "".join(c for c in _strip_accents(text) if c.isalnum() or c == "+")


def search_key(text: str) -> str:
    """Like fold(), but keeps word boundaries so a phrase can be found inside a text."""
    words = "".join(c if c.isalnum() else " " for c in _strip_accents(text))
    return " ".join(words.split())


def mentions(value: str, key: str) -> bool:
    """Whether `value` has a word starting with the search key: `R&D` ("r d") finds
    "R&D" and "R&D-projects", not "autour d'activités"."""
    return f" {key}" in f" {search_key(value)}"


def locate(value: str, key: str) -> int:
    """Where in `value` the words of the search key (see mentions) start, or -1."""
    folded: list[str] = []
    where: list[int] = []
    for i, char in enumerate(value):
        for piece in _strip_accents(char):
            piece = piece if piece.isalnum() else " "
            if piece == " " and (not folded or folded[-1] == " "):
                continue
            folded.append(piece)
            where.append(i)
    found = (" " + "".join(folded)).find(f" {key}")
    return where[found] if found >= 0 else -1


def colon(lang: str) -> str:
    """`: ` in English, ` : ` in French (a space before the colon)."""
    return " : " if lang == "fr" else ": "


def number(value: float, lang: str) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    shown = f"{value:,}"
    if lang == "fr":
        shown = shown.replace(",", " ").replace(".", ",")
    return shown


def percent(value: float, lang: str) -> str:
    return f"{number(value, lang)} %" if lang == "fr" else f"{number(value, lang)}%"


_MONTHS_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
              "novembre", "décembre")
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December")


def long_date(day: date, lang: str) -> str:
    """`15 April 2014` / `15 avril 2014` (month names of our own: the locale may be C)."""
    return f"{day.day} {(_MONTHS_FR if lang == 'fr' else _MONTHS_EN)[day.month - 1]} {day.year}"


def ordinal(value: int, lang: str) -> str:
    if lang == "fr":
        return f"{value}{'re' if value == 1 else 'e'}"
    suffix = "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
    return f"{value}{suffix}"


def figure(fig: Figure, lang: str) -> str:
    """A figure as a person reads it: `€30,500` in English, `30 500 €` in French."""
    value, unit = fig.value, fig.unit
    fr = lang == "fr"
    if unit == "EUR":
        shown = f"{number(value, lang)} €" if fr else f"€{number(value, lang)}"
    elif unit == "EUR/year":
        shown = f"{number(value, lang)} €/an" if fr else f"€{number(value, lang)}/year"
    elif unit == "people" and value >= 1_000_000:
        millions = value / 1_000_000
        word = ("millions" if millions >= 2 else "million") if fr else "million"
        shown = f"{number(round(millions, 3), lang)} {word}"
    elif unit == "km2":
        shown = f"{number(value, lang)} km²"
    elif unit == "%":
        shown = percent(value, lang)
    elif unit == "index":
        shown = f"{number(value, lang)} ({fig.base})"
    elif unit == "rank":
        shown = ordinal(int(value), lang)
    elif unit == "years":
        word = ("an" if value < 2 else "ans") if fr else ("year" if value == 1 else "years")
        shown = f"{number(value, lang)} {word}"
    else:
        shown = number(value, lang)
    if fig.maximum:
        shown = f"max. {shown}"
    return shown


_PERIODS_FR = {
    "as presented, April 2014": "tel que présenté en avril 2014",
    "Q4 2013": "4e trimestre 2013",
}


def period(value: str, lang: str) -> str:
    return _PERIODS_FR.get(value, value) if lang == "fr" else value


def figure_with_period(fig: Figure, lang: str) -> str:
    """`11.1% (2013)`; the default period is left out where it would only repeat itself."""
    shown = figure(fig, lang)
    return shown if fig.period == AS_PRESENTED else f"{shown} ({period(fig.period, lang)})"


def local(text: Text | None, lang: str) -> str:
    return "" if text is None else text.get(lang)


# The interface's own words. Data carries its own translations; this is only the chrome.
_WORDS: dict[str, tuple[str, str]] = {
    "active": ("active", "active"),
    "area": ("Area", "Superficie"),
    "as_the_slides_say": ("As the slides say", "Selon les diapositives"),
    "assessment": ("Assessment", "Évaluation"),
    "axes": ("Activity axes", "Axes d'activité"),
    "benefits": ("Benefits", "Avantages"),
    "capital": ("Capital", "Capitale"),
    "characteristic": ("Characteristics of clustering", "Les caractéristiques du clustering"),
    "cluster": ("Grouping", "Groupement"),
    "clusters": ("Groupings", "Groupements"),
    "code": ("Code", "Code"),
    "community": ("community", "communauté"),
    "computed": ("computed", "calculé"),
    "conclusion": ("Conclusions", "Conclusions"),
    "country": ("country", "pays"),
    "data": ("Data", "Données"),
    "criteria": ("Defining criteria", "Critères"),
    "definition": ("Definitions of clustering", "Définitions du clustering"),
    "difficulty": ("Evaluation difficulties", "Difficultés d'évaluation"),
    "domain": ("Domain", "Domaine"),
    "driver": ("Why clusters?", "Pourquoi des clusters ?"),
    "effect": ("Observed effects", "Effets observés"),
    "employment": ("Employment rate", "Taux d'emploi"),
    "ended": ("ended", "terminée"),
    "eu_index": ("GDP per capita index", "Indice du PIB par habitant"),
    "features": ("Features", "Caractéristiques"),
    "figure": ("Figure", "Chiffre"),
    "form_of_state": ("Form of state", "Forme de l'État"),
    "funding": ("Funding", "Financement"),
    "gdp": ("GDP per capita", "PIB par habitant"),
    "good-practice": ("Good practices", "Bonnes pratiques"),
    "groupings": ("Groupings", "Groupements"),
    "improvement": ("Points to improve", "Points à améliorer"),
    "in-formation": ("in formation", "en formation"),
    "kind": ("Kind", "Type"),
    "languages": ("Languages", "Langues"),
    "legal_basis": ("Legal basis", "Base légale"),
    "name": ("Name", "Nom"),
    "objective": ("Objectives of clustering", "Les objectifs du clustering"),
    "outcome": ("Outcome", "Bilan"),
    "participants": ("Who takes part", "Participants"),
    "period": ("Period", "Période"),
    "population": ("Population", "Population"),
    "region": ("region", "région"),
    "results": ("First assessment", "Premier bilan"),
    "scheme": ("Scheme", "Dispositif"),
    "schemes": ("Schemes", "Dispositifs"),
    "sector": ("Sector", "Secteur"),
    "sectors": ("Sectors", "Secteurs"),
    "share_be": ("vs Belgium", "par rapport à la Belgique"),
    "slide": ("Slide", "Diapositive"),
    "slides": ("Slides", "Diapositives"),
    "how_to_cite": ("How to cite", "Comment citer"),
    "source": ("Source", "Source"),
    "status": ("Status", "Statut"),
    "unemployment": ("Unemployment rate", "Taux de chômage"),
    "world_rank": ("World rank (GDP per capita)", "Rang mondial (PIB/hab)"),
}


def word(key: str, lang: str) -> str:
    en, fr = _WORDS.get(key, (key, key))
    return fr if lang == "fr" else en
