"""A campaign carrying scripts, javascript: links, event attributes, raw HTML, Rich markup
and terminal escapes in its title, names and briefing yields reports where none of it runs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from tests.report.test_renderers import parse_html
from wargame.record import load_save
from wargame.report.aar import Aar, build_aar
from wargame.report.formats import render

SCRIPTED = re.compile(r"^\s*(javascript|vbscript|data):", re.IGNORECASE)


@pytest.fixture(scope="module")
def aar(hostile_save: Path) -> Aar:
    from wargame.cli_records import embedded_briefing

    record = load_save(hostile_save).record
    return build_aar(
        record.events(),
        player=record.player,
        campaign=record.campaign_name,
        briefing=embedded_briefing(record.campaign_source),
    )


def _assert_inert(html: str) -> None:
    """No script, no event handler, no scripted or fetched URL in this HTML."""
    parsed = parse_html(html)
    for tag, attrs in parsed.tags:
        assert tag not in ("script", "img", "iframe", "object", "embed", "link", "base", "form"), (
            tag
        )
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name, value)
            assert name not in ("src", "srcset", "formaction"), (tag, name)
            if name in ("href", "xlink:href", "action"):
                assert value is not None and not SCRIPTED.match(value), (tag, name, value)


def test_the_hostile_campaign_really_is_hostile(aar: Aar) -> None:
    assert "<script>" in aar.title
    assert "javascript:" in aar.briefing and "onerror" in aar.briefing


def test_the_html_report_shows_hostile_text_as_text(aar: Aar) -> None:
    html = render(aar, "html")
    _assert_inert(html)
    assert (
        "<h1>After-action report: First Contact "
        "&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;</h1>" in html
    )
    assert "FU &lt;img src=x onerror=alert(1)&gt;" in html
    assert "Aldmouth &lt;/td&gt;&lt;script&gt;alert(3)&lt;/script&gt;" in html
    assert "&lt;b onclick=&quot;alert(12)&quot;&gt;Mallory&lt;/b&gt;" in html
    assert 'http-equiv="Content-Security-Policy"' in html


def test_the_html_briefing_keeps_its_markdown_but_no_html_or_scripted_links(aar: Aar) -> None:
    html = render(aar, "html")
    briefing = html[html.index('<div class="briefing">') :]
    assert "<strong>Situation.</strong>" in briefing
    assert "&lt;script&gt;alert(&#x27;briefing&#x27;)&lt;/script&gt;" in briefing or (
        "&lt;script&gt;alert('briefing')&lt;/script&gt;" in briefing
    )
    assert 'href="javascript' not in briefing.lower()
    assert "\x1b" not in briefing and "\x07" not in briefing


def test_the_markdown_report_stays_inert_even_in_a_viewer_that_allows_html(aar: Aar) -> None:
    markdown = render(aar, "md")
    html = MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown)
    _assert_inert(html)
    assert "\x1b" not in markdown


def test_the_text_report_shows_markup_and_escapes_literally(aar: Aar) -> None:
    text = render(aar, "text")
    assert "FU Bravo [bold red]markup[/] [/]" in text
    assert "\x1b" not in text and "\x07" not in text


def test_the_json_report_keeps_campaign_text_as_plain_data(aar: Aar) -> None:
    import json

    doc = json.loads(render(aar, "json"))
    assert doc["title"] == "First Contact <script>alert('title')</script>"
