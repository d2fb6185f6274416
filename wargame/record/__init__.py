"""Records of play: orders files, saves and verified replays.

`Recorder` plays a game and keeps its `Record`; `write_save` / `autosave` put
it on disk atomically; `load_save` reads one back and verifies it by
re-simulation; `branch` and `play_on` make what-ifs. Names are imported on
first use, so `wargame.record.atomic` stays a light import.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wargame.record.format import (
        FORMAT_VERSION,
        Record,
        SaveMismatch,
        TurnRecord,
        dumps_record,
        parse_save,
    )
    from wargame.record.recorder import Recorder
    from wargame.record.saves import (
        autosave,
        autosave_path,
        branch,
        free_autosave_path,
        play_on,
        write_save,
    )
    from wargame.record.verify import (
        LoadedSave,
        Verification,
        check_digests,
        load_save,
        read_save,
        verify_record,
    )

_HOMES = {
    "FORMAT_VERSION": "format",
    "Record": "format",
    "SaveMismatch": "format",
    "TurnRecord": "format",
    "dumps_record": "format",
    "parse_save": "format",
    "Recorder": "recorder",
    "autosave": "saves",
    "autosave_path": "saves",
    "free_autosave_path": "saves",
    "branch": "saves",
    "play_on": "saves",
    "write_save": "saves",
    "LoadedSave": "verify",
    "Verification": "verify",
    "check_digests": "verify",
    "load_save": "verify",
    "read_save": "verify",
    "verify_record": "verify",
}

__all__ = [
    "FORMAT_VERSION",
    "LoadedSave",
    "Record",
    "Recorder",
    "SaveMismatch",
    "TurnRecord",
    "Verification",
    "autosave",
    "autosave_path",
    "branch",
    "check_digests",
    "dumps_record",
    "free_autosave_path",
    "load_save",
    "parse_save",
    "play_on",
    "read_save",
    "verify_record",
    "write_save",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'wargame.record' has no attribute '{name}'")
    return getattr(importlib.import_module(f"wargame.record.{home}"), name)
