"""keep members' wishes and the host's pair rules

Revision ID: c18f2a7b9e03
Revises: b18f1c4e6d02
Create Date: 2026-12-04 01:40:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "c18f2a7b9e03"
down_revision: str | None = "b18f1c4e6d02"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "wishes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("other_id", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=5), nullable=False),
        sa.Column("created_ms", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name=op.f("fk_wishes_event_id_events")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_wishes_person_id_people")
        ),
        sa.ForeignKeyConstraint(
            ["other_id"], ["people.id"], name=op.f("fk_wishes_other_id_people")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_wishes")),
        sa.UniqueConstraint(
            "event_id",
            "person_id",
            "other_id",
            name=op.f("uq_wishes_event_id_person_id_other_id"),
        ),
    )
    with op.batch_alter_table("wishes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_wishes_event_id"), ["event_id"], unique=False)

    op.create_table(
        "pair_rules",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("person_a", sa.Integer(), nullable=False),
        sa.Column("person_b", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=5), nullable=False),
        sa.Column("created_ms", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name=op.f("fk_pair_rules_event_id_events")
        ),
        sa.ForeignKeyConstraint(
            ["person_a"], ["people.id"], name=op.f("fk_pair_rules_person_a_people")
        ),
        sa.ForeignKeyConstraint(
            ["person_b"], ["people.id"], name=op.f("fk_pair_rules_person_b_people")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pair_rules")),
        sa.UniqueConstraint(
            "event_id",
            "person_a",
            "person_b",
            name=op.f("uq_pair_rules_event_id_person_a_person_b"),
        ),
    )
    with op.batch_alter_table("pair_rules", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pair_rules_event_id"), ["event_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("pair_rules", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pair_rules_event_id"))

    op.drop_table("pair_rules")
    with op.batch_alter_table("wishes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_wishes_event_id"))

    op.drop_table("wishes")
