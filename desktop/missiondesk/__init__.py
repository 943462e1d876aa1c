"""MissionDesk: missions, troop counts and positions, compared across news articles."""

__version__ = "0.1.0"
