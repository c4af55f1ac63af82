"""Packaging tests: the wheel's contents, the icons, the desktop file and the bundle's exclusions.

The PyInstaller bundle itself is built and run by .ci/run (it takes minutes);
these tests check what can go wrong before that, in seconds.
"""

from __future__ import annotations

import ast
import configparser
import os
import shutil
import struct
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
ICONS = REPO / "resources" / "icons"
RUNTIME_DEPENDENCIES = {"numpy", "PySide6-Essentials", "pyqtgraph"}
# Excluded modules that are imported inside try/except, with what happens without them.
OPTIONAL_IMPORTS = {
    "PySide6.QtTest": "pyqtgraph.Qt replaces it with a FailedImport placeholder",
    "_hashlib": "hashlib falls back to its built-in md5, sha1, sha2 and sha3",
}


def spec_list(name: str) -> list[str]:
    """Return the literal list assigned to ``name`` in build.spec, without running the spec."""
    tree = ast.parse((REPO / "build.spec").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(target, "id", None) == name for target in node.targets):
            return ast.literal_eval(node.value)
    raise AssertionError(f"build.spec assigns no {name}")


def spec_functions(*names: str) -> dict:
    """Define the named functions and the ICU_* constants of build.spec, without running the spec."""
    tree = ast.parse((REPO / "build.spec").read_text(encoding="utf-8"))
    selected_nodes = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name in names:
            selected_nodes.append(node)
        elif isinstance(node, ast.Assign) and all(getattr(t, "id", "").startswith("ICU_") for t in node.targets):
            selected_nodes.append(node)
    namespace = {"os": os, "sys": sys, "shutil": shutil, "struct": struct, "subprocess": subprocess,
                 "Path": Path, "fnmatch": __import__("fnmatch").fnmatch}
    exec(compile(ast.Module(body=selected_nodes, type_ignores=[]), "build.spec", "exec"), namespace)
    return namespace


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG file"
    return struct.unpack(">II", data[16:24])


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> zipfile.ZipFile:
    """Build the wheel from a copy of the sources, so the checkout gets no build folders."""
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md"):
        shutil.copy2(REPO / name, source / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(REPO / "rnn_desktop", source / "rnn_desktop", ignore=ignore)
    shutil.copytree(REPO / "resources", source / "resources", ignore=ignore)
    output = tmp_path_factory.mktemp("wheel")

    # No build isolation: the test environment already has setuptools and PySide6's lrelease.
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", str(output), str(source)],
        capture_output=True, text=True, timeout=600)

    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    wheels = list(output.glob("*.whl"))
    assert len(wheels) == 1, wheels
    return zipfile.ZipFile(wheels[0])


def test_wheel_ships_resources(wheel):
    names = set(wheel.namelist())
    for expected in ("icons/rnn-desktop.png", "icons/rnn-desktop.ico", "icons/rnn-desktop.icns",
                     "rnn-desktop.desktop"):
        assert f"rnn_desktop/_resources/{expected}" in names, expected
    assert not any(name.endswith("make_icon.py") for name in names)


def test_wheel_ships_compiled_translations(wheel):
    names = set(wheel.namelist())
    for ts_file in (REPO / "resources" / "translations").glob("rnn_desktop_*.ts"):
        assert f"rnn_desktop/_resources/translations/{ts_file.stem}.qm" in names, ts_file.name


