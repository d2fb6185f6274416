"""The replay screen: a save, read-only, turn by turn.

The save is played again in a worker (`replay_data.build_replay`), keeping the
picture of every turn; the log shows the events the save recorded for the turn
on screen, red's side included, and the map red's entry points (a replay is a
debrief: the truth may be told). Step back and forth,
jump to a turn, or play it at a turn a second.
"""

from __future__ import annotations

from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Footer, Static

from wargame.engine.events import TurnEnded
from wargame.play.replay_data import ReplayData, build_replay
from wargame.record import Record
from wargame.tui.screens.jump import JumpScreen
from wargame.tui.screens.picture_screen import PictureScreen
from wargame.tui.widgets.event_log import EventLog
from wargame.tui.widgets.picture_pane import PicturePane
from wargame.tui.widgets.status_bar import StatusBar

PLAY_SECONDS = 1.0
"""Real time per turn when playing."""


class ReplayScreen(PictureScreen):
    """Watch a saved game."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right,period", "step(1)", "Next turn", priority=True),
        Binding("left,comma", "step(-1)", "Previous turn", priority=True),
        Binding("space,p", "play", "Play/pause"),
        Binding("j", "jump", "Jump to turn"),
        Binding("home", "goto(0)", "First turn", show=False),
        Binding("end", "goto(-1)", "Last turn", show=False),
        Binding("a", "aar", "Report"),
        Binding("escape,q", "close", "Close"),
    ]
    """Arrows (or , .) step, space plays, j jumps; the map keys as on the tactical screen."""

    class Ready(Message):
        """The save has been played again."""

        def __init__(self, data: ReplayData) -> None:
            self.data = data
            super().__init__()

    def __init__(
        self, record: Record, name: str, *, start_turn: int = 0, cursor_blink: bool = True
    ) -> None:
        super().__init__()
        self.record = record
        self.name_text = name
        self.data: ReplayData | None = None
        self.turn = start_turn
        self.cursor_blink = cursor_blink
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield StatusBar(id="status")
        yield Vertical(
            Static(f"Replaying {self.name_text}…", id="replay-loading", markup=False), id="main"
        )
        yield EventLog(reveal=True, id="log")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#log", EventLog).set_title("Events of the turn")
        self._build()

    @work(thread=True, exclusive=True, group="replay")
    def _build(self) -> None:
        self.post_message(self.Ready(build_replay(self.record, self.name_text)))

    async def on_replay_screen_ready(self, message: ReplayScreen.Ready) -> None:
        self.data = data = message.data
        main = self.query_one("#main", Vertical)
        await main.remove()
        pane = PicturePane(data.game.scenario, data.state_at(self.turn), id="main")
        await self.mount(pane, before=self.query_one("#log"))
        pane.map.set_layers(reveal=True)  # a debrief: red's entry points show
        pane.map.focus()
        if data.diverged_at is not None:
            self.notify(
                f"Today's rules play this save differently from turn {data.diverged_at}: "
                "the map stops there; the events are as recorded.",
                severity="warning",
                timeout=10,
            )
        self.show_turn(min(self.turn, data.last_turn))

    # ------------------------------------------------------------ showing

    def show_turn(self, turn: int) -> None:
        data = self.data
        if data is None:
            return
        self.turn = max(0, min(turn, data.last_turn))
        state = data.state_at(self.turn)
        self.pane.show(state)
        log = self.query_one("#log", EventLog)
        log.clear()
        log.add_events(data.events[self.turn])
        ended = next((e for e in data.events[self.turn] if isinstance(e, TurnEnded)), None)
        score = ended.score if ended else 0.0
        note = "playing" if self._timer is not None else f"turn {self.turn} of {data.last_turn}"
        if data.diverged_at is not None and self.turn >= data.diverged_at:
            note = f"map stopped at turn {data.diverged_at - 1} (other rules)"
        self.query_one("#status", StatusBar).show(
            data.game.scenario, state, score, note=note, prefix="REPLAY "
        )

    # ------------------------------------------------------------ keys

    def action_step(self, step: int) -> None:
        self._stop()
        self.show_turn(self.turn + step)

    def action_goto(self, turn: int) -> None:
        self._stop()
        if self.data is not None:
            self.show_turn(self.data.last_turn if turn < 0 else turn)

    def action_jump(self) -> None:
        if self.data is None:
            return
        self._stop()

        def done(turn: int | None) -> None:
            if turn is not None:
                self.show_turn(turn)

        self.app.push_screen(JumpScreen(self.data.last_turn, self.cursor_blink), done)

    def action_play(self) -> None:
        if self.data is None:
            return
        if self._timer is not None:
            self._stop()
            self.show_turn(self.turn)
            return
        if self.turn >= self.data.last_turn:
            self.turn = -1
        self._timer = self.set_interval(PLAY_SECONDS, self._tick)
        self._tick()

    def _tick(self) -> None:
        if self.data is None or self.turn >= self.data.last_turn:
            self._stop()
            self.show_turn(self.turn)
            return
        self.show_turn(self.turn + 1)

    def _stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def action_aar(self) -> None:
        from wargame.play.aar_view import report_for
        from wargame.tui.screens.aar import AarScreen

        self._stop()
        self.app.push_screen(
            AarScreen(
                report_for(
                    self.record.events(),
                    campaign=self.record.campaign_name,
                    player=self.record.player,
                    # (An unfinished game's report is blue's view, costed as its radars
                    # saw it: the scenario is the replay's.)
                    scenario=self.data.game.scenario if self.data is not None else None,
                    score_weights=self.record.campaign_score_weights(),
                ),
                can_replay=False,
                record=self.record,
            )
        )

    def action_close(self) -> None:
        self._stop()
        if len(self.app.screen_stack) > 2:
            self.dismiss(None)
        else:
            self.app.exit()
