"""Self-test after installation: ``dqsa --self-test``.

Runs the whole chain once on the bundled example, in a temporary folder and with a
temporary ``DQSA_HOME`` (the user's data, settings and signing key are never
touched): build the example center, score an example, export a signed packet, verify
it, and open the main window offscreen. It proves that a frozen build carries its
resources, the Alembic migrations, the export libraries, a usable Chinese font and the
Qt plugins. Qt is imported only in the last step.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

PASSPHRASE = "self-test-passphrase"
SIGNER = "自检"
TITLE = "自检"
#: Also write the report to this file (build scripts read it; a windowed Windows build has no console).
REPORT_ENV = "DQSA_SELF_TEST_REPORT"

_report: list[Path] = []


def _say(text: str) -> None:
    if sys.stdout is not None:  # None in a windowed (console-less) Windows build
        try:
            print(text, flush=True)
        except UnicodeEncodeError:  # a console that cannot show Chinese: say it in ASCII
            print(text.encode("ascii", "replace").decode("ascii"), flush=True)
    for path in _report:
        with contextlib.suppress(OSError), path.open("a", encoding="utf-8") as stream:
            stream.write(text + "\n")


def _report_file() -> Path | None:
    """Where the report goes besides the console: $DQSA_SELF_TEST_REPORT, or the log folder without a console."""
    named = os.environ.get(REPORT_ENV)
    if named:
        return Path(named)
    if sys.stdout is None:
        from dqsa.paths import log_dir

        return log_dir() / "self-test.txt"
    return None


def run_self_test() -> int:
    """Run every step; 0 only when all of them worked, else 1 (each failure is printed)."""
    from dqsa import __version__

    _report.clear()
    report = _report_file()
    if report is not None:
        with contextlib.suppress(OSError):
            report.parent.mkdir(parents=True, exist_ok=True)
            report.write_text("", encoding="utf-8")
            _report.append(report)
    _say(f"dqsa {__version__} 自检 / self-test ({sys.platform}, frozen={getattr(sys, 'frozen', False)})")
    folder = Path(tempfile.mkdtemp(prefix="dqsa-self-test-"))
    saved_env = {name: os.environ.get(name) for name in ("DQSA_HOME", "QT_QPA_PLATFORM")}
    os.environ["DQSA_HOME"] = str(folder / "home")
    state: dict[str, Any] = {}
    failures: list[str] = []

    def step(label: str, action: Callable[[], str]) -> bool:
        started = time.perf_counter()
        try:
            detail = action()
        except BaseException as exc:
            if isinstance(exc, KeyboardInterrupt):
                raise
            failures.append(label)
            _say(f"  失败 FAILED  {label}: {type(exc).__name__}: {exc}")
            for line in traceback.format_exc().rstrip().splitlines():
                _say(f"      {line}")
            return False
        _say(f"  通过 ok      {label}（{time.perf_counter() - started:.2f} s）{detail}")
        return True

    try:
        built = step("建立示例中心 / build the example center", lambda: _build_demo(folder, state))
        step("为示例答卷评分 / score a bundled example", lambda: _score_example(state))
        if built:
            exported = step("导出签署材料包 / export a signed packet", lambda: _export(folder, state))
            if exported:
                step("校验材料包 / verify the packet", lambda: _verify(state))
            if step("打开主窗口 / open the main window (offscreen)", lambda: _open_window(state)):
                step("用户指南及其插图 / the user guide with its pictures", lambda: _guide(state))
        else:
            failures.append("导出、校验、主窗口未运行 / export, verify, window skipped")
    finally:
        store = state.get("store")
        if store is not None:
            try:
                store.close()
            except Exception as exc:
                _say(f"  （关闭示例中心时出错 / closing the example center: {exc}）")
        for name, value in saved_env.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        shutil.rmtree(folder, ignore_errors=True)
    if failures:
        _say("自检失败 / self-test FAILED: " + "; ".join(failures))
        return 1
    _say("自检通过 / self-test passed")
    return 0


def _build_demo(folder: Path, state: dict[str, Any]) -> str:
    from dqsa.demo import build_demo_file
    from dqsa.store.service import CenterStore

    path = build_demo_file(folder / "center")
    store = CenterStore.open(path, backups_root=folder / "center" / "backups")
    state["store"] = store
    years = store.years()
    if not years:
        raise RuntimeError("示例中心没有任何年度 / the example center has no year")
    state["year"] = max(years)
    return f" 年度 years: {', '.join(map(str, years))}"


def _score_example(state: dict[str, Any]) -> str:
    from dqsa.answers_file import load_answers_file
    from dqsa.domain.scoring import fmt, score
    from dqsa.packs import find_pack
    from dqsa.paths import resource_path

    examples = sorted(resource_path("examples").glob("*.json"))
    if not examples:
        raise FileNotFoundError("resources/examples 中没有示例答卷 / no bundled example answers")
    answers = load_answers_file(examples[-1])
    card = score(find_pack(answers.pack.id, answers.pack.version), answers)
    if not card.items():
        raise RuntimeError("评分结果为空 / the scorecard has no item")
    store = state.get("store")
    if store is not None:  # the same year scored from the center file gives the same total
        stored = store.scorecard(answers.year)
        if stored.total != card.total:
            raise RuntimeError(f"中心文件得分 {stored.total} ≠ 答卷得分 {card.total}")
    return f" {examples[-1].name}: {fmt(card.total)} / {fmt(card.max_total)}"


def _export(folder: Path, state: dict[str, Any]) -> str:
    from dqsa.export.packet import export_packet

    result = export_packet(
        state["store"],
        state["year"],
        signer_name=SIGNER,
        signer_title=TITLE,
        passphrase=PASSPHRASE,
        out_dir=folder / "packet",
    )
    state["packet"] = result.path
    return f" {result.size / 1024:.0f} KB"


def _verify(state: dict[str, Any]) -> str:
    from dqsa.export.verify import verify_packet

    verification = verify_packet(state["packet"])
    if not verification.ok:
        raise RuntimeError("校验未通过 / verification failed: " + "；".join(verification.problems))
    return ""


def _open_window(state: dict[str, Any]) -> str:
    from PySide6.QtWidgets import QApplication

    created = QApplication.instance() is None
    if created:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        app = QApplication([sys.argv[0] if sys.argv else "dqsa", "-platform", "offscreen"])
    else:
        app = QApplication.instance()
    state["app"] = app  # kept for the guide's step

    from dqsa.settings import Settings
    from dqsa.ui.i18n import install_translations
    from dqsa.ui.main_window import MainWindow

    translators = install_translations(app, "zh_CN") if created else []
    window = MainWindow(state["store"], Settings(), demo=True, ask_first_run=False, dialogs=False)
    try:
        window.show()
        app.processEvents()
        window.open_assessment(state["year"])
        app.processEvents()
        if window.wizard is None:
            raise RuntimeError("自评页面没有打开 / the assessment pages did not open")
        pages = window.wizard.page_count()
    finally:
        window.close()
        app.processEvents()
        window.deleteLater()
        app.processEvents()
    for translator in translators:
        app.removeTranslator(translator)
    platform = app.platformName()
    qt_zh = "qtbase_zh_CN 已加载 loaded" if translators else "qtbase_zh_CN 未加载 not loaded"
    return f" 平台 platform {platform}, {pages} 页 pages, {qt_zh}"


#: A picture of the Markdown guide: ``![text](path)``.
_PICTURE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)")


def _guide(state: dict[str, Any]) -> str:
    """The guide is bundled with every picture it shows, and the help window loads each of them
    (a frozen build once shipped the text without docs/images/)."""
    from dqsa.paths import user_guide
    from dqsa.ui.help_window import GuideWindow

    guide = user_guide()
    if guide is None:
        raise FileNotFoundError("找不到用户指南 / the user guide is not in the bundle")
    wanted = sorted(set(_PICTURE.findall(guide.read_text(encoding="utf-8"))))
    if not wanted:
        raise RuntimeError("用户指南中没有插图 / the guide shows no picture")
    missing = [name for name in wanted if not (guide.parent / name).is_file()]
    if missing:
        raise FileNotFoundError("缺少插图 / pictures missing: " + ", ".join(missing))
    window = GuideWindow(guide)
    try:
        loaded = set(window.images())
    finally:
        window.deleteLater()
        state["app"].processEvents()
    unloaded = [name for name in wanted if name not in loaded]
    if unloaded:
        raise RuntimeError("插图无法显示 / pictures that do not load: " + ", ".join(unloaded))
    return f" {len(wanted)} 张插图 pictures"
