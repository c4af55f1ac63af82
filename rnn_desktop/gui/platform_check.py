"""Check, before the QApplication exists, that Qt's xcb platform plugin can load.

When a system library of the xcb plugin is missing, Qt prints a generic
"could not load the Qt platform plugin" error and aborts. Since Qt 6.5 the
plugin also needs libxcb-cursor.so.0, which many desktop installs lack. This
module runs ``ldd`` on the plugin (or, without ``ldd``, calls
``ctypes.util.find_library``), and turns each missing library into the
Debian/Ubuntu package that provides it.

Only Linux with the xcb platform is checked. Wayland, offscreen, Windows and
macOS return no problem here, and Qt reports their errors itself.
"""

from __future__ import annotations

import ctypes.util
import logging
import os
import re
import shutil
import socket
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

log = logging.getLogger(__name__)

XCB_PLUGIN_NAME = "libqxcb.so"

# Shared library (soname) needed by the xcb plugin or by QtGui -> Debian/Ubuntu
# package, from `ldd` on PySide6 6.12's libqxcb.so and libQt6Gui.so.6 and
# `dpkg -S` on Debian 12.
# NOTE: the names were checked on Debian 12 only. Debian 13, for one, has
# renamed some of these packages with a "t64" suffix (libglib2.0-0t64).
DEBIAN_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb.so.1": "libxcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
}

# Exit status of the command line when the platform check fails.
EXIT_PLATFORM_UNUSABLE = 3


def parse_ldd_output(text: str) -> list[str]:
    """Return the sonames that ``ldd`` output marks as "not found", in order, without repeats."""
    missing: list[str] = []
    for line in text.splitlines():
        # A missing library reads "\tlibxcb-cursor.so.0 => not found".
        name, separator, target = line.strip().partition("=>")
        if separator and target.strip() == "not found":
            soname = name.strip()
            if soname not in missing:
                missing.append(soname)
    return missing


def run_ldd(path: Path) -> str | None:
    """Return the output of ``ldd path``, or None when ``ldd`` is unavailable or fails."""
    ldd = shutil.which("ldd")
    if ldd is None:
        return None
    try:
        result = subprocess.run([ldd, str(path)], capture_output=True, text=True, timeout=20, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        log.warning("ldd on %s failed: %s", path, error)
        return None
    if result.returncode != 0:
        log.warning("ldd on %s exited with status %d: %s", path, result.returncode, result.stderr.strip())
        return None
    return result.stdout


def find_missing_by_name(sonames: list[str] | None = None,
                         find_library: Callable[[str], str | None] = ctypes.util.find_library) -> list[str]:
    """Return the sonames of ``sonames`` (default: every known library) that the system does not have.

    This is the fallback when ``ldd`` cannot run. It only checks libraries
    listed in DEBIAN_PACKAGES, by calling ``find_library`` on each short name.
    """
    missing = []
    for soname in sonames if sonames is not None else list(DEBIAN_PACKAGES):
        # "libxcb-cursor.so.0" -> "xcb-cursor", the name find_library expects.
        short_name = soname[3:].split(".so")[0]
        if find_library(short_name) is None:
            missing.append(soname)
    return missing


def plugin_folders(environ: Mapping[str, str]) -> list[Path]:
    """Return the folders where Qt looks for plugins, in Qt's order of preference."""
    folders = [Path(entry) for entry in environ.get("QT_PLUGIN_PATH", "").split(os.pathsep) if entry]
    try:
        from PySide6.QtCore import QLibraryInfo

        folders.append(Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)))
    except ImportError as error:
        log.warning("PySide6.QtCore could not be imported to locate Qt plugins: %s", error)
    return folders


def find_xcb_plugin(environ: Mapping[str, str]) -> Path | None:
    """Return the path of the xcb platform plugin Qt will load, or None when there is none."""
    for folder in plugin_folders(environ):
        candidate = folder / "platforms" / XCB_PLUGIN_NAME
        if candidate.is_file():
            return candidate
    return None


def uses_xcb(environ: Mapping[str, str], platform: str = sys.platform) -> bool:
    """Return True when Qt will try the xcb platform plugin first under ``environ``."""
    if not platform.startswith("linux"):
        return False
    requested = environ.get("QT_QPA_PLATFORM", "")
    if requested:
        # "xcb", "xcb:option=value" or a fallback list "xcb;offscreen": the first entry wins.
        first = requested.split(";")[0].split(":")[0].strip()
        return first == "xcb"
    # Without QT_QPA_PLATFORM, Qt 6 picks Wayland in a Wayland session and xcb otherwise.
    return not (environ.get("XDG_SESSION_TYPE") == "wayland" and environ.get("WAYLAND_DISPLAY"))


