"""Orders: what a player tells a unit to do, in the one format shared by the TUI,
orders files and saves.

An order is a flat record: the turn it applies to, the unit, the action and
the action's fields. `Order.from_dict(order.to_dict()) == order`. Whether an
order can be carried out is the engine's business (it refuses impossible ones
with a reason as an event); this module only knows the shape.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, assert_never, get_args

Action = Literal["emission", "weapons", "salvo", "doctrine", "reserve", "engage", "relocate"]
"""What an order does; the schema of orders files and saves has one model for each."""
Emission = Literal["on", "off"]
Weapons = Literal["hold", "tight", "free"]
Doctrine = Literal["auto", "sls", "ss"]
ACTIONS: tuple[Action, ...] = get_args(Action)
EMISSION: tuple[Emission, ...] = get_args(Emission)
WEAPONS: tuple[Weapons, ...] = get_args(Weapons)
DOCTRINES: tuple[Doctrine, ...] = get_args(Doctrine)
MAX_SALVO = 4


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

    @property
    def key(self) -> tuple[str, str, str]:
        """What the order sets, for one unit: within a turn, a later order with the same key
        takes the place of an earlier one (an engagement is per track, a reserve per
        missile type, every other setting one of its kind)."""
        if self.action == "engage":
            return (self.unit, self.action, str(self.track))
        if self.action == "reserve":
            return (self.unit, self.action, str(self.missile))
        return (self.unit, self.action, "")

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"turn": self.turn, "unit": self.unit, "action": self.action}
        for name in ("setting", "salvo", "missile", "count", "threat_class", "track"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        if self.position is not None:
            out["position"] = [self.position[0], self.position[1]]
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Order:
        """The order a dict of `to_dict` holds; ValueError for an action there is none of."""
        action = data["action"]
        if action not in ACTIONS:
            raise ValueError(f"unknown action {action!r}")
        position = data.get("position")
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
            case _:
                # An order built in code with an action there is none of (the engine
                # refuses it) reads as its action.
                if self.action in ACTIONS:
                    assert_never(self.action)
                return str(self.action)
