"""The `wargame` command line: thin commands over the library.

Every expected failure is a `WargameError`; `main` prints its problems one a
line on stderr and exits with its code, never with a traceback.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from wargame import __version__
from wargame.errors import CampaignError, Problem, WargameError
from wargame.play.places import SAVES_ENV

if TYPE_CHECKING:
    from wargame.campaign import LoadedCampaign
    from wargame.record import Record

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
        list[Path],
        typer.Argument(help="Campaign files (or names) to check.", show_default=False),
    ],
) -> None:
    """Check campaign files: each problem on stderr (exit 2), each file that passes on stdout.

    A file that passes gets one line, 'FILE: OK' and how many notes it has; the notes come
    before it, placed as problems are, of what its rules will do that its author may not
    mean (a raid too slow for the turn limit, a SEAD flight that never fires, a ballistic
    flight no missile flies)."""
    from wargame.campaign.loader import note_about
    from wargame.engine import advisories, build_scenario
    from wargame.play.places import find_campaign

    failed = False
    for file in files:
        try:
            found = find_campaign(file)
            loaded = load_campaign_or_say(found)
        except WargameError as error:
            failed = True
            for problem in error.problems:
                typer.echo(str(problem), err=True)
            continue
        notes = [
            note_about(loaded, str(found), where, f"note: {what}")
            for where, what in advisories(build_scenario(loaded))
        ]
        # In the file's order, as its errors are.
        for note in sorted(notes, key=lambda n: n.line if n.line is not None else 1 << 30):
            typer.echo(str(note))
        count = f", {len(notes)} note{'s' if len(notes) != 1 else ''}" if notes else ""
        typer.echo(str(Problem(str(found), f"OK{count}")))
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
            help="Campaign file or name (first-contact); without one, pick from the "
            "campaigns folder.",
            show_default=False,
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
    saves: Annotated[
        Path | None,
        typer.Option(
            help=f"Folder of the autosaves and of the save and load dialogs (else "
            f"${SAVES_ENV}, else ./saves).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Play in the terminal: campaign picker, briefing, tactical screen, after-action report."""
    from wargame.play.places import find_campaign, saves_folder
    from wargame.tui import play as play_screen

    try:
        # Read the files before the screen takes over the terminal: a broken file
        # is one line on stderr, not a crash inside the app.
        found = find_campaign(campaign) if campaign is not None else None
        loaded = load_campaign_or_say(found) if found is not None else None
        if load is not None:
            from wargame.record import load_save

            saved = load_save(load)
            if loaded is not None and found is not None:
                check_save_of(load, saved.record, loaded, found)
        from wargame.cli_outputs import check_player

        player = check_player(player)
        folder = saves_folder(saves)
    except WargameError as error:
        raise fail(error) from None
    typer.echo(f"Saves go to {folder}")
    play_screen(found, load, seed, player, saves_dir=folder)


def check_save_of(save: Path, record: Record, loaded: LoadedCampaign, campaign: Path) -> None:
    """`WargameError` unless the save is a game of this campaign file (the same text)."""
    if record.campaign_sha256 == loaded.digest:
        return
    if record.campaign_name == campaign.name:
        what = f"a save of another version of {campaign.name} (it keeps its own copy)"
    else:
        what = f"a save of {record.campaign_name}, not of {campaign.name}"
    raise WargameError(Problem(str(save), f"{what}; 'wargame play --load {save}' plays on from it"))


def load_campaign_or_say(path: Path) -> LoadedCampaign:
    """The campaign in a file; `CampaignError`, and a save named as one with the commands that
    read it, if it is not a campaign."""
    from wargame.campaign import load_campaign

    try:
        return load_campaign(path)
    except CampaignError:
        if _looks_like_a_save(path):
            raise CampaignError(
                Problem(
                    str(path),
                    "not a campaign: a save ('wargame play --load' plays on from it; "
                    "'wargame replay' and 'wargame report' read it)",
                )
            ) from None
        raise


SAVE_HEAD_BYTES = 65_536
"""A save names its format in its first bytes: no more is read to tell one."""


def _looks_like_a_save(path: Path) -> bool:
    from wargame.record.format import FORMAT

    if not path.is_file():
        return False  # a pipe is read once, and that was by the loader
    try:
        with path.open("rb") as stream:
            head = stream.read(SAVE_HEAD_BYTES).decode("utf-8", errors="replace")
    except (OSError, ValueError):
        return False
    return head.lstrip("\ufeff \t\r\n").startswith("{") and (
        re.search(rf'"format"\s*:\s*"{re.escape(FORMAT)}"', head) is not None
    )


@app.command()
def run(
    campaign: Annotated[
        Path, typer.Argument(help="Campaign file (TOML) or name.", show_default=False)
    ],
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
    from wargame.cli_outputs import check_outputs, check_player, write_save_checked
    from wargame.engine import Game
    from wargame.engine.events import Event
    from wargame.play.places import find_campaign
    from wargame.record.atomic import atomic_write_text, stamp
    from wargame.record.orders_file import load_orders, orders_by_turn
    from wargame.report.summary import summarise

    try:
        campaign = find_campaign(campaign)
        check_outputs(
            [("the campaign being played", campaign), ("the orders file", orders)],
            [("--save", save), ("--events", events)],
        )
        # A save another program writes while this game is played is not written over.
        seen = stamp(save) if save is not None else None
        player = check_player(player)
        loaded = load_campaign_or_say(campaign)
        plan = orders_by_turn(load_orders(orders, loaded)) if orders else {}
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
        if recorder is not None and save is not None and seen is not None:
            write_save_checked(recorder.record, save, seen, "--save")
        if events is not None:
            lines = (json.dumps(e.to_dict(), separators=(",", ":")) + "\n" for e in log)
            atomic_write_text(events, "".join(lines))
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


def _register_analysis() -> None:
    # `analyze` imports its libraries when it runs, like the record commands.
    from wargame.cli_analysis import analyze

    app.command(name="analyze")(analyze)


_register_analysis()


def _register_serve() -> None:
    # `serve` imports textual-serve when it runs, like the record commands.
    from wargame.cli_serve import serve

    app.command(name="serve")(serve)


_register_serve()


def _register_grade() -> None:
    # `grade` imports its libraries when it runs, like the record commands.
    from wargame.cli_grade import grade

    app.command(name="grade")(grade)


_register_grade()
