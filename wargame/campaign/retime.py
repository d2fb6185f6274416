"""The same campaign at a shorter turn: every time it scripts, in the new turns.

A campaign's turn is the engine's tick. To check that results do not hang on it,
or to play a campaign at a finer tick, `retimed(loaded, seconds)` splits each turn
into k = old / new turns (k a whole number): an event of turn T happens on the
first of its k turns, (T − 1)·k + 1; a span of n turns lasts n·k; coasting and
identification keep their seconds. Everything else (positions, speeds, seconds of
reload and set-up) is in units that do not depend on the turn.

The result is for play and analysis in memory: its source text is the original
file's, so a game of it must not be saved as that campaign.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from wargame.campaign.loader import LoadedCampaign
from wargame.campaign.schema import Campaign


def retimed(loaded: LoadedCampaign, seconds_per_turn: float) -> LoadedCampaign:
    """`loaded` with turns of `seconds_per_turn`, which must divide its own turn."""
    campaign = loaded.campaign
    old = campaign.clock.seconds_per_turn
    k = round(old / seconds_per_turn)
    if k < 1 or abs(k * seconds_per_turn - old) > 1e-9 * old:
        raise ValueError(
            f"a turn of {seconds_per_turn:g} s does not divide the campaign's {old:g} s turn"
        )
    data = campaign.model_dump(by_alias=True, exclude_none=True)

    def start(turn: int) -> int:
        return (turn - 1) * k + 1

    data["clock"]["seconds_per_turn"] = seconds_per_turn
    data["clock"]["turn_limit"] = campaign.clock.turn_limit * k
    for group in ("raids", "sead", "jammers"):
        for entry in data["red"].get(group, []):
            entry["turn"] = start(entry["turn"])
            if entry.get("until_turn") is not None:
                entry["until_turn"] = start(entry["until_turn"])
    for inject in data.get("injects", []):
        _when(inject["when"], start)
        if inject.get("turns") is not None:
            inject["turns"] *= k
    for hint in data.get("hints", []):
        _when(hint["when"], start)
        if hint.get("turns") is not None:
            hint["turns"] *= k
    rules = data["rules"]
    rules["track_coast_s"] = campaign.rules.coast_seconds(old)
    rules["identification_s"] = campaign.rules.identification_seconds(old)
    return dataclasses.replace(loaded, campaign=Campaign.model_validate(data))


def _when(when: dict[str, Any], start: Any) -> None:
    if when.get("turn") is not None:
        when["turn"] = start(when["turn"])
