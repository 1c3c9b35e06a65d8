"""The bundled example center: two filled years in a temporary file (no Qt)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from dqsa.answers_file import load_answers_file
from dqsa.paths import resource_path
from dqsa.store.service import CenterStore

DEMO_FILE_NAME = "示例中心（临时副本）.dqsa"


def build_demo_file(folder: Path | None = None) -> Path:
    """Write the example center into ``folder`` (default: a new temporary folder) and return its path.

    A fresh copy each time: the example is for trying things out, the user's files are elsewhere.
    """
    if folder is None:
        folder = Path(tempfile.mkdtemp(prefix="dqsa-demo-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / DEMO_FILE_NAME
    for leftover in folder.glob(DEMO_FILE_NAME + "*"):
        leftover.unlink()
    with CenterStore.open(path, create=True, backups_root=folder / "backups") as store:
        for source in sorted(resource_path("examples").glob("demo-*.json")):
            store.import_answers(load_answers_file(source))
    return path
