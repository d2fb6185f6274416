"""`python -m wargame`."""

from wargame.cli import main

# Guarded: worker processes that start afresh (Dask's) import this module again.
if __name__ == "__main__":
    main()
