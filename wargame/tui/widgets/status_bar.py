"""The status bar: turn, game clock, time step, score, the objectives met so far (as the
radars see them, each in the tooltip) and the regiment's magazines, on one line; and the
news.

The news is what the app would otherwise toast over the map (an order queued, a move
cancelled, an order refused): the app hands it here (`tell`) while a screen with a
status bar is in front, and the bar shows the newest, with how many more came in
together, in place of the objectives and magazines until it times out.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from rich.text import Text
from textual.markup import escape
from textual.timer import Timer
from textual.widgets import Static

from wargame.engine import ObjectiveResult, Scenario, State
from wargame.view.alerts import step_words
from wargame.view.blue import live_objectives
from wargame.view.picture import magazines
from wargame.view.words import clock, score_text

NARROW = 100
"""Below this many columns the bar leaves out the game clock and shortens the turn and
the time step."""

NEWS_SECONDS = 4.0
"""How long news stays on the bar when its teller gives no time."""

NEWS_TONES = {"information": "b", "warning": "b $text-warning", "error": "b $text-error"}
"""The news's ink by severity."""


@dataclass(frozen=True)
class News:
    text: str
    severity: str
    until: float
    """When it leaves the bar (time.monotonic)."""


class StatusBar(Static):
    """One line at the top of the tactical and replay screens."""

    _shown: tuple[Scenario, State, float, str, str, int] | None = None
    """What the bar last showed, to draw again when the width or the news changes."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.news: list[News] = []
        """The news still on the bar, oldest first."""
        self.told: list[str] = []
        """Every piece of news told to this bar, oldest first."""
        self._timer: Timer | None = None

    def show(
        self,
        scenario: Scenario,
        state: State,
        score: float,
        *,
        note: str = "",
        prefix: str = "",
        step: int = 0,
    ) -> None:
        """Draw the bar for this state; `note` (e.g. 'resolving…') goes before the magazines,
        so that a narrow terminal cuts the magazines rather than the note. `step`: the
        turns one end turn plays (the time step), shown after the clock when it is more
        than one (one turn a press is the game as the briefing tells it)."""
        self._shown = (scenario, state, score, note, prefix, step)
        narrow = 0 < self.size.width < NARROW
        turn = f"[b]{'T' if narrow else 'Turn '}{state.turn}[/b]/{scenario.turn_limit}"
        parts = [f"{escape(prefix)}{turn}"]
        if not narrow:  # the turn says what the clock does; the magazines need the room
            parts.append(clock(state.turn * scenario.dt))
        if step > 1:
            words = step_words(step, scenario.dt, short=narrow)
            parts.append(f"▸{words}" if narrow else f"step [b]{words}[/b]")
        parts.append(f"Score [b]{score_text(score)}[/b]")
        live = live_objectives(scenario, state)
        if live:
            met = sum(1 for o in live if o.met)
            parts.append(f"Obj [b]{met}/{len(live)}[/b]")
        self.tooltip = _objectives_tip(live)
        line = " · ".join(parts)
        news = self._live_news()
        if news:
            newest = news[-1]
            # How many more came in together goes first: a long newest is cut at the end.
            more = f"[$text-muted]+{len(news) - 1}[/] " if len(news) > 1 else ""
            self.update(f"{line} │ {more}[{NEWS_TONES[newest.severity]}]{escape(newest.text)}[/]")
            self.tooltip = "\n".join(n.text for n in news)
            return
        mags = []
        for name, ready, stock in magazines(scenario, state):
            tone = (
                "$text-error" if ready == 0 else ("$text-warning" if ready < 4 else "$text-success")
            )
            extra = f"+{stock}" if stock else ""
            mags.append(f"{escape(name)} [{tone}]{ready}[/]{extra}")
        if note:
            line += f" [reverse] {escape(note)} [/reverse]"
        self.update(line + " │ " + " ".join(mags))

    def tell(self, text: str, severity: str = "information", timeout: float | None = None) -> None:
        """Put news on the bar for `timeout` seconds (merged with what is there)."""
        until = time.monotonic() + (NEWS_SECONDS if timeout is None else timeout)
        self.news = [*self._live_news(), News(text, severity, until)]
        self.told.append(text)
        self._redraw()

    def withdraw(self, text: str) -> None:
        """Take a piece of news off the bar before its time (news gone stale)."""
        if any(n.text == text for n in self.news):
            self.news = [n for n in self.news if n.text != text]
            self._redraw()

    def clear_news(self) -> None:
        self.news = []
        self._redraw()

    def _live_news(self) -> list[News]:
        now = time.monotonic()
        self.news = [n for n in self.news if n.until > now]
        return self.news

    def _redraw(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self._shown is not None:
            scenario, state, score, note, prefix, step = self._shown
            self.show(scenario, state, score, note=note, prefix=prefix, step=step)
        if self.news:
            left = min(n.until for n in self.news) - time.monotonic()
            self._timer = self.set_timer(max(left, 0.05), self._redraw)

    def on_resize(self) -> None:
        # The clock comes and goes with the width.
        self._redraw()


def _objectives_tip(live: tuple[ObjectiveResult, ...]) -> Text | None:
    """Each objective as the radars see it, met so far or not, and why."""
    if not live:
        return None
    tip = Text("Objectives, as your radars see them:")
    for o in live:
        tip.append(f"\n{'✓' if o.met else '✗'} {o.label}: {o.reason}")
    return tip
