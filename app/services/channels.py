"""What travels on the hub: one channel per event, each message serialised once."""

import json


def channel(event_id: int) -> str:
    """Name the hub channel of one event."""
    return f"event:{event_id}"


def state_message(public: dict) -> str:
    """Serialise a state once, for every subscriber alike."""
    return json.dumps({"type": "state", **public}, separators=(",", ":"))
