"""Garbage is collected on the GUI thread's timer, never by allocation on a worker thread."""

from __future__ import annotations

import gc
import threading
import weakref

from dqsa.ui.collector import GuiThreadCollector, install


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_automatic_collection_is_off_while_the_collector_runs(qtbot, qapp) -> None:
    # The conftest's collector is running for this GUI test already.
    assert not gc.isenabled()
    assert install(qapp) is qapp.findChild(GuiThreadCollector)


def test_a_cycle_made_on_a_worker_thread_is_freed_by_the_gui_thread_timer(qtbot, qapp) -> None:
    collector = qapp.findChild(GuiThreadCollector)
    refs: list[weakref.ref[_Cycle]] = []
    freed_on: list[str] = []

    def make_garbage() -> None:
        for _ in range(3000):  # far past generation 0's threshold of 700
            refs.append(weakref.ref(_Cycle(), lambda _r: freed_on.append(threading.current_thread().name)))

    worker = threading.Thread(target=make_garbage, name="worker")
    worker.start()
    worker.join()
    assert any(r() is not None for r in refs), "the worker's allocations triggered a collection"
    qtbot.waitUntil(lambda: all(r() is None for r in refs), timeout=3000)
    assert freed_on and set(freed_on) == {threading.main_thread().name}
    assert collector is not None


def test_stop_gives_collection_back_to_python(qapp) -> None:
    was = gc.isenabled()
    collector = GuiThreadCollector(qapp)
    try:
        assert not gc.isenabled()
    finally:
        collector.stop()
        collector.deleteLater()
    assert gc.isenabled()
    if not was:
        gc.disable()
