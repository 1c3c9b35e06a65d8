"""The center file: SQLite storage below the GUI (no Qt here)."""
