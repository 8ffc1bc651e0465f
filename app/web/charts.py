"""Charts as inline SVG, drawn on the server by pygal: no script, no inline style, printable."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from itertools import count
from typing import Any

import pygal
from markupsafe import Markup
from pygal.etree import etree
from pygal.style import Style

STYLE = Style(
    background="white",
    plot_background="white",
    foreground="#14202b",
    foreground_strong="#14202b",
    foreground_subtle="#d9d4cc",
    colors=("#0b6e4f",),
    font_family="system-ui, sans-serif",
    title_font_size=18,
    label_font_size=13,
    major_label_font_size=13,
    value_font_size=12,
)


def bar_chart(
    title: str, labels: Sequence[str], values: Sequence[int], *, horizontal: bool = False
) -> Markup:
    """Draw one series of bars; horizontal bars suit long labels and list the first on top."""
    return Markup(_static_svg(_draw(title, labels, values, horizontal).render_tree()))


@cache
def stylesheet() -> str:
    """Give pygal's chart style as one stylesheet, since the page's CSP refuses inline styles.

    pygal scopes its style to each chart's random id; every chart here shares one style, so the
    rules are scoped to the `pygal-chart` class every chart carries instead.
    """
    root = _draw("", ["-"], [0], horizontal=False).render_tree()
    css = next(node.text for node in root.iter() if str(node.tag).endswith("style"))
    return re.sub(r"#chart-[0-9a-f-]+", ".pygal-chart", css)


def _draw(title: str, labels: Sequence[str], values: Sequence[int], horizontal: bool):
    kind = pygal.HorizontalBar if horizontal else pygal.Bar
    if horizontal:  # pygal stacks horizontal bars from the bottom up
        labels, values = labels[::-1], values[::-1]
    height = max(240, 28 * len(labels) + 90) if horizontal else 320
    chart = kind(
        style=STYLE,
        width=800,
        height=height,
        show_legend=False,
        print_values=True,
        js=(),
        disable_xml_declaration=True,
        explicit_size=False,
        y_labels=_whole_ticks(max(values, default=0)),
    )
    chart.title = title
    chart.x_labels = list(labels)
    chart.add(title, list(values))
    return chart


def _whole_ticks(top: int, most: int = 8) -> list[int]:
    """Mark the value axis with round whole numbers: these charts count meetings and matches."""
    top = max(top, 1)
    steps = (base * 10**power for power in count() for base in (1, 2, 5))
    step = next(step for step in steps if step * most >= top)
    return list(range(0, top + step, step))


def _static_svg(root: Any) -> str:
    """Keep only the drawing: no script, comment, style or hover tooltip (the report runs no JS).

    `root` is an lxml or a stdlib element, whichever pygal found installed.
    """
    for parent in root.iter():
        for child in list(parent):
            if not isinstance(child.tag, str) or _dropped(child):
                parent.remove(child)
    return etree.tostring(root, encoding="unicode")


def _dropped(element: Any) -> bool:
    """Tell the parts a CSP would refuse or that only a script would show."""
    tag = element.tag.rsplit("}", 1)[-1]
    return tag in ("script", "style") or "tooltip" in element.get("class", "").split()
