"""The `analyze` command of the `wargame` CLI: a plan over many seeds.

A thin command over `wargame.analysis`: it reads the campaign and the plans,
plays the seeds with a progress bar on stderr, and prints the distribution (Rich
tables, or one JSON object with --json), optionally writing an HTML page too.
Register it with `app.command()(analyze)`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from wargame.errors import Problem, WargameError

if TYPE_CHECKING:
    from wargame.analysis.plans import Plan
    from wargame.campaign import LoadedCampaign

MAX_SEED = 2**63 - 1
"""The dice's largest seed (`wargame.engine.dice.MAX_SEED`)."""
MAX_RUNS = 10_000_000


def analyze(
    campaign: Annotated[
        Path, typer.Argument(help="Campaign file (TOML), or a campaign's name.", show_default=False)
    ],
    runs: Annotated[
        int, typer.Option(help="Games to play: seeds SEED to SEED+RUNS-1.", min=1, max=MAX_RUNS)
    ] = 100,
    orders: Annotated[
        Path | None, typer.Option(help="The plan: an orders file (TOML or JSON).")
    ] = None,
    save: Annotated[
        Path | None,
        typer.Option(
            help="The plan: the orders a player gave in this save, played on other seeds "
            "(an order aimed at a track follows the threat it held)."
        ),
    ] = None,
    against: Annotated[
        str | None,
        typer.Option(
            help="A second plan played on the same seeds: 'default' (the default doctrine) "
            "or an orders file; prints the paired differences.",
            show_default=False,
        ),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(help="Worker processes (default: every core).", min=1, show_default=False),
    ] = None,
    seed: Annotated[
        int, typer.Option(help="The first seed; the same seeds give the same dice.", min=0)
    ] = 1,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the results as one JSON object.")
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Also write the results as an HTML page."),
    ] = None,
    dask: Annotated[
        str | None,
        typer.Option(
            help="Run on Dask: a scheduler's address, or 'local' for a cluster on this "
            "machine (pip install 'wargame[dask]').",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Play a plan on many seeds and print the distribution of its outcomes.

    With --against, two plans are compared on the same seeds, with the same dice."""
    from wargame.analysis.monte_carlo import analyze as run_analysis
    from wargame.analysis.runner import default_workers
    from wargame.campaign import load_campaign
    from wargame.cli_outputs import ProgressBar, check_outputs
    from wargame.play.places import find_campaign

    try:
        campaign = find_campaign(campaign)
        if orders is not None and save is not None:
            raise WargameError(Problem("--orders", "give --orders or --save, not both"))
        if seed + runs - 1 > MAX_SEED:
            raise WargameError(Problem("--seed", f"the last seed would pass {MAX_SEED}"))
        check_outputs(
            [("the campaign being analysed", campaign), ("the orders file", orders)],
            [("--output", output)],
        )
        loaded = load_campaign(campaign)
        plan = _first_plan(loaded, orders, save)
        second = _second_plan(loaded, against)
    except WargameError as error:
        raise _fail(error) from None
    cores = workers or default_workers()
    seeds = range(seed, seed + runs)
    with ProgressBar("games", runs, enabled=sys.stderr.isatty()) as bar:
        try:
            analysis = run_analysis(
                loaded, plan, seeds, second, workers=cores, dask=dask, progress=bar.update
            )
        except WargameError as error:
            raise _fail(error) from None
    if output is not None:
        from wargame.analysis.render_html import render_analysis_html
        from wargame.record.atomic import atomic_write_text

        try:
            atomic_write_text(output, render_analysis_html(analysis))
        except WargameError as error:
            raise _fail(error) from None
    if as_json:
        import json

        from wargame.analysis.render_json import analysis_dict

        typer.echo(json.dumps(analysis_dict(analysis), indent=2))
    else:
        from wargame.analysis.render_text import print_analysis

        print_analysis(analysis)
    if output is not None:
        typer.echo(f"{output}: HTML page of the analysis", err=True)


def _first_plan(loaded: LoadedCampaign, orders: Path | None, save: Path | None) -> Plan:
    from wargame.analysis.plans import default_plan, orders_plan, save_plan

    if orders is not None:
        return orders_plan(orders, loaded)
    if save is not None:
        return save_plan(save, loaded)
    return default_plan()


def _second_plan(loaded: LoadedCampaign, against: str | None) -> Plan | None:
    from wargame.analysis.plans import default_plan, orders_plan

    if against is None:
        return None
    if against == "default":
        return default_plan()
    return orders_plan(against, loaded)


def _fail(error: WargameError) -> typer.Exit:
    for problem in error.problems:
        typer.echo(str(problem), err=True)
    return typer.Exit(error.exit_code)
