"""After-action reports: computed from a game's events, rendered for the terminal,
Markdown, JSON and HTML.

`aar.build_aar(events)` computes the report (a pure function of the events);
`walk.walk(aar, renderer)` visits it once for a renderer of `render_text`,
`render_md`, `render_json` or `render_html`; `formats.render(aar, fmt)` picks
one by name. `describe.describe(event)` is the one line of English per event
shared by the timeline, `wargame replay` and the screens. `summary` is the
short summary of `wargame run`.
"""
