"""The record commands of the `wargame` CLI: `replay`, `branch` and `report`.

`register(app)` adds them to the Typer app of `wargame.cli`. Commands are thin:
they load a save (which verifies it), call the library and print. Errors are
one line each on stderr: exit 2 for a file that cannot be read or written,
exit 1 for a save that does not verify.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from wargame.errors import WargameError

if TYPE_CHECKING:
    from wargame.record.verify import LoadedSave
    from wargame.report.aar import Aar
    from wargame.report.luck import Luck

FORMATS = ("text", "md", "json", "html")
MAX_LUCK_RUNS = 1_000_000


def register(app: typer.Typer) -> None:
    """Add `replay`, `branch` and `report` to the app."""
    app.command()(replay)
    app.command()(branch)
    app.command()(report)


def replay(
    save: Annotated[Path, typer.Argument(help="A save file.", show_default=False)],
    verify: Annotated[
        bool,
        typer.Option(
            "--verify",
            help="Only re-simulate and check every digest: OK (exit 0) "
            "or the first diverging turn (exit 1).",
        ),
    ] = False,
    text: Annotated[
        bool,
        typer.Option("--text", help="Print the turn-by-turn events instead of opening the screen."),
    ] = False,
) -> None:
    """Watch a save turn by turn on the replay screen; --verify checks it, --text prints it."""
    loaded = _load(save)
    verification = loaded.verification
    if not verify and not text:
        from wargame.tui import replay as replay_screen

        if not verification.ok or not verification.same_rules:
            typer.echo(verification.describe(loaded.name), err=True)
        replay_screen(save)
        return
    if verify:
        line = verification.describe(loaded.name)
        if verification.ok:
            typer.echo(line)
            return
        typer.echo(line, err=True)
        raise typer.Exit(1)
    if not verification.ok or not verification.same_rules:
        typer.echo(verification.describe(loaded.name), err=True)
    _print_timeline(loaded)


def branch(
    save: Annotated[Path, typer.Argument(help="The save to branch from.", show_default=False)],
    turn: Annotated[
        int, typer.Option("--turn", help="Keep turns 1 to N; play on from there.", min=0)
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="The new save to write.")],
    orders: Annotated[
        Path | None,
        typer.Option(
            help="Play the branch on to the end with these orders (TOML or JSON, turns after N)."
        ),
    ] = None,
) -> None:
    """Cut a save after turn N into a new save, to play on with other orders (a what-if)."""
    from wargame.cli_outputs import check_outputs, write_save_checked
    from wargame.record import branch as cut
    from wargame.record import play_on
    from wargame.record.atomic import stamp
    from wargame.record.orders_file import load_orders, orders_by_turn
    from wargame.record.verify import embedded_campaign

    try:
        check_outputs(
            [("the save being branched from", save), ("the orders file", orders)],
            [("--output", output)],
        )
        seen = stamp(output)  # another program writing it meanwhile is told, not lost
    except WargameError as error:
        raise _fail(error) from None
    loaded = _load(save)
    try:
        campaign = embedded_campaign(loaded.record, loaded.name)
        plan = orders_by_turn(load_orders(orders, campaign)) if orders else None
        record = cut(loaded.record, turn, loaded.name)
        first = loaded.verification.first_difference
        if first is not None and first <= turn and plan is not None:
            typer.echo(loaded.verification.describe(loaded.name), err=True)
            raise typer.Exit(1)
        if plan is not None:
            early = sum(len(given) for t, given in plan.items() if t <= turn)
            if early:
                typer.echo(
                    f"{orders}: {early} order{'s' if early > 1 else ''} for turn {turn} or "
                    f"before left out: the branch plays on from turn {turn + 1}",
                    err=True,
                )
            record = play_on(record, plan, loaded.name)
            late = sum(len(given) for t, given in plan.items() if t > record.last_turn)
            if late:
                typer.echo(
                    f"{orders}: {late} order{'s' if late > 1 else ''} not carried out: "
                    f"the game ended on turn {record.last_turn}",
                    err=True,
                )
        write_save_checked(record, output, seen, "--output")
    except WargameError as error:
        raise _fail(error) from None
    ended = "to the end of the game" if record.over else f"to turn {record.last_turn}"
    how = f"played on with {orders} " if plan is not None else ""
    typer.echo(f"{output}: branch of {save} after turn {turn}, {how}{ended}")


def report(
    save: Annotated[Path, typer.Argument(help="A save file.", show_default=False)],
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="text, md, json or html (default: the --output file's ending chooses, "
            "text if it has none).",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the report to this file.")
    ] = None,
    briefing: Annotated[bool, typer.Option(help="Include the campaign's briefing.")] = True,
    luck: Annotated[
        bool,
        typer.Option(
            "--luck",
            help="Add luck and skill: the save's orders played on other seeds, and the "
            "default doctrine on the same seeds (a finished game only).",
        ),
    ] = False,
    runs: Annotated[
        int | None,
        typer.Option(
            help="With --luck: how many other seeds to play (100 if not given).",
            min=1,
            max=MAX_LUCK_RUNS,
            show_default=False,
        ),
    ] = None,
) -> None:
    """Write the after-action report of a save.

    With --luck, the report also weighs how much of the result was the dice and how much
    the orders."""
    if fmt is None and output is not None:
        from wargame.report.formats import format_for

        fmt = format_for(output)
        if fmt is None:
            typer.echo(
                f"{output}: --output: no report is written as {output.suffix}; "
                "use .txt, .md, .json or .html (or --format)",
                err=True,
            )
            raise typer.Exit(2)
    fmt = fmt or "text"
    if runs is not None and not luck:
        typer.echo("wargame report: --runs: only with --luck", err=True)
        raise typer.Exit(2)
    if fmt not in FORMATS:
        typer.echo(
            f"wargame report: --format: unknown format '{fmt}'; one of {', '.join(FORMATS)}",
            err=True,
        )
        raise typer.Exit(2)
    from wargame.cli_outputs import check_outputs

    try:
        check_outputs([("the save being reported", save)], [("--output", output)])
    except WargameError as error:
        raise _fail(error) from None
    loaded = _load(save)
    if not loaded.verification.ok:
        typer.echo(loaded.verification.describe(loaded.name), err=True)
    aar = _aar(loaded, briefing)
    if luck:
        import dataclasses

        aar = dataclasses.replace(aar, luck=_luck(loaded, runs))
    if output is None and fmt == "text":
        from wargame.report.render_text import print_report

        print_report(aar)
        return
    from wargame.report.formats import render

    text = render(aar, fmt)
    if output is None:
        typer.echo(text, nl=False)
        return
    from wargame.record.atomic import atomic_write_text

    try:
        atomic_write_text(output, text)
    except WargameError as error:
        raise _fail(error) from None
    typer.echo(f"{output}: {fmt} report of {save}")


def _load(save: Path) -> LoadedSave:
    from wargame.record import load_save

    try:
        return load_save(save)
    except WargameError as error:
        raise _fail(error) from None


def _aar(loaded: LoadedSave, briefing: bool) -> Aar:
    from wargame.campaign import parse_campaign
    from wargame.report.aar import build_aar
    from wargame.report.theatre import Theatre, theatre_of

    record = loaded.record
    theatre: Theatre | None = None
    try:  # the paths flown, for the engagement map: the game played again
        campaign = parse_campaign(record.campaign_source, record.campaign_name)
        theatre = theatre_of(
            campaign,
            record.seed,
            [turn.orders for turn in record.turns],
            [turn.events for turn in record.turns],
        )
    except WargameError:
        pass  # a campaign today's rules cannot load: the report goes without its map
    return build_aar(
        record.events(),
        player=record.player,
        campaign=record.campaign_name,
        briefing=embedded_briefing(record.campaign_source) if briefing else "",
        score_weights=record.campaign_score_weights(),
        theatre=theatre,
    )


def _luck(loaded: LoadedSave, runs: int | None) -> Luck:
    """Luck and skill of the save's game, with a progress bar on stderr."""
    from wargame.analysis.luck import DEFAULT_RUNS, luck_of
    from wargame.analysis.runner import default_workers
    from wargame.cli_outputs import ProgressBar

    runs = runs or DEFAULT_RUNS
    with ProgressBar("seeds", runs, enabled=sys.stderr.isatty()) as bar:
        try:
            return luck_of(
                loaded.record,
                runs,
                name=loaded.name,
                workers=default_workers(),
                progress=bar.update,
            )
        except WargameError as error:
            raise _fail(error) from None


