"""Write the tables as an SQLite database: keys declared, the schema described.

The file it writes is writer.py's: a new, temporary one that writer.py renames into place
once the transaction is committed. Every table of tables.py becomes an SQLite table with
its primary and foreign keys (checked as the rows go in) and each column's description as
an SQL comment; the table `_metadata` holds the package's datapackage.json and Datasette's
metadata (metadata.py). The tables, columns and values are the Data Package's.
"""

from __future__ import annotations

import errno
import json
import sqlite3
from pathlib import Path

from uwe_cli.export import metadata
from uwe_cli.export.tables import ExportColumn, ExportDescription, ExportTable

# NUMERIC keeps 600 an integer and 11.1 a real, as the data and the CSV files have them.
_TYPES = {"string": "TEXT", "integer": "INTEGER", "number": "NUMERIC", "boolean": "INTEGER", "date": "TEXT"}
# SQLite's errors that are the place's, not the tool's (with their extended names, such as
# SQLITE_READONLY_DIRECTORY), each as the system's error it is (errors.system_reason words it).
_WRITE_ERRORS = {"SQLITE_FULL": errno.ENOSPC, "SQLITE_IOERR": errno.EIO, "SQLITE_READONLY": errno.EROFS,
                 "SQLITE_CANTOPEN": errno.EACCES, "SQLITE_PERM": errno.EACCES, "SQLITE_BUSY": errno.EBUSY}  # fmt: skip


def write(tables: list[ExportTable], *, about: ExportDescription, path: Path, name: str | None = None) -> None:
    """Write the database at `path` (an empty file) in one transaction.

    `name`: the name Datasette will serve it under, the stem of the file it will be renamed to.
    """
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        # The file is a temporary one until writer.py renames it: no journal file beside it.
        connection.execute("PRAGMA journal_mode = MEMORY")
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("BEGIN")
        # Checked at COMMIT: a region may name the region it lies within before that one's row.
        connection.execute("PRAGMA defer_foreign_keys = ON")
        for table in tables:
            connection.execute(_create(table))
            marks = ", ".join("?" * len(table.columns))
            connection.executemany(f"INSERT INTO {_quote(table.spec.name)} VALUES ({marks})", table.rows)
        _describe(connection, tables, about, name=name or path.stem)
        connection.execute("COMMIT")
    except sqlite3.OperationalError as exc:
        # A full disk or a read-only place is the user's to fix: writer.py says so in one line.
        # Anything else (Python 3.10 names no error) would be a fault of the tool's, reported as such.
        name = getattr(exc, "sqlite_errorname", None)
        found = next((code for prefix, code in _WRITE_ERRORS.items() if name and name.startswith(prefix)), None)
        if name is not None and found is None:
            raise
        raise OSError(found or errno.EIO, f"SQLite: {exc}") from None
    finally:
        connection.close()


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _create(table: ExportTable) -> str:
    # Each column's description as an SQL comment: `.schema` and Datasette show it.
    items = [(_column(column), column.description) for column in table.columns]
    items.append((f"PRIMARY KEY ({', '.join(map(_quote, table.spec.primary_key))})", ""))
    items += [
        (f"FOREIGN KEY ({', '.join(map(_quote, key.columns))}) REFERENCES {_quote(key.table)} "
         f"({', '.join(map(_quote, key.references))})", "")
        for key in table.spec.foreign_keys
    ]  # fmt: skip
    lines = [
        f"\n  {sql}{',' if i < len(items) - 1 else ''}" + (f" -- {_comment(comment)}" if comment else "")
        for i, (sql, comment) in enumerate(items)
    ]
    return f"CREATE TABLE {_quote(table.spec.name)} ( -- {_comment(table.spec.description)}{''.join(lines)}\n)"


def _column(column: ExportColumn) -> str:
    sql = f"{_quote(column.name)} {_TYPES[column.type]}"
    if column.required:
        sql += " NOT NULL"
    if column.type == "boolean":
        sql += f" CHECK ({_quote(column.name)} IN (0, 1))"
    return sql


def _comment(text: str) -> str:
    return " ".join(text.split())  # one line: an SQL comment ends at the line's end


def _describe(
    connection: sqlite3.Connection, tables: list[ExportTable], about: ExportDescription, *, name: str
) -> None:
    """The export's own description, as the package's datapackage.json and Datasette's metadata."""
    # (execute, not executescript, which would commit the transaction first)
    connection.execute(
        f"CREATE TABLE {_quote(metadata.TABLE)} ( -- This export's description: datapackage.json and Datasette's "
        "metadata (datasette FILE.db --metadata FILE.json, after writing the second value to FILE.json)"
        "\n  name TEXT NOT NULL PRIMARY KEY,\n  value TEXT NOT NULL\n)"
    )
    documents = {
        metadata.DATAPACKAGE: metadata.descriptor(tables, about),
        metadata.DATASETTE: metadata.datasette(tables, about, database=name),
    }
    connection.executemany(
        f"INSERT INTO {_quote(metadata.TABLE)} VALUES (?, ?)",
        [(key, json.dumps(value, ensure_ascii=False, indent=2)) for key, value in documents.items()],
    )
