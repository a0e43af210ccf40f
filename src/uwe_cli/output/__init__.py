"""Rendering: one view's form in, the chosen format out (`render.py`): the table on a
terminal (`terminal.py`, all Rich code), JSON and CSV (`machine.py`), Markdown, BibTeX,
and a view's `--export` file (`export_file.py`); error lines on stderr.

A new format for a view goes here. Never reads data files; views never import it.
"""
