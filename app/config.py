"""Settings read once from the environment and `.env`; nothing else reads os.environ."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Everything an operator can set; every field is documented in the README."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    database_url: str | None = Field(
        default=None, description="SQLAlchemy URL; empty means SQLite at data/tablehop.db"
    )
    data_dir: Path = Field(default=Path("data"), alias="TABLEHOP_DATA_DIR")
    admin_token: str | None = Field(default=None, alias="TABLEHOP_ADMIN_TOKEN")
    public_url: str = Field(default="http://127.0.0.1:8000", alias="TABLEHOP_PUBLIC_URL")
    redis_url: str | None = None
    smtp_host: str | None = Field(
        default=None, description="SMTP server for personal links and matches; empty: no e-mail"
    )
    smtp_port: int = Field(default=587, description="SMTP port (587 submission, 465 SSL, 25)")
    smtp_user: str | None = Field(default=None, description="SMTP login; empty: no login")
    smtp_password: str | None = Field(default=None, description="SMTP password for smtp_user")
    smtp_from: str = Field(
        default="tablehop@localhost", description="sender address of every e-mail, e.g. CCI"
    )
    smtp_starttls: bool = Field(
        default=True,
        description="require STARTTLS before sending (port 465 uses TLS from the start); "
        "false only for a relay on a trusted network",
    )

    text_model: str = Field(
        default="use-multilingual-v3",
        alias="TABLEHOP_TEXT_MODEL",
        description="the offline model that reads offers and needs; `lexical`: shared words only",
    )

    @property
    def sqlalchemy_url(self) -> str:
        """Name the database to use: the configured one, or the embedded SQLite file."""
        if self.database_url:
            return _normalise_postgres(self.database_url)
        return f"sqlite:///{self.data_dir / 'tablehop.db'}"


def _normalise_postgres(url: str) -> str:
    """Accept the usual `postgres://` spellings and use the psycopg 3 driver."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url
