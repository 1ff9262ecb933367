"""leader-contacts: a knowledge graph of contacts between political leaders, read from the news."""

__version__ = "0.1.0"
