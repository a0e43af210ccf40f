"""The fixed choices of the command line and the data, each defined once.

Each maps the canonical value to the other words a person may type for it. Imported at
start-up by the command line (cli/options.py), so it imports nothing but the language
registry (which the start-up loads anyway).
"""

from uwe_cli.i18n.languages import LANGUAGES

FORMATS = {"table": (), "json": (), "csv": (), "markdown": ("md",), "bibtex": ("bib",)}
# The one command whose view has a BibTeX form (`--format bibtex`).
BIBTEX_COMMAND = "cite"
# The views `uwe cite VIEW` takes, by their commands (views/cite.py gives their slides).
CITED_VIEWS = ("regions", "schemes", "clusters", "sectors", "lessons", "results", "concepts", "notes", "about")
# The tool's languages, with their names in each of them (as a reader may type one): the
# registry's (i18n/languages.py), where a language is added.
LANGS = {code: registered.typed for code, registered in LANGUAGES.items()}
# The keys of `--sort`, per list (sorting.py: names A to Z, figures largest first, -KEY reverses).
SORT_KEYS = {
    "gdp": ("pib", "bip", "bbp", "бвп"),
    "population": ("bevolking", "bevölkerung", "население"),
    "name": ("nom", "naam", "име"),
}
CLUSTER_SORT_KEYS = {
    "name": ("nom", "naam", "име", "verbund"),
    "scheme": ("schemes", "dispositif", "regeling", "programm", "programme", "схема"),
    "status": ("statut", "статус"),
    "sectors": ("sector", "secteur", "secteurs", "sectoren", "sektoren", "сектор", "сектори"),
}
SCHEME_SORT_KEYS = {
    "name": ("nom", "naam", "име"),
    "start": ("year", "période", "period", "début", "begin", "beginn", "zeitraum", "начало"),
    "groupings": ("count", "groupements", "groeperingen", "gruppierungen", "verbünde", "групи"),
}
SEARCH_SORT_KEYS = {
    "relevance": ("rank", "pertinence", "relevantie", "relevanz", "значимост"),
    "name": ("nom", "naam", "име", "eintrag"),
    "kind": ("type", "sorte", "soort", "art", "вид"),
}
CLUSTER_STATUSES = {
    "active": ("actif", "existing", "existante", "existantes"),
    "in-formation": ("in formation", "en formation", "forming", "formation"),
    # A filter only: the data leaves out a status the slides do not state.
    "not-stated": ("not stated", "non précisé", "non precise", "unknown"),
}
NOT_STATED = "not-stated"
SCHEME_STATUSES = {"active": (), "ended": ("terminée", "éteinte", "closed")}
LESSON_KINDS = {
    "difficulty": ("difficulties", "evaluation", "difficultés", "évaluation"),
    "effect": ("effects", "effets", "positive effects"),
    "improvement": ("improvements", "to improve", "points à améliorer", "améliorer"),
    "good-practice": ("good practices", "practices", "bonnes pratiques", "pratiques"),
    "conclusion": ("conclusions",),
}
# Words that are no sector's name or synonym but point to one (a branch too narrow, or a
# neighbour): suggested, never matched, as `--sector solar` (did you mean 'Energy'?). Keys as
# names/matching.fold writes them (no case, accents or spaces).
RELATED_SECTOR_WORDS = {
    **dict.fromkeys(
        (
            "solar",
            "solaire",
            "photovoltaic",
            "photovoltaique",
            "pv",
            "wind",
            "eolien",
            "eolienne",
            "windenergie",
            "zonne",
            "zonneenergie",
            "solarenergie",
            "hydrogen",
            "hydrogene",
            "nuclear",
            "nucleaire",
            "electricity",
            "electricite",
            "biomass",
            "biomasse",
            "gas",
            "gaz",
            "oil",
            "petrole",
        ),
        "energy",
    ),
    **dict.fromkeys(
        (
            "shipping",
            "freight",
            "fret",
            "trucks",
            "camions",
            "ports",
            "port",
            "airport",
            "aeroport",
            "supplychain",
            "distribution",
            "warehousing",
            "entreposage",
        ),
        "transport-logistics",
    ),
    **dict.fromkeys(
        ("software", "logiciel", "digital", "numerique", "internet", "it", "telecom", "telecoms", "telecommunications"),
        "ict",
    ),
}
CONCEPT_KINDS = ("definition", "driver", "characteristic", "objective")
EXPORT_SUFFIXES = (".svg", ".html", ".txt")
# A CSV text cell starting with one of these, a spreadsheet would run as a formula: uwe writes
# it after a ' (shown, not run), in `--format csv` (output/machine.py) and in `uwe data
# export` (export/datapackage.py) alike. Numbers are numbers, a minus sign included.
FORMULA_STARTS = ("=", "+", "-", "@")


def listed(choices: dict[str, tuple[str, ...]]) -> str:
    """`"a, b or c"`, for help texts."""
    *first, last = choices
    return f"{', '.join(first)} or {last}" if first else last
