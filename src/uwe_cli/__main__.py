"""`python -m uwe_cli`: the same entry point as the `uwe` console script."""

from uwe_cli.cli import main

if __name__ == "__main__":
    main()
