"""Cyclic garbage collection runs on the GUI thread, driven by a timer."""

from __future__ import annotations

import gc
import threading

from rnn_desktop.gui.gc_timer import GuiThreadCollector, install_gui_thread_collector


class Cycle:
    def __init__(self) -> None:
        self.me = self


def test_installed_collector_disables_automatic_gc(qapp):
    install_gui_thread_collector(qapp)
    assert not gc.isenabled()


def test_collector_frees_cycles_on_gui_thread(qtbot):
    collector = GuiThreadCollector()
    collected_in = []

    def record(phase, info):
        if phase == "stop":
            collected_in.append(threading.get_ident())

    gc.callbacks.append(record)
    try:
        worker = threading.Thread(target=lambda: [Cycle() for _ in range(50_000)])
        worker.start()
        worker.join()
        assert gc.get_count()[0] > gc.get_threshold()[0]
        collector.collect_due_generations()
    finally:
        gc.callbacks.remove(record)
    assert collected_in, "no collection ran"
    assert set(collected_in) == {threading.get_ident()}
    assert gc.get_count()[0] < gc.get_threshold()[0]
