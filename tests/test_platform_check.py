"""Tests for the check of Qt's xcb platform plugin that runs before the QApplication."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from rnn_desktop.gui import platform_check
from rnn_desktop.gui.platform_check import (
    DEBIAN_PACKAGES,
    describe_missing,
    find_missing_by_name,
    find_xcb_plugin,
    parse_ldd_output,
    platform_problem,
    uses_xcb,
)

REPO = Path(__file__).resolve().parent.parent

# `ldd libqxcb.so` on a Debian 12 machine without libxcb-cursor0 and libxcb-icccm4,
# shortened to the lines that matter (the format is glibc's).
LDD_MISSING_CURSOR = """\
\tlinux-vdso.so.1 (0x00007ffc1b5f2000)
\tlibQt6XcbQpa.so.6 => /opt/venv/PySide6/Qt/plugins/platforms/../../lib/libQt6XcbQpa.so.6 (0x00007f1)
\tlibxcb-cursor.so.0 => not found
\tlibxcb-icccm.so.4 => not found
\tlibxcb.so.1 => /lib/x86_64-linux-gnu/libxcb.so.1 (0x00007f2)
\tlibxcb-cursor.so.0 => not found
\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f3)
\t/lib64/ld-linux-x86-64.so.2 (0x00007f4)
"""

X11_ENV = {"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":0"}


def fake_plugin(tmp_path: Path) -> Path:
    plugin = tmp_path / "plugins" / "platforms" / "libqxcb.so"
    plugin.parent.mkdir(parents=True)
    plugin.write_bytes(b"\x7fELF placeholder")
    return plugin


def test_parse_ldd_lists_missing_once():
    assert parse_ldd_output(LDD_MISSING_CURSOR) == ["libxcb-cursor.so.0", "libxcb-icccm.so.4"]


def test_parse_ldd_complete_output_is_empty():
    complete = LDD_MISSING_CURSOR.replace("=> not found", "=> /lib/x86_64-linux-gnu/found.so (0x1)")
    assert parse_ldd_output(complete) == []


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"QT_QPA_PLATFORM": "xcb"}, True),
        ({"QT_QPA_PLATFORM": "xcb:dpi=96"}, True),
        ({"QT_QPA_PLATFORM": "xcb;offscreen"}, True),
        ({"QT_QPA_PLATFORM": "offscreen"}, False),
        ({"QT_QPA_PLATFORM": "wayland;xcb"}, False),
        ({}, True),
        ({"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0"}, False),
        ({"XDG_SESSION_TYPE": "wayland"}, True),
    ],
)
def test_uses_xcb_by_environment(environ, expected):
    assert uses_xcb(environ, platform="linux") is expected


def test_uses_xcb_never_off_linux():
    assert uses_xcb({"QT_QPA_PLATFORM": "xcb"}, platform="win32") is False
    assert uses_xcb({}, platform="darwin") is False


def test_message_names_debian_packages(tmp_path):
    message = describe_missing(tmp_path / "libqxcb.so", ["libxcb-cursor.so.0", "libxcb-icccm.so.4"])
    assert "libxcb-cursor.so.0 (Debian/Ubuntu package libxcb-cursor0)" in message
    assert "sudo apt-get install libxcb-cursor0 libxcb-icccm4" in message
    assert "QT_QPA_PLATFORM=offscreen" in message


def test_message_for_missing_qt_library_says_reinstall(tmp_path):
    message = describe_missing(tmp_path / "libqxcb.so", ["libQt6XcbQpa.so.6"])
    assert "libQt6XcbQpa.so.6" in message
    assert "reinstall" in message
    assert "apt-get install" not in message


def test_problem_reports_missing_cursor_library(tmp_path):
    plugin = fake_plugin(tmp_path)
    environ = {**X11_ENV, "QT_PLUGIN_PATH": str(plugin.parent.parent)}
    message = platform_problem(environ, ldd=lambda path: LDD_MISSING_CURSOR)
    assert message is not None
    assert "libxcb-cursor0" in message
    assert str(plugin) in message


def test_problem_none_when_libraries_present(tmp_path):
    plugin = fake_plugin(tmp_path)
    environ = {**X11_ENV, "QT_PLUGIN_PATH": str(plugin.parent.parent)}
    complete = "\tlibxcb.so.1 => /lib/x86_64-linux-gnu/libxcb.so.1 (0x1)\n"
    assert platform_problem(environ, ldd=lambda path: complete, display_reachable=lambda number: True) is None


def test_problem_reports_missing_display(tmp_path):
    plugin = fake_plugin(tmp_path)
    environ = {"QT_QPA_PLATFORM": "xcb", "QT_PLUGIN_PATH": str(plugin.parent.parent)}
    message = platform_problem(environ, ldd=lambda path: "")
    assert message is not None
    assert "DISPLAY" in message


@pytest.mark.parametrize(("display", "number"), [
    (":0", 0), (":99", 99), (":1.0", 1), ("unix:7", 7), (" :3 ", 3),
    ("localhost:10.0", None), ("remote.example:0", None), ("wayland-0", None), ("", None),
])
def test_local_display_number_table(display, number):
    assert platform_check.local_display_number(display) == number


def test_problem_reports_display_without_server(tmp_path):
    plugin = fake_plugin(tmp_path)
    environ = {"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":99", "QT_PLUGIN_PATH": str(plugin.parent.parent)}
    asked = []

    message = platform_problem(environ, ldd=lambda path: "", display_reachable=lambda n: asked.append(n) or False)

    assert asked == [99]
    assert message is not None
    assert "DISPLAY=:99" in message
    assert "xvfb-run" in message
    assert "libxcb-cursor0" not in message


def test_problem_skips_remote_display_check(tmp_path):
    plugin = fake_plugin(tmp_path)
    environ = {"QT_QPA_PLATFORM": "xcb", "DISPLAY": "localhost:10.0", "QT_PLUGIN_PATH": str(plugin.parent.parent)}

    def fail_reachable(number):
        raise AssertionError(f"a remote display must not be probed, probed {number}")

    assert platform_problem(environ, ldd=lambda path: "", display_reachable=fail_reachable) is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Unix sockets of X servers on Linux")
def test_display_reachable_with_listening_socket(tmp_path):
    import socket

    folder = tmp_path / "x11"
    folder.mkdir()
    assert not platform_check.x_display_reachable(5, socket_folder=str(folder))

    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(str(folder / "X5"))
        server.listen(1)
        assert platform_check.x_display_reachable(5, socket_folder=str(folder))
    assert not platform_check.x_display_reachable(6, socket_folder=str(folder))


def test_problem_skips_offscreen():
    def fail_ldd(path):
        raise AssertionError(f"ldd must not run for the offscreen platform, ran on {path}")

    assert platform_problem({"QT_QPA_PLATFORM": "offscreen"}, ldd=fail_ldd) is None


def test_fallback_without_ldd_uses_find_library(tmp_path):
    present = {"xcb", "xcb-icccm"}
    missing = find_missing_by_name(
        ["libxcb.so.1", "libxcb-cursor.so.0", "libxcb-icccm.so.4"],
        find_library=lambda name: f"lib{name}.so" if name in present else None,
    )
    assert missing == ["libxcb-cursor.so.0"]


def test_known_sonames_map_to_packages():
    for soname, package in DEBIAN_PACKAGES.items():
        assert soname.startswith("lib"), soname
        assert ".so." in soname, soname
        assert package and " " not in package, (soname, package)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the xcb plugin exists on Linux only")
def test_real_plugin_found_in_pyside6():
    plugin = find_xcb_plugin({})
    assert plugin is not None
    assert plugin.name == "libqxcb.so"


@pytest.mark.skipif(shutil.which("ldd") is None, reason="needs ldd (glibc)")
def test_moved_plugin_reports_qt_library(tmp_path, monkeypatch):
    # A copy of the real plugin outside PySide6 cannot reach Qt's libraries through
    # its relative RUNPATH, so real ldd output must report libQt6XcbQpa as missing.
    plugin = find_xcb_plugin({})
    assert plugin is not None
    copy = tmp_path / "plugins" / "platforms" / "libqxcb.so"
    copy.parent.mkdir(parents=True)
    shutil.copy2(plugin, copy)
    environ = {**X11_ENV, "QT_PLUGIN_PATH": str(copy.parent.parent)}
    monkeypatch.delenv("LD_LIBRARY_PATH", raising=False)

    message = platform_problem(environ)

    assert message is not None
    assert "libQt6XcbQpa.so.6" in message
    assert "reinstall" in message


@pytest.mark.skipif(shutil.which("ldd") is None, reason="needs ldd (glibc)")
def test_real_plugin_loads_on_this_machine():
    # The test machine (and CI, which installs the xcb libraries) has every library,
    # so both detection paths must find nothing missing.
    plugin = find_xcb_plugin({})
    assert plugin is not None
    output = platform_check.run_ldd(plugin)
    assert output is not None
    from_ldd = parse_ldd_output(output)
    assert from_ldd == [], f"missing {from_ldd}: install {[DEBIAN_PACKAGES.get(n, n) for n in from_ldd]}"
    xcb_libraries = [name for name in DEBIAN_PACKAGES if name.startswith("libxcb")]
    assert find_missing_by_name(xcb_libraries) == []


def test_cli_gui_prints_package_message(tmp_path):
    # The command line must print the message and exit instead of letting Qt abort.
    plugin = fake_plugin(tmp_path)
    fake_ldd_dir = tmp_path / "bin"
    fake_ldd_dir.mkdir()
    fake_ldd = fake_ldd_dir / "ldd"
    fake_ldd.write_text("#!/bin/sh\ncat <<'EOF'\n" + LDD_MISSING_CURSOR + "EOF\n")
    fake_ldd.chmod(0o755)
    environ = {
        **os.environ,
        **X11_ENV,
        "QT_PLUGIN_PATH": str(plugin.parent.parent),
        "PATH": f"{fake_ldd_dir}{os.pathsep}{os.environ.get('PATH', '')}",
    }

    result = subprocess.run([sys.executable, "-m", "rnn_desktop", "gui"], env=environ, cwd=REPO,
                            capture_output=True, text=True, timeout=120)

    assert result.returncode == platform_check.EXIT_PLATFORM_UNUSABLE, result.stderr
    assert "sudo apt-get install libxcb-cursor0 libxcb-icccm4" in result.stderr


def unused_display_number() -> int:
    for number in range(4242, 4342):
        if not platform_check.x_display_reachable(number):
            return number
    raise AssertionError("every display from :4242 to :4341 has an X server")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the xcb platform on Linux")
def test_cli_gui_with_stale_display_exits_cleanly(tmp_path):
    # A DISPLAY left over from an old session must not make Qt abort with its generic message.
    display = f":{unused_display_number()}"
    environ = {key: value for key, value in os.environ.items() if key not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    environ["DISPLAY"] = display

    result = subprocess.run([sys.executable, "-m", "rnn_desktop", "gui"], env=environ, cwd=REPO,
                            capture_output=True, text=True, timeout=120)

    assert result.returncode == platform_check.EXIT_PLATFORM_UNUSABLE, result.stderr
    assert f"cannot connect to the X display {display}" in result.stderr
    assert "Aborted" not in result.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the xcb platform on Linux")
def test_cli_gui_without_display_prints_one_message(tmp_path):
    environ = {key: value for key, value in os.environ.items()
               if key not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "DISPLAY")}

    result = subprocess.run([sys.executable, "-m", "rnn_desktop", "gui"], env=environ, cwd=REPO,
                            capture_output=True, text=True, timeout=120)

    assert result.returncode == platform_check.EXIT_PLATFORM_UNUSABLE, result.stderr
    # The log's own line ("xcb platform requested ...") once came first and named a platform the user had not chosen.
    assert result.stderr.startswith("rnn-desktop cannot open a window: no X display, because DISPLAY is not set.")
    assert len(result.stderr.strip().splitlines()) == 1
