"""`uwe data export`: the whole dataset as relational tables (`tables.py` the rules,
`schema.py` the tables, `rows.py` their rows), written as a Frictionless Data Package
(`datapackage.py`) or an SQLite database (`database.py`), each describing itself
(`metadata.py`: datapackage.json and Datasette's metadata), whole or not at all (`writer.py`).

A new format for the whole dataset goes here. Reads the validated dataset; never the
command line or the output layer.
"""
