"""On Dask the same seeds give the same figures as in local worker processes."""

from __future__ import annotations

import json

import pytest

from wargame.analysis.monte_carlo import analyze
from wargame.analysis.plans import default_plan
from wargame.analysis.render_json import analysis_dict
from wargame.campaign import LoadedCampaign

distributed = pytest.importorskip(
    "distributed", reason="Dask is an optional extra: pip install 'wargame[dask]'"
)


def test_a_local_dask_cluster_gives_the_local_run_s_json(one_unit_raid: LoadedCampaign) -> None:
    seeds = range(1, 61)
    local = analyze(one_unit_raid, default_plan(), seeds, against=default_plan(), workers=2)
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as cluster:
        on_dask = analyze(
            one_unit_raid,
            default_plan(),
            seeds,
            against=default_plan(),
            workers=2,
            dask=cluster.scheduler_address,
        )
    assert json.dumps(analysis_dict(on_dask)) == json.dumps(analysis_dict(local))
