"""Write the tables as an SQLite database: keys declared, a `figures` view, the schema described.

The file it writes is data_export.py's: a new, temporary one that data_export.py renames into place
once the transaction is committed. Every table of tables.py becomes an SQLite table with
its primary and foreign keys (checked as the rows go in); the view `figures` gives every
figure of every table with its subject, unit, period and slides; `meta_dataset`,
`meta_tables` and `meta_columns` say what the tables and columns hold, as datapackage.json
does for the CSV files.
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from uwe_cli.export.tables import About, Column, Table

# NUMERIC keeps 600 an integer and 11.1 a real, as the data has them.
_TYPES = {"string": "TEXT", "integer": "INTEGER", "number": "NUMERIC", "boolean": "INTEGER", "date": "TEXT"}
FIGURES_VIEW = "figures"
# SQLite's errors that are the place's, not the tool's (with their extended names, such as
# SQLITE_READONLY_DIRECTORY), each as the system's error it is (errors.system_reason words it).
_WRITE_ERRORS = {"SQLITE_FULL": errno.ENOSPC, "SQLITE_IOERR": errno.EIO, "SQLITE_READONLY": errno.EROFS,
                 "SQLITE_CANTOPEN": errno.EACCES, "SQLITE_PERM": errno.EACCES, "SQLITE_BUSY": errno.EBUSY}  # fmt: skip


def write(tables: list[Table], *, about: About, path: Path) -> None:
    """Write the database at `path` (an empty file) in one transaction."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        # The file is a temporary one until data_export.py renames it: no journal file beside it.
        connection.execute("PRAGMA journal_mode = MEMORY")
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("BEGIN")
        # Checked at COMMIT: a region may name the region it lies within before that one's row.
        connection.execute("PRAGMA defer_foreign_keys = ON")
        for table in tables:
            connection.execute(_create(table))
            marks = ", ".join("?" * len(table.columns))
            connection.executemany(f"INSERT INTO {_quote(table.spec.name)} VALUES ({marks})", table.rows)
        connection.execute(_figures_view(tables, about.languages))
        _describe(connection, tables, about)
        connection.execute("COMMIT")
    except sqlite3.OperationalError as exc:
        # A full disk or a read-only place is the user's to fix: data_export.py says so in one line.
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


def _create(table: Table) -> str:
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


def _column(column: Column) -> str:
    sql = f"{_quote(column.name)} {_TYPES[column.type]}"
    if column.required:
        sql += " NOT NULL"
    if column.type == "boolean":
        sql += f" CHECK ({_quote(column.name)} IN (0, 1))"
    return sql


def _comment(text: str) -> str:
    return " ".join(text.split())  # one line: an SQL comment ends at the line's end


def _figures_view(tables: list[Table], langs: Iterable[str]) -> str:
    """One SELECT per table of figures, with the name of what each figure is about and its slides."""
    langs = tuple(langs)
    selects = []
    for table in tables:
        figures = table.spec.figures
        if figures is None:
            continue
        has_label = any(column.name.startswith("label_") for column in table.columns)
        columns = [f"'{table.spec.name}' AS table_name", f"f.{_quote(figures.subject_key)} AS subject_id"]
        columns += [f"s.name_{lang} AS subject_name_{lang}" for lang in langs]
        columns.append(f"f.{_quote(figures.measure)} AS measure")
        columns += [f"{'f.label_' + lang if has_label else 'NULL'} AS label_{lang}" for lang in langs]
        columns += [
            f"f.{name}"
            for name in ("position", "value", "unit", "period", "base", "maximum", "alternative", "computed")
        ]
        columns += [f"f.{name}_{lang}" for name in ("quote", "note") for lang in langs]
        columns.append("f.source")
        # The titles of the slides in `source`; ids hold no ';', so '; id; ' finds one whole id.
        columns += [
            f"(SELECT group_concat(title_{lang}, '; ') FROM slides WHERE instr('; ' || f.source || '; ', '; ' || slides.id || '; '))"
            f" AS slides_{lang}"
            for lang in langs
        ]
        selects.append(
            f"SELECT {', '.join(columns)}\nFROM {_quote(table.spec.name)} AS f JOIN {_quote(figures.subject_table)} AS s"
            f" ON s.id = f.{_quote(figures.subject_key)}"
        )
    return f"CREATE VIEW {FIGURES_VIEW} AS\n" + "\nUNION ALL\n".join(selects)


def _describe(connection: sqlite3.Connection, tables: list[Table], about: About) -> None:
    """The meta tables: the dataset, each table and each column, as datapackage.json says them."""
    # (execute, not executescript, which would commit the transaction first)
    for create in (
        "CREATE TABLE meta_dataset (key TEXT NOT NULL PRIMARY KEY, value TEXT NOT NULL)",
        "CREATE TABLE meta_tables (name TEXT NOT NULL PRIMARY KEY, title TEXT NOT NULL, description TEXT NOT NULL)",
        "CREATE TABLE meta_columns (table_name TEXT NOT NULL REFERENCES meta_tables (name), column_name TEXT NOT NULL,"
        " position INTEGER NOT NULL, type TEXT NOT NULL, required INTEGER NOT NULL, language TEXT,"
        " description TEXT NOT NULL, PRIMARY KEY (table_name, column_name))",
    ):
        connection.execute(create)
    dataset = {
        "name": about.name, "title": about.title, "description": about.description, "version": about.version,
        "source": about.source, "languages": ", ".join(about.languages),
        "licence": f"{about.licence['name']} ({about.licence['path']}): {about.licence['title']}",
    }  # fmt: skip
    connection.executemany("INSERT INTO meta_dataset VALUES (?, ?)", dataset.items())
    listed = [(t.spec.name, t.spec.title, t.spec.description) for t in tables]
    listed.append(
        (
            FIGURES_VIEW,
            "Every figure",
            "A view: every figure of every table, with what it is about, its unit, period and slides.",
        )
    )
    connection.executemany("INSERT INTO meta_tables VALUES (?, ?, ?)", listed)
    connection.executemany(
        "INSERT INTO meta_columns VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (t.spec.name, f.name, i, f.type, f.required, f.language, f.description)
            for t in tables
            for i, f in enumerate(t.columns, 1)
        ],
    )
