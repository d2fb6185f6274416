"""The `grade` command of the `wargame` CLI: a class's saves, verified and graded.

A thin command over `wargame.analysis.grading`: each save is verified by re-simulation
first (one that fails is marked, not graded), then a table gives its player, campaign,
seed, score, grade, objectives met and the default doctrine's score on the same seed,
on the terminal and, with -o, into a CSV or Markdown file. Register it with
`app.command(name="grade")(grade)`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from wargame.errors import Problem, WargameError

FORMATS = {".csv": "csv", ".md": "md"}
"""The file endings -o takes, and the format each writes."""


def grade(
    saves: Annotated[list[Path], typer.Argument(help="The saves to grade.", show_default=False)],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Also write the table into FILE.csv or FILE.md.",
            show_default=False,
        ),
    ] = None,
    campaigns: Annotated[
        list[Path] | None,
        typer.Option(
            "--campaign",
            help="The campaign file handed out (repeat for several); without it, the "
            "shipped campaign of the name each save records.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Verify saves and grade them beside the default doctrine.

    A save whose campaign is not, byte for byte, the one handed out is not graded.
    Exit 0 if every save was graded, 1 if any was not, 2 if any could not be read."""
    from wargame.analysis.grading import GRADED, UNREADABLE, grade_save, render_rows
    from wargame.record.atomic import atomic_write_text

    fmt = FORMATS.get(output.suffix.lower()) if output is not None else None
    if output is not None and fmt is None:
        _fail(Problem(str(output), "the table is written as .csv or .md"))
    try:
        handed_out = _handed_out(campaigns or [])
    except WargameError as error:
        _fail(*error.problems)
    rows = [grade_save(path, handed_out) for path in saves]
    typer.echo(render_rows(rows, "text"), nl=False)
    if output is not None and fmt is not None:
        try:
            atomic_write_text(output, render_rows(rows, fmt))
        except WargameError as error:
            _fail(*error.problems)
    if any(r.status == UNREADABLE for r in rows):
        raise typer.Exit(2)
    if any(r.status != GRADED for r in rows):
        raise typer.Exit(1)


def _handed_out(files: list[Path]) -> Callable[[str], tuple[str, str] | None]:
    """What each save's campaign is checked against: the files given, by file name; else
    the shipped campaign of the save's campaign's name."""
    from wargame.campaign import load_campaign
    from wargame.play.places import find_campaign

    given: dict[str, tuple[str, str]] = {}
    for file in files:
        loaded = load_campaign(file)  # a campaign that does not load is said, exit 2
        given[file.name] = (loaded.digest, str(file))

    def lookup(name: str) -> tuple[str, str] | None:
        if files:
            return given.get(name)
        try:
            found = find_campaign(Path(Path(name).stem))
            loaded = load_campaign(found)
        except WargameError:
            return None
        return loaded.digest, str(found)

    return lookup


def _fail(*problems: Problem) -> NoReturn:
    for problem in problems:
        typer.echo(str(problem), err=True)
    raise typer.Exit(2)
