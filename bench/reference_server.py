"""The reference for bench/fanout.py: a bare `websockets.broadcast()` server, nothing else.

It keeps a state-shaped countdown in memory, sends it to every new connection (the snapshot), and
broadcasts the next state when anyone sends an HTTP request to the control port (the trigger the
benchmark drives, standing in for `POST /api/events/{id}/clock/next`). No database, no framework,
no per-subscriber queue: the floor a Python websocket fan-out can reach on this machine.

    python bench/reference_server.py --port 8101 --control-port 8102 [--version 7 --round 3]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time

from websockets.asyncio.server import ServerConnection, broadcast, serve

ROUNDS = 49
TALK_MS = 600_000


class Feed:
    """The countdown and the set of connected clients."""

    def __init__(self, version: int, round_: int) -> None:
        self.version = version
        self.round = round_
        self.phase = "talk" if round_ else "lobby"
        self.clients: set[ServerConnection] = set()

    def message(self) -> str:
        """Serialise the current state as Tablehop's feed does (same fields, same size)."""
        now = int(time.time() * 1000)
        state = {
            "type": "state",
            "round": self.round,
            "rounds": ROUNDS,
            "phase": self.phase,
            "deadline_ms": now + TALK_MS,
            "remaining_ms": TALK_MS,
            "server_now_ms": now,
            "version": self.version,
            "plan_version": 1,
            "paused_phase": None,
            "waiting_for_host": False,
            "can_undo": self.version > 2,
        }
        return json.dumps(state, separators=(",", ":"))

    def advance(self) -> str:
        """Move to the next phase, broadcast it once to everyone, and return it."""
        self.version += 1
        if self.phase == "talk":
            self.phase = "switch"
            self.round += 1
        else:
            self.phase = "talk"
            self.round = max(self.round, 1)
        message = self.message()
        broadcast(self.clients, message)
        return message

    async def handler(self, websocket: ServerConnection) -> None:
        """Send the snapshot, then keep the client until it leaves."""
        self.clients.add(websocket)
        try:
            await websocket.send(self.message())
            await websocket.wait_closed()
        finally:
            self.clients.discard(websocket)


async def control(feed: Feed, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """Answer minimal HTTP/1.1: any request to /next advances; anything else reports health."""
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            request_line, *headers = head.decode("latin-1").split("\r\n")
            length = 0
            for header in headers:
                name, _, value = header.partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value)
            if length:
                await reader.readexactly(length)
            path = request_line.split(" ")[1] if " " in request_line else "/"
            body = feed.advance() if path.startswith("/next") else '{"status":"ok"}'
            payload = body.encode()
            writer.write(
                b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                + f"Content-Length: {len(payload)}\r\n\r\n".encode()
                + payload
            )
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError):
        pass
    finally:
        writer.close()


async def main(port: int, control_port: int, version: int, round_: int) -> None:
    """Serve websockets on `port` and the trigger on `control_port` until killed."""
    feed = Feed(version, round_)
    trigger = await asyncio.start_server(
        lambda r, w: control(feed, r, w), "127.0.0.1", control_port, reuse_address=True
    )
    async with serve(feed.handler, "127.0.0.1", port, compression=None, backlog=2048), trigger:
        await asyncio.Future()


def parse() -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--control-port", type=int, required=True)
    parser.add_argument("--version", type=int, default=1, help="state version to resume from")
    parser.add_argument("--round", type=int, default=0, help="round to resume from")
    return parser.parse_args()


if __name__ == "__main__":
    args = parse()
    try:
        import uvloop  # the event loop uvicorn picks for Tablehop, for a like-for-like floor
    except ImportError:
        asyncio.run(main(args.port, args.control_port, args.version, args.round))
    else:
        uvloop.run(main(args.port, args.control_port, args.version, args.round))
