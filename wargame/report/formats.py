"""The report's formats by name and by file ending: what `wargame report --format` offers,
and what `--output`'s ending chooses."""

from __future__ import annotations

import mimetypes
from collections.abc import Callable
from pathlib import Path

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


ENDINGS = {
    "txt": "text",
    "text": "text",
    "md": "md",
    "markdown": "md",
    "json": "json",
    "html": "html",
    "htm": "html",
}
"""A file's ending (lower case, no dot) -> the format written into it."""
OTHER_DOCUMENTS = frozenset({"doc", "docx", "odt", "ods", "odp", "xls", "xlsx", "ppt", "pptx"})
"""Endings of documents that the standard table of file types leaves out."""


def format_for(path: Path) -> str | None:
    """The format a file's ending chooses: its own for .txt, .md, .json and .html (and their
    other spellings), text for no ending or one no file type claims (.out, .log); None for
    the ending of a format there is no renderer for (.pdf, .png, .csv, .docx, .gz)."""
    ending = path.suffix.lower().lstrip(".")
    if not ending or ending in ENDINGS:
        return ENDINGS.get(ending, "text")
    # The standard library's own table, not the system's: the same answer on every machine.
    kind, packing = mimetypes.MimeTypes().guess_type(f"report.{ending}", strict=False)
    claimed = kind is not None or packing is not None or ending in OTHER_DOCUMENTS
    return None if claimed else "text"


def render(aar: Aar, fmt: str) -> str:
    """The report as text in a format of `FORMATS`."""
    try:
        renderer = FORMATS[fmt]
    except KeyError:
        raise ValueError(f"unknown report format '{fmt}'; one of {', '.join(FORMATS)}") from None
    return renderer(aar)
