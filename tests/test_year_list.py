"""The year list read light (plain sqlite3) from the totals the store caches in the file."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from dqsa.answers_file import load_answers_file
from dqsa.domain.status import AssessmentStatus
from dqsa.packs import find_pack
from dqsa.store.service import CenterProfile, CenterStore
from dqsa.store.year_list import peek_year_list

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def backups_root(tmp_path: Path) -> Path:
    return tmp_path / "备份"


@pytest.fixture
def center_file(tmp_path: Path, backups_root: Path, data_dir: Path) -> Path:
    path = tmp_path / "村 中心.dqsa"
    weak = load_answers_file(data_dir / "village-weak.json")
    with CenterStore.open(path, create=True, backups_root=backups_root) as store:
        store.set_center(CenterProfile(weak.center.name, "village", "huzhou-social-org", weak.center.region))
        store.import_answers(weak.model_copy(update={"year": 2025}))
        store.create_assessment(2026, from_year=2025)
    return path


def test_the_light_read_is_what_the_store_lists(center_file: Path, backups_root: Path) -> None:
    files = sorted(center_file.parent.iterdir())
    before = center_file.read_bytes()
    listing = peek_year_list(center_file)
    assert listing is not None and listing.complete
    assert sorted(center_file.parent.iterdir()) == files  # nothing made beside the file
    assert center_file.read_bytes() == before
    assert listing.center is not None
    pack = find_pack("huzhou-social-org")
    assert (listing.center.level_label, listing.center.pack_title) == (
        pack.level_label("village"),
        pack.title,
    )
    with CenterStore.open(center_file, backups_root=backups_root) as store:
        assert store.year_list() == listing
        for row in listing.rows:
            card = store.scorecard(row.year)
            assert row.totals is not None
            assert Decimal(row.totals.total) == card.total
            assert [Decimal(t.score) for t in row.totals.tables] == [t.score for t in card.tables]
            assert [t.title for t in row.totals.tables] == [t.short_title for t in card.tables]
    assert [row.year for row in listing.rows] == [2026, 2025]


def test_an_edit_outdates_its_years_totals_until_rescored_or_closed(center_file: Path, backups_root) -> None:
    with CenterStore.open(center_file, backups_root=backups_root) as store:
        store.set_fact(2026, "area_m2", 260)  # above the village minimum now: more points
        store.mark_signed(2025, signer="张伟", fingerprint="AB" * 32)
        this, last = store.year_list().rows
        assert this.totals is None  # outdated by the edit: never shown wrong
        assert (
            last.totals is not None and last.status == AssessmentStatus.SIGNED and last.signed_at is not None
        )
        this, last = store.complete_year_list().rows
        assert Decimal(this.totals.total) == store.scorecard(2026).total != store.scorecard(2025).total
        store.set_fact(2026, "area_m2", 150)
        store.delete_assessment(2025)
    listing = peek_year_list(center_file)  # closing rescored what the last edit outdated
    assert listing is not None and listing.complete and listing.years == [2026]
    with CenterStore.open(center_file, backups_root=backups_root) as store:
        assert Decimal(listing.rows[0].totals.total) == store.scorecard(2026).total


def test_nothing_is_read_light_from_a_file_in_use_or_unusual(
    center_file: Path, backups_root, tmp_path
) -> None:
    with CenterStore.open(center_file, backups_root=backups_root):
        assert peek_year_list(center_file) is None  # open: its log may hold what the file lacks
    newer = tmp_path / "更新.dqsa"
    shutil.copy(center_file, newer)
    with sqlite3.connect(newer) as raw:
        raw.execute("UPDATE alembic_version SET version_num='9999'")
    raw.close()
    assert peek_year_list(newer) is None
    junk = tmp_path / "乱码.dqsa"
    junk.write_bytes(b"\x00" * 4096)
    assert peek_year_list(junk) is None
    assert peek_year_list(tmp_path / "没有.dqsa") is None


def test_figures_of_another_program_version_are_scored_again(center_file: Path, backups_root) -> None:
    listing = peek_year_list(center_file, program="0.0.1")
    assert listing is not None and not listing.complete
    assert listing.center is not None and listing.center.level_label is None  # codes only
    with sqlite3.connect(center_file) as raw:
        raw.execute("UPDATE assessment_totals SET program='0.0.1'")
        raw.execute("UPDATE center_display SET program='0.0.1'")
    raw.close()
    with CenterStore.open(center_file, backups_root=backups_root) as store:
        assert not store.year_list().complete
        assert store.complete_year_list().complete
    assert peek_year_list(center_file).complete


def test_a_file_from_the_first_schema_lists_its_years_then_its_scores(tmp_path, backups_root) -> None:
    old = tmp_path / "去年.dqsa"
    shutil.copy(REPO / "tests" / "data" / "schema-0001.dqsa", old)
    listing = peek_year_list(old)
    assert listing is not None and listing.years == [2026, 2025] and not listing.complete
    with CenterStore.open(old, backups_root=backups_root) as store:  # migrated to 0002
        assert not store.year_list().complete
        complete = store.complete_year_list()
        assert complete.complete
        assert Decimal(complete.rows[0].totals.total) == store.scorecard(2026).total
    assert peek_year_list(old).complete


def test_the_light_read_loads_nothing_heavy(center_file: Path) -> None:
    code = (
        "import sys; from pathlib import Path; from dqsa.store.year_list import peek_year_list; "
        "listing = peek_year_list(Path(sys.argv[1])); "
        "heavy = sorted(m for m in ('sqlalchemy', 'pydantic', 'yaml', 'alembic', 'PIL', 'PySide6') if m in sys.modules); "
        "import json; print(json.dumps([heavy, listing.years, listing.rows[0].totals.total]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(center_file)], capture_output=True, text=True, check=True
    )
    heavy, years, total = json.loads(done.stdout)
    assert heavy == [] and years == [2026, 2025] and Decimal(total) > 0


def test_the_home_view_draws_the_light_list_without_loading_anything_heavy(center_file: Path) -> None:
    """The list on screen before the store is loaded: drawing it (the 上级审核 column, the words of
    every cell) must not import the criteria models or the database layer on the GUI thread."""
    code = (
        "import sys; from pathlib import Path; from PySide6.QtWidgets import QApplication; "
        "app = QApplication([]); from dqsa.ui.home import HomeView; "
        "from dqsa.store.year_list import peek_year_list; view = HomeView(); "
        "view.show_year_list(peek_year_list(Path(sys.argv[1]))); "
        "table = view.ui.assessmentTable; "
        "heavy = sorted(m for m in ('sqlalchemy', 'pydantic', 'yaml', 'alembic', 'PIL', 'openpyxl') if m in sys.modules); "
        "import json; print(json.dumps([heavy, table.rowCount()]))"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", code, str(center_file)], capture_output=True, text=True, check=True, env=env
    )
    heavy, rows = json.loads(done.stdout.strip().splitlines()[-1])
    assert heavy == [] and rows == 2


def test_the_home_view_draws_the_light_list_then_fills_what_is_missing(
    qtbot, center_file, backups_root
) -> None:
    from dqsa.ui.home import PENDING, HomeView

    view = HomeView()
    qtbot.addWidget(view)
    view.show()
    listing = peek_year_list(center_file)
    view.show_year_list(listing)
    table = view.ui.assessmentTable
    assert table.rowCount() == 2 and table.item(0, 0).text() == "2026"
    assert table.item(0, 4).text() == listing.rows[0].totals.total
    assert not view.ui.newButton.isEnabled() and not view.ui.openButton.isEnabled()  # no store yet
    assert find_pack("huzhou-social-org").level_label("village") in view.ui.detailsLabel.text()
    with sqlite3.connect(center_file) as raw:  # figures left by another program version
        raw.execute("UPDATE assessment_totals SET program='0.0.1'")
    raw.close()
    with CenterStore.open(center_file, backups_root=backups_root) as store:
        with qtbot.waitSignal(view.list_drawn, timeout=10000, check_params_cb=lambda complete: complete):
            view.show_store(store)
            # drawn at once without figures (no table columns known yet), scored in the background
            assert [table.item(0, c).text() for c in range(3)] == ["2026", "草稿", PENDING]
        assert table.item(0, 4).text() == listing.rows[0].totals.total
        assert view.ui.newButton.isEnabled() and view.ui.openButton.isEnabled()


def test_started_on_a_file_another_program_holds_is_a_message(tmp_path: Path, center_file: Path) -> None:
    """The list may be read light before the open fails: the failure is still a message, exit 1."""
    with subprocess.Popen(
        [sys.executable, "-c", HOLD, str(center_file), str(tmp_path / "b")], stdout=subprocess.PIPE, text=True
    ) as holder:
        try:
            assert holder.stdout.readline().strip() == "open"
            env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DQSA_EXIT_AFTER_LOAD": "1"}
            done = subprocess.run(
                [sys.executable, "-m", "dqsa", str(center_file), "--no-err-windows"],
                env=env, capture_output=True, text=True, encoding="utf-8", timeout=120, check=False,
            )  # fmt: skip
        finally:
            holder.kill()
    assert done.returncode == 1
    assert "另一个 dqsa 窗口" in done.stderr and "Traceback" not in done.stderr


HOLD = """
import sys, time
from pathlib import Path
from dqsa.store.service import CenterStore
store = CenterStore.open(Path(sys.argv[1]), backups_root=Path(sys.argv[2]))
print("open", flush=True)
time.sleep(60)
"""


def test_the_home_view_withdraws_a_light_list_when_the_file_does_not_open(qtbot, center_file: Path) -> None:
    from dqsa.ui.home import HomeView

    view = HomeView()
    qtbot.addWidget(view)
    view.show_year_list(peek_year_list(center_file))
    view.show_closed()
    assert view.ui.assessmentTable.rowCount() == 0
    assert view.ui.centerLabel.text() == "没有打开中心文件"
    assert not any(
        b.isEnabled()
        for b in (view.ui.newButton, view.ui.openButton, view.ui.exportButton, view.ui.deleteButton)
    )
