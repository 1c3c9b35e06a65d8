"""The center file outside the happy path: read-only places, a full disk, links, restore, leftovers.

Root ignores file permissions, and tests run as root in CI. Two ways around it, both
available on a fresh Debian/Ubuntu machine run as root:

- a small tmpfs mounted here and remounted read-only (read-only media: EROFS, for
  root too), or filled up (a full disk: ENOSPC);
- a child process that keeps uid 0 but loses root's bypass of permissions
  (CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH dropped from its bounding set before it
  starts), so a chmod'ed folder or file means what it says.

Where neither is possible (no root, no mount) the test says so and is skipped; under
CI (``CI`` set) it fails instead, so CI cannot pass without running it.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from dqsa.answers_file import load_answers_file
from dqsa.store import durable
from dqsa.store.errors import (
    CorruptFile,
    FileInUse,
    NewerFile,
    NotACenterFile,
    ReadOnlyFile,
    StoreClosed,
    StoreError,
)
from dqsa.store.service import CenterStore

REPO = Path(__file__).resolve().parents[1]
PR_CAPBSET_DROP = 24
CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 1, 2


def cannot(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason}: CI must be able to run this test (it runs as root)")
    pytest.skip(reason)


def leftovers(folder: Path) -> list[str]:
    """Files SQLite or the lock leave beside a center file."""
    return sorted(
        p.name for p in folder.iterdir() if p.name.endswith(("-wal", "-shm", ".lock", ".restoring"))
    )


@pytest.fixture
def backups_root(tmp_path: Path) -> Path:
    return tmp_path / "备份"


@pytest.fixture
def village_file(tmp_path: Path, backups_root: Path, data_dir: Path) -> Path:
    """A closed center file holding village-weak.json as 2025 and 2026."""
    path = tmp_path / "文件 夹" / "村 中心.dqsa"
    weak = load_answers_file(data_dir / "village-weak.json")
    with CenterStore.open(path, create=True, backups_root=backups_root) as store:
        store.import_answers(weak.model_copy(update={"year": 2025}))
        store.import_answers(weak)
    return path


# --- making read-only and full places ---------------------------------------------------------


@contextlib.contextmanager
def tmpfs(where: Path, size: str) -> Iterator[Path]:
    where.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or shutil.which("mount") is None:
        cannot("mounting a small filesystem needs root")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], capture_output=True
    )
    if done.returncode != 0:
        cannot(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def remount_read_only(where: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(where)], check=True)


def fill(folder: Path) -> None:
    """Write until the filesystem is full."""
    fd = os.open(folder / "填满.bin", os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(fd, b"\0" * 65536)
    except OSError as exc:
        assert exc.errno == 28
    try:
        while True:
            os.write(fd, b"\0")
    except OSError:
        pass
    finally:
        os.close(fd)


def _drop_root_bypass() -> None:  # runs in the child, before it starts Python
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def run_unprivileged(code: str, *args: str) -> dict:
    """Run ``code`` in a child that obeys file permissions; it prints one JSON line."""
    preexec = None
    if os.geteuid() == 0:
        if sys.platform != "linux":
            cannot("dropping root's bypass of permissions needs Linux")
        preexec = _drop_root_bypass
    try:
        done = subprocess.run(
            [sys.executable, "-c", textwrap.dedent(code), *args],
            preexec_fn=preexec,  # the child starts no thread before it runs
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
            check=False,
        )
    except OSError as exc:
        cannot(f"cannot start a child without root's bypass: {exc}")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


OPEN_AND_EDIT = """
import json, sys
from pathlib import Path
from dqsa.store.errors import ReadOnlyFile, StoreError
from dqsa.store.service import CenterStore

path, backups = Path(sys.argv[1]), Path(sys.argv[2])
out = {}
try:
    store = CenterStore.open(path, backups_root=backups)
except StoreError as exc:
    out["refused"] = str(exc)
