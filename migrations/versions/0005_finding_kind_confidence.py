"""Findings say what kind of difference they are and how sure the engine is: findings.kind, .confidence

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01

Stored findings get kind NULL and confidence 1.0 until their story is recomputed (the engine fingerprint
changed with this engine, so the next ingest into a story recomputes it).
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("findings") as batch:
        batch.add_column(sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True))
        batch.add_column(sa.Column("confidence", sa.Float(), nullable=False, server_default="1.0"))
        batch.create_index("ix_findings_kind", ["kind"])


def downgrade() -> None:
    with op.batch_alter_table("findings") as batch:
        batch.drop_index("ix_findings_kind")
        batch.drop_column("confidence")
        batch.drop_column("kind")
