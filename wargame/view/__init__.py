"""The blue view: what the player may know, and the screen-free models drawn from it.

Tracks as the radars report them, the assessed score, which events blue may see
and how they read, the tactical picture's rows and the map's frame. It imports
the engine and the campaign format only, never Textual, so the TUI, the reports
and a headless front end read the same picture.
"""
