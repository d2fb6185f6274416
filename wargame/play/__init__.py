"""A game being played or watched, for the front ends: the session that gives
orders, steps the engine and autosaves, the replay's states turn by turn, and
the report as blue may read it mid-game. No Textual here either.
"""
