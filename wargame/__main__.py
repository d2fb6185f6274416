"""`python -m wargame`."""

from wargame.cli import main

main()
