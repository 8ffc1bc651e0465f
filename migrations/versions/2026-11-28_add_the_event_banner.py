"""add the event banner

Revision ID: 041f4d4bae3a
Revises: 306ae583a895
Create Date: 2026-11-28 13:12:23.379880
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "041f4d4bae3a"
down_revision: str | None = "306ae583a895"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("banner", sqlmodel.sql.sqltypes.AutoString(length=280), nullable=True)
        )
        batch_op.add_column(sa.Column("banner_ms", sa.BigInteger(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_column("banner_ms")
        batch_op.drop_column("banner")
