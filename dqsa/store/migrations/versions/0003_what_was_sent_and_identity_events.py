"""what was sent: frozen snapshots of every signing, and the signing identity's events

``sent_snapshot`` keeps, for every signing, the answers exactly as put in the packet,
the scorecard, the list figures, the packet's SHA-256, size and name, the certificate
fingerprint, the signer and the zoned signing time. ``identity_event`` records each
change of the center's signing identity with its date.

Existing files: a year signed by an older program gets one ``before-0003`` snapshot
that says only who signed, when and with which fingerprint (what was in that packet was
not kept, and nothing is invented); a year that was edited after signing (stored as
``draft`` with a ``signed_at``) becomes ``reopened``, with a line in its history.

Only tables are added and statuses renamed: a 0002 or 0001 file is still read
unchanged, read-only, by this program (the store reads that state the same way).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02 10:00:00
"""

import json
from collections.abc import Sequence
from datetime import datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sent_snapshot",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("origin", sa.String(length=20), nullable=False),
        sa.Column("signed_at", sa.String(length=40), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("signer", sa.String(length=200), nullable=False),
        sa.Column("fingerprint", sa.String(length=128), nullable=False),
        sa.Column("packet_sha256", sa.String(length=64), nullable=True),
        sa.Column("packet_size", sa.Integer(), nullable=True),
        sa.Column("packet_name", sa.String(length=260), nullable=True),
        sa.Column("manifest_format", sa.String(length=40), nullable=True),
        sa.Column("pack_ref", sa.Integer(), nullable=True),
        sa.Column("answers_json", sa.Text(), nullable=True),
        sa.Column("scorecard_json", sa.Text(), nullable=True),
        sa.Column("totals_json", sa.Text(), nullable=True),
        sa.Column("program", sa.String(length=40), nullable=True),
        sa.ForeignKeyConstraint(["assessment_id"], ["assessment.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["pack_ref"], ["criteria_pack.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_sent_snapshot_assessment_id", "sent_snapshot", ["assessment_id"])
    op.create_index("ix_sent_snapshot_packet_sha256", "sent_snapshot", ["packet_sha256"])
    op.create_table(
        "identity_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("at", sa.String(length=40), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("center_name", sa.String(length=200), nullable=False),
        sa.Column("old_fingerprint", sa.String(length=128), nullable=True),
        sa.Column("new_fingerprint", sa.String(length=128), nullable=False),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    _mark_earlier_signings()


def _mark_earlier_signings() -> None:
    """A ``before-0003`` snapshot for every year signed before; edited signed years become ``reopened``."""
    connection = op.get_bind()
    now = datetime.now().strftime("%Y-%m-%d %H:%M:%S.%f")  # as SQLAlchemy keeps a DateTime
    rows = connection.execute(
        sa.text(
            "SELECT id, status, signed_at, signer, fingerprint FROM assessment "
            "WHERE signed_at IS NOT NULL ORDER BY year"
        )
    ).all()
    for assessment_id, status, signed_at, signer, fingerprint in rows:
        when = signed_at if isinstance(signed_at, datetime) else datetime.fromisoformat(str(signed_at))
        connection.execute(
            sa.text(
                "INSERT INTO sent_snapshot (assessment_id, origin, signed_at, recorded_at, signer, fingerprint) "
                "VALUES (:a, 'before-0003', :signed_at, :now, :signer, :fingerprint)"
            ),
            {
                "a": assessment_id,
                "signed_at": when.isoformat(),
                "now": now,
                "signer": signer or "",
                "fingerprint": fingerprint or "",
            },
        )
        if status == "draft":
            connection.execute(
                sa.text("UPDATE assessment SET status = 'reopened' WHERE id = :a"), {"a": assessment_id}
            )
            connection.execute(
                sa.text(
                    "INSERT INTO change (assessment_id, at, field, old_value, new_value) "
                    "VALUES (:a, :now, 'status', :old, :new)"
                ),
                {
                    "a": assessment_id,
                    "now": now,
                    "old": json.dumps("draft"),
                    "new": json.dumps(
                        {"reopened": "升级文件时：本年度签署报送后修改过（旧版本把它记为草稿）"},
                        ensure_ascii=False,
                    ),
                },
            )


def downgrade() -> None:
    op.execute("UPDATE assessment SET status = 'draft' WHERE status = 'reopened'")
    op.drop_table("identity_event")
    op.drop_index("ix_sent_snapshot_packet_sha256", table_name="sent_snapshot")
    op.drop_index("ix_sent_snapshot_assessment_id", table_name="sent_snapshot")
    op.drop_table("sent_snapshot")
