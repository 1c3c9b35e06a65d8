"""Render every window of the receiving desk at 1366×768 to PNG, to look at them and for the user guide.

    DISPLAY=:24 python docs/desk_screenshots.py --scale 150 --out /tmp/desk-shots
    DISPLAY=:24 python docs/desk_screenshots.py --guide     # also rewrite docs/images/desk-*.png

Runs on the example desk (``dqsa --demo-desk``) in a temporary DQSA_HOME (the user's
data is never touched; the example packets are made there the first time, about half
a minute). Needs a display (Xvfb is fine) or QT_QPA_PLATFORM=offscreen.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent / "images"
#: The guide's pictures: file name → the screenshot it is made from.
GUIDE = {
    "desk-table.png": "01-table",
    "desk-dashboard.png": "02-dashboard",
    "desk-review.png": "03-review",
    "desk-return.png": "03d-return-dialog",
    "desk-receipts.png": "05-receipts",
    "desk-identity.png": "06-held-identity",
}
GUIDE_WIDTH = 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=100, choices=(100, 125, 150))
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument(
        "--home", type=Path, default=None, help="a DQSA_HOME to reuse (its example packets are kept)"
    )
    parser.add_argument("--guide", action="store_true", help="also write the user guide's pictures")
    parser.add_argument("--lang", default="zh_CN", choices=("zh_CN", "en"))
    args = parser.parse_args()
    os.environ["DQSA_HOME"] = str(args.home or tempfile.mkdtemp(prefix="dqsa-desk-shots-"))
    out = args.out or Path(tempfile.mkdtemp(prefix="dqsa-desk-png-"))
    out.mkdir(parents=True, exist_ok=True)
    shoot(args.scale, out, args.lang)
    if args.guide:
        write_guide_pictures(out)
    print(out)


def shoot(scale: int, out: Path, language: str = "zh_CN") -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog

    app = QApplication.instance() or QApplication(sys.argv)
    from dqsa.ui.i18n import install_translations

    translators = install_translations(app, language)  # kept alive while the windows are drawn
    app.setApplicationDisplayName("党群服务中心自评")
    from dqsa.demo_desk import build_demo_desk
    from dqsa.export.receive import receive_paths
    from dqsa.settings import Settings
    from dqsa.store.desk.service import DeskStore
    from dqsa.ui.desk.receiving import HeldIdentityDialog, ReceiptSummary
    from dqsa.ui.desk.returning import ReturnReviewDialog
    from dqsa.ui.desk.viewers import LastYearDialog, PhotoDialog
    from dqsa.ui.desk.window import DeskWindow

    def shot(widget, name: str) -> None:
        for _ in range(5):
            app.processEvents()
        widget.grab().save(str(out / f"{name}.png"))

    path = build_demo_desk(Path(tempfile.mkdtemp()) / "demo")
    store = DeskStore.open(path)
    window = DeskWindow(store, Settings(text_scale=scale), demo=True)
    window.resize(1366, 768)
    window.show()
    shot(window, "01-table")
    overview = window.overview
    overview.ui.tabs.setCurrentWidget(overview.ui.dashboardTab)
    shot(window, "02-dashboard")
    overview.dashboard.verticalScrollBar().setValue(overview.dashboard.verticalScrollBar().maximum())
    shot(window, "02b-dashboard-bottom")
    overview.ui.standardCombo.setCurrentIndex(1)
    overview.dashboard.verticalScrollBar().setValue(0)
    shot(window, "02c-dashboard-wenzhou")
    overview.ui.tabs.setCurrentWidget(overview.ui.tableTab)
    shot(window, "01b-table-wenzhou")
    overview.ui.standardCombo.setCurrentIndex(0)
    reviewed = store.counted_packet("桑园社区党群服务中心", 2026)
    window.open_review(reviewed.id)
    view = window.review_view
    view.ui.itemTree.setCurrentItem(view._items["A2.mass.1"])
    shot(window, "03-review")
    returning = ReturnReviewDialog(store, reviewed.id, window, reviewer="李明")
    returning.title.setText("组织委员")
    returning.folder.setText(
        "C:\\Users\\李明\\Desktop"
    )  # as on the reviewer's laptop, not this machine's home
    returning.passphrase.setFocus()
    returning.show()
    shot(returning, "03d-return-dialog")
    returning.close()
    view.ui.itemTree.setCurrentItem(view._items["A2.role.1"])
    view.score.edit.setText("4x")
    view.score._typed("4x")
    shot(window, "03b-review-typing-error")
    view.score.set_value(None)
    wenzhou = store.counted_packet("瓯江社区瓯江红党群服务中心", 2026)
    window.open_review(wenzhou.id)
    view.ui.itemTree.setCurrentItem(view._items["R.daily.1"])
    shot(window, "03c-review-checklist")
    photos_packet = store.counted_packet("清溪村党群服务中心", 2026)
    for name, dialog in (
        ("04-photos", PhotoDialog(store, photos_packet.id, window)),
        ("04b-last-year", LastYearDialog(store, photos_packet.id, window)),
    ):
        dialog.show()
        shot(dialog, name)
        dialog.close()
    window.close_review()
    # the example's packets received into a new desk, with a damaged copy and a stray file among them
    from dqsa.demo_desk import demo_packets

    folder = Path(tempfile.mkdtemp()) / "收到的材料包"
    folder.mkdir()
    packets = demo_packets()
    for number, packet in enumerate(packets):
        (folder / f"{number:02d}-{packet.center}-{packet.year}.zip").write_bytes(packet.path.read_bytes())
    broken = bytearray(packets[5].path.read_bytes())
    broken[len(broken) // 2] ^= 1
    (folder / "改过一个字节.zip").write_bytes(bytes(broken))
    (folder / "说明.txt").write_text("材料包在这个文件夹里", encoding="utf-8")
    fresh = DeskStore.create(Path(tempfile.mkdtemp()) / "接收.dqsd", "示例县社会组织综合党委")
    receipts, odd = receive_paths(fresh, [folder], workers=1)
    summary = ReceiptSummary(fresh, receipts, odd, window)
    summary.show()
    shot(summary, "05-receipts")
    summary.close()
    fresh.close()
    held = store.held_packets()[0]
    dialog = HeldIdentityDialog(store, held.id, window, reviewer="李明")
    dialog.reason.setPlainText("12月1日电话联系南湖乡中心王书记，逐组核对新指纹一致；原因是更换了电脑。")
    dialog.show()
    shot(dialog, "06-held-identity")
    dialog.close()
    empty = DeskStore.create(Path(tempfile.mkdtemp()) / "新台账.dqsd", "某某街道社会组织综合党委")
    window.set_store(empty)
    shot(window, "07-empty-desk")
    window.close()
    QTimer.singleShot(0, app.quit)
    _ = QDialog, translators


def write_guide_pictures(out: Path) -> None:
    """The guide's pictures, 1000 px wide, from the screenshots just taken."""
    from PIL import Image

    for name, source in GUIDE.items():
        with Image.open(out / f"{source}.png") as picture:
            width = min(GUIDE_WIDTH, picture.width)
            height = round(picture.height * width / picture.width)
            small = picture.convert("RGB").resize((width, height), Image.Resampling.LANCZOS)
            small.quantize(colors=256).save(HERE / name, optimize=True)


if __name__ == "__main__":
    main()
