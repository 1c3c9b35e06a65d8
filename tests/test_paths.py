"""Where the program keeps things: the override for tests, portable mode, the user's folders."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from dqsa import paths


@pytest.fixture
def frozen_program(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A frozen program in a folder with Chinese and a space, as on a USB stick; no DQSA_HOME."""
    folder = tmp_path / "U盘 E" / "dqsa"
    folder.mkdir(parents=True)
    monkeypatch.delenv("DQSA_HOME", raising=False)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(folder / "dqsa.exe"))
    return folder


def test_a_portable_marker_keeps_everything_beside_the_program(frozen_program: Path) -> None:
    (frozen_program / "portable").write_bytes(b"")
    data = frozen_program / "dqsa-data"
    assert paths.portable_root() == frozen_program.resolve()
    assert paths.data_dir() == data.resolve()
    assert paths.log_dir() == (data / "logs").resolve()
    assert paths.backups_dir() == (data / "backups").resolve()
    assert paths.default_center_file() == (data / "本中心.dqsa").resolve()


def test_without_the_marker_data_goes_to_the_users_folder(frozen_program: Path) -> None:
    assert paths.portable_root() is None
    assert not paths.data_dir().is_relative_to(frozen_program)
    assert paths.data_dir().name == "dqsa"


def test_the_marker_means_nothing_beside_a_python_interpreter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DQSA_HOME", raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    (tmp_path / "portable").write_bytes(b"")
    assert not getattr(sys, "frozen", False)
    assert paths.portable_root() is None
    assert not paths.data_dir().is_relative_to(tmp_path)


def test_dqsa_home_wins_over_portable_mode(frozen_program: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (frozen_program / "portable").write_bytes(b"")
    monkeypatch.setenv("DQSA_HOME", str(frozen_program.parent / "home"))
    assert paths.data_dir() == frozen_program.parent / "home" / "data"


def test_documents_falls_back_to_home_when_there_is_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import platformdirs

    monkeypatch.setattr(platformdirs, "user_documents_dir", lambda: str(tmp_path / "没有 这个文件夹"))
    assert paths.documents_dir() == Path.home()
    (tmp_path / "文档").mkdir()
    monkeypatch.setattr(platformdirs, "user_documents_dir", lambda: str(tmp_path / "文档"))
    assert paths.documents_dir() == tmp_path / "文档"
