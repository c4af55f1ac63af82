"""The check that refuses to start the GUI on a PySide6 build that corrupts reference counts."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

from rnn_desktop.gui.binding_check import CALLS, binding_problem


class Probe(QObject):
    ping = Signal()


def test_installed_binding_keeps_refcounts():
    # The GUI fixtures already fail every test on a broken build; this names the defect itself.
    probe = Probe()
    before = sys.getrefcount(True)
    for _ in range(CALLS):
        probe.ping.emit()
    # Other code may take or drop a reference meanwhile; a broken build loses one per call.
    assert before - sys.getrefcount(True) < CALLS // 2
    assert binding_problem() is None


def test_problem_names_version_and_fix(monkeypatch):
    import sys as sys_module

    # Simulate a binding that loses one reference to True per emission.
    counts = iter([10_000, 10_000 - CALLS])
    monkeypatch.setattr(sys_module, "getrefcount", lambda obj: next(counts))
    problem = binding_problem()

    assert problem is not None
    assert "PySide6" in problem
    assert "pip install" in problem
