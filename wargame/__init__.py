"""wargame: a terminal air-defence wargame and training tool."""

__version__ = "0.1.0"
RULES_VERSION = "1.8"
"""Version of the engine's rules; saves record it, and replays compare against it."""
