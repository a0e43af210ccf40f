"""`python -m uwe_cli` and the `uwe` console script."""

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
    sys.unraisablehook = _interrupted_in_a_callback
    # Ctrl-C while the libraries are still importing exits quietly too (130, no traceback).
    try:
        from uwe_cli.cli import main
    except KeyboardInterrupt:
        sys.exit(130)
    main()


if __name__ == "__main__":
    run()
