"""The report's formats by name: what `wargame report --format` offers."""

from __future__ import annotations

from collections.abc import Callable

from wargame.report.aar import Aar
from wargame.report.render_html import render_html
from wargame.report.render_json import render_json
from wargame.report.render_md import render_markdown
from wargame.report.render_text import render_text

FORMATS: dict[str, Callable[[Aar], str]] = {
    "text": render_text,
    "md": render_markdown,
    "json": render_json,
    "html": render_html,
}


def render(aar: Aar, fmt: str) -> str:
    """The report as text in a format of `FORMATS`."""
    try:
        renderer = FORMATS[fmt]
    except KeyError:
        raise ValueError(f"unknown report format '{fmt}'; one of {', '.join(FORMATS)}") from None
    return renderer(aar)
