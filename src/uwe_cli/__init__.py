"""uwe: a terminal reference on Belgium's regions and Wallonia's clustering policies."""

# Kept here (not read through importlib.metadata) so `uwe --version` costs no extra import.
__version__ = "0.1.0"
