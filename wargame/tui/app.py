"""The Textual app: it wires the screens together, and does nothing else.

picker -> briefing -> tactical -> AAR, a replay screen for saves, and the
app-wide keys (ctrl+q quits, asking first if turns are unsaved; ? helps;
ctrl+p offers every action of the screen by name). `build_app` is the one
factory: the CLI (`play`, `replay`) and the tests build the app through it.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.notifications import SeverityLevel
from textual.screen import Screen

from wargame.campaign import LoadedCampaign, load_campaign
from wargame.engine import check_seed
from wargame.errors import WargameError
from wargame.play.aar_view import report_for
from wargame.play.places import DEFAULT_SAVES, default_campaigns_dir
from wargame.play.session import Session
from wargame.record import Record
from wargame.tui.keys import key_rows
from wargame.tui.screens.aar import AarScreen
from wargame.tui.screens.briefing import BriefingScreen
from wargame.tui.screens.confirm import ConfirmScreen
from wargame.tui.screens.help import HelpScreen
from wargame.tui.screens.load_save import LoadSaveScreen
from wargame.tui.screens.picker import CampaignPickerScreen
from wargame.tui.screens.replay import ReplayScreen
from wargame.tui.screens.tactical import TacticalScreen
from wargame.tui.widgets.status_bar import StatusBar

SEED_RANGE = 2**31
"""A new game without --seed draws its seed below this (it is shown and saved)."""


@dataclass(frozen=True)
class Start:
    """What the app opens on: exactly one of these, or the campaign picker."""

    campaign: LoadedCampaign | None = None
    session: Session | None = None
    replay: tuple[Record, str] | None = None


class WargameApp(App[None]):
    """wargame in the terminal."""

    CSS_PATH = "wargame.tcss"
    TITLE = "wargame"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", priority=True),
        Binding("question_mark,f1", "help", "Help"),
    ]
    """ctrl+q quits (asking first if turns are unsaved); ? or f1 lists every key."""

    def __init__(
        self,
        start: Start,
        *,
        seed: int | None = None,
        player: str = "",
        saves_dir: Path = DEFAULT_SAVES,
        campaigns_dir: Path = Path("campaigns"),
        cursor_blink: bool = True,
    ) -> None:
        super().__init__()
        self.start = start
        self.seed = seed
        self.player = player
        """Who plays a new game (`--player`): its saves carry the name."""
        self.saves_dir = saves_dir
        self.campaigns_dir = campaigns_dir
        self.cursor_blink = cursor_blink
        self.session: Session | None = None
        """The game in play, if any."""

    def on_mount(self) -> None:
        start = self.start
        if start.replay is not None:
            record, name = start.replay
            self.push_screen(ReplayScreen(record, name, cursor_blink=self.cursor_blink))
        elif start.session is not None:
            self.start_session(start.session)
        elif start.campaign is not None:
            self.push_screen(BriefingScreen(start.campaign, can_go_back=False))
        else:
            self.push_screen(CampaignPickerScreen(self.campaigns_dir))

    # ------------------------------------------------------------- wiring

    def on_campaign_picker_screen_chosen(self, message: CampaignPickerScreen.Chosen) -> None:
        self.push_screen(BriefingScreen(message.loaded))

    def on_briefing_screen_begin(self, message: BriefingScreen.Begin) -> None:
        seed = self.seed if self.seed is not None else secrets.randbelow(SEED_RANGE)
        self.start_session(Session.new(message.loaded, seed, self.saves_dir, self.player))

    def start_session(self, session: Session) -> None:
        """Play a session: the tactical screen replaces whatever the player came from."""
        self.session = session
        screen = TacticalScreen(session, cursor_blink=self.cursor_blink)
        # Back to the bottom of the stack, then the game on top: escape never leaves a game.
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.push_screen(screen)

    def action_open_aar(self) -> None:
        session = self.session
        if session is None:
            return
        report = report_for(
            session.events(),
            campaign=session.record.campaign_name,
            player=session.record.player,
            scenario=session.scenario,
        )
        self.push_screen(AarScreen(report, can_replay=not report.interim, record=session.record))

    def action_replay_current(self) -> None:
        if self.session is not None:
            record = self.session.record
            self.push_screen(
                ReplayScreen(record, record.campaign_name, cursor_blink=self.cursor_blink)
            )

    def action_load_save(self) -> None:
        def chosen(path: Path | None) -> None:
            if path is not None:
                self._confirm_then(lambda: self._resume(path), "Load a save")

        self.push_screen(LoadSaveScreen(self.saves_dir), chosen)

    def _resume(self, path: Path) -> None:
        try:
            session = Session.from_save(path, self.saves_dir)
        except WargameError as error:
            self.notify(str(error), title="Cannot load", severity="error", timeout=10)
            return
        self.start_session(session)
        waiting = len(session.pending)
        orders = f", {waiting} order{'s' if waiting > 1 else ''} for next turn" if waiting else ""
        self.notify(f"Loaded {path.name}: turn {session.turn}{orders}.", timeout=4)

    def _confirm_then(self, then: object, title: str) -> None:
        """Run `then` at once, or after a yes if leaving would lose turns or orders."""
        assert callable(then)
        session = self.session
        if session is None or session.nothing_to_lose:
            then()
            return
        lost = []
        if session.orders_unsaved:
            lost.append("the orders for next turn are not those of your last save")
        if session.unsaved_turns > 0:
            n = session.unsaved_turns
            where = f" (autosaved to {session.last_autosave})" if session.last_autosave else ""
            lost.append(f"{n} turn{'s' if n != 1 else ''} played since your last save{where}")
        question = f"{'; '.join(lost)}. Leave this game?"
        question = question[0].upper() + question[1:]

        def answered(yes: bool | None) -> None:
            if yes:
                then()

        self.push_screen(ConfirmScreen(title, question), answered)

    async def action_quit(self) -> None:
        if isinstance(self.screen, ConfirmScreen):
            return  # already asking
        self._confirm_then(self.exit, "Quit wargame")

    def action_help(self) -> None:
        screen = self.screen
        if isinstance(screen, HelpScreen):
            return
        self.push_screen(HelpScreen(help_title(screen), key_rows(self, screen)))

    # ------------------------------------------------------- notifications

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """News goes to the status bar of the screen in front, if it has one (one line,
        merged, nothing over the map); elsewhere (dialogs, the picker) it is a toast."""
        bar = self._news_bar()
        if bar is None:
            super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)
            return
        # (Our news is plain text: it is drawn escaped.)
        bar.tell(f"{title}: {message}" if title else message, severity, timeout)

    def clear_notifications(self) -> None:
        super().clear_notifications()
        bar = self._news_bar()
        if bar is not None:
            bar.clear_news()

    def _news_bar(self) -> StatusBar | None:
        if not self.screen_stack:
            return None
        bars = self.screen.query(StatusBar)
        return bars.first() if bars else None

    # ------------------------------------------------------------ palette

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for row in key_rows(self, screen):
            if row.node is self:
                continue
            node = row.node
            yield SystemCommand(row.description, f"key: {row.keys}", _runner(node, row.action))
        extra = getattr(screen, "palette_commands", None)
        if callable(extra):
            for title, help_text, action in extra():
                yield SystemCommand(title, help_text, _runner(screen, action))


HELP_TITLES = {
    "CampaignPickerScreen": "Choosing a campaign",
    "BriefingScreen": "Briefing",
    "TacticalScreen": "Tactical screen",
    "ReplayScreen": "Replay",
    "AarScreen": "After-action report",
}
"""How the help names the screen it was opened from."""


def help_title(screen: Screen[object]) -> str:
    """The screen's name in words: its entry in HELP_TITLES, else its class's name spaced
    ('LoadSaveScreen' reads 'Load save')."""
    name = type(screen).__name__
    if name in HELP_TITLES:
        return HELP_TITLES[name]
    words = re.findall(r"[A-Z][a-z0-9]*", name.removesuffix("Screen")) or [name]
    return " ".join([words[0], *(w.lower() for w in words[1:])])


def _runner(node: object, action: str):  # type: ignore[no-untyped-def]
    async def run() -> None:
        await node.run_action(action)  # type: ignore[attr-defined]

    return run


def build_app(
    campaign: Path | None = None,
    load: Path | None = None,
    seed: int | None = None,
    replay: Path | None = None,
    *,
    player: str = "",
    saves_dir: Path = DEFAULT_SAVES,
    campaigns_dir: Path | None = None,
    cursor_blink: bool = True,
) -> WargameApp:
    """The app for `wargame play [CAMPAIGN] [--load SAVE] [--seed N]` or `wargame replay SAVE`.

    Files are read here, before any screen: a campaign or save that does not load raises
    `WargameError` (one line a problem, for the CLI to print) and no terminal is taken over.
    """
    if seed is not None:
        try:
            seed = check_seed(seed)
        except ValueError as exc:
            from wargame.errors import Problem

            raise WargameError(Problem("--seed", str(exc))) from None
    start = Start()
    if replay is not None:
        from wargame.record import load_save

        start = Start(replay=(load_save(replay).record, str(replay)))
    elif load is not None:
        start = Start(session=Session.from_save(load, saves_dir))
    elif campaign is not None:
        start = Start(campaign=load_campaign(campaign))
    if campaigns_dir is None:
        campaigns_dir = default_campaigns_dir()
    return WargameApp(
        start,
        seed=seed,
        player=player,
        saves_dir=saves_dir,
        campaigns_dir=campaigns_dir,
        cursor_blink=cursor_blink,
    )