def describe_missing(plugin: Path, missing: list[str]) -> str:
    """Build the message for a person: what is missing, and the command that installs it."""
    lines = [
        f"rnn-desktop cannot open a window: Qt's xcb platform plugin ({plugin}) "
        "needs shared libraries that were not found:",
    ]
    packages: list[str] = []
    unknown: list[str] = []
    for soname in missing:
        package = DEBIAN_PACKAGES.get(soname)
        if package is None:
            unknown.append(soname)
            lines.append(f"  {soname}")
            continue
        lines.append(f"  {soname} (Debian/Ubuntu package {package})")
        if package not in packages:
            packages.append(package)

    if packages:
        lines.append("Install the missing packages, then start rnn-desktop again:")
        lines.append(f"  sudo apt-get install {' '.join(packages)}")
    if any(name.startswith("libQt6") or name.startswith("libicu") for name in unknown):
        lines.append("Qt's own libraries are missing, so the installation is incomplete: "
                     "reinstall rnn-desktop (pip install --force-reinstall PySide6-Essentials).")
    elif unknown:
        lines.append("Install the packages that provide the libraries above "
                     "(on Debian/Ubuntu, `apt-file search NAME` finds them).")
    lines.append("Commands that need no window still work, for example: "
                 "rnn-desktop train, or QT_QPA_PLATFORM=offscreen rnn-desktop --self-test.")
    return "\n".join(lines)


X_SOCKET_FOLDER = "/tmp/.X11-unix"


def local_display_number(display: str) -> int | None:
    """Return N for a local X display ":N", ":N.S" or "unix:N", else None (remote or unparsable)."""
    match = re.fullmatch(r"(?:unix)?:(\d+)(?:\.\d+)?", display.strip())
    return int(match.group(1)) if match else None


def x_display_reachable(number: int, socket_folder: str = X_SOCKET_FOLDER) -> bool:
    """Return whether an X server accepts connections on the local socket of display ``number``.

    X servers on Linux listen on a socket file in ``socket_folder`` and often
    also on an abstract socket of the same name, so both are tried. Only the
    connection is opened, with no X protocol exchange.
    """
    path = f"{socket_folder}/X{number}"
    addresses = [path]
    if sys.platform.startswith("linux"):
        addresses.append("\0" + path)
    for address in addresses:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
            connection.settimeout(2.0)
            try:
                connection.connect(address)
            except OSError:
                continue
            return True
    return False


def platform_problem(environ: Mapping[str, str] | None = None,
                     ldd: Callable[[Path], str | None] = run_ldd,
                     display_reachable: Callable[[int], bool] = x_display_reachable) -> str | None:
    """Return a message naming the packages to install when the xcb plugin cannot load, else None.

    Call this before creating the QApplication, because Qt aborts the process
    when the plugin fails to load. A missing DISPLAY, or a local display where
    no X server answers, is reported too. Remote displays (host:N) are not checked.
    """
    environ = os.environ if environ is None else environ
    if not uses_xcb(environ):
        return None

    plugin = find_xcb_plugin(environ)
    if plugin is None:
        log.info("xcb platform plugin %s not found in any Qt plugin folder; Qt will report it", XCB_PLUGIN_NAME)
        return None

    output = ldd(plugin)
    missing = parse_ldd_output(output) if output is not None else find_missing_by_name()
    if missing:
        log.info("xcb platform plugin %s cannot load, missing: %s", plugin, ", ".join(missing))
        return describe_missing(plugin, missing)

    if not environ.get("DISPLAY"):
        log.info("xcb platform requested but DISPLAY is not set")
        return ("rnn-desktop cannot open a window: no X display, because DISPLAY is not set. "
                "Start it from a desktop session, or under a virtual display with "
                "`xvfb-run rnn-desktop`, or run without a window with "
                "QT_QPA_PLATFORM=offscreen (for example for --self-test).")

    display = environ["DISPLAY"]
    number = local_display_number(display)
    if number is not None and not display_reachable(number):
        log.info("cannot connect to X display %s: no X server is listening on its socket", display)
        return (f"rnn-desktop cannot open a window: cannot connect to the X display {display} "
                f"(DISPLAY={display}), because no X server is listening on it. Check that DISPLAY names a running "
                "X server, or start the app under a virtual display with `xvfb-run rnn-desktop`, or "
                "run without a window with QT_QPA_PLATFORM=offscreen (for example for --self-test).")
    return None
