"""Write the tables as a Frictionless Data Package: `datapackage.json` and one CSV per table.

The folder it writes into is writer.py's: a new, temporary one that writer.py renames into
place once everything is written. Each CSV file gets a Table Schema in the descriptor
(metadata.py: types, required fields, primary and foreign keys), each text field the
language it is in; the package says where the data comes from, its version and its licence.

The cells are the database's values, written as text: no formula guard (that is --format
csv's, for spreadsheets); a missing value is an empty cell, a boolean 1 or 0.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from uwe_cli.export.metadata import DATAPACKAGE, descriptor
from uwe_cli.export.tables import ExportDescription, ExportTable

DESCRIPTOR = DATAPACKAGE


def write(tables: list[ExportTable], *, about: ExportDescription, folder: Path) -> None:
    """Write every table as FOLDER/NAME.csv, then FOLDER/datapackage.json describing them."""
    for table in tables:
        _write_csv(table, folder / f"{table.spec.name}.csv")
    text = json.dumps(descriptor(tables, about), ensure_ascii=False, indent=2)
    (folder / DESCRIPTOR).write_text(text + "\n", encoding="utf-8")


def _write_csv(table: ExportTable, path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow([column.name for column in table.columns])
        writer.writerows([_cell(value) for value in row] for row in table.rows)


def _cell(value: Any) -> Any:
    # (tables.py has made booleans 1 and 0 and whole numbers ints, as SQLite keeps them)
    return "" if value is None else value
