"""The QApplication: identity, translators and logging to the user data folder."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QStandardPaths, QTranslator
from PySide6.QtWidgets import QApplication

from rnn_desktop import __version__
from rnn_desktop.gui.decimal_key import install_decimal_key_filter
from rnn_desktop.gui.gc_timer import install_gui_thread_collector
from rnn_desktop.gui.qt_messages import install_qt_message_handler
from rnn_desktop.gui.svg_export import use_in_export_dialog
from rnn_desktop.resources import resource_path
from rnn_desktop.translations import qm_folder

log = logging.getLogger(__name__)

ORGANIZATION = "rnn-desktop"
APPLICATION = "rnn-desktop"
LOG_FILE_NAME = "rnn-desktop.log"
LANGUAGES = ("en", "it")

# Kept alive for the whole process: Qt does not own installed translators.
_translators: list[QTranslator] = []
# The interface language that install_translators last set up.
_language = "en"
_log_handler: logging.Handler | None = None


def create_application(argv: list[str] | None = None, language: str | None = None) -> QApplication:
    """Return the QApplication (created once), with translators and file logging set up.

    ``language`` is "en" or "it"; None takes the saved choice, then the system locale.
    """
    app = QApplication.instance()
    if app is None:
        QCoreApplication.setOrganizationName(ORGANIZATION)
        QCoreApplication.setApplicationName(APPLICATION)
        QCoreApplication.setApplicationVersion(__version__)
        app = QApplication(argv if argv is not None else sys.argv[:1])
    setup_logging()
    install_qt_message_handler(app)
    install_translators(app, language or saved_language())
    install_decimal_key_filter(app)
    install_gui_thread_collector(app)
    use_in_export_dialog()
    return app


def log_file_path() -> Path:
    """Return the log file under the user's application data folder."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(folder) / LOG_FILE_NAME


def setup_logging() -> Path:
    """Send the package's log records (INFO and above) to the log file; return its path."""
    global _log_handler

    path = log_file_path()
    if _log_handler is not None and Path(getattr(_log_handler, "baseFilename", "")) == path:
        return path

    package_logger = logging.getLogger("rnn_desktop")
    if _log_handler is not None:
        package_logger.removeHandler(_log_handler)
        _log_handler.close()
    path.parent.mkdir(parents=True, exist_ok=True)
    _log_handler = logging.FileHandler(path, encoding="utf-8")
    _log_handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    package_logger.addHandler(_log_handler)
    if package_logger.level == logging.NOTSET or package_logger.level > logging.INFO:
        package_logger.setLevel(logging.INFO)
    log.info("rnn-desktop %s started, logging to %s", __version__, path)
    return path


def saved_language() -> str:
    """Return the language chosen in View > Language, else the system locale's when supported."""
    saved = QSettings().value("language", "", type=str)
    if saved in LANGUAGES:
        return saved
    system = QLocale.system().name().split("_")[0]
    return system if system in LANGUAGES else "en"


def current_language() -> str:
    """Return the running interface's language, which --language may have set instead of the saved one."""
    return _language


def save_language(language: str) -> None:
    QSettings().setValue("language", language)


# Texts with Alt letters for the standard buttons of the app's message boxes, which Qt's own texts
# leave without one ("Save", "Scarta"). Within each box the letters differ: Save, Discard and Cancel;
# Yes, No and Cancel; Open and Cancel.
BUTTON_TEXTS = {
    "en": {"Save": "&Save", "Discard": "&Discard", "Cancel": "&Cancel", "Open": "&Open"},
    "it": {"Save": "&Salva", "Discard": "&Non salvare", "Cancel": "&Annulla", "Open": "A&pri"},
}


class ButtonTexts(QTranslator):
    """Give the standard buttons of message boxes texts with Alt letters, ahead of Qt's own translations."""

    def __init__(self, language: str, parent=None) -> None:
        super().__init__(parent)
        self._texts = BUTTON_TEXTS.get(language, BUTTON_TEXTS["en"])

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str | None:
        # None, not "", passes the text on to the next translator, because Qt uses an empty text as a translation.
        return self._texts.get(source) if context == "QPlatformTheme" else None

    def isEmpty(self) -> bool:  # noqa: N802 (Qt naming)
        return False


def install_translators(app: QApplication, language: str) -> list[str]:
    """Load Qt's own and the app's translations for ``language``; return the files loaded.

    English needs no file. A missing translation file is logged and the
    interface stays in English.
    """
    global _language

    for translator in _translators:
        app.removeTranslator(translator)
    _translators.clear()
    _language = language
    QLocale.setDefault(QLocale(QLocale.Language.Italian if language == "it" else QLocale.Language.English,
                               QLocale.Country.Italy if language == "it" else QLocale.Country.UnitedStates))
    if language == "en":
        _install_button_texts(app, language)
        return []

    loaded = []
    qt_translator = QTranslator(app)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_translator.load(f"qtbase_{language}", qt_folder):
        app.installTranslator(qt_translator)
        _translators.append(qt_translator)
        loaded.append(qt_translator.filePath())

    # A source checkout has only .ts files: qm_folder compiles them into the cache when they change.
    cache = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation))
    folder = qm_folder(resource_path("translations"), cache / "translations")
    app_translator = QTranslator(app)
    if app_translator.load(f"rnn_desktop_{language}", str(folder)):
        app.installTranslator(app_translator)
        _translators.append(app_translator)
        loaded.append(app_translator.filePath())
    else:
        log.warning("no translation file rnn_desktop_%s.qm in %s; the interface stays in English",
                    language, folder)
    _install_button_texts(app, language)
    return loaded


def _install_button_texts(app: QApplication, language: str) -> None:
    """Install ButtonTexts last, so Qt queries it first. It translates only the standard buttons' texts."""
    button_texts = ButtonTexts(language, app)
    app.installTranslator(button_texts)
    _translators.append(button_texts)


def translate_into(language: str, context: str, text: str) -> str:
    """Return ``text`` in ``language``, even when the app runs in another one; ``text`` itself without a translation."""
    if language == "en":
        return text
    cache = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation))
    translator = QTranslator()
    if not translator.load(f"rnn_desktop_{language}", str(qm_folder(resource_path("translations"),
                                                                    cache / "translations"))):
        return text
    return translator.translate(context, text) or text


def install_exception_hook(show_error) -> None:
    """Log every exception that escapes a Qt slot and pass its text to ``show_error``.

    Without this hook PySide prints the traceback to stderr and the person sees nothing.
    """
    def hook(kind, value, tb):
        log.error("unexpected error:\n%s", "".join(traceback.format_exception(kind, value, tb)))
        try:
            show_error(value)
        except Exception:  # the error display itself failed: the log still has the error
            log.exception("could not show the error in the window")

    sys.excepthook = hook
