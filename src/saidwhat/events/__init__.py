"""PLOVER political events derived from extracted articles (see events/plover.py)."""

from saidwhat.events.plover import events_for_article

__all__ = ["events_for_article"]
