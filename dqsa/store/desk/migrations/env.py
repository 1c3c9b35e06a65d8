"""Alembic environment of the desk file: migrations run in-process on the connection the store passes in."""

from alembic import context

from dqsa.store.desk.models import DeskBase

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=DeskBase.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
)
with context.begin_transaction():
    context.run_migrations()
