"""The plan: the standing orders of the game, listed, added, changed and ended.

`PlanScreen` lists the standing orders given and waiting, each with its state (in
force, from a later turn, ended); `a` adds one, enter changes the one selected, `d`
ends it. `StandingForm` is the form of one order, a field for each thing its kind
takes; what it gives is checked as an orders file's `[[standing]]` table is
(`orders_file.standing_from_fields`). A change acts from the next turn, as every
order does: the session keeps it with the orders waiting for that turn.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, OptionList, Select, Static
from textual.widgets.option_list import Option

from wargame.campaign import LoadedCampaign, ThreatClass
from wargame.campaign.schema import class_words
from wargame.engine import STANDING_KINDS, StandingKind, StandingOrder
from wargame.errors import OrdersError
from wargame.play.session import Session
from wargame.record.orders_file import standing_from_fields

KIND_WORDS: dict[StandingKind, str] = {
    "emcon": "emcon: silent when an ARM track comes near",
    "hold_fire": "hold fire at a class far from the assets",
    "weapon": "the missile and salvo for a class",
    "keep": "keep rounds for a class",
    "scoot": "shoot and scoot: move after salvos",
}
"""What each kind does, as the form's list offers it."""
FIELDS: dict[StandingKind, tuple[str, ...]] = {
    "emcon": ("range_km", "turns"),
    "hold_fire": ("threat_class", "range_km"),
    "weapon": ("threat_class", "missile", "salvo"),
    "keep": ("threat_class", "missile", "count"),
    "scoot": ("salvos", "sites"),
}
"""The fields each kind takes besides the units and the last turn."""
TITLES = {
    "units": "units (blank: all; commas between)",
    "range_km": "range, km",
    "turns": "turns silent",
    "salvo": "rounds a salvo (blank: as set)",
    "count": "rounds kept",
    "salvos": "salvos before moving",
    "sites": "sites: places or x, y; semicolons between",
    "until": "last turn (blank: to the end)",
}
"""The border title of each input."""
WHOLE = ("turns", "salvo", "count", "salvos", "until")
"""Inputs that take a whole number."""


class StandingForm(ModalScreen[StandingOrder | None]):
    """One standing order's fields; dismisses with the order, checked, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]
    """escape closes without an order."""

    def __init__(
        self, loaded: LoadedCampaign, rule: StandingOrder | None = None, cursor_blink: bool = True
    ) -> None:
        super().__init__()
        self.loaded = loaded
        self.rule = rule
        """The order changed (None: a new one)."""
        self.cursor_blink = cursor_blink

    def compose(self) -> ComposeResult:
        rule = self.rule
        kind: StandingKind = rule.kind if rule else "emcon"
        with Vertical(classes="dialog"):
            title = "Change a standing order" if rule else "A new standing order"
            yield Static(title, classes="dialog-title")
            with VerticalScroll(id="plan-form"):
                yield Select(
                    [(KIND_WORDS[k], k) for k in STANDING_KINDS],
                    value=kind,
                    allow_blank=False,
                    id="plan-kind",
                )
                yield self._input("units", ", ".join(rule.units) if rule else "")
                yield self._input("range_km", _shown(rule.range_km if rule else None))
                yield self._input("turns", _shown(rule.turns if rule else None))
                classes = [str(c) for c in ThreatClass]
                yield Select(
                    [(f"at {class_words(c)} tracks", c) for c in classes],
                    value=(rule.threat_class if rule and rule.threat_class else "drone"),
                    allow_blank=False,
                    id="plan-threat_class",
                )
                # The types the battalion carries: a rule for another would never fire.
                units = self.loaded.campaign.blue.fire_units
                missiles = [m for m in self.loaded.catalogue.missiles if any(
                    m in u.loadout for u in units
                )]  # fmt: skip
                yield Select(
                    [(m, m) for m in missiles],
                    value=(rule.missile if rule and rule.missile else Select.NULL),
                    allow_blank=True,
                    prompt="any missile",
                    id="plan-missile",
                )
                yield self._input("salvo", _shown(rule.salvo if rule else None))
                yield self._input("count", _shown(rule.count if rule else None))
                yield self._input("salvos", _shown(rule.salvos if rule else None))
                sites = "; ".join(f"{x:g}, {y:g}" for x, y in rule.sites) if rule else ""
                yield self._input("sites", sites)
                yield self._input("until", _shown(rule.until_turn if rule else None))
            yield Button("Give it from next turn (enter)", id="plan-give", variant="primary")

    def _input(self, name: str, value: str) -> Input:
        box = Input(value=value, type="integer" if name in WHOLE else "text", id=f"plan-{name}")
        box.border_title = TITLES[name]
        box.cursor_blink = self.cursor_blink
        return box

    def on_mount(self) -> None:
        self._show(self.query_one("#plan-kind", Select).value)
        self.query_one("#plan-kind", Select).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "plan-kind":
            self._show(event.value)

    def _show(self, kind: object) -> None:
        """Only the fields the kind takes are shown."""
        taken = set(FIELDS.get(kind, ())) if isinstance(kind, str) else set()  # type: ignore[call-overload]
        for name in ("range_km", "turns", "threat_class", "missile", "salvo", "count"):
            self.query_one(f"#plan-{name}").display = name in taken
        for name in ("salvos", "sites"):
            self.query_one(f"#plan-{name}").display = name in taken

    def fields(self) -> dict[str, Any]:
        """The form as an orders file's table would hold it ('' fields left out)."""
        kind = str(self.query_one("#plan-kind", Select).value)
        out: dict[str, Any] = {"kind": kind}
        units = self.query_one("#plan-units", Input).value
        names = [u.strip() for u in units.split(",") if u.strip()]
        if names:
            out["units"] = names
        for name in (*FIELDS.get(kind, ()), "until"):  # type: ignore[call-overload]
            if name in ("threat_class", "missile"):
                select = self.query_one(f"#plan-{name}", Select)
                if not select.is_blank():  # blank: any missile (a keep order must name one)
                    out[name] = str(select.value)
                continue
            text = self.query_one(f"#plan-{name}", Input).value.strip()
            if not text:
                continue
            out[name] = _value(name, text)
        return out

    def _submit(self) -> None:
        try:
            rule = standing_from_fields(self.fields(), self.loaded)
        except OrdersError as error:
            problem = error.problems[0]
            where = problem.path.removeprefix("standing[0]").lstrip(".")
            self.notify(f"{where or 'order'}: {problem.message}", severity="warning", timeout=8)
            return
        self.dismiss(rule)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self._submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self._submit()

    def action_cancel(self) -> None:
        self.dismiss(None)


