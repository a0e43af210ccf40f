"""Names as readers type them: keys that ignore case, accents and punctuation
(`matching.py`), and finding a record by any of its names, with suggestions (`lookup.py`).

Imports nothing of the tool's but `uwe_cli.errors` and `uwe_cli.i18n.messages`.
"""
