"""Start-up: the CPU time of each command as a whole process, and what it loads.

Run: python bench/bench_startup.py  (median of 5 runs of each command; CPU time of
the child process, user + system, so other load does not count)
Target: --help, validate, schema and report load neither scipy nor the fire-control
code. The 'loads' column says which of numpy, scipy and the fire control a command
imported (from a second run that lists the modules at exit).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CAMPAIGN = str(ROOT / "campaigns" / "first-contact.toml")
HEAVY = ("numpy", "scipy", "wargame.engine.fire_control")
RUNS = 5

# Runs the CLI as `python -m wargame` does, then lists the heavy modules it loaded.
PROBE = """
import atexit, sys
def _loaded():
    heavy = [m for m in {heavy!r} if m in sys.modules]
    sys.__stderr__.write("LOADED " + ",".join(heavy) + "\\n")
atexit.register(_loaded)
sys.argv = ["wargame", *sys.argv[1:]]
from wargame.cli import main
main()
"""


def cpu_seconds(args: list[str]) -> float:
    before = os.times()
    subprocess.run(args, cwd=ROOT, capture_output=True, check=False)
    after = os.times()
    return (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )


def loaded(args: list[str]) -> str:
    probe = [sys.executable, "-c", PROBE.format(heavy=HEAVY), *args]
    err = subprocess.run(probe, cwd=ROOT, capture_output=True, text=True, check=False).stderr
    lines = [line for line in err.splitlines() if line.startswith("LOADED ")]
    return lines[-1].removeprefix("LOADED ") or "-" if lines else "?"


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        save = str(Path(folder) / "game.json")
        subprocess.run(
            [sys.executable, "-m", "wargame", "run", CAMPAIGN, "--save", save],
            cwd=ROOT,
            capture_output=True,
            check=True,
        )
        commands = {
            "--help": ["--help"],
            "validate": ["validate", CAMPAIGN],
            "schema": ["schema"],
            "report": ["report", save, "--format", "json"],
            "run": ["run", CAMPAIGN],
        }
        print(f"{'command':<10} {'CPU ms (median of 5)':>21}  loads")
        for name, args in commands.items():
            times = [cpu_seconds([sys.executable, "-m", "wargame", *args]) for _ in range(RUNS)]
            print(f"{name:<10} {1e3 * statistics.median(times):>21.0f}  {loaded(args)}")


if __name__ == "__main__":
    main()
