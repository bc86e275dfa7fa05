"""Stories found by an index, not by recency: each article's signature (article_signatures), each story's
representatives and dates, and story_terms (telling word, name or figure -> story).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 09:09:06.075725
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('story_terms',
    sa.Column('term', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('story_id', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['story_id'], ['stories.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('term', 'story_id')
    )
    with op.batch_alter_table('story_terms', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_story_terms_story_id'), ['story_id'], unique=False)

    op.create_table('article_signatures',
    sa.Column('article_id', sa.String(length=128), nullable=False),
    sa.Column('signature', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('article_id')
    )

    with op.batch_alter_table('stories', schema=None) as batch_op:
        batch_op.add_column(sa.Column('representatives', sa.JSON(), server_default=sa.text("'[]'"), nullable=False))
        batch_op.add_column(sa.Column('first_published', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('last_published', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('active_from', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('active_until', sa.Date(), nullable=True))
        batch_op.create_index(batch_op.f('ix_stories_active_until'), ['active_until'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('stories', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stories_active_until'))
        batch_op.drop_column('active_until')
        batch_op.drop_column('active_from')
        batch_op.drop_column('last_published')
        batch_op.drop_column('first_published')
        batch_op.drop_column('representatives')

    op.drop_table('article_signatures')
    with op.batch_alter_table('story_terms', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_story_terms_story_id'))

    op.drop_table('story_terms')
