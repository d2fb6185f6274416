"""Seeds played in parallel: in this process, in worker processes, or on Dask.

The seeds are cut into chunks; each chunk is played by `play.play_seeds` wherever
it runs, and the results are put back in the order of the seeds, so the figures are
the same for any number of workers and on Dask as here. Called by `monte_carlo`.
"""

from __future__ import annotations

import importlib
import multiprocessing
import os
from collections.abc import Callable, Sequence
from typing import Any

from wargame.analysis.play import GameResult, Job, play_seeds, scenario_of

Progress = Callable[[int], None]
"""Told the number of seeds played so far, as chunks finish."""

CHUNK = 25
"""Seeds a worker plays at a time: few enough for a smooth progress bar, enough that
sending the work costs little beside the ~10 ms a game takes."""


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def chunks(seeds: Sequence[int], size: int = CHUNK) -> list[list[int]]:
    return [list(seeds[i : i + size]) for i in range(0, len(seeds), size)]


def run_local(
    job: Job, seeds: Sequence[int], workers: int, progress: Progress | None = None
) -> list[tuple[GameResult, ...]]:
    """Play the seeds here (one worker) or in `workers` processes; results in seed order."""
    parts = chunks(seeds)
    scenario_of(job)  # built once here, and inherited by forked workers
    done: dict[int, list[tuple[GameResult, ...]]] = {}
    played = 0
    if workers <= 1 or len(parts) <= 1:
        for i, part in enumerate(parts):
            done[i] = play_seeds(job, part)
            played += len(part)
            if progress is not None:
                progress(played)
    else:
        # Forked workers start with the engine imported and the scenario built; the
        # pool is made before any progress display starts its thread.
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else None)
        with context.Pool(min(workers, len(parts))) as pool:
            tasks = [(i, job, part) for i, part in enumerate(parts)]
            for i, results in pool.imap_unordered(_play_chunk, tasks):
                done[i] = results
                played += len(results)
                if progress is not None:
                    progress(played)
    return [result for i in range(len(parts)) for result in done[i]]


def _play_chunk(task: tuple[int, Job, list[int]]) -> tuple[int, list[tuple[GameResult, ...]]]:
    index, job, seeds = task
    return index, play_seeds(job, seeds)


def run_dask(
    job: Job, seeds: Sequence[int], address: str, workers: int, progress: Progress | None = None
) -> list[tuple[GameResult, ...]]:
    """Play the seeds on a Dask cluster: `address` of its scheduler, or 'local' for a
    `LocalCluster` of `workers` processes on this machine. Results in seed order."""
    try:
        # Untyped, and optional: held as Any.
        distributed: Any = importlib.import_module("distributed")
    except ImportError:
        from wargame.errors import Problem, WargameError

        raise WargameError(Problem("--dask", "needs Dask: pip install 'wargame[dask]'")) from None
    parts = chunks(seeds)
    cluster: Any = None
    if address == "local":
        cluster = distributed.LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0"
        )
    try:
        try:
            client = distributed.Client(cluster if cluster is not None else address, timeout="10s")
        except OSError as exc:
            from wargame.errors import Problem, WargameError

            raise WargameError(
                Problem("--dask", f"cannot reach a Dask scheduler at {address}: {exc}")
            ) from None
        with client:
            shared = client.scatter(job, broadcast=True)
            futures = [client.submit(play_seeds, shared, part, pure=False) for part in parts]
            index = {future.key: i for i, future in enumerate(futures)}
            done: dict[int, list[tuple[GameResult, ...]]] = {}
            played = 0
            for future in distributed.as_completed(futures):
                results = future.result()
                done[index[future.key]] = results
                played += len(results)
                if progress is not None:
                    progress(played)
    finally:
        if cluster is not None:
            cluster.close()
    return [result for i in range(len(parts)) for result in done[i]]
