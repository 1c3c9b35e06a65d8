"""the desk file's first schema

The receiving desk (issue 15): roster, centers and their certificate fingerprints,
criteria packs as packets carried them, one row per received packet (the packet
itself is kept beside the file), item marks, reviews, the receipt log and the
history of every change. Exact numbers are decimal text.

Revision ID: 0001
Revises:
Create Date: 2026-12-01 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "criteria_pack",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pack_id", sa.String(length=80), nullable=False),
        sa.Column("version", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=400), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("content_hash"),
    )
    op.create_table(
        "desk",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "roster_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("level", sa.String(length=100), nullable=False),
        sa.Column("region", sa.String(length=200), nullable=False),
        sa.Column("fingerprint", sa.String(length=100), nullable=True),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "center",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("level", sa.String(length=100), nullable=False),
        sa.Column("level_label", sa.String(length=100), nullable=False),
        sa.Column("region", sa.String(length=200), nullable=False),
        sa.Column("roster_entry_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["roster_entry_id"],
            ["roster_entry.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_center_name"), "center", ["name"], unique=False)
    op.create_table(
        "center_identity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("center_id", sa.Integer(), nullable=False),
        sa.Column("fingerprint", sa.String(length=100), nullable=False),
        sa.Column("since", sa.DateTime(), nullable=False),
        sa.Column("how", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("accepted_by", sa.String(length=200), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["center_id"],
            ["center.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("fingerprint"),
    )
    op.create_index(op.f("ix_center_identity_center_id"), "center_identity", ["center_id"], unique=False)
    op.create_table(
        "packet",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("source_name", sa.Text(), nullable=False),
        sa.Column("center_name", sa.String(length=200), nullable=False),
        sa.Column("center_level", sa.String(length=100), nullable=False),
        sa.Column("level_label", sa.String(length=100), nullable=False),
        sa.Column("center_region", sa.String(length=200), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("pack_ref", sa.Integer(), nullable=False),
        sa.Column("pack_id", sa.String(length=80), nullable=False),
        sa.Column("pack_version", sa.String(length=40), nullable=False),
        sa.Column("pack_kind", sa.String(length=20), nullable=False),
        sa.Column("pack_title", sa.String(length=400), nullable=False),
        sa.Column("fingerprint", sa.String(length=100), nullable=False),
        sa.Column("signer_name", sa.String(length=200), nullable=False),
        sa.Column("signer_title", sa.String(length=200), nullable=False),
        sa.Column("signed_at", sa.String(length=40), nullable=False),
        sa.Column("signed_utc", sa.DateTime(), nullable=False),
        sa.Column("manifest_format", sa.String(length=40), nullable=False),
        sa.Column("center_id", sa.Integer(), nullable=True),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("superseded_by", sa.Integer(), nullable=True),
        sa.Column("held_reason", sa.Text(), nullable=False),
        sa.Column("held_for", sa.Integer(), nullable=True),
        sa.Column("total", sa.String(length=40), nullable=False),
        sa.Column("max_total", sa.String(length=40), nullable=False),
        sa.Column("percent", sa.String(length=40), nullable=False),
        sa.Column("unanswered", sa.Integer(), nullable=False),
        sa.Column("tables_json", sa.Text(), nullable=False),
        sa.Column("manifest_json", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["center_id"],
            ["center.id"],
        ),
        sa.ForeignKeyConstraint(
            ["held_for"],
            ["center.id"],
        ),
        sa.ForeignKeyConstraint(
            ["pack_ref"],
            ["criteria_pack.id"],
        ),
        sa.ForeignKeyConstraint(
            ["superseded_by"],
            ["packet.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("sha256"),
    )
    op.create_index("ix_packet_center_year", "packet", ["center_id", "year"], unique=False)
    op.create_index(op.f("ix_packet_fingerprint"), "packet", ["fingerprint"], unique=False)
    op.create_index("ix_packet_year_state", "packet", ["year", "state"], unique=False)
    op.create_table(
        "change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("what", sa.String(length=100), nullable=False),
        sa.Column("center_id", sa.Integer(), nullable=True),
        sa.Column("packet_id", sa.Integer(), nullable=True),
        sa.Column("old_value", sa.Text(), nullable=True),
        sa.Column("new_value", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["center_id"],
            ["center.id"],
        ),
        sa.ForeignKeyConstraint(
            ["packet_id"],
            ["packet.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_change_at"), "change", ["at"], unique=False)
    op.create_index(op.f("ix_change_center_id"), "change", ["center_id"], unique=False)
    op.create_index(op.f("ix_change_packet_id"), "change", ["packet_id"], unique=False)
    op.create_table(
        "item_mark",
        sa.Column("packet_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.String(length=100), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("score", sa.String(length=40), nullable=False),
        sa.Column("max_points", sa.String(length=40), nullable=False),
        sa.Column("applicable", sa.Boolean(), nullable=False),
        sa.Column("answered", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["packet_id"],
            ["packet.id"],
        ),
        sa.PrimaryKeyConstraint("packet_id", "item_id"),
    )
    op.create_table(
        "receipt",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("source_name", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=True),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("packet_id", sa.Integer(), nullable=True),
        sa.Column("center_name", sa.String(length=200), nullable=False),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["packet_id"],
            ["packet.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "review",
        sa.Column("packet_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("reviewer", sa.String(length=200), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["packet_id"],
            ["packet.id"],
        ),
        sa.PrimaryKeyConstraint("packet_id"),
    )
    op.create_table(
        "review_item",
        sa.Column("packet_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.String(length=100), nullable=False),
        sa.Column("score", sa.String(length=40), nullable=True),
        sa.Column("applicable", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["packet_id"],
            ["packet.id"],
        ),
        sa.PrimaryKeyConstraint("packet_id", "item_id"),
    )


def downgrade() -> None:
    op.drop_table("review_item")
    op.drop_table("review")
    op.drop_table("receipt")
    op.drop_table("item_mark")
    op.drop_table("change")
    op.drop_table("packet")
    op.drop_table("center_identity")
    op.drop_table("center")
    op.drop_table("roster_entry")
    op.drop_table("desk")
    op.drop_table("criteria_pack")
