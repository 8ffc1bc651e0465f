"""Keep the ASGI server's own `send` in a websocket's scope, for the live feed's fan-out.

Starlette wraps `send` in a few layers that only matter for HTTP; a message fanned out to
thousands of phones pays each layer thousands of times. The feed pushes through the
server's `send` directly, and still receives and closes through Starlette's `WebSocket`.
"""

from starlette.types import ASGIApp, Receive, Scope, Send

SERVER_SEND = "tablehop.server_send"


class KeepServerSend:
    """ASGI middleware: store the server's `send` in every websocket scope."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket":
            scope[SERVER_SEND] = send
        await self.app(scope, receive, send)
