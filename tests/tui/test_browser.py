"""`wargame serve` played in a real headless Chromium: the page shows the campaign picker,
and a player picks First Contact, reads the briefing and ends a turn.

The server runs in a process group of its own (the games it starts for each page are in
it too), so that every process goes at the end, whatever happens. The screen is read
from the xterm.js terminal of textual-serve's page: its buffer holds the text that its
canvas draws.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright is not installed (pip install -e '.[test]')"
)

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
"""Debian's Chromium: Playwright drives it through its executable (it downloads none)."""
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",  # the tests may run as root
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # No calls home: on a closed network they are refused, many at a time.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
pytestmark = pytest.mark.skipif(
    not os.access(CHROMIUM, os.X_OK),
    reason="no Chromium to drive (apt-get install chromium; .ci/run installs it)",
)

WAIT_S = 20.0
"""Longest wait for the server to answer or for a screen to appear."""

TERMINAL_HOOK = """
// textual-serve's page keeps its xterm.js Terminal in a `terminal` field of an object
// it does not expose; catch the assignment and keep the terminal on the window.
Object.defineProperty(Object.prototype, "terminal", {
  configurable: true,
  set(value) {
    Object.defineProperty(this, "terminal", {
      value, writable: true, configurable: true, enumerable: true,
    });
    window.wargameTerminal = value;
  },
});
"""
SCREEN_TEXT = """() => {
  const terminal = window.wargameTerminal;
  if (!terminal) return null;
  const buffer = terminal.buffer.active;
  const rows = [];
  for (let y = 0; y < terminal.rows; y++) {
    const line = buffer.getLine(buffer.viewportY + y);
    rows.push(line ? line.translateToString(true) : "");
  }
  return rows.join("\\n");
}"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=1) as response:
            return int(response.status) == 200
    except OSError:
        return False


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """`wargame serve` on a free loopback port, seed 1, saves in a temporary folder; its
    address. Its process group is ended afterwards, pass or fail."""
    port = free_port()
    saves = tmp_path / "saves"
    saves.mkdir()
    log = tmp_path / "server.log"
    command = [sys.executable, "-m", "wargame", "serve", "--port", str(port), "--seed", "1"]
    with log.open("wb") as out:
        process = subprocess.Popen(
            [*command, "--saves", str(saves)],
            cwd=tmp_path,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + WAIT_S
        while not answers(url):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"wargame serve did not answer on {url}:\n{log.read_text()}")
            time.sleep(0.2)
        yield url
    finally:
        end_group(process)


def end_group(process: subprocess.Popen[bytes]) -> None:
    """End the server and the games it started: SIGTERM, then SIGKILL after 5 s."""
    for sent in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(process.pid, sent)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            continue
        # The server is gone; its games may linger a moment after it.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        return


@pytest.fixture
def page(tmp_path: Path) -> Iterator[Any]:
    """A page of headless Chromium, with a fresh profile, that may reach loopback only."""
    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path / "profile"),
            executable_path=CHROMIUM,
            args=CHROMIUM_FLAGS,
            headless=True,
            viewport={"width": 1000, "height": 700},
        )
        try:
            # The page asks a font service for its font; it falls back to a local one.
            context.route(
                "**/*",
                lambda route: (
                    route.continue_()
                    if route.request.url.startswith("http://127.0.0.1:")
                    or route.request.url.startswith("ws://127.0.0.1:")
                    else route.abort()
                ),
            )
            context.add_init_script(TERMINAL_HOOK)
            yield context.new_page()
        finally:
            context.close()


def screen_text(page: Any) -> str:
    return str(page.evaluate(SCREEN_TEXT) or "")


def wait_for_screen(page: Any, *words: str) -> str:
    """The terminal's text once it shows every one of the words; fails with the screen."""
    try:
        page.wait_for_function(
            f"(words) => {{ const text = ({SCREEN_TEXT})(); "
            "return text !== null && words.every((word) => text.includes(word)); }",
            arg=list(words),
            timeout=WAIT_S * 1000,
        )
    except sync_api.TimeoutError:
        pytest.fail(f"the page never showed {words!r}; it shows:\n{screen_text(page)}")
    return screen_text(page)


def test_a_turn_of_first_contact_is_played_in_a_browser(server: str, page: Any) -> None:
    page.goto(server)
    picker = wait_for_screen(page, "choose a campaign", "First Contact", "Northern Screen")
    # First Contact is first in the list, and highlighted.
    assert picker.index("First Contact") < picker.index("Northern Screen")

    page.focus(".xterm-helper-textarea")  # the keys go to the terminal (a click would pick)
    page.keyboard.press("Enter")
    wait_for_screen(page, "Briefing: First Contact", "Enter to begin")
    page.keyboard.press("Enter")
    # Turn 0 of First Contact's 80, at 0:00:00.
    wait_for_screen(page, "Turn 0/80 · 0:00:00")

    page.keyboard.press("n")
    # One turn of 30 seconds later (the time step starts at one turn).
    played = wait_for_screen(page, "Turn 1/80 · 0:00:30", "end of turn 1")
    assert "Turn 0/80" not in played
