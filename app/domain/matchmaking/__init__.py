"""Matchmaking: what a meeting between two members is worth, and why, from what they say."""
