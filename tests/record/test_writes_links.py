"""Writes through a link: the file the link names is written, and a path naming one of
the process's own descriptors (/dev/stdout) is written through, in turn with the rest."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from wargame.record.atomic import atomic_write_text, own_descriptor


def test_a_write_through_a_link_replaces_the_file_it_names_and_keeps_the_link(
    tmp_path: Path,
) -> None:
    real = tmp_path / "real.md"
    real.write_text("old\n")
    link = tmp_path / "link.md"
    link.symlink_to(real.name)
    atomic_write_text(link, "new\n")
    assert link.is_symlink()
    assert real.read_text() == "new\n"


def test_a_dangling_link_gets_the_file_it_names(tmp_path: Path) -> None:
    link = tmp_path / "link.md"
    link.symlink_to("made.md")
    atomic_write_text(link, "made\n")
    assert link.is_symlink()
    assert (tmp_path / "made.md").read_text() == "made\n"


@pytest.mark.parametrize(
    ("path", "descriptor"),
    [
        ("/dev/stdout", 1),
        ("/dev/stderr", 2),
        ("/dev/fd/3", 3),
        ("/proc/self/fd/1", 1),
        ("/tmp/stdout", None),
        ("/dev/null", None),
    ],
)
def test_the_paths_of_the_process_s_own_descriptors_are_known(
    path: str, descriptor: int | None
) -> None:
    assert own_descriptor(Path(path)) == descriptor


@pytest.mark.skipif(sys.platform != "linux", reason="/dev/stdout as Linux has it")
def test_dev_stdout_redirected_to_a_file_is_written_in_turn_with_what_follows(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out.md"
    code = (
        "import sys\n"
        "from wargame.record.atomic import atomic_write_text\n"
        "atomic_write_text('/dev/stdout', 'report\\n')\n"
        "print('written', flush=True)\n"
    )
    with out.open("w") as sink:
        subprocess.run([sys.executable, "-c", code], stdout=sink, check=True, timeout=60)
    assert out.read_text() == "report\nwritten\n"
    assert Path("/dev/stdout").is_symlink() or not Path("/dev/stdout").is_file()
