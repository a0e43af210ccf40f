"""Languages and messages: the interface's messages (`messages.py`), the registry of the
tool's languages (`languages.py`), the language a command answers in with its gettext
catalogue (`language.py`; `mo.py` reads `locale/`, `ordinals.py` writes 17th), numbers and
dates as CLDR writes them (`formatting.py`), and the dataset's translations
(`translations.py`).

A new language: its entry in the registry (`languages.py`: name, CLDR locale, the words
typed for it, ordinals), its catalogue under `locale/`, its dataset translations under
`data/translations/`, and golden files under `tests/golden/` (README, "Adding a
language"). May import `uwe_cli.errors`, `uwe_cli.vocabulary` and `uwe_cli.names`; never
the dataset, views or output.
"""
