"""The background-job helper: results and errors come back on the GUI thread."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject

from dqsa.ui.worker import run_in_background


def test_work_runs_off_the_gui_thread_and_reports_back_on_it(qtbot) -> None:
    parent = QObject()
    seen: dict[str, object] = {}

    def work(report) -> int:
        seen["work_thread"] = threading.get_ident()
        report(50, "一半")
        return 42

    def done(result: int) -> None:
        seen["result"], seen["done_thread"] = result, threading.get_ident()

    progress: list[tuple[int, str]] = []
    job = run_in_background(
        work, parent=parent, on_done=done, on_progress=lambda p, t: progress.append((p, t))
    )
    qtbot.waitUntil(lambda: job.done, timeout=5000)  # set by the slot on the GUI thread
    assert seen["result"] == 42
    assert seen["work_thread"] != threading.get_ident()
    assert seen["done_thread"] == threading.get_ident()
    assert progress == [(50, "一半")]


def test_an_error_in_the_work_reaches_the_error_handler(qtbot) -> None:
    parent = QObject()
    errors: list[Exception] = []

    def work(report) -> None:
        raise ValueError("坏了")

    job = run_in_background(work, parent=parent, on_done=lambda r: None, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert job.done
    assert [str(e) for e in errors] == ["坏了"]
