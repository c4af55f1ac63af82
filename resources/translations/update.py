"""Regenerate the translation sources from the code: ``python resources/translations/update.py``.

Runs pyside6-lupdate over every .py file under ``rnn_desktop/`` and updates
``rnn_desktop_<language>.ts`` for each language below. lupdate keeps the
existing translations, marks new and changed strings as unfinished, and
(with -no-obsolete) drops strings that are gone from the code. Translate the
unfinished entries with Qt Linguist (pyside6-linguist) or a text editor, then
run the tests: tests/gui/test_translation.py fails while any is left.
With ``--compile DIR`` the .ts files are also compiled into DIR, as the builds do.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
LANGUAGES = ("it",)

sys.path.insert(0, str(ROOT))
from rnn_desktop.translations import compile_translations, run_qt_tool  # noqa: E402


def source_files(root: Path = ROOT) -> list[Path]:
    """Return every Python file of the package, in a stable order."""
    return sorted(path for path in (root / "rnn_desktop").rglob("*.py") if "__pycache__" not in path.parts)


def update_ts(ts_file: Path, root: Path = ROOT) -> str:
    """Run lupdate over the package into ``ts_file``; return lupdate's summary."""
    language = ts_file.stem.removeprefix("rnn_desktop_")
    arguments = [str(path) for path in source_files(root)]
    arguments += ["-no-obsolete", "-locations", "relative", "-target-language", language, "-ts", str(ts_file)]
    return run_qt_tool("lupdate", arguments)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--compile", metavar="DIR", type=Path, help="also compile the .ts files into DIR")
    args = parser.parse_args()

    for language in LANGUAGES:
        print(update_ts(HERE / f"rnn_desktop_{language}.ts").strip())
    if args.compile:
        for path in compile_translations(HERE, args.compile):
            print(f"compiled {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
