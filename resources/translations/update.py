"""Regenerate the translation sources from the code: ``python resources/translations/update.py``.

Runs pyside6-lupdate over every .py file under ``rnn_desktop/`` and over
``qt_names.py`` (Qt strings that Qt's own catalog lacks), and updates
``rnn_desktop_<language>.ts`` for each language below, then over the pyqtgraph
modules whose menus and dialogs the plots show, into ``pyqtgraph_<language>.ts``
(without source locations, which would name this machine's site-packages).
Both are compiled into one rnn_desktop_<language>.qm. lupdate keeps the
existing translations, marks new and changed strings as unfinished, and
(with -no-obsolete) drops strings that are gone from the code. Translate the
unfinished entries with Qt Linguist (pyside6-linguist) or a text editor, then
run the tests: tests/gui/test_translation.py fails while any is left.
With ``--compile DIR`` the .ts files are also compiled into DIR, as the builds do.
"""

from __future__ import annotations

import argparse
import ast
import importlib.util
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
LANGUAGES = ("it",)

sys.path.insert(0, str(ROOT))
from rnn_desktop.translations import compile_translations, run_qt_tool  # noqa: E402


# pyqtgraph modules behind the plots' context menu (ViewBox and Plot Options), the
# "Export..." entry and its dialog, and the options of the exporters it lists.
PYQTGRAPH_MODULES = (
    "GraphicsScene/GraphicsScene.py",
    "GraphicsScene/exportDialog.py",
    "GraphicsScene/exportDialogTemplate_generic.py",
    "graphicsItems/ViewBox/ViewBoxMenu.py",
    "graphicsItems/ViewBox/axisCtrlTemplate_generic.py",
    "graphicsItems/PlotItem/PlotItem.py",
    "graphicsItems/PlotItem/plotConfigTemplate_generic.py",
    "exporters/ImageExporter.py",
    "exporters/SVGExporter.py",
    "exporters/CSVExporter.py",
)


def source_files(root: Path = ROOT) -> list[Path]:
    """Return every Python file of the package, in a stable order."""
    return sorted(path for path in (root / "rnn_desktop").rglob("*.py") if "__pycache__" not in path.parts)


def pyqtgraph_modules() -> list[Path]:
    """Return the installed pyqtgraph's modules listed above."""
    spec = importlib.util.find_spec("pyqtgraph")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("update.py: pyqtgraph is not installed in this Python")
    package = Path(list(spec.submodule_search_locations)[0])
    missing = [name for name in PYQTGRAPH_MODULES if not (package / name).is_file()]
    if missing:
        raise SystemExit(f"update.py: pyqtgraph in {package} has no {', '.join(missing)}; update PYQTGRAPH_MODULES")
    return [package / name for name in PYQTGRAPH_MODULES]


def translate_calls(module: Path) -> list[tuple[str, str]]:
    """Return (context, text) of every translate call with two literal strings in ``module``.

    pyqtgraph's uic-generated forms call an alias, ``_translate``, and some
    calls sit inside f-strings; lupdate finds neither, but the module's syntax tree does.
    """
    found = []
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or len(node.args) != 2:
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        if name in ("translate", "_translate") and all(
                isinstance(arg, ast.Constant) and isinstance(arg.value, str) for arg in node.args):
            found.append((node.args[0].value, node.args[1].value))
    return found


def write_pyqtgraph_calls(target: Path) -> Path:
    """Write the translate calls of pyqtgraph's modules as QT_TRANSLATE_NOOP lines that lupdate reads."""
    calls = sorted({call for module in pyqtgraph_modules() for call in translate_calls(module)})
    lines = [f"QT_TRANSLATE_NOOP({context!r}, {text!r})\n" for context, text in calls]
    target.write_text("".join(lines), encoding="utf-8")
    return target


def run_lupdate(sources: list[Path], ts_file: Path, locations: str) -> str:
    language = ts_file.stem.rsplit("_", 1)[-1]
    arguments = [str(path) for path in sources]
    arguments += ["-no-obsolete", "-locations", locations, "-target-language", language, "-ts", str(ts_file)]
    return run_qt_tool("lupdate", arguments)


def update_ts(ts_file: Path, root: Path = ROOT) -> str:
    """Run lupdate over the package and Qt's missing strings into ``ts_file``; return lupdate's summary."""
    return run_lupdate(source_files(root) + [HERE / "qt_names.py"], ts_file, "relative")


def update_pyqtgraph_ts(ts_file: Path) -> str:
    """Run lupdate over pyqtgraph's translate calls and the exporter names into ``ts_file``."""
    with tempfile.TemporaryDirectory() as folder:
        calls = write_pyqtgraph_calls(Path(folder) / "pyqtgraph_calls.py")
        return run_lupdate([calls, HERE / "pyqtgraph_names.py"], ts_file, "none")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--compile", metavar="DIR", type=Path, help="also compile the .ts files into DIR")
    args = parser.parse_args()

    for language in LANGUAGES:
        print(update_ts(HERE / f"rnn_desktop_{language}.ts").strip())
        print(update_pyqtgraph_ts(HERE / f"pyqtgraph_{language}.ts").strip())
    if args.compile:
        for path in compile_translations(HERE, args.compile):
            print(f"compiled {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
