"""Time from launching rnn-desktop to its main window being mapped on an X display.

    python benchmarks/bench_startup.py                      # the one-folder bundle in dist/
    python benchmarks/bench_startup.py --runs 10 -- python -m rnn_desktop

Starts its own Xvfb display, launches the command (default:
``dist/rnn-desktop/rnn-desktop``) with a fresh HOME per run, so no saved
settings are restored, and polls ``xwininfo`` every 20 ms until the window titled "rnn-desktop" is
viewable. The app is then closed.
Besides the wall time it prints the CPU time the app used until then (user
plus system, from /proc), which other processes on a shared machine inflate
much less. Needs Linux and the Debian packages xvfb and x11-utils.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Run as a script, so this folder is on sys.path.
from bench_gui import start_xvfb

REPO = Path(__file__).resolve().parent.parent
DEFAULT_COMMAND = [str(REPO / "dist" / "rnn-desktop" / "rnn-desktop")]
POLL_SECONDS = 0.02
WINDOW_NAME = "rnn-desktop"


def window_viewable(display: str) -> bool:
    """Return True when a window titled WINDOW_NAME is mapped and viewable on ``display``."""
    # One light xwininfo call per poll, so polling takes little CPU from the app being timed.
    result = subprocess.run(["xwininfo", "-name", WINDOW_NAME], env={**os.environ, "DISPLAY": display},
                            capture_output=True, text=True)
    return result.returncode == 0 and "IsViewable" in result.stdout


def cpu_seconds(pid: int) -> float:
    """Return the user plus system CPU time of process ``pid`` so far, in seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    # After the command name: state is field 3 of stat(5), utime field 14, stime field 15.
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def time_one_start(command: list[str], display: str, timeout: float) -> tuple[float, float]:
    """Return the wall and CPU seconds from launch until the main window is viewable."""
    with tempfile.TemporaryDirectory(prefix="rnn-desktop-startup-") as home:
        environ = {key: value for key, value in os.environ.items() if key not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
        environ.update(DISPLAY=display, HOME=home, XDG_CONFIG_HOME=f"{home}/config", XDG_DATA_HOME=f"{home}/data")
        started = time.perf_counter()
        app = subprocess.Popen([*command, "gui"], env=environ, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            while not window_viewable(display):
                if app.poll() is not None:
                    raise RuntimeError(f"the app exited with status {app.returncode} before showing a window: "
                                       f"{app.stderr.read().decode(errors='replace')[-2000:]}")
                if time.perf_counter() - started > timeout:
                    raise RuntimeError(f"no window named {WINDOW_NAME!r} within {timeout} s")
                time.sleep(POLL_SECONDS)
            return time.perf_counter() - started, cpu_seconds(app.pid)
        finally:
            app.terminate()
            try:
                app.wait(timeout=10)
            except subprocess.TimeoutExpired:
                app.kill()
                app.wait()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="number of starts to time (default: 5)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds to wait for the window (default: 60)")
    parser.add_argument("command", nargs="*", help="command that starts the app (default: the one-folder bundle)")
    args = parser.parse_args()
    command = args.command or DEFAULT_COMMAND

    server, display = start_xvfb()
    try:
        seconds, cpu = [], []
        for run in range(1, args.runs + 1):
            wall, used = time_one_start(command, display, args.timeout)
            seconds.append(wall)
            cpu.append(used)
            print(f"run {run}: window viewable after {wall:.3f} s wall, {used:.2f} s CPU")
    finally:
        server.terminate()
        server.wait()
    print(f"{' '.join(command)}: wall median {statistics.median(seconds):.3f} s "
          f"(min {min(seconds):.3f}, max {max(seconds):.3f}), CPU median {statistics.median(cpu):.2f} s, "
          f"{len(seconds)} runs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
