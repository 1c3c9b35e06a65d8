"""Test set-up: Qt runs headless; every test gets fresh temporary folders."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

DATA_DIR = Path(__file__).parent / "data"
REPO_DIR = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data, log and backup folders; the user's are never touched."""
    home = tmp_path / "dqsa-home"
    monkeypatch.setenv("DQSA_HOME", str(home))
    return home


@pytest.fixture
def data_dir() -> Path:
    """The example answers files and other fixtures under tests/data/."""
    return DATA_DIR


@pytest.fixture
def huzhou():
    from dqsa.packs import find_pack

    return find_pack("huzhou-social-org")


@pytest.fixture
def wenzhou():
    from dqsa.packs import find_pack

    return find_pack("wenzhou-oujianghong")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that uses ``qtbot`` as a GUI test."""
    for item in items:
        if "qtbot" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.gui)