def embedded_briefing(source: str) -> str:
    """The embedded campaign's briefing, read straight from its TOML (it may be of other
    rules)."""
    import tomllib

    try:
        meta = tomllib.loads(source).get("meta", {})
    except (tomllib.TOMLDecodeError, RecursionError):
        return ""
    value = meta.get("briefing", "") if isinstance(meta, dict) else ""
    return value if isinstance(value, str) else ""


def _print_timeline(loaded: LoadedSave) -> None:
    from wargame.report.describe import describe
    from wargame.report.safety import one_line
    from wargame.view.words import clock

    record = loaded.record
    started = record.started
    player = f", player {record.player}" if record.player else ""
    typer.echo(
        one_line(
            f"{started.title}: {record.campaign_name}, seed {record.seed}{player}, "
            f"rules {record.rules_version}, {record.last_turn} turns"
        )
    )
    typer.echo(f"turn 0  {one_line(describe(started))}")
    for turn in record.turns[1:]:
        typer.echo(f"turn {turn.turn}  ({clock(turn.turn * started.seconds_per_turn)})")
        for order in turn.orders:
            typer.echo(f"    order  {one_line(order.unit)}: {one_line(order.text())}")
        for event in turn.events:
            typer.echo(f"    {one_line(describe(event))}")


def _fail(error: WargameError) -> typer.Exit:
    for problem in error.problems:
        typer.echo(str(problem), err=True)
    return typer.Exit(error.exit_code)
