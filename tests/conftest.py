"""Test set-up: Qt runs headless; every test gets fresh temporary folders."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import gc
import importlib.abc
import sys
from collections.abc import Iterator

import pytest

from dqsa.export.offline import NOT_NEEDED


class _LeftOutOfTheBuild(importlib.abc.MetaPathFinder):
    """Refuses the modules the frozen build leaves out, so every test runs as the build would.

    (One already loaded by pytest or its plugins, like ``_hashlib``, stays loaded;
    tests/test_offline.py runs the self-test in a fresh process with all of them refused.)
    """

    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        if any(name == left_out or name.startswith(left_out + ".") for left_out in NOT_NEEDED):
            raise ModuleNotFoundError(
                f"{name} is left out of the frozen build (dqsa.export.offline)", name=name
            )


sys.meta_path.insert(0, _LeftOutOfTheBuild())

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


@pytest.fixture(autouse=True)
def gui_thread_gc(request: pytest.FixtureRequest) -> Iterator[None]:
    """In GUI tests, collect garbage on the GUI thread only, as the application does.

    A collection triggered on a worker thread could run a Qt object's destructor
    there and crash; afterwards Python's own collection is switched back on.
    """
    if "qtbot" not in request.fixturenames:
        yield
        return
    from dqsa.ui.collector import GuiThreadCollector

    qapp = request.getfixturevalue("qapp")
    collector = GuiThreadCollector(qapp)
    try:
        yield
    finally:
        collector.stop()
        collector.deleteLater()
        gc.collect()
