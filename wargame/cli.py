"""The `wargame` command line: thin commands over the library.

Every expected failure is a `WargameError`; `main` prints its problems one a
line on stderr and exits with its code, never with a traceback.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from wargame import __version__
from wargame.errors import Problem, WargameError

MAX_SEED = 2**63 - 1
"""The dice's largest seed (`wargame.engine.dice.MAX_SEED`), here so that the command line
does not import the engine (and numpy) for `validate`."""

app = typer.Typer(
    name="wargame",
    help="A terminal air-defence wargame and training tool.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"wargame {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """A terminal air-defence wargame and training tool."""


@app.command()
def validate(
    files: Annotated[
        list[Path], typer.Argument(help="Campaign files to check.", show_default=False)
    ],
) -> None:
    """Check campaign files: one line per problem on stderr (exit 2). A file that passes
    may still get notes on stdout, placed as problems are, of what its rules will do that
    its author may not mean (a raid too slow for the turn limit, a SEAD flight that never
    fires, a ballistic flight no missile flies)."""
    from wargame.campaign import load_campaign
    from wargame.campaign.loader import note_about
    from wargame.engine.advisories import advisories
    from wargame.engine.scenario import build_scenario

    failed = False
    for file in files:
        try:
            loaded = load_campaign(file)
        except WargameError as error:
            failed = True
            for problem in error.problems:
                typer.echo(str(problem), err=True)
            continue
        notes = [
            note_about(loaded, str(file), where, f"note: {what}")
            for where, what in advisories(build_scenario(loaded))
        ]
        # In the file's order, as its errors are.
        for note in sorted(notes, key=lambda n: n.line if n.line is not None else 1 << 30):
            typer.echo(str(note))
    if failed:
        raise typer.Exit(2)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the campaign file format (for TOML editors)."""
    from wargame.campaign.jsonschema import campaign_json_schema

    typer.echo(json.dumps(campaign_json_schema(), indent=2))


@app.command()
def play(
    campaign: Annotated[
        Path | None,
        typer.Argument(
            help="Campaign file; without one, pick from campaigns/.", show_default=False
        ),
    ] = None,
    load: Annotated[Path | None, typer.Option(help="Resume this save.")] = None,
    seed: Annotated[
        int | None,
        typer.Option(help="Seed of the dice (random if not given).", min=0, max=MAX_SEED),
    ] = None,
    player: Annotated[
        str,
        typer.Option(
            help="Who plays: saves and reports carry the name (a resumed save keeps its own).",
            show_default=False,
        ),
    ] = "",
) -> None:
    """Play in the terminal: campaign picker, briefing, tactical screen, after-action report."""
    from wargame.campaign import load_campaign
    from wargame.tui import play as play_screen

    try:
        # Read the files before the screen takes over the terminal: a broken file
        # is one line on stderr, not a crash inside the app.
        if campaign is not None:
            load_campaign(campaign)
        if load is not None:
            from wargame.record import load_save

            load_save(load)
        player = check_player(player)
    except WargameError as error:
        raise fail(error) from None
    play_screen(campaign, load, seed, player)


