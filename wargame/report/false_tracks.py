"""The tracks the radars made of noise, as the after-action report words them: a note
a turn in the timeline, and one key moment for the game.

`aar.build_aar` gathers them (each `FalseTrack`: the track's id and the turn it was
formed) with the rounds fired at them, and calls these for the words.
"""

from __future__ import annotations

from collections.abc import Mapping

from wargame.report.engagements import NOTHING_THERE
from wargame.view.words import counted

FALSE_TRACK = NOTHING_THERE
"""Why a round at a track made of noise met nothing."""
FALSE_TRACKS_LISTED = 12
"""False tracks the key moment names by id (the report's `false_tracks` holds them all)."""


def false_track_notes(formed: Mapping[int, int]) -> dict[int, str]:
    """Turn -> its timeline note, one for all the false tracks formed in it (a radar
    makes several a turn): 'false alarms: 3 made of noise (tracks 12, 13, 14)'."""
    by_turn: dict[int, list[int]] = {}
    for track, turn in sorted(formed.items()):
        by_turn.setdefault(turn, []).append(track)
    return {
        turn: f"false alarms: {len(ids)} made of noise (tracks {', '.join(map(str, ids))})"
        for turn, ids in by_turn.items()
    }


def false_track_moment(formed: Mapping[int, int], rounds: int) -> tuple[int, str] | None:
    """The key moment (turn of the first, its words) of the game's false tracks and the
    rounds fired at them; None if there was none."""
    if not formed:
        return None
    ids = sorted(formed)
    listed = ", ".join(str(t) for t in ids[:FALSE_TRACKS_LISTED])
    if len(ids) > FALSE_TRACKS_LISTED:
        listed += ", …"
    return min(formed.values()), (
        f"false alarms: {counted(len(ids), 'track')} made of noise ({listed}), "
        f"{counted(rounds, 'round')} fired at them"
    )
