"""The `serve` command of the `wargame` CLI: the game in a web browser.

textual-serve runs a web server; each browser that opens its page gets a game of
its own: `wargame play` of this same installation, started for that page, its
screen drawn in the browser. Whatever works in the terminal works there.

The server listens on loopback unless told otherwise: anyone who reaches the port
can play, and save into the saves folder, so another address needs --allow-remote.
Register it with `app.command()(serve)`.
"""

from __future__ import annotations

import ipaddress
import shlex
import sys
from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit

import typer

from wargame.errors import Problem, WargameError
from wargame.play.places import saves_folder

MAX_SEED = 2**63 - 1
"""The dice's largest seed (`wargame.engine.dice.MAX_SEED`)."""
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
WILDCARD_HOSTS = frozenset({"0.0.0.0", "::", ""})
"""Hosts that listen on every address: no browser can open them by that name."""


def serve(
    campaign: Annotated[
        Path | None,
        typer.Argument(
            help="Campaign file or name every player starts with; without one, each picks "
            "from the campaigns folder.",
            show_default=False,
        ),
    ] = None,
    host: Annotated[
        str,
        typer.Option(
            help="Address to listen on. Only loopback without --allow-remote: anyone who "
            "reaches the port can play, and save into the saves folder."
        ),
    ] = DEFAULT_HOST,
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = DEFAULT_PORT,
    allow_remote: Annotated[
        bool,
        typer.Option(
            "--allow-remote",
            help="Allow a --host other than loopback (a class on a local network): anyone "
            "who reaches the port can play.",
        ),
    ] = False,
    url: Annotated[
        str | None,
        typer.Option(
            help="The address players' browsers open (default http://HOST:PORT); needed with "
            "--host 0.0.0.0, e.g. http://192.168.1.10:8000.",
            show_default=False,
        ),
    ] = None,
    seed: Annotated[
        int | None,
        typer.Option(
            help="Seed of the dice of every game (random for each if not given): a class "
            "plays the same dice.",
            min=0,
            max=MAX_SEED,
        ),
    ] = None,
    player: Annotated[
        str,
        typer.Option(help="Who plays: saves and reports carry the name.", show_default=False),
    ] = "",
    saves: Annotated[
        Path | None,
        typer.Option(
            help="Folder of every game's autosaves and of the save and load dialogs (else "
            "$WARGAME_SAVES, else ./saves).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Play in a web browser: serve the game on HOST:PORT, a game for each browser page."""
    try:
        address = check_host(host, allow_remote)
        public_url = check_url(url) if url is not None else default_url(address, port)
        command = play_command(campaign, seed, player, saves)
        folder = saves_folder(saves)
        check_port(address, port)
    except WargameError as error:
        for problem in error.problems:
            typer.echo(str(problem), err=True)
        raise typer.Exit(error.exit_code) from None
    from textual_serve.server import Server

    typer.echo(f"Saves go to {folder}")
    server = Server(command, host=address, port=port, title="wargame", public_url=public_url)
    try:
        server.serve()
    except OSError as error:
        # The port is taken, or the address is not this machine's: one line, no traceback.
        typer.echo(f"--port: cannot listen on {address}:{port}: {error.strerror}", err=True)
        raise typer.Exit(2) from None


def check_port(address: str, port: int) -> None:
    """`WargameError` if nothing can listen on `address`:`port` now (taken, or not an
    address of this machine), before the server says it is serving."""
    import socket

    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((address, port))
        except OSError as error:
            raise WargameError(
                Problem("--port", f"cannot listen on {address}:{port}: {error.strerror}")
            ) from None


def check_host(host: str, allow_remote: bool) -> str:
    """The host to listen on; `WargameError` for one that is not loopback without
    `allow_remote` (every page served is a game anyone who reaches it can play)."""
    host = host.strip()
    if is_loopback(host) or allow_remote:
        return host
    raise WargameError(
        Problem(
            "--host",
            f"'{host}' is not loopback: anyone who reaches it could play and save here; "
            "add --allow-remote to serve it",
        )
    )


def is_loopback(host: str) -> bool:
    """Whether a host is this machine only: 'localhost', 127.0.0.0/8 or ::1."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a name other than localhost may resolve anywhere


def default_url(host: str, port: int) -> str:
    """The address browsers open when none is given: http://HOST:PORT (brackets round an
    IPv6 address); `WargameError` for a wildcard host, which names no machine."""
    if host in WILDCARD_HOSTS:
        raise WargameError(
            Problem(
                "--url",
                f"'{host}' listens on every address but names none a browser can open; "
                f"give --url http://THIS-MACHINE:{port}",
            )
        )
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    return f"http://{host}:{port}"


def check_url(url: str) -> str:
    """The address browsers open, without a trailing slash; `WargameError` unless it is an
    http or https address with a host."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise WargameError(Problem("--url", f"'{url}' is not an http:// or https:// address"))
    return url.strip().rstrip("/")


def play_command(campaign: Path | None, seed: int | None, player: str, saves: Path | None) -> str:
    """The shell command each browser page runs: `wargame play` of this installation, with
    the campaign and the saves folder as absolute paths (checked here, once, so that a
    mistake is one line on the terminal rather than a page that never starts)."""
    from wargame.campaign import load_campaign
    from wargame.cli_outputs import check_player
    from wargame.play.places import find_campaign

    arguments = [sys.executable, "-m", "wargame", "play"]
    if campaign is not None:
        found = find_campaign(campaign)
        load_campaign(found)
        arguments.append(str(found.absolute()))
    if seed is not None:
        arguments += ["--seed", str(seed)]
    player = check_player(player)
    if player:
        arguments += ["--player", player]
    if saves is not None:
        # Without --saves, each game finds the same folder as this one would: the
        # environment and the working folder are the server's.
        arguments += ["--saves", str(saves_folder(saves))]
    return shlex.join(arguments)
