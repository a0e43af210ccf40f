"""uwe: a terminal reference on Belgium's regions and Wallonia's clustering policies."""

import signal as _signal
import sys as _sys

# Kept here (not read through importlib.metadata) so `uwe --version` costs no extra import.
__version__ = "0.1.0"


def _program() -> bool:
    """Whether this is the `uwe` program starting (its console script, or `python -m uwe_cli`),
    not uwe imported by another Python program, whose signals are its own."""
    main = getattr(_sys.modules.get("__main__"), "__file__", None) or ""
    return main.replace("\\", "/").rsplit("/", 1)[-1] in ("uwe", "uwe-script.py") or _sys.argv[:1] == ["-m"]


# A Ctrl-C in the milliseconds before the program's own handling is in place (cli/process.py)
# ends it as the signal does, quietly (the shell says 130), not with a KeyboardInterrupt
# traceback from the middle of an import.
if _program() and _signal.getsignal(_signal.SIGINT) is _signal.default_int_handler:
    _signal.signal(_signal.SIGINT, _signal.SIG_DFL)
