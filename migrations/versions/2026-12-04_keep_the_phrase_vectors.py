"""keep the phrase vectors

Revision ID: a18e0b3d5c01
Revises: c18f2a7b9e03
Create Date: 2026-12-04 01:36:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "a18e0b3d5c01"
down_revision: str | None = "c18f2a7b9e03"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "phrase_vectors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("model", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
        sa.Column("version", sqlmodel.sql.sqltypes.AutoString(length=30), nullable=False),
        sa.Column("digest", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("text", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("vector", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_phrase_vectors")),
        sa.UniqueConstraint(
            "model", "version", "digest", name=op.f("uq_phrase_vectors_model_version_digest")
        ),
    )


def downgrade() -> None:
    op.drop_table("phrase_vectors")
