"""Where the game finds its campaigns and keeps its saves.

Campaigns: a file by its path, or a campaign by its name (the file name
without `.toml`), looked for in `./campaigns` and then in the campaigns shipped
with the game (the `campaigns/` folder of the clone wargame was installed from).
Saves: one folder for autosaves and the save and load dialogs, from `--saves`,
else the `WARGAME_SAVES` environment variable, else `./saves`.

Called by the CLI (`run`, `play`, `validate`) and the TUI (its picker and
saves folder). Standard library only.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Mapping
from pathlib import Path

from wargame.errors import CampaignError, Problem, WargameError

CAMPAIGN_SUFFIX = ".toml"
SAVES_ENV = "WARGAME_SAVES"
"""The environment variable naming the saves folder (`--saves` overrides it)."""
DEFAULT_SAVES = Path("saves")
"""The saves folder when neither `--saves` nor `WARGAME_SAVES` names one; made when first
needed."""


def shipped_campaigns_dir() -> Path:
    """The `campaigns/` folder beside the package: the clone's, for an install with
    `pip install -e .`."""
    return Path(__file__).resolve().parents[2] / "campaigns"


def campaign_folders() -> list[Path]:
    """The folders a campaign name is looked for in, in order: ./campaigns, then the shipped
    one (each once, and only if it is there)."""
    folders: list[Path] = []
    for folder in (Path("campaigns"), shipped_campaigns_dir()):
        if folder.is_dir() and not any(_same(folder, f) for f in folders):
            folders.append(folder)
    return folders


def default_campaigns_dir() -> Path:
    """The folder the campaign picker shows: ./campaigns if there is one, else the shipped
    campaigns (./campaigns, empty, if neither is there)."""
    folders = campaign_folders()
    return folders[0] if folders else Path("campaigns")


def campaign_names() -> list[str]:
    """Every campaign name that `find_campaign` knows, sorted."""
    names = {
        path.stem
        for folder in campaign_folders()
        for path in folder.glob(f"*{CAMPAIGN_SUFFIX}")
        if path.is_file()
    }
    return sorted(names)


def is_name(argument: str) -> bool:
    """Whether an argument could name a campaign rather than a file: no folder in it and
    no ending other than .toml."""
    path = Path(argument)
    return (
        bool(argument)
        and os.sep not in argument
        and (os.altsep is None or os.altsep not in argument)
        and path.suffix in ("", CAMPAIGN_SUFFIX)
        and argument not in (".", "..")
    )


def find_campaign(argument: Path) -> Path:
    """The campaign file an argument names: the path itself if there is a file (or anything)
    there, else the campaign of that name; `CampaignError` listing the names if none has it.
    An argument that is a path (a folder in it, another ending) is returned as it is, for
    the loader to say what is wrong with it."""
    text = str(argument)
    if argument.exists() or not is_name(text):
        return argument
    stem = text.removesuffix(CAMPAIGN_SUFFIX)
    for folder in campaign_folders():
        candidate = folder / f"{stem}{CAMPAIGN_SUFFIX}"
        if candidate.is_file():
            return candidate
    names = campaign_names()
    if not names:
        raise CampaignError(Problem(text, "no such file (and no campaigns folder to look in)"))
    close = difflib.get_close_matches(stem, names, n=1)
    guess = f"; did you mean {close[0]}?" if close else ""
    raise CampaignError(
        Problem(
            text,
            f"no such file, nor a campaign of that name{guess} (campaigns: {', '.join(names)})",
        )
    )


def saves_folder(option: Path | None, environ: Mapping[str, str] | None = None) -> Path:
    """The saves folder, as an absolute path: `--saves`, else `WARGAME_SAVES`, else ./saves.
    A folder named by the option or the variable must be there (`WargameError` naming it);
    the default one is made when the first save needs it."""
    environ = os.environ if environ is None else environ
    if option is not None:
        given, source = option, "--saves"
    elif environ.get(SAVES_ENV):
        given, source = Path(environ[SAVES_ENV]), SAVES_ENV
    else:
        return DEFAULT_SAVES.absolute()
    folder = given.expanduser()
    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "no such folder"
        raise WargameError(Problem(source, f"{what} '{given}'"))
    return folder.absolute()


def _same(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
