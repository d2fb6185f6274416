"""Killing a process while it writes saves never damages a save: the previous one stays
whole and loadable, and a new one is either complete or absent; the temporary files the
kills leave go with the next write of their name."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.record.helpers import ROOT
from wargame.record import Record, load_save, read_save, write_save
from wargame.record.atomic import atomic_write_bytes

ROUNDS = 40
PADDING = 3_000_000
"""Characters of padding in the version string the save names, so that each write takes a
while (a player's name is held to 80 characters)."""

WRITER = """
import sys
from wargame.record.atomic import atomic_write_text
template, old, new = sys.argv[1:4]
text = open(template, encoding="utf-8").read()
print("ready", flush=True)
atomic_write_text(new, text.replace("@@WHO@@", "new"))
i = 0
while True:
    atomic_write_text(old, text.replace("@@WHO@@", f"writer-{i}"))
    i += 1
"""


def _who(record: Record) -> str:
    return record.wargame_version.split("|")[0]


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_writer_killed_at_random_moments_never_leaves_a_broken_save(
    tmp_path: Path, game: Record
) -> None:
    from dataclasses import replace

    template = tmp_path / "template.json"
    write_save(replace(game, wargame_version="@@WHO@@|" + "x" * PADDING), template)
    folder = tmp_path / "saves"
    folder.mkdir()
    old = folder / "game.json"
    old.write_text(
        template.read_text(encoding="utf-8").replace("@@WHO@@", "first"), encoding="utf-8"
    )
    rng = random.Random(20240611)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    seen_old: set[str] = set()
    new_states = {"absent": 0, "complete": 0}
    started = time.monotonic()
    for k in range(ROUNDS):
        new = folder / f"new-{k}.json"
        child = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(template), str(old), str(new)],
            stdout=subprocess.PIPE,
            env=env,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0.0, 0.06))
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()

        who = _who(read_save(old))  # parses, and checks every digest
        assert who == "first" or who.startswith("writer-")
        seen_old.add("first" if who == "first" else "writer")
        if new.exists():
            assert _who(read_save(new)) == "new"
            new_states["complete"] += 1
        else:
            new_states["absent"] += 1
        stray = (
            {p.name for p in folder.iterdir()}
            - {old.name}
            - {f"new-{i}.json" for i in range(k + 1)}
        )
        assert all(name.startswith(".") and name.endswith(".tmp") for name in stray), stray
        # Each round writes the old save again: at most the killed write's own is left of it.
        assert len([n for n in stray if n.startswith(f".{old.name}.")]) <= 1, stray
    assert time.monotonic() - started < 30
    assert load_save(old).verification.ok  # the survivor re-simulates, too
    assert json.loads(old.read_text(encoding="utf-8"))["format"] == "wargame-save"
    assert seen_old and sum(new_states.values()) == ROUNDS
    # The next write of each name clears what the kills left of it.
    names = {old.name} | {f"new-{k}.json" for k in range(ROUNDS)}
    for name in names:
        atomic_write_bytes(folder / name, b"{}")
    assert sorted(p.name for p in folder.iterdir()) == sorted(names)
