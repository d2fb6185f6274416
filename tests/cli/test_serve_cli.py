"""`wargame serve` listens on loopback unless told otherwise, names an address browsers can
open, and checks what it passes to every game before it serves any (the browser itself is
in tests/tui/test_browser.py)."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wargame.cli import app
from wargame.cli_serve import default_url, is_loopback, play_command

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()


@pytest.mark.parametrize("host", ["127.0.0.1", "127.8.9.10", "localhost", "LOCALHOST", "::1"])
def test_loopback_hosts_are_this_machine_only(host: str) -> None:
    assert is_loopback(host)


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.10", "example.org", ""])
def test_other_hosts_are_not_loopback(host: str) -> None:
    assert not is_loopback(host)


def test_a_host_off_loopback_is_refused_without_allow_remote() -> None:
    result = runner.invoke(app, ["serve", "--host", "192.168.1.10"])
    assert result.exit_code == 2
    assert "'192.168.1.10' is not loopback" in result.stderr
    assert "--allow-remote" in result.stderr


def test_every_address_needs_the_url_browsers_open() -> None:
    result = runner.invoke(app, ["serve", "--host", "0.0.0.0", "--allow-remote", "--port", "9000"])
    assert result.exit_code == 2
    assert "give --url http://THIS-MACHINE:9000" in result.stderr


def test_the_url_must_be_a_web_address() -> None:
    result = runner.invoke(app, ["serve", "--url", "ftp://host"])
    assert result.exit_code == 2
    assert "--url: 'ftp://host' is not an http:// or https:// address" in result.stderr


def test_a_player_name_with_a_line_break_is_refused_before_serving() -> None:
    result = runner.invoke(app, ["serve", "--player", "a\nb"])
    assert result.exit_code == 2
    assert "--player: a name of at most" in result.stderr


def test_an_unknown_campaign_is_refused_before_serving() -> None:
    result = runner.invoke(app, ["serve", "no-such-campaign"])
    assert result.exit_code == 2
    assert "no such file, nor a campaign of that name" in result.stderr


def test_browsers_open_the_host_and_port_with_brackets_round_ipv6() -> None:
    assert default_url("127.0.0.1", 8000) == "http://127.0.0.1:8000"
    assert default_url("::1", 8080) == "http://[::1]:8080"


def test_each_page_plays_this_installation_with_the_options_given(tmp_path: Path) -> None:
    command = play_command(Path("first-contact"), 7, " Ann Lee ", tmp_path)
    assert shlex.split(command) == [
        sys.executable,
        "-m",
        "wargame",
        "play",
        str(ROOT / "campaigns" / "first-contact.toml"),
        "--seed",
        "7",
        "--player",
        "Ann Lee",
        "--saves",
        str(tmp_path),
    ]


def test_without_options_each_page_opens_the_picker() -> None:
    assert shlex.split(play_command(None, None, "", None)) == [
        sys.executable,
        "-m",
        "wargame",
        "play",
    ]


def test_a_port_in_use_is_one_line_and_nothing_claims_to_serve() -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = runner.invoke(app, ["serve", "--port", str(port)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"--port: cannot listen on 127.0.0.1:{port}: Address already in use\n"
