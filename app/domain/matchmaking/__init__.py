"""Matchmaking: what a meeting between two members is worth, and why, from what they say."""

from app.domain.matchmaking.metrics import needs_answered, wishes_kept
from app.domain.matchmaking.phrases import MAX_PHRASES, phrases
from app.domain.matchmaking.profile import Phrase, Profile
from app.domain.matchmaking.room import Room
from app.domain.matchmaking.value import MUTUAL, WISHED, pair_values
from app.domain.matchmaking.why import Reason, reason

__all__ = [
    "MAX_PHRASES",
    "MUTUAL",
    "WISHED",
    "Phrase",
    "Profile",
    "Reason",
    "Room",
    "needs_answered",
    "pair_values",
    "phrases",
    "reason",
    "wishes_kept",
]