def test_wheel_resources_found_when_installed(wheel, tmp_path):
    wheel.extractall(tmp_path)
    code = "from rnn_desktop.resources import resources_dir; print(resources_dir())"
    environ = {**os.environ, "PYTHONPATH": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", code], env=environ, cwd=tmp_path,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert Path(result.stdout.strip()) == tmp_path / "rnn_desktop" / "_resources"


def test_wheel_entry_point_and_dependencies(wheel):
    metadata_dir = next(name.split("/")[0] for name in wheel.namelist() if ".dist-info/" in name)
    entry_points = wheel.read(f"{metadata_dir}/entry_points.txt").decode()
    assert "[gui_scripts]" in entry_points
    assert "rnn-desktop = rnn_desktop.cli:main" in entry_points
    assert "[console_scripts]" in entry_points
    assert "rnn-desktop-cli = rnn_desktop.cli:main" in entry_points

    metadata = wheel.read(f"{metadata_dir}/METADATA").decode()
    required = set()
    for line in metadata.splitlines():
        if line.startswith("Requires-Dist:") and "extra ==" not in line:
            requirement = line.removeprefix("Requires-Dist:").strip()
            required.add(requirement.split(">")[0].split("=")[0].split("!")[0].split("<")[0].split(";")[0].strip())
    assert required == RUNTIME_DEPENDENCIES


def test_pyproject_extras():
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    assert {"test", "build", "bench"} <= set(extras)
    assert any(requirement.startswith("pytest") for requirement in extras["test"])
    assert any(requirement.startswith("pyinstaller") for requirement in extras["build"])
    assert project["gui-scripts"]["rnn-desktop"] == "rnn_desktop.cli:main"
    assert project["scripts"]["rnn-desktop-cli"] == "rnn_desktop.cli:main"


@pytest.mark.parametrize("option", ["--version", "--help"])
def test_module_entry_prints(option):
    result = subprocess.run([sys.executable, "-m", "rnn_desktop", option], cwd=REPO,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "rnn-desktop" in result.stdout


def test_ci_runs_readme_test_command():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    result = subprocess.run(["bash", str(REPO / ".ci" / "run"), "--print-test-command"], cwd=REPO,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    command = result.stdout.strip()
    assert "python -m pytest" in command
    assert f"\n{command}\n" in readme


def test_icon_pngs_match_their_names():
    sizes = [int(path.stem.rsplit("-", 1)[1]) for path in ICONS.glob("rnn-desktop-*.png")]
    assert {16, 32, 48, 256, 512} <= set(sizes)
    for size in sizes:
        assert png_size((ICONS / f"rnn-desktop-{size}.png").read_bytes()) == (size, size)


def test_ico_lists_png_entries():
    data = (ICONS / "rnn-desktop.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    assert (reserved, kind) == (0, 1)
    sizes = set()
    for index in range(count):
        width, _, _, _, _, _, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * index)
        image = data[offset:offset + length]
        assert png_size(image)[0] == (width or 256)
        sizes.add(width or 256)
    assert {16, 32, 48, 256} <= sizes


def test_icns_chunks_hold_pngs():
    data = (ICONS / "rnn-desktop.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    offset, kinds = 8, []
    while offset < len(data):
        kind, length = data[offset:offset + 4], struct.unpack(">I", data[offset + 4:offset + 8])[0]
        png_size(data[offset + 8:offset + length])
        kinds.append(kind)
        offset += length
    assert b"ic08" in kinds  # 256 px
    assert b"ic09" in kinds  # 512 px


def test_desktop_file_entries():
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(REPO / "resources" / "rnn-desktop.desktop", encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    # The command line takes no bare file argument, so Exec carries no %f field code.
    assert entry["Exec"] == "rnn-desktop"
    assert entry["Icon"] == "rnn-desktop"
    assert entry["Categories"].endswith(";")


def test_bundle_keeps_every_imported_module(tmp_path):
    # Run the app's real imports and window, then compare with build.spec's exclusions.
    probe = (
        "import sys\n"
        "from rnn_desktop.cli import build_parser\n"
        "from rnn_desktop.gui.app import create_application\n"
        "from rnn_desktop.gui.main_window import MainWindow\n"
        "import pyqtgraph.exporters\n"
        "app = create_application(sys.argv[:1], language='en')\n"
        "window = MainWindow(restore_settings=False)\n"
        "window.show()\n"
        "app.processEvents()\n"
        "print('\\n'.join(sorted(sys.modules)))\n"
    )
    environ = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
               "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    result = subprocess.run([sys.executable, "-c", probe], env=environ, cwd=REPO,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    imported = set(result.stdout.split())
    assert "PySide6.QtWidgets" in imported

    excluded = spec_list("EXCLUDED_MODULES")
    clashes = sorted(module for module in imported - set(OPTIONAL_IMPORTS)
                     if any(module == name or module.startswith(name + ".") for name in excluded))
    assert clashes == [], f"build.spec excludes modules the app imports: {clashes}"


def pyside_library(pattern: str) -> Path:
    import PySide6

    matches = sorted((Path(PySide6.__file__).parent / "Qt" / "lib").glob(pattern))
    assert matches, f"no {pattern} in PySide6's Qt/lib"
    return matches[0]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PySide6 ships libicudata on Linux only")
def test_spec_reads_icu_data_symbol():
    spec = spec_functions("read_elf_data_symbol")
    name, data = spec["read_elf_data_symbol"](pyside_library("libicudata.so.*"), "icudt", "_dat")
    assert name.startswith("icudt")
    assert data[2:4] == b"\xda\x27"  # ICU data header magic
    assert data[12:16] == b"CmnD"  # common data package format


def test_spec_icu_filter_keeps_qt_data():
    is_unused = spec_functions("is_unused_icu_item")["is_unused_icu_item"]
    for item in ("coll/ucadata.icu", "coll/it.res", "zone/it.res", "zoneinfo64.res", "it.res", "cnvalias.icu"):
        assert not is_unused(item), item
    for item in ("brkitr/cjdict.dict", "curr/it.res", "lang/it.res", "unit/it.res", "ibm-1390_P110-2003.cnv"):
        assert is_unused(item), item


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF files exist on Linux only")
def test_spec_segment_check_catches_broken_strip(tmp_path):
    # strip misaligns the segments of numpy's OpenBLAS, which auditwheel rewrote with patchelf.
    import numpy

    strip = shutil.which("strip")
    assert strip is not None, "strip not found: install binutils"
    check = spec_functions("load_segments_aligned")["load_segments_aligned"]
    openblas = sorted((Path(numpy.__file__).parent.parent / "numpy.libs").glob("*openblas*.so"))
    assert openblas, "numpy ships no OpenBLAS in numpy.libs"
    stripped = tmp_path / openblas[0].name
    subprocess.run([strip, "-o", str(stripped), str(openblas[0])], check=True)

    assert check(openblas[0]) is True
    assert check(stripped) is False
