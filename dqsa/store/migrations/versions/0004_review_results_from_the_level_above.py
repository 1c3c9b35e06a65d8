"""review results: the 审核结果 received from the level above, and the desk certificates pinned

``review_result`` keeps every imported result (the zip exactly, its SHA-256, the state,
the comment, the reviewer, the totals and every item's reviewer score and reason), by
year; ``review_desk`` the desk certificate pinned on the first import and every one
accepted since.

Only tables are added: a 0003 file is still read unchanged, read-only, by this program
(it then has no review results).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-08 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "review_result",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("packet_sha256", sa.String(length=64), nullable=False),
        sa.Column("desk_name", sa.String(length=200), nullable=False),
        sa.Column("desk_fingerprint", sa.String(length=128), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("reviewer_name", sa.String(length=200), nullable=False),
        sa.Column("reviewer_title", sa.String(length=200), nullable=False),
        sa.Column("reviewed_at", sa.String(length=40), nullable=False),
        sa.Column("signed_at", sa.String(length=40), nullable=False),
        sa.Column("pack_kind", sa.String(length=20), nullable=False),
        sa.Column("total_self", sa.String(length=40), nullable=False),
        sa.Column("total_reviewed", sa.String(length=40), nullable=False),
        sa.Column("total_max", sa.String(length=40), nullable=False),
        sa.Column("items_json", sa.Text(), nullable=False),
        sa.Column("result_sha256", sa.String(length=64), nullable=False),
        sa.Column("result_name", sa.String(length=260), nullable=False),
        sa.Column("result_zip", sa.LargeBinary(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("current", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("result_sha256"),
    )
    op.create_index("ix_review_result_year", "review_result", ["year"])
    op.create_table(
        "review_desk",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("fingerprint", sa.String(length=128), nullable=False),
        sa.Column("desk_name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("pinned_at", sa.DateTime(), nullable=False),
        sa.Column("old_fingerprint", sa.String(length=128), nullable=True),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    op.drop_table("review_desk")
    op.drop_index("ix_review_result_year", table_name="review_result")
    op.drop_table("review_result")
