"""A write clears the temporary files that killed writes of the same name left beside it,
and nothing else: not another name's, not a live writer's."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.record.helpers import ROOT
from wargame.record.atomic import atomic_write_text, temporary_name_pattern

HOLDER = """
import sys, time
from pathlib import Path
from wargame.record.atomic import locked_temporary
temp, fd = locked_temporary(Path(sys.argv[1]))
print(temp.name, flush=True)
time.sleep(60)
"""
"""A writer caught in the middle of its write: its temporary file made and locked."""

needs_flock = pytest.mark.skipif(sys.platform == "win32", reason="needs flock")


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_the_next_write_of_a_name_removes_what_a_killed_write_of_it_left(
    tmp_path: Path,
) -> None:
    (tmp_path / ".game.json.0123456789ab.tmp").write_text('{"turns": [', encoding="utf-8")
    (tmp_path / ".game.json.ba9876543210.tmp").write_text("", encoding="utf-8")
    if sys.platform == "win32":  # no locks there: only old ones are taken for dead
        for stray in tmp_path.iterdir():
            os.utime(stray, (0, 0))
    atomic_write_text(tmp_path / "game.json", "{}")
    assert _names(tmp_path) == ["game.json"]


def test_temporary_files_of_other_names_and_look_alikes_are_left_alone(tmp_path: Path) -> None:
    others = [
        ".other.json.0123456789ab.tmp",  # another save's
        ".game.json.0123456789ab.tmp.keep",  # not a name a write makes
        ".game.json.0123456789AB.tmp",  # upper-case hex: not ours either
        ".game.json.012345.tmp",
        "game.json.0123456789ab.tmp",
    ]
    for name in others:
        (tmp_path / name).write_text("x", encoding="utf-8")
        os.utime(tmp_path / name, (0, 0))
    atomic_write_text(tmp_path / "game.json", "{}")
    assert _names(tmp_path) == sorted([*others, "game.json"])


def test_the_pattern_matches_exactly_the_names_a_write_makes() -> None:
    pattern = temporary_name_pattern("a.b [1].json")
    assert pattern.fullmatch(".a.b [1].json.00ff00ff00ff.tmp")
    assert not pattern.fullmatch(".a.b [1]xjson.00ff00ff00ff.tmp")
    assert not pattern.fullmatch(".a.b [1].json.00ff00ff00f.tmp")


@needs_flock
def test_a_live_writers_temporary_file_stays_until_it_dies(tmp_path: Path) -> None:
    target = tmp_path / "game.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(target)], stdout=subprocess.PIPE, env=env
    )
    try:
        assert holder.stdout is not None
        held = holder.stdout.readline().decode().strip()
        assert temporary_name_pattern("game.json").fullmatch(held)
        os.utime(tmp_path / held, (0, 0))  # however old: its lock is what counts
        atomic_write_text(target, "{}")
        assert _names(tmp_path) == sorted([held, "game.json"])
    finally:
        holder.kill()
        holder.wait()
        if holder.stdout is not None:
            holder.stdout.close()
    atomic_write_text(target, "{}")
    assert _names(tmp_path) == ["game.json"]
