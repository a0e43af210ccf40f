"""The fixed choices of the command line and the data, each defined once.

Each maps the canonical value to the other words a person may type for it. Imported at
start-up by cli.py, so it stays free of any import.
"""

FORMATS = {"table": (), "json": (), "csv": (), "markdown": ("md",)}
# The tool's languages, with their names in each of them (as a reader may type one).
LANGS = {
    "en": ("english", "anglais", "engels", "englisch", "английски"),
    "fr": ("french", "français", "francais", "frans", "französisch", "френски"),
    "nl": ("dutch", "nederlands", "néerlandais", "vlaams", "niederländisch", "нидерландски"),
    "de": ("german", "deutsch", "allemand", "duits", "немски"),
    "bg": ("bulgarian", "български", "bulgare", "bulgaars", "bulgarisch"),
}
SORT_KEYS = {"gdp": ("pib",), "population": (), "name": ("nom",)}
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
CONCEPT_KINDS = ("definition", "driver", "characteristic", "objective")
EXPORT_SUFFIXES = (".svg", ".html", ".txt")


def listed(choices: dict[str, tuple[str, ...]]) -> str:
    """`"a, b or c"`, for help texts."""
    *first, last = choices
    return f"{', '.join(first)} or {last}" if first else last
