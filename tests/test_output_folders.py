"""Output folders that cannot take the file (finding 9): a read-only or full destination for an export, an
answers file or a desk output is a Chinese message naming the folder and what to do, never a bare
``[Errno 30]``, and leaves no partial file (and, for a packet, no signing identity made for nothing)."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from test_store_files import fill, remount_read_only, tmpfs

from dqsa.answers_file import load_answers_file
from dqsa.cli import EXIT_FAILED, main
from dqsa.fileio import OutputFailed, atomic_output, describe_os_error, write_text_atomic
from dqsa.store.service import CenterStore

DATA = Path(__file__).parent / "data"
PASSPHRASE = "清溪村口令2026"
CENTER = "安吉县递铺街道某村（社区）党群服务中心"


@pytest.fixture
def center_file(tmp_path: Path) -> Path:
    path = tmp_path / "中心.dqsa"
    with CenterStore.open(path, create=True, backups_root=tmp_path / "备份") as store:
        store.import_answers(load_answers_file(DATA / "village-weak.json"))
    return path


def _export(center_file: Path, out: Path) -> list[str]:
    return [
        "export", "--db", str(center_file), "--year", "2026", "--out", str(out), "--signer", "张伟",
        "--title", "书记", "--passphrase-env", "DQSA_TEST_PASS", "--allow-missing-measures",
    ]  # fmt: skip


def _no_bare_error(text: str) -> None:
    assert "[Errno" not in text and "Traceback" not in text and "Read-only" not in text, text


def test_an_export_to_a_read_only_folder_says_so_first_and_makes_nothing(
    center_file: Path, tmp_path: Path, monkeypatch, capsys
) -> None:
    from dqsa.export.identity import identity_folder

    monkeypatch.setenv("DQSA_TEST_PASS", PASSPHRASE)
    with tmpfs(tmp_path / "U盘", "4m") as stick:
        out = stick / "报送 材料"
        out.mkdir()
        remount_read_only(stick)
        assert main(_export(center_file, out)) == EXIT_FAILED
        err = capsys.readouterr().err
        _no_bare_error(err)
        assert f"文件夹“{out}”" in err and "只读" in err and "请换一个可以写入的文件夹" in err
        assert list(out.iterdir()) == []
    assert not identity_folder(CENTER).exists()  # refused before the identity was opened
    with CenterStore.open(center_file, backups_root=tmp_path / "备份") as store:
        assert store.assessments()[0].status == "draft"


def test_an_export_to_a_full_disk_says_so_and_leaves_no_partial_packet(
    center_file: Path, tmp_path: Path, monkeypatch, capsys
) -> None:
    monkeypatch.setenv("DQSA_TEST_PASS", PASSPHRASE)
    with tmpfs(tmp_path / "满的盘", "2m") as disk:
        fill(disk)
        out = disk / "材料"
        assert main(_export(center_file, out)) == EXIT_FAILED
        err = capsys.readouterr().err
        _no_bare_error(err)
        assert "磁盘空间已满" in err and str(out) in err
        assert sorted(p.name for p in disk.iterdir()) == ["填满.bin"]  # not even the folder made to check
        assert not out.exists()  # so no .packet-*.zip left behind either


def test_a_packet_that_fills_the_disk_while_written_leaves_nothing(
    center_file: Path, tmp_path: Path, monkeypatch
) -> None:
    """The folder had room when checked; the disk filled while the zip was written."""
    import zipfile

    from dqsa.export.packet import export_packet

    real_writestr = zipfile.ZipFile.writestr

    def disk_fills(self, info, data, *args, **kwargs):
        if str(getattr(info, "filename", info)).endswith(".xlsx"):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_writestr(self, info, data, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "writestr", disk_fills)
    out = tmp_path / "发出"
    with CenterStore.open(center_file, backups_root=tmp_path / "备份") as store:
        with pytest.raises(OutputFailed) as caught:
            export_packet(
                store, 2026, signer_name="张伟", signer_title="书记", passphrase=PASSPHRASE, out_dir=out
            )
        assert store.assessments()[0].status == "draft"
    assert "磁盘空间已满" in str(caught.value) and f"文件夹“{out}”" in str(caught.value)
    assert list(out.iterdir()) == []


def test_export_answers_to_a_read_only_folder(center_file: Path, tmp_path: Path, capsys) -> None:
    with tmpfs(tmp_path / "只读", "1m") as place:
        remount_read_only(place)
        target = place / "答卷.json"
        code = main(["export-answers", "--db", str(center_file), "--year", "2026", "-o", str(target)])
        err = capsys.readouterr().err
        assert code == EXIT_FAILED
        _no_bare_error(err)
        assert f"保存到文件夹“{place}”" in err and "只读" in err
        assert list(place.iterdir()) == []


def test_desk_outputs_to_a_read_only_folder(tmp_path: Path, capsys) -> None:
    from dqsa.export.receive import receive_packet
    from dqsa.store.desk.service import DeskStore
    from dqsa.store.errors import SaveFailed

    desk_path = tmp_path / "台账.dqsd"
    with DeskStore.create(desk_path, "某街道社会组织综合党委", backups_root=tmp_path / "备份") as desk:
        receive_packet(desk, DATA / "packet-v1.zip")
        year = desk.years()[0]
        (row,) = desk.list_rows(year)
    with tmpfs(tmp_path / "只读", "1m") as place:
        remount_read_only(place)
        commands = [
            ["desk", "rollup", str(desk_path), "--year", str(year), "--out", str(place / "汇总.xlsx")],
            ["desk", "rollup", str(desk_path), "--year", str(year), "--pdf", str(place / "汇总.pdf")],
            ["desk", "export-packet", str(desk_path), "--packet", str(row.packet_id), "--out", str(place)],
        ]
        for command in commands:
            code = main(command)
            err = capsys.readouterr().err
            assert code == EXIT_FAILED, (command, err)
            _no_bare_error(err)
            assert f"保存到文件夹“{place}”" in err and "只读" in err, err
        assert list(place.iterdir()) == []
        with (
            DeskStore.open(desk_path, backups_root=tmp_path / "备份") as desk,
            pytest.raises(SaveFailed, match=f"保存到文件夹“{place}”"),
        ):
            desk.export_backup(place / "备份.zip")
        assert list(place.iterdir()) == []


def test_every_write_goes_through_a_temporary_file_that_a_failure_removes(tmp_path: Path) -> None:
    target = tmp_path / "结果.json"
    target.write_text("旧的内容", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_output(target) as temporary:
        temporary.write_text("半个", encoding="utf-8")
        raise RuntimeError("interrupted")
    assert target.read_text(encoding="utf-8") == "旧的内容"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["结果.json"]
    write_text_atomic(target, "新的内容")
    assert target.read_text(encoding="utf-8") == "新的内容"
    assert oct(os.stat(target).st_mode & 0o777) == oct(0o644)


def test_os_errors_are_told_in_chinese_with_the_file() -> None:
    for code, words in (
        (errno.EROFS, "只读"),
        (errno.ENOSPC, "磁盘空间已满"),
        (errno.EACCES, "没有在这个文件夹中写入的权限"),
        (errno.ENOENT, "文件夹不存在"),
        (errno.EIO, "读写磁盘出错"),
    ):
        message = describe_os_error(OSError(code, os.strerror(code), "/媒体/U盘/文件.zip"))
        assert words in message and "/媒体/U盘/文件.zip" in message and "[Errno" not in message


@pytest.mark.gui
def test_the_export_page_says_the_folder_is_read_only(qtbot, tmp_path: Path) -> None:
    from dqsa.settings import Settings
    from dqsa.ui.main_window import MainWindow

    store = CenterStore.open(tmp_path / "c.dqsa", create=True)
    store.import_answers(load_answers_file(DATA / "village-weak.json"))
    for item_id in store.scorecard(2026).without_measures:
        store.set_item_text(2026, item_id, "corrective_actions", "年底前整改")
    window = MainWindow(store, Settings(), ask_first_run=False)
    qtbot.addWidget(window)
    window.show()
    window.open_assessment(2026)
    window.wizard.show_export_page()
    export = window.wizard.export_page
    with tmpfs(tmp_path / "U盘", "1m") as stick:
        remount_read_only(stick)
        export.signer.setText("张伟")
        export.title.setText("书记")
        qtbot.keyClicks(export.passphrase, "secret-2026")
        qtbot.keyClicks(export.passphrase_again, "secret-2026")
        export.folder.setText(str(stick))
        from PySide6.QtWidgets import QApplication, QMessageBox

        def answer_yes() -> None:  # unanswered items may be asked about: sign anyway
            box = QApplication.activeModalWidget()
            if isinstance(box, QMessageBox):
                box.button(QMessageBox.StandardButton.Yes).click()

        from PySide6.QtCore import QTimer

        QTimer.singleShot(200, answer_yes)
        export.start_export()
        qtbot.waitUntil(
            lambda: export.export_button.isEnabled() and bool(export.problem.message), timeout=30000
        )
        assert f"文件夹“{stick}”" in export.problem.message and "只读" in export.problem.message
        assert "Errno" not in export.problem.message
        assert list(stick.iterdir()) == []
    assert window.store.assessments()[0].status == "draft"
    window.close()
