"""Package build hook; the project itself is described in pyproject.toml.

build_py also compiles resources/translations/*.ts into .qm files under
rnn_desktop/_resources/translations, where rnn_desktop.resources looks in an
installed wheel. It needs PySide6's lrelease, which is why pyproject.toml
lists PySide6-Essentials among the build requirements.
"""

import importlib.util
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
TRANSLATION_SOURCES = ROOT / "resources" / "translations"


def load_translations_module():
    """Load rnn_desktop/translations.py by path: importing the package would need numpy and Qt."""
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
        target = Path(self.build_lib) / "rnn_desktop" / "_resources" / "translations"
        for path in load_translations_module().compile_translations(TRANSLATION_SOURCES, target):
            print(f"setup.py: compiled {path}")


setup(cmdclass={"build_py": BuildPyWithTranslations})
