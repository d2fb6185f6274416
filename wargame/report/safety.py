"""Campaign text is untrusted: make it inert in every format the report is written in.

A campaign file may carry `<script>`, `javascript:` links, event attributes or
terminal escape codes in its title, names and briefing. Each renderer passes
every string through the function for its format: `plain` for the terminal,
`md_text` / `md_markup` for Markdown, `html.escape` and `briefing_html` for
HTML.
"""

from __future__ import annotations

import re
import unicodedata

from markdown_it import MarkdownIt

_MD_PUNCTUATION = re.compile(r"([\\`*_\[\]<>#!|~&$])")
_MD_MARKUP = re.compile(r"([\\\[\]<>&])")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
SAFE_SCHEMES = ("http", "https", "mailto")


def plain(text: str) -> str:
    """Text without control characters (no terminal escapes), newlines and tabs kept."""
    return "".join(
        c for c in text if c in "\n\t" or unicodedata.category(c) not in ("Cc", "Cf", "Cs")
    )


def one_line(text: str) -> str:
    return " ".join(plain(text).split())


def md_text(text: str) -> str:
    """Plain text as Markdown that shows it literally: every markup character escaped."""
    return _MD_PUNCTUATION.sub(r"\\\1", one_line(text))


def md_markup(text: str) -> str:
    """Campaign Markdown kept as Markdown (emphasis, lists, headings) but unable to make a
    link, an image, an autolink or raw HTML: the characters those need are escaped."""
    return _MD_MARKUP.sub(r"\\\1", plain(text))


def safe_url(url: str) -> bool:
    """Only web and mail links, or links without a scheme (anchors, relative paths)."""
    squeezed = "".join(
        c for c in url if not c.isspace() and unicodedata.category(c) != "Cc"
    ).lower()
    match = _SCHEME.match(squeezed)
    return match is None or match.group(1) in SAFE_SCHEMES


def _markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.disable(["image", "html_block", "html_inline"])  # nothing fetched, no raw HTML
    md.validateLink = safe_url  # type: ignore[method-assign]
    return md


def briefing_html(text: str) -> str:
    """Campaign Markdown as HTML with raw HTML shown as text, no images, and only
    http(s)/mailto links."""
    html: str = _markdown().render(plain(text))
    return html