class PlanScreen(ModalScreen[None]):
    """The standing orders of the game: add, change or end them, from the next turn."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,p", "close", "Close"),
        Binding("a", "add", "Add"),
        Binding("d,delete", "end", "End"),
    ]
    """a adds an order, enter changes the one selected, d ends it, escape closes."""

    def __init__(self, session: Session, cursor_blink: bool = True) -> None:
        super().__init__()
        self.session = session
        self.cursor_blink = cursor_blink
        self.rules: list[StandingOrder] = []
        """The orders listed, in the list's order."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="plan-dialog"):
            yield Static(
                "Standing orders: rules on the picture", classes="dialog-title", markup=False
            )
            yield OptionList(id="plan-list")
            yield Static(
                "a adds · enter changes · d ends · escape closes. Changes act from the next "
                "turn; an order you give yourself overrides them.",
                classes="dialog-note",
            )

    def on_mount(self) -> None:
        self.refresh_list()
        self.query_one(OptionList).focus()

    def refresh_list(self) -> None:
        listed = self.session.standing()
        self.rules = [rule for rule, _ in listed]
        options = self.query_one(OptionList)
        options.clear_options()
        if not listed:
            options.add_option(Option("No standing orders: a adds one.", disabled=True))
            return
        options.add_options([Option(f"{rule.text()} · {status}") for rule, status in listed])
        options.highlighted = 0

    def _selected(self) -> StandingOrder | None:
        at = self.query_one(OptionList).highlighted
        return self.rules[at] if at is not None and at < len(self.rules) else None

    def action_add(self) -> None:
        def done(rule: StandingOrder | None) -> None:
            if rule is not None:
                given = self.session.add_standing(rule)
                self.notify(f"Standing order from turn {given.from_turn}: {given.text()}")
                self.refresh_list()

        self.app.push_screen(StandingForm(self.session.loaded, None, self.cursor_blink), done)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        old = self._selected()
        if old is None:
            return

        def done(rule: StandingOrder | None) -> None:
            if rule is not None:
                self.session.change_standing(old, rule)
                self.notify("Standing order changed from the next turn.")
                self.refresh_list()

        self.app.push_screen(StandingForm(self.session.loaded, old, self.cursor_blink), done)

    def action_end(self) -> None:
        rule = self._selected()
        if rule is None:
            return
        self.session.end_standing(rule)
        self.notify(f"Ends after this turn: {rule.text()}")
        self.refresh_list()

    def action_close(self) -> None:
        self.dismiss(None)


def _shown(value: object) -> str:
    return "" if value is None else f"{value:g}" if isinstance(value, float) else str(value)


def _value(name: str, text: str) -> Any:
    """A field's text as the file would hold it: numbers as numbers, sites as a list."""
    if name == "sites":
        sites: list[Any] = []
        for part in (p.strip() for p in text.split(";")):
            numbers = [n.strip() for n in part.split(",")]
            try:
                sites.append([float(numbers[0]), float(numbers[1])] if len(numbers) == 2 else part)
            except ValueError:
                sites.append(part)
        return sites
    try:
        return int(text) if name in WHOLE else float(text)
    except ValueError:
        return text  # the check names it
