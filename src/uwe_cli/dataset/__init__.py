"""The dataset: find a data folder, read its YAML within its limits, validate it with the
records' models, cache the result, and hand commands the validated records (`records.py`).

`checks/` holds what `uwe data check` finds beyond one value's type: a new data check goes
there (or in `models.py` when it is about one record). Knows nothing of the command line,
views or output; may import `uwe_cli.errors`, `uwe_cli.i18n` and `uwe_cli.names`.
"""
