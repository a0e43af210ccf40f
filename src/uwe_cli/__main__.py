"""`python -m uwe_cli` and the `uwe` console script."""

import sys


def run() -> None:
    # Ctrl-C while the libraries are still importing exits quietly too (130, no traceback).
    try:
        from uwe_cli.cli import main
    except KeyboardInterrupt:
        sys.exit(130)
    main()


if __name__ == "__main__":
    run()
