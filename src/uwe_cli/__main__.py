"""`python -m uwe_cli` and the `uwe` console script."""

import gc
import os
import sys


def _interrupted_in_a_callback(unraisable: "sys.UnraisableHookArgs") -> None:
    # Ctrl-C can land while a library runs code Python cannot interrupt cleanly (a finaliser,
    # a callback from pydantic-core); Python would print "Exception ignored ... Traceback"
    # and carry on. Stop there instead, quietly, as any other Ctrl-C does.
    if isinstance(unraisable.exc_value, KeyboardInterrupt):
        if sys.stderr.isatty():
            sys.stderr.write("\x1b[?25h")  # show the cursor again if a spinner had hidden it
        os._exit(130)
    sys.__unraisablehook__(unraisable)


def run() -> None:
    # A command lives for a fraction of a second and keeps nearly all it allocates to the
    # end, so the cyclic collector would only scan live objects again and again (2 of the
    # 3.5 s of a first run on 10,000 clusters), then once more at exit. Reference counting
    # still frees what is no longer used; `freeze` spares the sweep at exit. This is the
    # program's setting, made here and only here: code that makes garbage in cycles in a
    # loop (keeping, say, one exception per record) would now grow the memory it uses.
    gc.disable()
    sys.unraisablehook = _interrupted_in_a_callback
    try:
        # Ctrl-C while the libraries are still importing exits quietly too (130, no traceback).
        try:
            from uwe_cli.cli import main
        except KeyboardInterrupt:
            sys.exit(130)
        main()
    finally:
        gc.freeze()


if __name__ == "__main__":
    run()
