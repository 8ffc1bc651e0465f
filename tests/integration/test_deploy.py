"""The compose file for a real event parses, checks each service's health, sets real settings."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from app.config import Settings

ROOT = Path(__file__).parents[2]
DEPLOY = ROOT / "deploy"
# uvicorn's own variables, not the app's: how many workers, whom to trust for X-Forwarded-*.
SERVER_VARIABLES = {"WEB_CONCURRENCY", "FORWARDED_ALLOW_IPS"}
REAL_EVENT_SETTINGS = {"DATABASE_URL", "REDIS_URL", "TABLEHOP_ADMIN_TOKEN", "TABLEHOP_PUBLIC_URL"}


@pytest.fixture(scope="module")
def compose() -> dict:
    """Read deploy/compose.yaml as Compose would."""
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text())


def setting_names() -> set[str]:
    """Name the environment variables that app/config.py reads (aliases, else field names)."""
    return {(field.alias or name).upper() for name, field in Settings.model_fields.items()}


def test_the_stack_has_the_app_its_database_its_hub_and_a_proxy(compose: dict) -> None:
    assert set(compose["services"]) == {"app", "db", "redis", "proxy"}


def test_every_service_has_a_health_check(compose: dict) -> None:
    for name, service in compose["services"].items():
        assert service.get("healthcheck", {}).get("test"), f"{name} has no health check"


def test_the_app_is_configured_only_through_settings_that_exist(compose: dict) -> None:
    names = set(compose["services"]["app"]["environment"]) - SERVER_VARIABLES
    assert names - setting_names() == set()


def test_the_app_gets_postgres_redis_its_token_its_address_and_two_workers(compose: dict) -> None:
    environment = compose["services"]["app"]["environment"]
    assert set(environment) >= REAL_EVENT_SETTINGS
    assert environment["DATABASE_URL"].startswith("postgresql://")
    assert int(environment["WEB_CONCURRENCY"]) == 2


def test_services_wait_for_what_they_need_to_be_healthy(compose: dict) -> None:
    services = compose["services"]
    for name, service in services.items():
        for needed, condition in service.get("depends_on", {}).items():
            assert needed in services, f"{name} depends on an unknown {needed}"
            assert condition == {"condition": "service_healthy"}, name
    assert set(services["app"]["depends_on"]) == {"db", "redis"}


def test_named_volumes_are_declared(compose: dict) -> None:
    for service in compose["services"].values():
        for volume in service.get("volumes", []):
            source = volume.split(":")[0]
            if not source.startswith((".", "/")):
                assert source in compose["volumes"], source


def test_the_example_settings_name_every_variable_the_deployment_reads() -> None:
    used = re.findall(r"\$\{(\w+)", (DEPLOY / "compose.yaml").read_text())
    used += re.findall(r"\{\$(\w+)", (DEPLOY / "Caddyfile").read_text())
    example = (DEPLOY / ".env.example").read_text()
    assert set(used) - set(re.findall(r"^(\w+)=", example, re.MULTILINE)) == set()


def test_the_proxy_and_the_health_check_use_the_port_the_image_serves_on(compose: dict) -> None:
    port = re.search(r"UVICORN_PORT=(\d+)", (ROOT / "Dockerfile").read_text()).group(1)
    assert f"reverse_proxy app:{port}" in (DEPLOY / "Caddyfile").read_text()
    health_check = " ".join(compose["services"]["app"]["healthcheck"]["test"])
    assert f"127.0.0.1:{port}/api/health" in health_check
