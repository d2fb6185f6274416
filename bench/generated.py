"""A generated large campaign for benchmarks: `n` threats against 16 radars and 24 fire units,
on a smooth Earth or over generated terrain (`terrain_rows`)."""

from __future__ import annotations

import math

from wargame.campaign import LoadedCampaign, parse_campaign

THREAT_MIX = (
    ("Subsonic cruise missile", 0.5),
    ("Strike fighter", 0.2),
    ("Loitering munition", 0.2),
    ("Medium-range ballistic missile", 0.1),
)

# Its raids fly 550-750 km: a lofted 230 km apogee (a 434 s flight) gives them the 1.3 to
# 1.7 km/s over the ground the catalogue's short-range missile flew before its flight was
# made to fall at g (rules 1.5), so the benchmark keeps its shape.
BALLISTIC_TYPE = (
    "[[catalogue.threats]]",
    'name = "Medium-range ballistic missile"',
    'class = "ballistic_missile"',
    "speed_mps = 1500",
    "altitude_m = 230000",
    "rcs_m2 = 0.1",
    "warhead_kg = 500",
    "cost = 3",
)


def terrain_rows(width_km: float = 1000.0, height_km: float = 800.0, cell_km: float = 5.0) -> str:
    """A `[terrain]` table over the generated map: ridges running north-east and hills,
    0 to about 1,500 m, first row north; the same every time."""
    cols, rows = int(width_km / cell_km), int(height_km / cell_km)
    text = []
    for j in range(rows - 1, -1, -1):
        y = (j + 0.5) * cell_km
        row = []
        for i in range(cols):
            x = (i + 0.5) * cell_km
            ridge = max(0.0, math.sin((x + y) / 37.0)) ** 3 * 900.0
            hills = max(0.0, math.sin(x / 53.0) * math.cos(y / 41.0)) * 600.0
            row.append(str(round(ridge + hills)))
        text.append("[" + ", ".join(row) + "]")
    return f"[terrain]\ncell_km = {cell_km:g}\nheights_m = [{', '.join(text)}]"


def generated_campaign(n_threats: int, raids: int = 40, terrain: bool = False) -> LoadedCampaign:
    lines = [
        "format_version = 1",
        "[meta]",
        f'title = "Generated raid of {n_threats}"',
        "[clock]",
        "seconds_per_turn = 60",
        "turn_limit = 60",
        "[map]",
        "width_km = 1000",
        "height_km = 800",
        *BALLISTIC_TYPE,
    ]
    for c in range(8):
        lines += [
            "[[blue.command_posts]]",
            f'name = "CP {c}"',
            f"position = [{600 + 40 * (c % 4)}, {150 + 150 * (c // 4)}]",
        ]
    for r in range(16):
        kind = "91N6E-class acquisition radar" if r % 2 == 0 else "96L6-class all-altitude radar"
        lines += [
            "[[blue.radars]]",
            f'name = "Radar {r}"',
            f'type = "{kind}"',
            f"position = [{560 + 25 * (r % 8)}, {100 + 80 * (r // 8) + 300 * (r % 2)}]",
            f'command_post = "CP {r % 8}"',
        ]
    for f in range(24):
        lines += [
            "[[blue.fire_units]]",
            f'name = "FU {f}"',
            'radar = "92N6E-class engagement radar"',
            f"position = [{520 + 30 * (f % 6)}, {80 + 160 * (f // 6)}]",
            f'command_post = "CP {f % 8}"',
            'loadout = { "40N6-class" = 4, "48N6-class" = 16, "9M96-class" = 48 }',
        ]
    for a in range(6):
        lines += [
            "[[blue.assets]]",
            f'name = "Asset {a}"',
            f"position = [{700 + 40 * (a % 3)}, {200 + 300 * (a // 3)}]",
            "value = 500",
        ]
    per_raid = max(1, n_threats // raids)
    made = 0
    for i in range(raids):
        count = per_raid if i < raids - 1 else n_threats - made
        if count <= 0:
            break
        made += count
        threat = THREAT_MIX[i % len(THREAT_MIX)][0]
        lines += [
            "[[red.raids]]",
            f'name = "Raid {i}"',
            f"turn = {1 + (i % 10)}",
            f'threat = "{threat}"',
            f"count = {count}",
            f"origin = [{10 + (i % 5) * 40}, {40 + (i * 37) % 720}]",
            f'target = "Asset {i % 6}"',
            "spacing_km = 0.5",
        ]
    if terrain:
        lines.append(terrain_rows())
    name = f"generated-{n_threats}{'-terrain' if terrain else ''}.toml"
    return parse_campaign("\n".join(lines) + "\n", name)
