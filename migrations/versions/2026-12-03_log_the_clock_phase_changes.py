"""log the clock phase changes

Revision ID: 9d90d1bdc178
Revises: 3559e536923f
Create Date: 2026-12-03 12:53:12.930319
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "9d90d1bdc178"
down_revision: str | None = "3559e536923f"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "phase_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("at_ms", sa.BigInteger(), nullable=False),
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("phase", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name=op.f("fk_phase_changes_event_id_events")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_phase_changes")),
    )
    with op.batch_alter_table("phase_changes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_phase_changes_event_id"), ["event_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("phase_changes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_phase_changes_event_id"))

    op.drop_table("phase_changes")
