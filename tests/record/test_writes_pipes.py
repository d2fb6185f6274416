"""A write to a named pipe or a device goes into it; only regular files are replaced."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from tests.record.helpers import PipeReader
from wargame.record.atomic import ABSENT, atomic_write_text

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux pipes")


def test_a_named_pipe_gets_the_text_and_stays_a_pipe(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    reader = PipeReader(pipe)
    assert atomic_write_text(pipe, "one\ntwo\n", expect=ABSENT) == ABSENT
    assert reader.text() == "one\ntwo\n"
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["pipe"]


def test_a_device_is_written_into_not_replaced() -> None:
    before = os.stat("/dev/null")
    atomic_write_text("/dev/null", "nothing to see\n")
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino
