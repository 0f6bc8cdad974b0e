"""dateline: verifiable records of political and humanitarian-diplomacy events."""

__version__ = "0.1.0"
