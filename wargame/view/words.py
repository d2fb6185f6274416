"""The small words every screen and report writes alike: game time, counts, missile
names, the score.

Called by the blue view's event wording (`blue`), the picture, the status bar, the
report's sentences (`wargame.report.describe`) and the screens, so that a figure
reads one way wherever it appears.
"""

from __future__ import annotations


def clock(seconds: float) -> str:
    """Game time as h:mm:ss."""
    total = round(seconds)
    return f"{total // 3600}:{total // 60 % 60:02d}:{total % 60:02d}"


def counted(count: int, word: str) -> str:
    """'1 track', '2 tracks', '0 tracks'."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def short_missile(name: str) -> str:
    """'48N6-class' -> '48N6'."""
    return name.removesuffix("-class")


def score_text(score: float) -> str:
    """The score as every screen shows it: signed, one decimal ('+225.0', '-6.5')."""
    return f"{score:+.1f}"
