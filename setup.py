"""Package build hook; the project itself is described in pyproject.toml.

build_py also compiles resources/translations/*.ts into .qm files under
rnn_desktop/_resources/translations, where rnn_desktop.resources looks in an
installed wheel. It needs PySide6's lrelease, which is why pyproject.toml
lists PySide6-Essentials among the build requirements.
"""

import importlib.util
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
RESOURCES = ROOT / "resources"
TRANSLATION_SOURCES = RESOURCES / "translations"


def load_translations_module():
    """Load rnn_desktop/translations.py by path, so the build does not depend on the package being importable."""
    spec = importlib.util.spec_from_file_location("rnn_desktop_build_translations",
                                                  ROOT / "rnn_desktop" / "translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class BuildPyWithTranslations(build_py):
    """build_py that compiles the translation sources into the built package."""

    def run(self):
        super().run()
        # An editable install runs from the source tree and compiles at run time instead.
        if getattr(self, "editable_mode", False):
            return
        if not list(TRANSLATION_SOURCES.glob("rnn_desktop_*.ts")):
            raise SystemExit(f"setup.py: no rnn_desktop_*.ts in {TRANSLATION_SOURCES}; "
                             "an sdist must include resources/translations (see MANIFEST.in)")
        copy_resources(Path(self.build_lib) / "rnn_desktop" / "_resources")
        target = Path(self.build_lib) / "rnn_desktop" / "_resources" / "translations"
        for path in load_translations_module().compile_translations(TRANSLATION_SOURCES, target):
            print(f"setup.py: compiled {path}")


def copy_resources(target: Path) -> None:
    """Copy resources/ (icons, desktop file) into the built package, without scripts or .ts sources."""
    for source in sorted(RESOURCES.rglob("*")):
        if source.is_dir() or source.suffix in (".py", ".pyc", ".ts") or "__pycache__" in source.parts:
            continue
        destination = target / source.relative_to(RESOURCES)
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, destination)


setup(cmdclass={"build_py": BuildPyWithTranslations})
