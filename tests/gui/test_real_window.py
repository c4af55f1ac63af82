"""The scripted run in a real X window, on an Xvfb display that the test starts."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from gui_helpers import SHARED_DATA

pytestmark = pytest.mark.xvfb


@pytest.fixture
def xvfb_display():
    """Start Xvfb on the first free display number from 100 on; yield ":N"."""
    if shutil.which("Xvfb") is None:
        pytest.fail("Xvfb is not installed; install the xvfb package (apt-get install xvfb) "
                    "to run the real-window test", pytrace=False)
    server = None
    for number in range(100, 200):
        if Path(f"/tmp/.X{number}-lock").exists() or Path(f"/tmp/.X11-unix/X{number}").exists():
            continue
        server = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and server.poll() is None:
            if Path(f"/tmp/.X11-unix/X{number}").exists():
                break
            time.sleep(0.05)
        if server.poll() is None and Path(f"/tmp/.X11-unix/X{number}").exists():
            break
        server.kill()
        server.wait()
        server = None
    if server is None:
        pytest.fail("Xvfb did not start on any display from :100 to :199", pytrace=False)
    try:
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_scripted_run_on_real_display(xvfb_display, tmp_path):
    report_path = tmp_path / "report.json"
    screenshot_path = tmp_path / "window.png"
    env = dict(os.environ, DISPLAY=xvfb_display, QT_QPA_PLATFORM="xcb")
    command = [
        sys.executable, "-m", "rnn_desktop", "gui", "--csv", str(SHARED_DATA / "airpassengers.csv"),
        "--seq-len", "12", "--val-windows", "24", "--epochs", "15", "--hidden", "16", "--patience", "none",
        "--autostart", "--exit-when-done", "--report", str(report_path), "--screenshot", str(screenshot_path),
    ]

    result = subprocess.run(command, capture_output=True, text=True, timeout=300, env=env)

    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "QThread: Destroyed" not in result.stderr
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert report["stop_reason"] == "completed"
    assert report["epochs_shown"] == 15
    assert report["curve_points"]["train_loss"] == 15
    assert report["curve_points"]["prediction_train"] == 144 - 12 - 24
    assert report["curve_points"]["prediction_val"] == 24
    assert report["samples_per_second"] > 0
    for key in ("latency_ms_p50", "latency_ms_p99", "latency_ms_max"):
        assert report[key] is not None and report[key] >= 0

    from PySide6.QtGui import QImage

    image = QImage(str(screenshot_path))
    assert not image.isNull()
    assert image.width() >= 800
    colors = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colors) > 20, "the screenshot looks blank"
