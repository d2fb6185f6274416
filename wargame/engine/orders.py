"""Orders: what a player tells a unit to do, in the one format shared by the TUI,
orders files and saves.

An order is a flat record: the turn it applies to, the unit, the action and
the action's fields. `Order.from_dict(order.to_dict()) == order`. Whether an
order can be carried out is the engine's business (it refuses impossible ones
with a reason as an event); this module only knows the shape.

A standing order (`StandingOrder`) is a rule written once that the engine applies
on the blue picture from one turn on, and until another if given: a radar silent
when an anti-radiation missile track comes near, fire held at a class, the missile
and salvo for a class, rounds kept for a class, a relocation after so many salvos.
It reaches the engine as an `Order` of action "standing" carrying it (`rule`), given
on or before the turn it takes effect; `wargame.engine.standing` applies it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Literal, assert_never, get_args

from wargame.campaign.schema import class_words

Action = Literal[
    "emission", "weapons", "salvo", "doctrine", "reserve", "engage", "relocate", "standing"
]
"""What an order does; the schema of orders files and saves has one model for each."""
Emission = Literal["on", "off"]
Weapons = Literal["hold", "tight", "free"]
Doctrine = Literal["auto", "sls", "ss"]
ACTIONS: tuple[Action, ...] = get_args(Action)
EMISSION: tuple[Emission, ...] = get_args(Emission)
WEAPONS: tuple[Weapons, ...] = get_args(Weapons)
DOCTRINES: tuple[Doctrine, ...] = get_args(Doctrine)
MAX_SALVO = 4
StandingKind = Literal["emcon", "hold_fire", "weapon", "keep", "scoot"]
"""What a standing order does; the schema of orders files and saves has one model for each."""
STANDING_KINDS: tuple[StandingKind, ...] = get_args(StandingKind)
ALL_UNITS = "all units"
"""How a standing order for every unit names them in its text."""


@dataclass(frozen=True, slots=True)
class Order:
    """One order. Fields unused by the action stay None."""

    turn: int
    unit: str
    action: Action
    setting: str | None = None
    """emission: on/off; weapons: hold/tight/free; doctrine: auto/sls/ss."""
    salvo: int | None = None
    """salvo: rounds per engagement, 1..4 (0 restores the default)."""
    missile: str | None = None
    """reserve: the missile type kept back; engage: the type to fire (optional)."""
    count: int | None = None
    """reserve: rounds kept back."""
    threat_class: str | None = None
    """reserve: the threat class the kept rounds are for."""
    track: int | None = None
    """engage: the track to fire at."""
    position: tuple[float, float] | None = None
    """relocate: the new site, km."""
    rule: StandingOrder | None = None
    """standing: the rule given."""

    @classmethod
    def standing(cls, rule: StandingOrder, turn: int | None = None) -> Order:
        """The order giving a standing order, on `turn` (by default the turn it takes effect)."""
        turn = rule.from_turn if turn is None else turn
        return cls(turn=turn, unit=rule.units_text(), action="standing", rule=rule)

    @property
    def key(self) -> tuple[str, str, str]:
        """What the order sets, for one unit: within a turn, a later order with the same key
        takes the place of an earlier one (an engagement is per track, a reserve per
        missile type, every other setting one of its kind)."""
        if self.action == "engage":
            return (self.unit, self.action, str(self.track))
        if self.action == "reserve":
            return (self.unit, self.action, str(self.missile))
        if self.action == "standing" and self.rule is not None:
            return ("", self.action, repr(self.rule.key))
        return (self.unit, self.action, "")

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"turn": self.turn, "unit": self.unit, "action": self.action}
        for name in ("setting", "salvo", "missile", "count", "threat_class", "track"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        if self.position is not None:
            out["position"] = [self.position[0], self.position[1]]
        if self.rule is not None:
            out["rule"] = self.rule.to_dict()
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Order:
        """The order a dict of `to_dict` holds; ValueError for an action there is none of."""
        action = data["action"]
        if action not in ACTIONS:
            raise ValueError(f"unknown action {action!r}")
        position = data.get("position")
        rule = data.get("rule")
        return cls(
            turn=int(data["turn"]),
            unit=str(data["unit"]),
            action=action,
            setting=data.get("setting"),
            salvo=data.get("salvo"),
            missile=data.get("missile"),
            count=data.get("count"),
            threat_class=data.get("threat_class"),
            track=data.get("track"),
            position=None if position is None else (float(position[0]), float(position[1])),
            rule=None if rule is None else StandingOrder.from_dict(rule),
        )

    def text(self) -> str:
        """The order as a player reads it: 'emission off', 'engage track 12 with 48N6-class'."""
        match self.action:
            case "emission" | "weapons" | "doctrine":
                return f"{self.action} {self.setting}"
            case "salvo":
                return f"salvo {self.salvo}"
            case "reserve":
                cls = (self.threat_class or "").replace("_", " ")
                return f"reserve {self.count} {self.missile} for {cls}"
            case "engage":
                weapon = f" with {self.missile}" if self.missile else ""
                salvo = f" salvo {self.salvo}" if self.salvo else ""
                return f"engage track {self.track}{weapon}{salvo}"
            case "relocate":
                x, y = self.position if self.position else (float("nan"), float("nan"))
                return f"relocate to [{x:g}, {y:g}]"
            case "standing":
                return f"standing order: {self.rule.text() if self.rule else '?'}"
            case _:
                # An order built in code with an action there is none of (the engine
                # refuses it) reads as its action.
                if self.action in ACTIONS:
                    assert_never(self.action)
                return str(self.action)


@dataclass(frozen=True, slots=True)
class StandingOrder:
    """A rule acting on the blue picture, for some units (none named: all of them), from a
    turn on and until another (inclusive) if given. Fields its kind does not use stay None."""

    kind: StandingKind
    units: tuple[str, ...] = ()
    """Fire units or radars by name; empty for every unit."""
    from_turn: int = 1
    until_turn: int | None = None
    range_km: float | None = None
    """emcon: an anti-radiation missile track this near silences the radar; hold_fire: fire
    only at a track this near a defended asset."""
    turns: int | None = None
    """emcon: turns the radar stays silent."""
    threat_class: str | None = None
    """hold_fire, weapon, keep: the class, as the radars take the track to be."""
    missile: str | None = None
    """weapon: the only type fired at the class; keep: the type kept back."""
    salvo: int | None = None
    """weapon: rounds per engagement at the class."""
    count: int | None = None
    """keep: rounds kept back for the class."""
    salvos: int | None = None
    """scoot: salvos fired from a site before the unit moves to the next."""
    sites: tuple[tuple[float, float], ...] = ()
    """scoot: the sites in turn, km."""

    @property
    def key(self) -> StandingOrder:
        """What names the rule: all of it but its last turn, so that ending it (giving it
        again with `until_turn`) takes the place of the rule in force."""
        return replace(self, until_turn=None)

    def in_force(self, turn: int) -> bool:
        return self.from_turn <= turn and (self.until_turn is None or turn <= self.until_turn)

    def applies_to(self, unit: str) -> bool:
        return not self.units or unit in self.units

    def units_text(self) -> str:
        return ", ".join(self.units) if self.units else ALL_UNITS

    def to_dict(self) -> dict[str, Any]:
        """The rule as orders files and saves write it (`from`, `until`: its turns)."""
        out: dict[str, Any] = {"kind": self.kind}
        if self.units:
            out["units"] = list(self.units)
        out["from"] = self.from_turn
        if self.until_turn is not None:
            out["until"] = self.until_turn
        for name in ("range_km", "turns", "threat_class", "missile", "salvo", "count", "salvos"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        if self.sites:
            out["sites"] = [[x, y] for x, y in self.sites]
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StandingOrder:
        kind = data["kind"]
        if kind not in STANDING_KINDS:
            raise ValueError(f"unknown standing order {kind!r}")
        until = data.get("until")
        range_km = data.get("range_km")
        return cls(
            kind=kind,
            units=tuple(str(u) for u in data.get("units", ())),
            from_turn=int(data.get("from", 1)),
            until_turn=None if until is None else int(until),
            range_km=None if range_km is None else float(range_km),
            turns=data.get("turns"),
            threat_class=data.get("threat_class"),
            missile=data.get("missile"),
            salvo=data.get("salvo"),
            count=data.get("count"),
            salvos=data.get("salvos"),
            sites=tuple((float(x), float(y)) for x, y in data.get("sites", ())),
        )

    def text(self) -> str:
        """The rule as a player reads it: 'emcon: silent 3 turns if an ARM heads for it
        within 40 km (FU Alpha; from turn 1)'."""
        cls = f"{class_words(self.threat_class)} tracks" if self.threat_class else ""
        match self.kind:
            case "emcon":
                reach = f"{self.range_km:g} km"
                what = f"silent {self.turns} turns if an ARM heads for it within {reach}"
            case "hold_fire":
                what = f"hold fire at {cls} farther than {self.range_km:g} km from every asset"
            case "weapon":
                parts = [f"at {cls}:"]
                if self.missile:
                    parts.append(f"only {self.missile}")
                if self.salvo:
                    parts.append(f"salvo {self.salvo}")
                what = " ".join(parts)
            case "keep":
                what = f"keep {self.count} {self.missile} for {cls}"
            case "scoot":
                sites = " then ".join(f"[{x:g}, {y:g}]" for x, y in self.sites)
                what = f"relocate after {self.salvos} salvos to {sites}"
            case _:
                assert_never(self.kind)
        if self.until_turn is None:
            turns = f"from turn {self.from_turn}"
        else:
            turns = f"turns {self.from_turn} to {self.until_turn}"
        return f"{self.kind}: {what} ({self.units_text()}; {turns})"
