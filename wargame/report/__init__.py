"""After-action reports: computed from a game's events, rendered for the terminal,
Markdown, JSON and HTML."""
