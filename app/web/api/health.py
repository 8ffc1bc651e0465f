"""Liveness for load balancers and the Docker health check."""

from fastapi import APIRouter

router = APIRouter(tags=["health"])


@router.get("/api/health")
def health() -> dict[str, str]:
    """Answer ok while the process serves requests."""
    return {"status": "ok"}
