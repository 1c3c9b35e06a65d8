"""the desk's signing identity and the review results it returned

Issue 16: the desk signs a 审核结果 for a center. The desk row gets an id of its own
(its signing identity is keyed by it, not by the name) and the fingerprint it signs
with; the identity's changes and every returned result (when, digest, state, the
review.json as signed) are kept. A desk of schema 0001 gets a fresh id here; it had
no identity before, so nothing is pinned yet.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-10 09:00:00
"""

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("desk") as batch:
        batch.add_column(sa.Column("uid", sa.String(length=32), nullable=False, server_default=""))
        batch.add_column(sa.Column("signing_fingerprint", sa.String(length=100), nullable=True))
    op.get_bind().execute(sa.text("UPDATE desk SET uid = :uid"), {"uid": uuid.uuid4().hex})
    with op.batch_alter_table("desk") as batch:
        batch.alter_column("uid", server_default=None)
    op.create_table(
        "desk_identity_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("fingerprint", sa.String(length=100), nullable=False),
        sa.Column("old_fingerprint", sa.String(length=100), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "review_return",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("packet_id", sa.Integer(), nullable=False),
        sa.Column("returned_at", sa.DateTime(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("signer_name", sa.String(length=200), nullable=False),
        sa.Column("signer_title", sa.String(length=200), nullable=False),
        sa.Column("fingerprint", sa.String(length=100), nullable=False),
        sa.Column("review_json", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["packet_id"], ["packet.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_review_return_packet_id"), "review_return", ["packet_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_review_return_packet_id"), table_name="review_return")
    op.drop_table("review_return")
    op.drop_table("desk_identity_event")
    with op.batch_alter_table("desk") as batch:
        batch.drop_column("signing_fingerprint")
        batch.drop_column("uid")
