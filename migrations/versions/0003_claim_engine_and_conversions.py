"""Claims: which engine extracted them (so stored claims are reused until the engine changes), and the
conversion checks of parenthetical restatements.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21 06:37:50.608414
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('article_revisions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('claims_engine', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True))

    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.add_column(sa.Column('conversion_ok', sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column('is_conversion', sa.Boolean(), server_default=sa.false(), nullable=False))



def downgrade() -> None:
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.drop_column('is_conversion')
        batch_op.drop_column('conversion_ok')

    with op.batch_alter_table('article_revisions', schema=None) as batch_op:
        batch_op.drop_column('claims_engine')

