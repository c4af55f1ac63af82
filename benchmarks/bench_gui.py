"""GUI latency and throughput: the scripted GUI run against the headless train command.

Each repeat runs ``rnn-desktop train --json`` and ``rnn-desktop gui --autostart
--exit-when-done --report`` with the same options, in alternating order so a
change in machine load hits both sides alike. The GUI runs in a real X window
on an Xvfb display that this script starts (``--offscreen`` uses Qt's
offscreen platform instead).

    python benchmarks/bench_gui.py [--repeats 3] [--offscreen] [--json OUT] [-- TRAIN OPTIONS]

Targets: GUI samples/s at least 90% of headless; GUI-thread lateness of a
10 ms timer p99 < 50 ms and max < 200 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def start_xvfb() -> tuple[subprocess.Popen, str]:
    """Start Xvfb on the first free display number from 100 on; return the process and ":N"."""
    if shutil.which("Xvfb") is None:
        sys.exit("bench_gui: Xvfb is not installed; install it or pass --offscreen")
    for number in range(100, 200):
        if Path(f"/tmp/.X{number}-lock").exists() or Path(f"/tmp/.X11-unix/X{number}").exists():
            continue
        server = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and server.poll() is None:
            if Path(f"/tmp/.X11-unix/X{number}").exists():
                return server, f":{number}"
            time.sleep(0.05)
        server.kill()
        server.wait()
    sys.exit("bench_gui: Xvfb did not start on any display from :100 to :199")


def run_headless(options: list[str], folder: Path) -> dict:
    out = folder / "train.json"
    subprocess.run([sys.executable, "-m", "rnn_desktop", "train", *options, "--json", str(out)],
                   check=True, stdout=subprocess.DEVNULL, timeout=1800)
    return json.loads(out.read_text(encoding="utf-8"))


def run_gui(options: list[str], folder: Path, env: dict) -> dict:
    out = folder / "gui.json"
    result = subprocess.run([sys.executable, "-m", "rnn_desktop", "gui", *options, "--autostart",
                             "--exit-when-done", "--report", str(out)],
                            env=env, capture_output=True, text=True, timeout=1800)
    if result.returncode != 0:
        sys.exit(f"bench_gui: the GUI run failed with status {result.returncode}:\n{result.stderr}")
    return json.loads(out.read_text(encoding="utf-8"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--offscreen", action="store_true", help="use Qt's offscreen platform instead of Xvfb")
    parser.add_argument("--json", metavar="OUT", help="write every measurement to OUT")
    parser.add_argument("options", nargs="*", help="training options for both runs (after --)")
    args = parser.parse_args()

    server = None
    env = dict(os.environ)
    if args.offscreen:
        env["QT_QPA_PLATFORM"] = "offscreen"
    else:
        server, display = start_xvfb()
        env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb")

    rows = []
    try:
        with tempfile.TemporaryDirectory() as temp:
            folder = Path(temp)
            for repeat in range(args.repeats):
                # Alternate the order, so slow minutes of a shared machine fall on both sides.
                if repeat % 2 == 0:
                    headless = run_headless(args.options, folder)
                    gui = run_gui(args.options, folder, env)
                else:
                    gui = run_gui(args.options, folder, env)
                    headless = run_headless(args.options, folder)
                rows.append({
                    "headless_samples_per_second": headless["samples_per_second"],
                    "gui_samples_per_second": gui["samples_per_second"],
                    "ratio": gui["samples_per_second"] / headless["samples_per_second"],
                    "gui_samples_per_second_wall": gui["samples_per_second_wall"],
                    # Both sides run the same epochs, so this is the ratio of their speeds in wall
                    # time, validation included on both sides and snapshots and drawing on one.
                    "ratio_wall": headless["seconds"] / gui["seconds"],
                    "epochs": gui["epochs_shown"],
                    "same_val_rmse": gui["val_rmse"] == headless["val_rmse"],
                    "latency_ms_p50": gui["latency_ms_p50"],
                    "latency_ms_p99": gui["latency_ms_p99"],
                    "latency_ms_max": gui["latency_ms_max"],
                    "load_average_1min": os.getloadavg()[0],
                })
                print(json.dumps(rows[-1]), flush=True)
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)

    print()
    print("| repeat | headless samples/s | GUI samples/s | ratio | wall-time ratio | p50 ms | p99 ms | max ms | load |")
    print("|---|---|---|---|---|---|---|---|---|")
    for i, row in enumerate(rows, start=1):
        print(f"| {i} | {row['headless_samples_per_second']:.0f} | {row['gui_samples_per_second']:.0f} | "
              f"{row['ratio']:.2f} | {row['ratio_wall']:.2f} | {row['latency_ms_p50']:.1f} | "
              f"{row['latency_ms_p99']:.1f} | {row['latency_ms_max']:.1f} | {row['load_average_1min']:.1f} |")
    ratio = statistics.median(row["ratio"] for row in rows)
    ratio_wall = statistics.median(row["ratio_wall"] for row in rows)
    p99 = statistics.median(row["latency_ms_p99"] for row in rows)
    worst = max(row["latency_ms_max"] for row in rows)
    print(f"\nmedian ratio {ratio:.2f} (target >= 0.90; wall time {ratio_wall:.2f}), "
          f"median p99 {p99:.1f} ms (target < 50), "
          f"max {worst:.1f} ms (target < 200)")
    if args.json:
        Path(args.json).write_text(json.dumps({"options": args.options, "rows": rows,
                                               "time": time.strftime("%Y-%m-%d %H:%M:%S")}, indent=2) + "\n",
                                   encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
