"""Exports for the organiser: CSV per table, or one Excel workbook with every table."""

from fastapi import APIRouter, Depends, Response

from app.adapters.tabular import CSV_MEDIA_TYPE, XLSX_MEDIA_TYPE, to_csv, to_xlsx
from app.services import exports
from app.web.auth import require_admin
from app.web.deps import PathId, SessionDep

router = APIRouter(
    prefix="/api/events/{event_id}", tags=["exports"], dependencies=[Depends(require_admin)]
)


@router.get(
    "/export/{what}.csv",
    response_class=Response,
    responses={
        200: {"content": {"text/csv": {}}},
        404: {"description": "unknown event, or `what` is not participants, meetings, matches"},
    },
)
def export_csv(event_id: PathId, what: str, session: SessionDep) -> Response:
    """Download `participants`, `meetings` or `matches` as CSV.

    UTF-8 with a BOM and `;` between cells, so Excel in France opens it as is. A cell that
    starts with `=`, `+`, `-` or `@` gets a leading `'`, so no spreadsheet runs it as a formula.
    """
    header, rows = exports.export_table(session, event_id, what)
    return _download(to_csv(header, rows), CSV_MEDIA_TYPE, f"tablehop-{event_id}-{what}.csv")


@router.get(
    "/export.xlsx",
    response_class=Response,
    responses={200: {"content": {XLSX_MEDIA_TYPE: {}}}, 404: {"description": "unknown event"}},
)
def export_xlsx(event_id: PathId, session: SessionDep) -> Response:
    """Download one Excel workbook with the sheets participants, meetings and matches."""
    workbook = to_xlsx(exports.export_all(session, event_id))
    return _download(workbook, XLSX_MEDIA_TYPE, f"tablehop-{event_id}.xlsx")


def _download(content: bytes, media_type: str, filename: str) -> Response:
    return Response(
        content,
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
