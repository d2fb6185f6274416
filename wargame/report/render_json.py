"""The after-action report as JSON: the same walk, as data.

The shape (`format_version` 1); every number is a plain JSON number (money in
M$, rates as fractions 0..1), every missing value `null`:

    {
      "format": "wargame-aar",
      "format_version": 1,
      "title": "First Contact",
      "facts": {"campaign": "first-contact.toml", "player": "Ada", "seed": 7, "turns": 32,
                "minutes": 32.0, "result": "victory", "termination": "every raid spent",
                "score": 231.2},
      "sections": [
        {"key": "score", "title": "Score",
         "paragraphs": ["Victory after 32 turns, …"],
         "tables": ["score_parts"], "charts": [], "markdown": []},
        …
      ],
      "tables": {
        "<table key>": {
          "title": "…",
          "columns": [{"key": "turn", "title": "turn", "kind": "int"}, …],
          "rows": [{"turn": 1, "entered": 3, …, "notes": ["raid Probe entered: …"]}, …]
        }, …
      },
      "charts": {
        "by_turn": {"title": "…", "turns": [1, 2, …],
                    "series": [{"key": "in_air", "name": "threats in the air", "values": [3, …]},
                               {"key": "launches", …}, {"key": "leakers", …}]},
        "rounds_remaining": {…, "series": [{"key": "48N6-class", …, "values": [12, 10, …]}]},
        "score_parts": {…, "series": [{"key": "asset_value_kept", …, "values": […]}, …]}
      }
    }

Sections, in order: score, key_moments, timeline, rounds and score_over_time (when
the game was played again for its map), threats, interceptors, exchange, radars,
assets, and briefing when the campaign's briefing is shown (its Markdown source, as
given, in the section's "markdown" list: escape it before showing it).

Tables and their columns (`kind`: text, int, float, money, rate, notes):

- `score_parts`: part, value (M$), weight (points per M$, the campaign's scoring),
  points (signed: they add up to the score) — threat cost destroyed, interceptor
  cost, asset value lost, radar value lost (absent for an unfinished game)
- `key_moments`: turn, kind (first detection, first leaker, largest loss,
  magazine empty, radar lost, command post lost, game over), text
- `timeline`: turn, entered, in_air (at the end of the turn), launches, kills,
  leakers, notes (list of sentences)
- `rounds_remaining`: turn, then one column per missile type (keyed by its name): the
  regiment's rounds ready and in stock at the turn's end; rows for the first turn, each
  turn a count changed, and the last (the chart `rounds_remaining` has every turn)
- `score_parts_by_turn`: turn, then each part of the score in points (keys as
  `score_parts`' series: asset_value_kept, threat_cost_destroyed, interceptor_cost,
  over_budget, asset_priority_lost, radar_value_lost; signed, they add up to the turn's
  score); rows as above (the chart `score_parts` has every turn)
- `threats`: threat_class (true class), spawned, detected, engaged, killed, leaked
- `interceptors`: missile, fired, ordered (on the player's orders to engage), met
  (rounds that reached their target and rolled), kills, cost, observed_kill_rate
  (kills per round met), nominal_kill_rate (mean pk at launch of the rounds met)
- `unmet` (only if some round met nothing): reason, rounds, cost (M$)
- `exchange`: item, value (M$)
- `radars`: radar, value, turns_emitting, emitting_share, lost_turn, lost_by ("arm"/"strike"/null)
- `assets`: asset, value, hits, damaging_hits, value_lost, share_lost

Beside the tables, the debrief's lists, at the top level of the document:

- `engagements`: one item per salvo — turn, fire_unit, missile, rounds, track,
  tracked_as (the class the track appeared to be), threat, true_class, range_km,
  flight_turns, pk (one round's, planned), salvo_pk, result ("kill", "miss",
  "met nothing: <why>", "in flight"), cost (M$)
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from wargame.report.aar import Aar
from wargame.report.debrief import debrief_document
from wargame.report.luck import luck_json
from wargame.report.walk import Cell, Chart, Column, Fact, Renderer, walk

AAR_FORMAT_VERSION = 1


class JsonRenderer(Renderer[dict[str, Any]]):
    def __init__(self, debrief: Aar | None = None) -> None:
        self._debrief = debrief
        """The report whose debrief lists (engagements, decisions) the document carries."""
        self._doc: dict[str, Any] = {
            "format": "wargame-aar",
            "format_version": AAR_FORMAT_VERSION,
            "title": "",
            "facts": {},
            "sections": [],
            "tables": {},
            "charts": {},
        }
        self._section: dict[str, Any] = {}
        self._rows: list[dict[str, Any]] = []
        self._columns: Sequence[Column] = ()

    def begin_report(self, title: str, facts: Sequence[Fact]) -> None:
        self._doc["title"] = title
        self._doc["facts"] = {f.key: _value(f.value) for f in facts}

    def begin_section(self, key: str, title: str) -> None:
        self._section = {
            "key": key,
            "title": title,
            "paragraphs": [],
            "tables": [],
            "charts": [],
            "markdown": [],
        }
        self._doc["sections"].append(self._section)

    def paragraph(self, text: str) -> None:
        self._section["paragraphs"].append(text)

    def begin_table(self, key: str, title: str, columns: Sequence[Column]) -> None:
        self._columns = columns
        self._rows = []
        self._doc["tables"][key] = {
            "title": title,
            "columns": [{"key": c.key, "title": c.title, "kind": c.kind} for c in columns],
            "rows": self._rows,
        }
        self._section["tables"].append(key)

    def row(self, cells: Sequence[Cell]) -> None:
        self._rows.append({c.key: _value(v) for c, v in zip(self._columns, cells, strict=True)})

    def chart(self, chart: Chart) -> None:
        self._doc["charts"][chart.key] = {
            "title": chart.title,
            "turns": list(chart.turns),
            "series": [
                {"key": s.key, "name": s.name, "values": list(s.values)} for s in chart.series
            ],
        }
        self._section["charts"].append(chart.key)

    def markdown(self, text: str) -> None:
        self._section["markdown"].append(text)

    def end_report(self) -> None:
        aar, self._debrief = self._debrief, None
        if aar is not None:
            self._doc.update(debrief_document(aar))

    def result(self) -> dict[str, Any]:
        return self._doc


def _value(value: Cell) -> Any:
    return list(value) if isinstance(value, tuple) else value


def aar_document(aar: Aar) -> dict[str, Any]:
    return walk(aar, JsonRenderer(aar)) | luck_json(aar.luck)


def render_json(aar: Aar) -> str:
    return json.dumps(aar_document(aar), indent=2, ensure_ascii=False) + "\n"