else:
    out["read_only"] = store.read_only
    out["years"] = store.years()
    out["total"] = str(store.scorecard(2026).total)
    out["listed"] = [r.totals.total for r in store.complete_year_list().rows]
    try:
        store.set_fact(2026, "area_m2", 300)
        out["edit"] = "saved"
    except ReadOnlyFile as exc:
        out["edit"] = str(exc)
    store.close()
print(json.dumps(out, ensure_ascii=False))
"""

CREATE = """
import json, sys
from pathlib import Path
from dqsa.store.errors import StoreError
from dqsa.store.service import CenterStore

try:
    CenterStore.open(Path(sys.argv[1]), create=True, backups_root=Path(sys.argv[2])).close()
    print(json.dumps({"created": True}))
except StoreError as exc:
    print(json.dumps({"refused": str(exc)}, ensure_ascii=False))
"""


# --- read-only places (14.4) ------------------------------------------------------------------------


def test_a_read_only_folder_opens_the_file_read_only(village_file: Path, backups_root: Path) -> None:
    folder = village_file.parent
    before = village_file.read_bytes()
    folder.chmod(0o555)
    try:
        out = run_unprivileged(OPEN_AND_EDIT, str(village_file), str(backups_root))
    finally:
        folder.chmod(0o755)
    assert "只读" in out["read_only"] and "文档" in out["read_only"]
    assert out["years"] == [2026, 2025]
    assert out["total"] == "98.5" and out["listed"] == ["98.5", "98.5"]
    assert "只读方式打开" in out["edit"] and "没有保存" in out["edit"]
    assert village_file.read_bytes() == before
    assert leftovers(folder) == []


def test_a_read_only_file_in_a_writable_folder_opens_read_only(
    village_file: Path, backups_root: Path
) -> None:
    village_file.chmod(0o444)
    try:
        out = run_unprivileged(OPEN_AND_EDIT, str(village_file), str(backups_root))
    finally:
        village_file.chmod(0o644)
    assert "被设为只读" in out["read_only"]
    assert out["edit"].startswith("文件以只读方式打开")
    assert leftovers(village_file.parent) == []  # the lock it held is gone, SQLite made no log


def test_a_new_file_in_a_read_only_folder_is_refused_and_nothing_is_made(
    tmp_path: Path, backups_root
) -> None:
    folder = tmp_path / "只读 文件夹"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        out = run_unprivileged(CREATE, str(folder / "新 中心.dqsa"), str(backups_root))
    finally:
        folder.chmod(0o755)
    assert "无法在这里新建中心文件" in out["refused"] and "文档" in out["refused"]
    assert list(folder.iterdir()) == []


def test_read_only_media_opens_read_only_and_leaves_nothing(
    village_file: Path, tmp_path, backups_root
) -> None:
    with tmpfs(tmp_path / "光盘", "4m") as media:
        copy = media / "村 中心.dqsa"
        shutil.copy(village_file, copy)
        remount_read_only(media)
        with CenterStore.open(copy, backups_root=backups_root) as store:
            assert "只读" in store.read_only
            assert store.answers(2026).facts["area_m2"] == 150
            with pytest.raises(ReadOnlyFile, match="只读"):
                store.set_fact(2026, "area_m2", 300)
            with pytest.raises(ReadOnlyFile):
                store.create_assessment(2027)
            with pytest.raises(StoreError, match="只读"):
                store.restore(store.backups()[0])
            assert [row.year for row in store.year_list().rows] == [2026, 2025]
        assert leftovers(media) == []


CRASH_AFTER_COMMIT = """
import os, sqlite3, sys
connection = sqlite3.connect(sys.argv[1])
connection.execute("UPDATE assessment SET assessor='断电前最后一次修改'")
connection.commit()
os._exit(0)  # the power goes: the commit is only in the log
"""


def test_read_only_media_with_unsaved_log_is_refused_with_a_message(
    village_file: Path, tmp_path, backups_root
) -> None:
    with tmpfs(tmp_path / "U盘", "4m") as media:
        copy = media / "村 中心.dqsa"
        shutil.copy(village_file, copy)
        subprocess.run([sys.executable, "-c", CRASH_AFTER_COMMIT, str(copy)], check=True)
        assert copy.with_name(copy.name + "-wal").stat().st_size > 0
        before = {p.name: p.read_bytes() for p in media.iterdir()}
        remount_read_only(media)
        with pytest.raises(StoreError, match="没有正常关闭") as raised:
            CenterStore.open(copy, backups_root=backups_root)
        assert "-wal" in str(raised.value) and "Traceback" not in str(raised.value)
        assert {p.name: p.read_bytes() for p in media.iterdir()} == before


def test_the_home_view_shows_why_a_file_is_read_only(
    qtbot, village_file: Path, tmp_path, backups_root
) -> None:
    from dqsa.ui.home import HomeView

    with tmpfs(tmp_path / "只读盘", "4m") as media:
        copy = media / "村 中心.dqsa"
        shutil.copy(village_file, copy)
        remount_read_only(media)
        with CenterStore.open(copy, backups_root=backups_root) as store:
            view = HomeView()
            qtbot.addWidget(view)
            view.show()
            view.show_store(store)
            assert view.read_only_banner.isVisible()
            assert "只读" in view.read_only_banner.text() and "文档" in view.read_only_banner.text()
            assert not view.ui.newButton.isEnabled() and not view.ui.deleteButton.isEnabled()
            assert view.ui.openButton.isEnabled() and view.ui.exportButton.isEnabled()
            assert view.ui.assessmentTable.item(0, 4).text() == "98.5"


# --- a full disk at open (14.4) ------------------------------------------------------------------------


def test_a_full_disk_at_open_opens_read_only_and_leaves_nothing(
    village_file: Path, tmp_path, backups_root
) -> None:
    with tmpfs(tmp_path / "满盘", "2m") as disk:
        copy = disk / "村 中心.dqsa"
        shutil.copy(village_file, copy)
        fill(disk)
        with CenterStore.open(copy, backups_root=backups_root) as store:
            assert "磁盘空间已满" in store.read_only
            assert store.years() == [2026, 2025]
            with pytest.raises(ReadOnlyFile, match="磁盘空间已满"):
                store.set_fact(2026, "area_m2", 300)
        assert leftovers(disk) == []
        (disk / "填满.bin").unlink()  # space again: the file opens for editing
        with CenterStore.open(copy, backups_root=backups_root) as store:
            assert store.read_only is None
            store.set_fact(2026, "area_m2", 300)
        assert leftovers(disk) == []


def test_a_new_file_on_a_full_disk_is_refused_and_nothing_is_left(tmp_path, backups_root) -> None:
    with tmpfs(tmp_path / "满盘", "1m") as disk:
        fill(disk)
        with pytest.raises(StoreError, match="无法在这里新建中心文件（磁盘空间已满）"):
            CenterStore.open(disk / "新 中心.dqsa", create=True, backups_root=backups_root)
        assert sorted(p.name for p in disk.iterdir()) == ["填满.bin"]


# --- the lock is on the file, not the name (14.5) ---------------------------------------------------------


def test_a_symlink_or_a_hard_link_cannot_open_an_open_file(village_file: Path, backups_root) -> None:
    symlink = village_file.parent.parent / "快捷方式.dqsa"
    symlink.symlink_to(village_file)
    hard = village_file.parent.parent / "硬链接.dqsa"
    os.link(village_file, hard)
    odd_spelling = village_file.parent / ".." / village_file.parent.name / village_file.name
    with CenterStore.open(village_file, backups_root=backups_root):
        for other in (symlink, hard, odd_spelling):
            with pytest.raises(FileInUse, match="另一个 dqsa 窗口"):
                CenterStore.open(other, backups_root=backups_root)
        assert leftovers(hard.parent) == []  # the refused opens made no lock beside the links
    with CenterStore.open(symlink, backups_root=backups_root) as store:
        store.set_fact(2026, "area_m2", 170)
        # SQLite works on the real file: its log sits beside it, not beside the link
        assert (village_file.parent / (village_file.name + "-wal")).exists()
        with pytest.raises(FileInUse):
            CenterStore.open(hard, backups_root=backups_root)
    with CenterStore.open(hard, backups_root=backups_root) as store:
        assert store.answers(2026).facts["area_m2"] == 170


LINK_HOLDER = """
import sys, time
from pathlib import Path
from dqsa.store.service import CenterStore
store = CenterStore.open(Path(sys.argv[1]), backups_root=Path(sys.argv[2]))
print("open", flush=True)
time.sleep(60)
"""


def test_a_hard_link_is_refused_while_another_process_holds_the_file(
    village_file: Path, backups_root
) -> None:
    hard = village_file.parent / "另一个名字.dqsa"
    os.link(village_file, hard)
    with subprocess.Popen(
        [sys.executable, "-c", LINK_HOLDER, str(village_file), str(backups_root)],
        stdout=subprocess.PIPE,
        text=True,
    ) as holder:
        try:
            assert holder.stdout.readline().strip() == "open"
            with pytest.raises(FileInUse, match="另一个名称或链接"):
                CenterStore.open(hard, backups_root=backups_root)
        finally:
            holder.kill()


# --- refused and failed opens leave nothing behind (14.8) ------------------------------------------------


def _newer(path: Path) -> None:
    with contextlib.closing(sqlite3.connect(path)) as raw, raw:
        raw.execute("UPDATE alembic_version SET version_num='9999'")


def _foreign(path: Path) -> None:
    with contextlib.closing(sqlite3.connect(path)) as raw, raw:
        raw.execute("PRAGMA application_id=7")


def _damaged(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for start in range(page, len(data), page):
        data[start : start + 64] = os.urandom(64)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("spoil", "error"), [(_newer, NewerFile), (_foreign, NotACenterFile), (_damaged, CorruptFile)]
)
def test_a_refused_open_leaves_no_log_index_or_lock(village_file: Path, backups_root, spoil, error) -> None:
    spoil(village_file)
    before = village_file.read_bytes()
    with pytest.raises(error):
        CenterStore.open(village_file, backups_root=backups_root)
    assert leftovers(village_file.parent) == []
    assert village_file.read_bytes() == before


def test_a_refused_import_into_a_new_path_leaves_no_file(tmp_path: Path, data_dir: Path) -> None:
    bad = json.loads((data_dir / "village-weak.json").read_text(encoding="utf-8"))
    bad["facts"]["area_m2"] = -5
    answers = tmp_path / "坏 答卷.json"
    answers.write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    target = tmp_path / "新 文件夹" / "新 中心.dqsa"
    done = subprocess.run(
        [sys.executable, "-m", "dqsa", "import", str(answers), "--db", str(target)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert "area_m2" in done.stderr and "Traceback" not in done.stderr
    assert (
        not target.parent.exists() or list(target.parent.iterdir()) == []
    )  # checked before any folder is made


def test_discarding_a_new_file_removes_it_only_while_it_is_empty(
    tmp_path: Path, backups_root, data_dir
) -> None:
    path = tmp_path / "新 中心.dqsa"
    store = CenterStore.open(path, create=True, backups_root=backups_root)
    assert store.created
    store.close(discard_if_empty=True)
    assert list(tmp_path.iterdir()) == []
    with CenterStore.open(path, create=True, backups_root=backups_root) as store:
        store.import_answers(load_answers_file(data_dir / "village-weak.json"))
    reopened = CenterStore.open(path, create=True, backups_root=backups_root)
    assert not reopened.created
    reopened.close(discard_if_empty=True)  # not created by this open: kept
    with CenterStore.open(path, backups_root=backups_root) as store:
        assert store.years() == [2026]


# --- restore fails closed (11.6) ----------------------------------------------------------------------------


def _backup_like(store: CenterStore, tmp_path: Path, spoil) -> Path:
    copy = tmp_path / "备份 副本.dqsa"
    shutil.copy(store.backup_now("copy"), copy)
    spoil(copy)
    return copy


def _truncated(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2 + 100])


def _random(path: Path) -> None:
    path.write_bytes(os.urandom(8192))


@pytest.mark.parametrize(
    ("spoil", "error", "words"),
    [
        (_newer, NewerFile, "更新版本"),
        (_foreign, NotACenterFile, "其他程序"),
        (_random, NotACenterFile, "不是 dqsa"),
        (_truncated, CorruptFile, "不完整"),
        (_damaged, CorruptFile, "损坏"),
    ],
)
def test_restore_refuses_a_bad_backup_before_copying_anything(
    village_file: Path, backups_root, tmp_path, spoil, error, words
) -> None:
    with CenterStore.open(village_file, backups_root=backups_root) as store:
        bad = _backup_like(store, tmp_path, spoil)
        store.set_fact(2026, "area_m2", 321)
        backups_before = store.backups()
        with pytest.raises(error, match=words):
            store.restore(bad)
        assert store.backups() == backups_before  # not even the safety copy was taken
        assert not store.closed
        assert store.answers(2026).facts["area_m2"] == 321
        store.set_fact(2026, "area_m2", 322)  # still working, on the same file
        assert not any(name.endswith(".restoring") for name in leftovers(village_file.parent))
    with CenterStore.open(village_file, backups_root=backups_root) as store:
        assert store.answers(2026).facts["area_m2"] == 322


def test_restore_of_an_older_schema_backs_up_and_migrates(village_file: Path, backups_root) -> None:
    with CenterStore.open(village_file, backups_root=backups_root) as store:
        store.restore(REPO / "tests" / "data" / "schema-0001.dqsa")
        assert store.years() == [2026, 2025]
        assert any("before-upgrade-0001" in b.name for b in store.backups())
        assert store.complete_year_list().complete


def test_a_failed_reopen_after_restore_leaves_the_store_closed(
    village_file: Path, backups_root, monkeypatch
) -> None:
    store = CenterStore.open(village_file, backups_root=backups_root)
    backup = store.backup_now("good")
    real_check = durable.check_contents
    calls = []

    def failing_after_copy(path: Path, *args, **kwargs) -> str:
        calls.append(path)
        if Path(path) == village_file.resolve():  # the reopen of the restored file
            raise CorruptFile("模拟：恢复后的文件无法打开", path=path)
        return real_check(path, *args, **kwargs)

    monkeypatch.setattr(durable, "check_contents", failing_after_copy)
    with pytest.raises(StoreClosed) as raised:
        store.restore(backup)
    message = str(raised.value)
    assert "文件已关闭" in message and "恢复前的内容保存在" in message
    assert store.closed
    with pytest.raises(StoreClosed, match="已经关闭"):
        store.years()
    with pytest.raises(StoreClosed):
        store.set_fact(2026, "area_m2", 300)
    monkeypatch.undo()
    with CenterStore.open(village_file, backups_root=backups_root) as again:  # the lock was released
        assert again.years() == [2026, 2025]
    store.close()  # closing a closed store is harmless


def test_the_first_run_dialog_says_why_a_read_only_file_takes_no_profile(
    qtbot, tmp_path, backups_root
) -> None:
    from dqsa.ui.first_run import FirstRunDialog

    with tmpfs(tmp_path / "只读盘", "4m") as media:
        path = media / "空 中心.dqsa"
        CenterStore.open(path, create=True, backups_root=backups_root).close()
        remount_read_only(media)
        with CenterStore.open(path, backups_root=backups_root) as store:
            dialog = FirstRunDialog(store)
            qtbot.addWidget(dialog)
            dialog.ui.nameEdit.setText("某村党群服务中心")
            dialog.ui.levelCombo.setCurrentIndex(0)
            dialog.accept()  # refused by the store: the dialog stays, with the reason
            assert "只读" in dialog.ui.errorLabel.text()
            assert dialog.result() == 0
            assert store.center() is None
