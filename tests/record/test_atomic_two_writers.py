"""Two writers of one save: the later one finds the file is not the one it read (or saw
absent), writes nothing over it, and says so."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from wargame.record.atomic import (
    ABSENT,
    SaveConflict,
    atomic_write_text,
    stamp,
)


def test_a_writer_that_saw_no_file_does_not_replace_one_made_since(tmp_path: Path) -> None:
    path = tmp_path / "game.json"
    seen = stamp(path)
    assert seen == ABSENT
    atomic_write_text(path, "first")
    with pytest.raises(SaveConflict) as caught:
        atomic_write_text(path, "second", expect=seen)
    assert str(caught.value) == (
        f"{path}: not written: another program has made a file of this name meanwhile, "
        "and it is kept as it is"
    )
    assert path.read_text(encoding="utf-8") == "first"
    assert [p.name for p in tmp_path.iterdir()] == ["game.json"]


def test_a_writer_replaces_the_file_it_read_or_wrote_and_no_other(tmp_path: Path) -> None:
    path = tmp_path / "game.json"
    mine = atomic_write_text(path, "mine, turn 1", expect=ABSENT)
    mine = atomic_write_text(path, "mine, turn 2", expect=mine)
    assert mine == stamp(path)
    theirs = atomic_write_text(path, "theirs")
    with pytest.raises(SaveConflict, match="another program has written this file meanwhile"):
        atomic_write_text(path, "mine, turn 3", expect=mine)
    assert path.read_text(encoding="utf-8") == "theirs"
    atomic_write_text(path, "theirs, again", expect=theirs)


def test_a_file_removed_since_it_was_read_is_written(tmp_path: Path) -> None:
    path = tmp_path / "game.json"
    seen = atomic_write_text(path, "first")
    path.unlink()
    atomic_write_text(path, "second", expect=seen)
    assert path.read_text(encoding="utf-8") == "second"


def test_of_many_writers_racing_to_a_new_file_exactly_one_writes_it(tmp_path: Path) -> None:
    path = tmp_path / "game.json"
    writers = 8
    start = threading.Barrier(writers)
    outcomes: list[str] = []

    def write(k: int) -> None:
        start.wait()
        try:
            atomic_write_text(path, f"writer {k}", expect=ABSENT)
            outcomes.append(f"writer {k}")
        except SaveConflict:
            outcomes.append("refused")

    threads = [threading.Thread(target=write, args=(k,)) for k in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    winners = [o for o in outcomes if o != "refused"]
    assert len(winners) == 1 and outcomes.count("refused") == writers - 1
    assert path.read_text(encoding="utf-8") == winners[0]
