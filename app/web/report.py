"""The organiser's report: what the event produced, printable, for the chamber."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from app.services import report
from app.web import i18n
from app.web.auth import require_admin
from app.web.charts import bar_chart, stylesheet
from app.web.deps import EventDep, SessionDep
from app.web.host.common import language_for, sign_in_first
from app.web.i18n import _
from app.web.templating import render

router = APIRouter(include_in_schema=False)


@router.get(
    "/events/{event_id}/report", response_class=HTMLResponse, dependencies=[Depends(sign_in_first)]
)
def report_page(event: EventDep, request: Request, session: SessionDep) -> Response:
    """Show the report of an event to a signed-in organiser; send anyone else to sign in."""
    language = language_for(request, event)
    i18n.use_language(language)
    figures = report.event_report(session, event.id)
    context = {"event": event, "report": figures, "charts": _charts(figures)}
    return render(request, "report/report.html", context, language=language)


@router.get("/report/charts.css", dependencies=[Depends(require_admin)])
def chart_stylesheet() -> Response:
    """Serve the charts' style as a file: the page's CSP allows no inline style.

    Only the report, which is the organiser's, uses it; so it asks what every admin route asks.
    """
    return Response(stylesheet(), media_type="text/css")


def _charts(figures: report.Report) -> dict:
    """Draw the report's charts in the current language."""
    rounds = figures.meetings_per_round
    clubs = figures.matches_between_clubs
    return {
        "rounds": bar_chart(
            _("Meetings per round"), [str(r) for r, _n in rounds], [n for _r, n in rounds]
        )
        if rounds
        else None,
        "clubs": bar_chart(
            _("Mutual matches between clubs"),
            [f"{_club(a)} × {_club(b)}" for a, b, _n in clubs],
            [n for _a, _b, n in clubs],
            horizontal=True,
        )
        if clubs
        else None,
    }


def _club(name: str | None) -> str:
    return name or _("No club")