@app.command()
def run(
    campaign: Annotated[Path, typer.Argument(help="Campaign file (TOML).", show_default=False)],
    seed: Annotated[
        int,
        typer.Option(
            help="Seed of the dice; the same seed and orders replay the same game.",
            min=0,
            max=MAX_SEED,
        ),
    ] = 1,
    orders: Annotated[
        Path | None,
        typer.Option(
            help="Orders file (TOML or JSON); units without orders follow default doctrine."
        ),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the summary as one JSON object.")
    ] = False,
    events: Annotated[
        Path | None, typer.Option(help="Write every event to this file, one JSON object a line.")
    ] = None,
    save: Annotated[
        Path | None, typer.Option(help="Write a save (a verified replay) to this file.")
    ] = None,
    player: Annotated[
        str,
        typer.Option(
            help="Who played: the save and the summary carry the name.", show_default=False
        ),
    ] = "",
) -> None:
    """Play a campaign to the end headless and print a summary."""
    from wargame.campaign import load_campaign
    from wargame.cli_outputs import check_outputs
    from wargame.engine import Game
    from wargame.engine.events import Event
    from wargame.record.orders_file import load_orders, orders_by_turn
    from wargame.report.summary import summarise

    try:
        check_outputs(
            [("the campaign being played", campaign), ("the orders file", orders)],
            [("--save", save), ("--events", events)],
        )
        player = check_player(player)
        loaded = load_campaign(campaign)
        plan = orders_by_turn(load_orders(orders)) if orders else {}
    except WargameError as error:
        raise fail(error) from None
    recorder = None
    if save is not None:
        from wargame.record import Recorder

        recorder = Recorder.new(loaded, seed, player)
        game = recorder.game
    else:
        game = Game.new(loaded, seed)
    log: list[Event] = [game.started_event()]
    while not game.over:
        turn_orders = plan.get(game.turn + 1, [])
        log.extend(recorder.step(turn_orders) if recorder else game.step(turn_orders))
    try:
        # Each file whole or not at all: a failure leaves what was there before.
        if recorder is not None and save is not None:
            from wargame.record import write_save

            write_save(recorder.record, save)
        if events is not None:
            lines = (json.dumps(e.to_dict(), separators=(",", ":")) + "\n" for e in log)
            _write_events(events, "".join(lines))
    except WargameError as error:
        raise fail(error) from None
    summary = summarise(str(campaign), seed, log)
    if player:
        summary["player"] = player
    # Orders for turns the game never reached were not carried out either: say so.
    summary["orders_refused"] += [
        {
            "turn": order.turn,
            "unit": order.unit,
            "order": order.text(),
            "reason": f"not carried out: the game ended on turn {game.turn}",
        }
        for turn, given in sorted(plan.items())
        if turn > game.turn
        for order in given
    ]
    if as_json:
        typer.echo(json.dumps(summary, indent=2))
    else:
        from wargame.report.summary_table import print_summary

        print_summary(summary)


def _write_events(path: Path, text: str) -> None:
    """A file is written whole or not at all; a pipe or a terminal (/dev/stdout, a
    process substitution) is written to as it is, not replaced by a file."""
    from wargame.record.atomic import atomic_write_text

    if path.exists() and not path.is_file():
        try:
            with path.open("w", encoding="utf-8") as out:
                out.write(text)
        except OSError as exc:
            raise WargameError(
                Problem(str(path), f"--events: cannot write: {exc.strerror or exc}")
            ) from None
        return
    atomic_write_text(path, text)


def check_player(name: str) -> str:
    """A player's name as given, trimmed; `WargameError` if it is too long or has a
    character that is not printable (a line break would break one-line outputs)."""
    from wargame.record.format import PLAYER_MAX

    name = name.strip()
    if len(name) > PLAYER_MAX or not name.isprintable():
        raise WargameError(
            Problem("--player", f"a name of at most {PLAYER_MAX} printable characters, please")
        )
    return name


def fail(error: WargameError) -> typer.Exit:
    """Print an error's problems, one a line, on stderr; the caller raises what this returns."""
    for problem in error.problems:
        typer.echo(str(problem), err=True)
    return typer.Exit(error.exit_code)


def main() -> None:
    """Entry point of the console script and of `python -m wargame`."""
    try:
        code = app(standalone_mode=False, prog_name="wargame")
    except WargameError as error:  # a command that forgot to catch its own
        for problem in error.problems:
            print(str(problem), file=sys.stderr)
        sys.exit(error.exit_code)
    except typer.Abort:
        typer.echo("wargame: stopped", err=True)
        sys.exit(1)
    except Exception as error:
        if not _usage_error(error):
            raise
        sys.exit(_report_usage(error))
    sys.exit(code if isinstance(code, int) else 0)


def _usage_error(error: Exception) -> bool:
    """Whether this is the command line's fault (Click's errors, which Typer vendors and does
    not export): they carry an exit code and a message."""
    return isinstance(getattr(error, "exit_code", None), int) and callable(
        getattr(error, "format_message", None)
    )


def _report_usage(error: Exception) -> int:
    """Print a command-line mistake on one line, as every other error; returns the exit code.
    (No arguments at all is a request for help, not a mistake.)"""
    ctx = getattr(error, "ctx", None)
    message = error.format_message()  # type: ignore[attr-defined]
    if type(error).__name__ == "NoArgsIsHelpError":
        # The help is the message; the rich help has already printed itself.
        if message.strip():
            typer.echo(message)
        return 0
    command = ctx.command_path if ctx is not None else "wargame"
    typer.echo(f"{command}: {message.rstrip('.')} (see {command} --help)", err=True)
    return int(error.exit_code)  # type: ignore[attr-defined]


def _register_record_commands() -> None:
    # Saves, replays and reports live in their own module; the commands import
    # their libraries lazily, so `wargame validate` never loads the engine.
    from wargame.cli_records import register

    register(app)


_register_record_commands()
