"""Compile the Qt Linguist sources (``.ts``) into the ``.qm`` files Qt loads.

Used in three places. The package build (``setup.py``) and the PyInstaller
build (``build.spec``) compile into their output. A source checkout or an
editable install has only the ``.ts`` files, so the app compiles them into the
user's cache folder when it first needs a translation, and again after a .ts
file changes. This module imports no Qt, so the builds can load it without
importing PySide6.
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

log = logging.getLogger(__name__)

TS_PATTERN = "rnn_desktop_*.ts"
# Catalogs merged into each rnn_desktop_<language>.qm: pyqtgraph's plot menus and
# export dialog go through QCoreApplication.translate, so the app translates them.
EXTRA_CATALOGS = ("pyqtgraph",)
TOOL_TIMEOUT_SECONDS = 120


class TranslationToolError(RuntimeError):
    """pyside6-lupdate or pyside6-lrelease is missing or failed."""


def find_qt_tool(name: str) -> Path:
    """Return the path of PySide6's ``lrelease`` or ``lupdate`` executable.

    The binary inside the PySide6 package this interpreter imports comes first,
    so the tool matches the Qt version that loads the result. Then the
    ``pyside6-<name>`` wrapper next to the interpreter, then one on PATH.
    """
    spec = importlib.util.find_spec("PySide6")
    if spec is not None and spec.submodule_search_locations:
        for folder in spec.submodule_search_locations:
            for candidate in (Path(folder) / name, Path(folder) / f"{name}.exe"):
                if candidate.is_file() and os.access(candidate, os.X_OK):
                    return candidate
    wrapper = f"pyside6-{name}"
    beside = Path(sys.executable).parent / wrapper
    if beside.is_file():
        return beside
    found = shutil.which(wrapper)
    if found:
        return Path(found)
    raise TranslationToolError(
        f"{name} not found: install PySide6-Essentials in this Python ({sys.executable}) "
        f"or put {wrapper} on PATH")


def run_qt_tool(name: str, arguments: list[str]) -> str:
    """Run ``lupdate`` or ``lrelease`` with ``arguments``; return its output, raise on failure."""
    command = [str(find_qt_tool(name)), *arguments]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=TOOL_TIMEOUT_SECONDS)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise TranslationToolError(f"{name} could not run: {error}") from None
    if result.returncode != 0:
        raise TranslationToolError(
            f"{name} failed with exit status {result.returncode}: {result.stderr.strip() or result.stdout.strip()}")
    return result.stdout


def catalog_sources(ts_file: Path) -> list[Path]:
    """Return ``ts_file`` and the extra catalogs of the same language that exist beside it."""
    language = ts_file.stem.removeprefix("rnn_desktop_")
    extras = [ts_file.with_name(f"{name}_{language}.ts") for name in EXTRA_CATALOGS]
    return [ts_file] + [path for path in extras if path.is_file()]


def is_current(qm_file: Path, ts_file: Path) -> bool:
    """Return True when ``qm_file`` exists and is newer than every source it is compiled from."""
    if not qm_file.is_file():
        return False
    built = qm_file.stat().st_mtime
    return all(built >= source.stat().st_mtime for source in catalog_sources(ts_file))


def compile_translations(source_dir: Path, target_dir: Path, only_stale: bool = False) -> list[Path]:
    """Compile every ``rnn_desktop_*.ts`` in ``source_dir`` into ``target_dir``; return the .qm paths.

    Each .qm also contains the extra catalogs of its language (see EXTRA_CATALOGS).
    With ``only_stale``, a .qm file newer than all its sources is kept as it is.
    Unfinished translations are left out of the .qm, so Qt shows the English
    source text for them.
    """
    target_dir.mkdir(parents=True, exist_ok=True)
    compiled = []
    for ts_file in sorted(Path(source_dir).glob(TS_PATTERN)):
        qm_file = target_dir / ts_file.with_suffix(".qm").name
        if only_stale and is_current(qm_file, ts_file):
            compiled.append(qm_file)
            continue
        # Write beside the target and rename, so a running app never loads half a file.
        partial = qm_file.with_name(qm_file.name + ".partial")
        run_qt_tool("lrelease", ["-silent", *map(str, catalog_sources(ts_file)), "-qm", str(partial)])
        os.replace(partial, qm_file)
        log.info("compiled %s into %s", ts_file, qm_file)
        compiled.append(qm_file)
    return compiled


def catalogs_digest(folder: Path) -> str:
    """Return a short SHA-256 of every .ts catalog in ``folder``, names and contents."""
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.ts")):
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def qm_folder(resources_translations: Path, cache_dir: Path) -> Path:
    """Return the folder to load ``rnn_desktop_<language>.qm`` files from.

    A wheel or a PyInstaller bundle ships compiled .qm files and no .ts
    sources, so its own folder is returned. A source checkout has only the
    .ts sources: they are compiled into a folder of ``cache_dir`` named by
    their digest, when missing or older than their source. Two checkouts (or
    versions) that share the user's cache folder so never load each other's
    .qm files. When compiling fails (no lrelease), the failure is logged and
    the resources folder is returned, so the interface stays in English.
    """
    sources = list(resources_translations.glob(TS_PATTERN))
    if not sources:
        return resources_translations
    if all(is_current(ts.with_suffix(".qm"), ts) for ts in sources):
        return resources_translations
    target = cache_dir / catalogs_digest(resources_translations)
    try:
        compile_translations(resources_translations, target, only_stale=True)
    except (TranslationToolError, OSError) as error:
        log.warning("could not compile the translations in %s into %s: %s",
                    resources_translations, target, error)
        return resources_translations
    return target
