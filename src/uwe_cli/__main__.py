"""`python -m uwe_cli` and the `uwe` console script."""

import gc
import sys

# The standard library only (os, signal, sys): in place before the libraries start loading.
from uwe_cli.cli import boundary, process


def run() -> None:
    # A command lives for a fraction of a second and keeps nearly all it allocates to the
    # end, so the cyclic collector would only scan live objects again and again (2 of the
    # 3.5 s of a first run on 10,000 clusters), then once more at exit. Reference counting
    # still frees what is no longer used; `freeze` spares the sweep at exit. This is the
    # program's setting, made here and only here: code that makes garbage in cycles in a
    # loop (keeping, say, one exception per record) would now grow the memory it uses.
    gc.disable()
    process.prepare()
    args = sys.argv[1:]
    try:
        from uwe_cli.cli.commands import main  # (the libraries load)

        code = main(args)  # the error boundary: command_line.Group.main runs it (boundary.run)
        process.settle()
    except BaseException as exc:  # outside the boundary: a signal while the libraries load, or after the answer
        code = boundary.exit_code(exc, args)
    gc.freeze()
    sys.exit(process.exit_code(code))


if __name__ == "__main__":
    run()
