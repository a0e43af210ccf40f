"""What an export says about itself: the Data Package descriptor and Datasette's metadata.

Both formats carry both, built here once from the same tables: the package writes the
descriptor as `datapackage.json`; the database keeps both in its `_metadata` table (and its
columns' descriptions as SQL comments), so that one file is the whole export. No I/O here,
and no csv or sqlite3: each writer imports only what it needs.
"""

from __future__ import annotations

from typing import Any

from uwe_cli.export.tables import ExportColumn, ExportDescription, ExportTable

KEYWORDS = ("Belgium", "Wallonia", "regions", "business clusters", "competitiveness poles", "regional policy")
TABLE = "_metadata"  # the database's table of the two documents below
DATAPACKAGE = "datapackage.json"
DATASETTE = "datasette.json"
_ON_TABLE = (
    f"The SQLite database adds one table, '{TABLE}' (name, value): this descriptor as '{DATAPACKAGE}' and "
    f"Datasette's metadata as '{DATASETTE}'; the package and the database otherwise hold the same tables, "
    "columns and values."
)
# Datasette shows a record's name, not its id, where a column refers to it.
_LABELS = {"slides": "title_{lang}", "glossary": "name_{lang}", "presentation": "event_{lang}"}


def descriptor(tables: list[ExportTable], about: ExportDescription) -> dict[str, Any]:
    """The Frictionless Data Package descriptor of the tables (datapackage.json)."""
    return {
        "profile": "tabular-data-package",
        "name": about.name,
        "title": about.title,
        "description": f"{about.description} {_ON_TABLE}",
        "version": about.version,
        # Not a property of the Data Package standard: the languages of the texts, the source's first.
        "languages": list(about.languages),
        "keywords": list(KEYWORDS),
        "sources": [{"title": about.source}],
        "licenses": [about.licence],
        "resources": [_resource(table) for table in tables],
    }


def _resource(table: ExportTable) -> dict[str, Any]:
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


def _field(column: ExportColumn) -> dict[str, Any]:
    """A column as a Table Schema field."""
    out: dict[str, Any] = {"name": column.name, "type": column.type, "description": column.description}
    if column.type == "boolean":
        out.update(trueValues=["1"], falseValues=["0"])  # as SQLite writes them
    if column.required:
        out["constraints"] = {"required": True}
    if column.language:
        out["language"] = column.language  # (a custom property: which language the texts are in)
    return out


def datasette(tables: list[ExportTable], about: ExportDescription, *, database: str) -> dict[str, Any]:
    """Datasette's metadata for the database served under the name `database` (its file name's stem).

    Title, source, licence, and each table's and column's description. Units: a figure's
    unit is a cell of its row (figures.unit), not a column's, since one column holds figures in
    EUR, people and km2; Datasette's per-column `units` would be wrong, so none is declared.
    """
    label = about.languages[1] if len(about.languages) > 1 else about.languages[0]
    described: dict[str, Any] = {}
    for table in tables:
        names = {column.name for column in table.columns}
        entry: dict[str, Any] = {
            "title": table.spec.title,
            "description": table.spec.description,
            "columns": {column.name: column.description for column in table.columns},
        }
        shown = _LABELS.get(table.spec.name, "name_{lang}").format(lang=label)
        if shown in names:
            entry["label_column"] = shown
        described[table.spec.name] = entry
    described[TABLE] = {
        "hidden": True,
        "description": "This export's own description (datapackage.json and this metadata).",
    }
    return {
        "title": about.title,
        "description": about.description,
        "source": about.source,
        "license": about.licence["name"],
        "license_url": about.licence["path"],
        "databases": {database: {"title": about.title, "source": about.source, "tables": described}},
    }
