"""Checks of a data folder beyond one value's type: each file against its model
(`validation.py`), the references between records (`crosscheck.py`), figures written with a
thousands separator (`separators.py`), and where in a file a problem is (`findings.py`).
"""
