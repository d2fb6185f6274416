"""The key bindings of a screen, gathered once for the help screen and the command palette.

A screen's own bindings, those of the wargame widgets on it (the map's arrows),
and the app's. Each action appears once with all its keys, so the help lists
every binding and the palette offers every action.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.app import App
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.screen import Screen


@dataclass(frozen=True)
class KeyRow:
    keys: str
    """As the footer shows them, e.g. 'n / space'."""
    description: str
    """The binding's tooltip if it has one (the long form), else its footer description."""
    action: str
    node: DOMNode
    """Where the action runs."""


def key_rows(app: App[Any], screen: Screen[Any]) -> list[KeyRow]:
    nodes: list[DOMNode] = [screen]
    seen_classes: set[type] = {type(screen)}
    for widget in screen.query("*"):
        cls = type(widget)
        if cls.__module__.startswith("wargame.") and cls not in seen_classes and _own(cls):
            seen_classes.add(cls)
            nodes.append(widget)
    nodes.append(app)
    rows: list[KeyRow] = []
    for node in nodes:
        grouped: dict[tuple[str, str], list[str]] = {}
        for binding in Binding.make_bindings(_own(type(node))):
            if not binding.description:
                continue
            text = binding.tooltip or binding.description
            grouped.setdefault((binding.action, text), []).append(app.get_key_display(binding))
        for (action, description), keys in grouped.items():
            rows.append(KeyRow(" / ".join(keys), description, action, node))
    return rows


def _own(cls: type) -> list[BindingType]:
    """The bindings wargame's classes give a node: its class's and its wargame bases'
    (Textual merges them the same way), most derived first."""
    out: list[BindingType] = []
    for base in cls.__mro__:
        if base.__module__.startswith("wargame.") and "BINDINGS" in base.__dict__:
            out.extend(base.__dict__["BINDINGS"])
    return out
