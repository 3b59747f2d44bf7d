"""saidwhat: who said what, about whom, when, where, and according to whom."""

from saidwhat.engine import extract
from saidwhat.errors import InputError, SaidwhatError
from saidwhat.models import Article, Claim, Entity, SpeechAct, Statement

__all__ = ["extract", "Article", "Statement", "Entity", "Claim", "SpeechAct", "InputError", "SaidwhatError"]
__version__ = "0.1.0"
