"""Write the tables as a Frictionless Data Package: `datapackage.json` and one CSV per table.

The folder it writes into is data_export.py's: a new, temporary one that data_export.py renames into
place once everything is written. Each CSV file gets a Table Schema in the descriptor
(types, required fields, primary and foreign keys), each text field the language it is
in; the package says where the data comes from, its version and its licence.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from uwe_cli.export.tables import About, Column, Table

DESCRIPTOR = "datapackage.json"
KEYWORDS = ("Belgium", "Wallonia", "regions", "business clusters", "competitiveness poles", "regional policy")
# The rule of the tool's --format csv (output.py): a spreadsheet would run such a cell as a formula.
_FORMULA = ("=", "+", "-", "@")
_CSV_NOTE = (
    "In the CSV files, a text that starts with = + - or @ starts with an apostrophe (') as well, so that a "
    "spreadsheet shows it instead of running it as a formula, as in the tool's --format csv."
)


def write(tables: list[Table], *, about: About, folder: Path) -> None:
    """Write every table as FOLDER/NAME.csv, then FOLDER/datapackage.json describing them."""
    for table in tables:
        _write_csv(table, folder / f"{table.spec.name}.csv")
    descriptor = json.dumps(_descriptor(tables, about), ensure_ascii=False, indent=2)
    (folder / DESCRIPTOR).write_text(descriptor + "\n", encoding="utf-8")


def _write_csv(table: Table, path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow([column.name for column in table.columns])
        writer.writerows([_cell(value) for value in row] for row in table.rows)


def _cell(value: Any) -> Any:
    if value is None:
        return ""  # the package's missing value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return value


def _descriptor(tables: list[Table], about: About) -> dict[str, Any]:
    return {
        "profile": "tabular-data-package",
        "name": about.name,
        "title": about.title,
        "description": f"{about.description} {_CSV_NOTE}",
        "version": about.version,
        # Not a property of the Data Package standard: the languages of the texts, the source's first.
        "languages": list(about.languages),
        "keywords": list(KEYWORDS),
        "sources": [{"title": about.source}],
        "licenses": [about.licence],
        "resources": [_resource(table) for table in tables],
    }


def _resource(table: Table) -> dict[str, Any]:
    schema: dict[str, Any] = {"fields": [_field(column) for column in table.columns], "missingValues": [""]}
    schema["primaryKey"] = list(table.spec.primary_key)
    if table.spec.foreign_keys:
        schema["foreignKeys"] = [
            # A reference to the table itself is written with an empty resource name.
            {
                "fields": list(key.columns),
                "reference": {
                    "resource": "" if key.table == table.spec.name else key.table,
                    "fields": list(key.references),
                },
            }
            for key in table.spec.foreign_keys
        ]
    return {
        "name": table.spec.name,
        "path": f"{table.spec.name}.csv",
        "profile": "tabular-data-resource",
        "title": table.spec.title,
        "description": table.spec.description,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": schema,
    }


def _field(column: Column) -> dict[str, Any]:
    """A column as a Table Schema field."""
    out: dict[str, Any] = {"name": column.name, "type": column.type, "description": column.description}
    if column.type == "boolean":
        out.update(trueValues=["true"], falseValues=["false"])
    if column.required:
        out["constraints"] = {"required": True}
    if column.language:
        out["language"] = column.language  # (a custom property: which language the texts are in)
    return out
