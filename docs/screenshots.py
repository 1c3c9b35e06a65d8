"""Render every window of dqsa at 1366×768 to PNG, to look at them and for the user guide.

    DISPLAY=:15 python docs/screenshots.py --scale 150 --out /tmp/shots
    DISPLAY=:15 python docs/screenshots.py --guide     # rewrite docs/images/*.png

Runs on the example center in a temporary DQSA_HOME (the user's data is never
touched). Needs a display (Xvfb is fine) or QT_QPA_PLATFORM=offscreen.
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
    "home.png": "01-home",
    "site.png": "02-page-01",
    "staff.png": "02-page-02",
    "review.png": "10-review-selected",
    "export.png": "04-export",
}
GUIDE_WIDTH = 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=100, choices=(100, 125, 150))
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--guide", action="store_true", help="also write the user guide's pictures")
    args = parser.parse_args()
    os.environ["DQSA_HOME"] = tempfile.mkdtemp(prefix="dqsa-shots-")
    out = args.out or Path(tempfile.mkdtemp(prefix="dqsa-png-"))
    out.mkdir(parents=True, exist_ok=True)
    shoot(args.scale, out)
    if args.guide:
        write_guide_pictures(out)
    print(out)


def shoot(scale: int, out: Path) -> None:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    from dqsa.ui.i18n import install_translations

    install_translations(app, "zh_CN")
    app.setApplicationDisplayName("党群服务中心自评")
    from dqsa.demo import build_demo_file
    from dqsa.export.packet import export_packet
    from dqsa.export.verify import verify_packet
    from dqsa.settings import Settings
    from dqsa.store.service import CenterStore
    from dqsa.ui.comparison_view import ComparisonDialog
    from dqsa.ui.first_run import FirstRunDialog
    from dqsa.ui.main_window import MainWindow
    from dqsa.ui.new_year import NewAssessmentDialog
    from dqsa.ui.verification import result_box

    def shot(widget, name: str) -> None:
        for _ in range(5):
            app.processEvents()
        widget.grab().save(str(out / f"{name}.png"))

    store = CenterStore.open(build_demo_file(Path(tempfile.mkdtemp()) / "demo"))
    window = MainWindow(store, Settings(text_scale=scale), demo=True, ask_first_run=False)
    window.resize(1366, 768)
    window.show()
    shot(window, "01-home")
    window.open_assessment(2026)
    wizard = window.wizard
    for index in range(wizard.page_count()):
        wizard.go_to(index)
        shot(window, f"02-page-{index:02d}")
    wizard.go_to(1)
    area = wizard.ui.pageStack.widget(1).builder.fields["facts.area_m2"]
    area.edit.setText("2OO")
    area._typed("2OO")  # as typed: the message under the field
    shot(window, "03-site-typing-error")
    wizard.show_export_page()
    shot(window, "04-export")
    wizard.go_to(wizard.ui.pageStack.indexOf(wizard.review))
    wizard.review.next_missing_measure()
    shot(window, "10-review-selected")
    window.close_assessment()
    empty = CenterStore.open(Path(tempfile.mkdtemp()) / "empty.dqsa", create=True)
    dialog = FirstRunDialog(empty, window)
    dialog.show()
    shot(dialog, "05-first-run")
    dialog.ui.packCombo.setCurrentIndex(1)
    dialog.adjustSize()
    shot(dialog, "05b-first-run-wenzhou")
    dialog.close()
    pack = store.pack_for(2026)
    for name, existing in (("06-new-year", store.years()), ("06b-new-year-from", [2025])):
        dialog = NewAssessmentDialog(existing, window, pack=pack)
        dialog.show()
        dialog.adjustSize()
        shot(dialog, name)
        dialog.close()
    comparison = ComparisonDialog(store, window)
    comparison.resize(1300, 700)
    comparison.show()
    shot(comparison, "07-compare")
    comparison.old_year.setCurrentIndex(comparison.old_year.findData(2026))
    shot(comparison, "07b-compare-invalid")
    comparison.close()
    backups = window.backups_dialog()
    backups.show()
    shot(backups, "08-backups")
    backups.close()
    window.show_user_guide()
    window.guide_window.resize(1000, 700)
    shot(window.guide_window, "09-guide")
    window.guide_window.close()
    packet = export_packet(
        store, 2025, signer_name="张伟", signer_title="村党组织书记", passphrase="secret-2026",
        out_dir=Path(tempfile.mkdtemp()),
    )  # fmt: skip
    box = result_box(verify_packet(packet.path), window)
    box.show()
    shot(box, "11-verify-result")
    box.close()
    window.close()
    empty.close()
    carried_year(app, shot, scale)


def carried_year(app, shot, scale: int) -> None:
    """2026 started from 2025 (新建年度自评 → 以 2025 年度为起点): the yearly fields marked 待更新."""
    from dqsa.demo import build_demo_file
    from dqsa.settings import Settings
    from dqsa.store.service import CenterStore
    from dqsa.ui.main_window import MainWindow

    store = CenterStore.open(build_demo_file(Path(tempfile.mkdtemp()) / "carried"))
    store.delete_assessment(2026)
    store.create_assessment(2026, from_year=2025)
    window = MainWindow(store, Settings(text_scale=scale), demo=True, ask_first_run=False)
    window.resize(1366, 768)
    window.show()
    window.open_assessment(2026)
    wizard = window.wizard
    for index in range(wizard.page_count()):
        wizard.go_to(index)
        page = wizard.ui.pageStack.widget(index)
        builder = getattr(page, "builder", None)
        shown = [m for m in builder.pending.marks.values() if not m.isHidden()] if builder else []
        if shown:  # the first field marked 待更新 in view
            app.processEvents()
            page.ui.scrollArea.ensureWidgetVisible(shown[0], 50, 200)
        shot(window, f"12-carried-page-{index:02d}")
    window.close()
    store.close()


def write_guide_pictures(out: Path) -> None:
    """The guide's five pictures, 1000 px wide, from the screenshots just taken."""
    from PIL import Image

    for name, source in GUIDE.items():
        with Image.open(out / f"{source}.png") as picture:
            height = round(picture.height * GUIDE_WIDTH / picture.width)
            small = picture.convert("RGB").resize((GUIDE_WIDTH, height), Image.Resampling.LANCZOS)
            small.quantize(colors=256).save(HERE / name, optimize=True)


if __name__ == "__main__":
    main()
