"""Personal links as QR codes, drawn as inline SVG so nothing is fetched on the day."""

from __future__ import annotations

import segno
from markupsafe import Markup


def personal_link(public_url: str, token: str) -> str:
    """Give the address of a participant's phone page."""
    return f"{public_url.rstrip('/')}/p/{token}"


def qr_svg(link: str, scale: int = 6) -> Markup:
    """Draw a link as an inline SVG QR code that scales with its container."""
    code = segno.make(link, error="m")
    return Markup(code.svg_inline(scale=scale, border=2, omitsize=True, dark="#14202b"))
