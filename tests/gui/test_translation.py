"""The Italian translation: complete against the code, well-formed, loaded by the window, and compiled."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from rnn_desktop import translations
from rnn_desktop.core.errors import RnnDesktopError
from rnn_desktop.gui.core_errors import HANDLED_CODES, core_error_text

REPO = Path(__file__).resolve().parents[2]
TRANSLATIONS = REPO / "resources" / "translations"
ITALIAN_TS = TRANSLATIONS / "rnn_desktop_it.ts"
PYQTGRAPH_TS = TRANSLATIONS / "pyqtgraph_it.ts"
CORE = REPO / "rnn_desktop" / "core"

# Core error codes that never reach the window, so the command line's English message is enough.
CODES_NOT_SHOWN_IN_WINDOW = {
    "config.unknown_generator": "the data panel lists only the built-in generators",
    "config.unknown_parameter": "the generator form shows only each generator's own parameters",
    "config.record_hidden_window": "the window never records hidden states",
    "config.forecast_steps": "the forecast spin box starts at 0",
}


def load_update_script():
    spec = importlib.util.spec_from_file_location("translations_update", TRANSLATIONS / "update.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def messages_of(ts_file: Path) -> list[tuple[str, str, ET.Element]]:
    """Return (context, source, translation element) for every message of a .ts file."""
    root = ET.parse(ts_file).getroot()
    found = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found.append((name, message.findtext("source"), message.find("translation")))
    return found


@pytest.fixture(scope="module", params=[ITALIAN_TS, PYQTGRAPH_TS], ids=lambda path: path.name)
def regenerated_ts(request, tmp_path_factory) -> tuple[Path, Path]:
    """Return a committed .ts and a copy that lupdate updated from the current code, as update.py does."""
    committed = request.param
    copy = tmp_path_factory.mktemp("ts") / committed.name
    shutil.copy2(committed, copy)
    update = load_update_script()
    if committed == ITALIAN_TS:
        update.update_ts(copy)
    else:
        update.update_pyqtgraph_ts(copy)
    return committed, copy


def test_ts_has_every_source_string(regenerated_ts):
    committed, copy = regenerated_ts
    in_file = {(context, source) for context, source, _ in messages_of(committed)}
    in_code = {(context, source) for context, source, _ in messages_of(copy)}

    missing = sorted(in_code - in_file)
    assert not missing, f"strings in the code but not in {committed.name}; run update.py: {missing}"
    removed = sorted(in_file - in_code)
    assert not removed, f"strings in {committed.name} that the code no longer has; run update.py: {removed}"


def test_ts_has_no_unfinished_translation(regenerated_ts):
    committed, copy = regenerated_ts
    unfinished = [(context, source) for context, source, translation in messages_of(copy)
                  if translation.get("type") == "unfinished" or not (translation.text or "").strip()]
    assert not unfinished, f"untranslated strings in {committed.name}: {unfinished}"


@pytest.mark.parametrize("ts_file", [ITALIAN_TS, PYQTGRAPH_TS], ids=lambda path: path.name)
def test_ts_has_no_obsolete_entry(ts_file):
    stale = [(context, source) for context, source, translation in messages_of(ts_file)
             if translation.get("type") in ("vanished", "obsolete")]
    assert not stale, f"entries for strings the code no longer has; run update.py: {stale}"


@pytest.mark.parametrize("ts_file", [ITALIAN_TS, PYQTGRAPH_TS], ids=lambda path: path.name)
def test_translations_keep_placeholders_and_mnemonics(ts_file):
    for context, source, translation in messages_of(ts_file):
        text = translation.text or ""
        assert sorted(re.findall(r"%\d", text)) == sorted(re.findall(r"%\d", source)), (context, source, text)
        assert text.count("&") == source.count("&"), (context, source, text)
        assert text.count("\n") == source.count("\n"), (context, source, text)


def core_error_codes() -> set[str]:
    """Return every error code the core's sources can raise, found by reading them."""
    codes = set()
    for path in CORE.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        codes.update(re.findall(r"code=\"([a-z_]+\.[a-z_.]+)\"", text))
        codes.update("weights." + code for code in re.findall(r"_reject\(path, \"([a-z_]+)\"", text))
        codes.update("config." + name for name in re.findall(r"_check_(?:int|positive|choice)\(self, \"([a-z_]+)\"", text))
    return codes


def test_core_error_codes_have_sentences():
    codes = core_error_codes()
    # One code of each way the core writes them, so a broken pattern cannot pass unnoticed.
    assert "csv.bad_value" in codes
    assert "weights.truncated" in codes
    assert "config.lr" in codes

    missing = sorted(codes - HANDLED_CODES - set(CODES_NOT_SHOWN_IN_WINDOW))
    assert not missing, f"core error codes without a translated sentence in gui/core_errors.py: {missing}"


def test_generator_texts_cover_core():
    from rnn_desktop.core.generators import GENERATORS
    from rnn_desktop.gui.generator_texts import DESCRIPTIONS, GENERATOR_LABELS, PARAMETER_LABELS

    for spec in GENERATORS.values():
        assert spec.description in DESCRIPTIONS, f"{spec.name}: description missing from generator_texts"
        assert spec.name in GENERATOR_LABELS, f"{spec.name}: label missing"
        for param in spec.params:
            assert param.description in DESCRIPTIONS, f"{spec.name}.{param.name}: description missing"
            assert param.name in PARAMETER_LABELS, f"{spec.name}.{param.name}: label missing"


def raised(action) -> RnnDesktopError:
    with pytest.raises(RnnDesktopError) as caught:
        action()
    return caught.value


def real_core_errors(tmp_path: Path) -> list[RnnDesktopError]:
    """Trigger core errors the way the window does, so the params are the core's real ones."""
    from rnn_desktop.core.csv_reader import read_series
    from rnn_desktop.core.generators import generate
    from rnn_desktop.core.training import TrainConfig, Trainer

    def csv_file(name: str, content: bytes) -> Path:
        path = tmp_path / name
        path.write_bytes(content)
        return path

    short = TrainConfig(epochs=1, hidden=4)
    trained = Trainer(short, np.sin(np.arange(120.0)))
    weights = tmp_path / "weights.npz"
    trained.save(weights)

    return [
        raised(lambda: TrainConfig(lr=-1.0).validate()),
        raised(lambda: TrainConfig(hidden=0).validate()),
        raised(lambda: TrainConfig(activation="softplus").validate()),
        raised(lambda: TrainConfig(val_windows=None, val_fraction=None).validate()),
        raised(lambda: TrainConfig(val_windows=None, val_fraction=1.5).validate()),
        raised(lambda: TrainConfig(momentum=1.0).validate()),
        raised(lambda: TrainConfig.preset("fast")),
        raised(lambda: generate("mackey_glass", length=10**7)),
        raised(lambda: Trainer(short, np.zeros(5))),
        raised(lambda: Trainer(short.replace(hidden=100000), np.sin(np.arange(120.0)))),
        raised(lambda: Trainer(short, np.r_[np.zeros(50), np.nan, np.zeros(50)])),
        raised(lambda: read_series(tmp_path / "absent.csv")),
        raised(lambda: read_series(csv_file("dates.csv", b"t,v\n2024-03-01,1\n2024-03-02,2\n2024-03-03,3\n"),
                                   column=0)),
        raised(lambda: read_series(csv_file("twice.csv", b"x,x\n1,2\n3,4\n5,6\n"), column="x")),
        raised(lambda: read_series(tmp_path)),
        raised(lambda: read_series(csv_file("binary.csv", b"\x00\x01\x02" * 50))),
        raised(lambda: read_series(csv_file("text.csv", b"name,comment\nalpha,beta\ngamma,delta\n"))),
        raised(lambda: read_series(csv_file("cell.csv", b"value\n1\n2\nthree\n4\n"))),
        raised(lambda: read_series(csv_file("cells.csv", b"value\n1\n2\nthree\n4\nfive\n"))),
        raised(lambda: read_series(csv_file("huge.csv", b"value\n1\n2\n1e309\n4\n"))),
        raised(lambda: read_series(csv_file("huge_cells.csv", b"value\n1\n2\nthree\n4\n1e309\n"))),
        raised(lambda: read_series(csv_file("words.csv", b"n,word\n" + b"".join(b"%d,w%d\n" % (i, i) for i in range(1200))),
                                   column="word")),
        raised(lambda: read_series(csv_file("gap.csv", b"step,value\n" + b"1,1\n" * 30 + b"2,\n" + b"3,2\n" * 30),
                                   column="value", missing="refuse")),
        raised(lambda: read_series(csv_file("column.csv", b"a,b\n1,2\n3,4\n"), column="c")),
        raised(lambda: read_series(csv_file("latin.csv", "valore\n1\n2\ncaff\u00e8\n".encode("latin-1")),
                                   encoding="utf-8")),
        raised(lambda: Trainer.from_file(tmp_path / "absent.npz", np.zeros(100))),
        raised(lambda: Trainer.from_file(csv_file("empty.npz", b""), np.zeros(100))),
        raised(lambda: Trainer.from_file(csv_file("text.npz", b"not an archive"), np.zeros(100))),
        raised(lambda: Trainer.from_file(csv_file("cut.npz", weights.read_bytes()[:200]), np.zeros(100))),
        raised(lambda: Trainer.from_file(weights, np.zeros(8))),
    ]


def test_core_errors_fill_their_sentences(tmp_path):
    for error in real_core_errors(tmp_path):
        text = core_error_text(error)
        assert text is not None, f"{error.code} {error.params} has no sentence: {error}"
        assert "%" not in re.sub(r"\d %", "", text), f"{error.code}: unfilled placeholder in {text!r}"


@pytest.mark.parametrize(("content", "hinted"), [
    (b"value\n1\n2\n1e400\n4\n", False),
    (b"value\n1\n2\n1e400\n4\n1e999\n", False),
    (b"value;other\n1;1\n2;2\n3,5;3\n4;4\n", True),
])
def test_bad_cell_decimal_hint_only_when_finite(tmp_path, content, hinted):
    from rnn_desktop.core.csv_reader import read_series

    path = tmp_path / "cells.csv"
    path.write_bytes(content)
    error = raised(lambda: read_series(path, column="value", decimal="."))
    text = core_error_text(error)

    assert text is not None
    assert ("decimal mark" in text) == hinted, text


@pytest.mark.parametrize(("content", "expected"), [
    (b"value\n1\n2\n1e309\n4\n", "\"1e309\" is too large for a 64-bit float"),
    (b"value\n1\n2\nthree\n4\n1e309\n", "Line 6 \"1e309\" is too large for a 64-bit float"),
])
def test_overflow_cell_sentence_names_float_range(tmp_path, content, expected):
    from rnn_desktop.core.csv_reader import read_series

    path = tmp_path / "cells.csv"
    path.write_bytes(content)
    text = core_error_text(raised(lambda: read_series(path)))

    assert expected in text
    assert "up to about 1.8e308" in text


def test_qm_folder_compiles_a_checkout_once(tmp_path):
    sources = tmp_path / "translations"
    sources.mkdir()
    shutil.copy2(ITALIAN_TS, sources / ITALIAN_TS.name)
    shutil.copy2(PYQTGRAPH_TS, sources / PYQTGRAPH_TS.name)
    cache = tmp_path / "cache"

    folder = translations.qm_folder(sources, cache)
    assert folder.parent == cache
    compiled = folder / "rnn_desktop_it.qm"
    assert compiled.stat().st_size > 1000
    first = compiled.stat().st_mtime_ns
    os.utime(compiled, ns=(first + 10**9, first + 10**9))

    assert translations.qm_folder(sources, cache) == folder
    assert compiled.stat().st_mtime_ns == first + 10**9, "an up-to-date .qm was compiled again"

    # A newer pyqtgraph catalog makes the .qm stale too.
    os.utime(sources / PYQTGRAPH_TS.name, ns=(first + 2 * 10**9, first + 2 * 10**9))
    assert translations.qm_folder(sources, cache) == folder
    assert compiled.stat().st_mtime_ns != first + 10**9, "a stale .qm was kept"


def test_checkouts_sharing_cache_keep_own_qm(tmp_path):
    from PySide6.QtCore import QTranslator

    cache = tmp_path / "cache"
    folders = []
    for name, translation in (("old", "vecchio"), ("new", "nuovo")):
        sources = tmp_path / name
        sources.mkdir()
        shutil.copy2(PYQTGRAPH_TS, sources / PYQTGRAPH_TS.name)
        (sources / ITALIAN_TS.name).write_text(
            '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="it_IT">\n'
            f"<context><name></name><message><source>word</source><translation>{translation}</translation>"
            "</message></context>\n</TS>\n", encoding="utf-8")
        folders.append(translations.qm_folder(sources, cache))

    # The newer checkout compiled last, yet the older one still loads its own words.
    assert folders[0] != folders[1]
    for folder, expected in zip(folders, ("vecchio", "nuovo")):
        translator = QTranslator()
        assert translator.load(str(folder / "rnn_desktop_it.qm"))
        assert translator.translate("", "word") == expected


def test_qm_folder_uses_shipped_qm_files(tmp_path):
    shipped = tmp_path / "translations"
    shipped.mkdir()
    (shipped / "rnn_desktop_it.qm").write_bytes(b"compiled")

    assert translations.qm_folder(shipped, tmp_path / "cache") == shipped
    assert not (tmp_path / "cache").exists()


@pytest.fixture
def italian(qapp):
    """Install the Italian translators for one test, then go back to English."""
    from rnn_desktop.gui.app import install_translators

    from PySide6.QtCore import QLocale

    previous = QLocale()
    loaded = install_translators(qapp, "it")
    yield loaded
    install_translators(qapp, "en")
    # install_translators sets the number format too, which later tests' expected texts depend on.
    QLocale.setDefault(previous)


def test_italian_translators_load(italian):
    names = sorted(Path(path).name for path in italian)
    assert names == ["qtbase_it.qm", "rnn_desktop_it.qm"]


def menu_actions(actions: list[QAction]) -> list[QAction]:
    """Return the actions of a menu bar and of all its submenus."""
    found = []
    for action in actions:
        found.append(action)
        if action.menu() is not None:
            found.extend(menu_actions(action.menu().actions()))
    return found


def test_window_actions_in_italian(italian, make_window):
    window = make_window()

    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&File", "A&ddestramento", "&Visualizza", "&Aiuto"]
    assert window.start_action.text() == "&Avvia"
    assert window.step_action.text() == "A&vanza di un'epoca"
    assert window.start_button.text() == "Avvia"
    assert "Ampiezza di ogni passo" in window.training_panel.lr.toolTip()
    assert window.loss_plot.plot.titleLabel.text == "Perdita (MSE sui dati scalati)"

    texts = [action.text() for action in menu_actions(window.menuBar().actions())]
    assert len(texts) > 20
    # Every menu entry has an Italian text unless it reads the same in both languages.
    english = {source for _, source, _ in messages_of(ITALIAN_TS)} - {"&File"}
    untranslated = [text for text in texts if text in english]
    assert not untranslated, f"menu entries still in English: {untranslated}"


def menu_mnemonic_problems(window) -> list[str]:
    """Return the menu entries without an Alt letter, and the letters two entries of a menu share."""
    problems = []
    for menu_action in window.menuBar().actions():
        letters: dict[str, str] = {}
        for action in menu_action.menu().actions():
            if action.isSeparator():
                continue
            text = action.text()
            position = text.replace("&&", "").find("&")
            if position < 0:
                problems.append(f"no Alt letter: {text}")
                continue
            letter = text.replace("&&", "")[position + 1].lower()
            if letter in letters:
                problems.append(f"{letters[letter]} and {text} share {letter}")
            letters[letter] = text
    return problems


def test_italian_window_fits_a_1024_pixel_screen(italian, make_window):
    window = make_window()
    # The style's 80-pixel buttons and longer Italian labels made the minimum 1,181 pixels wide.
    assert window.minimumSizeHint().width() <= 1024 - 10
    window.resize(1024, 600)
    for button in (window.start_button, window.pause_button, window.stop_button, window.step_button,
                   window.reset_button):
        assert button.width() >= button.fontMetrics().horizontalAdvance(button.text()), button.text()


def test_italian_form_fields_share_column(italian, qtbot, make_window):
    from gui_helpers import field_columns

    assert len(field_columns(qtbot, make_window())) == 1


def test_menu_entries_have_own_alt_letters(make_window):
    assert menu_mnemonic_problems(make_window()) == []


def test_italian_menu_entries_have_own_alt_letters(italian, make_window):
    assert menu_mnemonic_problems(make_window()) == []


def test_language_menu_checks_running_language(italian, make_window):
    window = make_window()
    language_menu = next(action.menu() for action in menu_actions(window.menuBar().actions())
                         if action.text() == "&Lingua")

    checked = [action.text() for action in language_menu.actions() if action.isChecked()]
    assert checked == ["Italiano"]


def test_language_menu_status_for_each_choice(italian, make_window):
    from PySide6.QtCore import QSettings

    window = make_window()
    items = {action.text(): action for action in menu_actions(window.menuBar().actions())
             if action.text() in ("English", "Italiano")}
    saved_before = QSettings().value("language", "", type=str)
    try:
        items["Italiano"].trigger()
        assert window.statusBar().currentMessage() == "La finestra usa già questa lingua."
        assert QSettings().value("language", "", type=str) == "it"

        # Said in the language chosen, the one the person reads best.
        items["English"].trigger()
        assert window.statusBar().currentMessage() == "The language changes the next time the app starts."
        assert QSettings().value("language", "", type=str) == "en"
    finally:
        QSettings().setValue("language", saved_before)


def test_choosing_italian_is_confirmed_in_italian(make_window):
    from PySide6.QtCore import QSettings

    window = make_window()
    italian_item = next(action for action in menu_actions(window.menuBar().actions()) if action.text() == "Italiano")
    saved_before = QSettings().value("language", "", type=str)
    try:
        italian_item.trigger()
        assert window.statusBar().currentMessage() == "La lingua cambierà al prossimo avvio dell'app."
    finally:
        QSettings().setValue("language", saved_before)


def test_csv_series_named_in_italian(italian):
    from rnn_desktop.gui.core_errors import series_name

    assert series_name("nile.csv, column flow", "") == "nile.csv, colonna «flow»"
    assert series_name("generator sine_wave", "") == "il generatore Onda sinusoidale"


def test_plot_menu_in_italian(italian, make_window):
    window = make_window()
    view_menu = window.loss_plot.plot.getViewBox().menu
    scene_menu = window.loss_plot.plot.scene().contextMenu

    assert view_menu.viewAll.text() == "Mostra tutto"
    assert window.loss_plot.plot.ctrlMenu.title() == "Opzioni del grafico"
    assert scene_menu[0].text() == "Esporta..."


def test_generator_form_in_italian(italian, make_window):
    from PySide6.QtWidgets import QFormLayout

    form = make_window().data_panel.generator_form
    form.name.setCurrentIndex(form.name.findData("sine_wave"))

    labels = [form._form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget().text()
              for row in range(form._form.rowCount())]
    assert "Periodo" in labels
    assert "Ampiezza" in labels
    assert form._param_widgets["period"].toolTip() == "Passi per ciclo completo."


def test_sample_error_in_italian(italian, make_window, tmp_path, qtbot):
    window = make_window()
    missing = tmp_path / "absent.csv"

    with qtbot.waitSignal(window.error_shown, timeout=2000) as shown:
        assert not window.open_csv(str(missing))

    assert shown.args[0] == f"File CSV non trovato: {missing}. Controlla il percorso e riprova."


def test_bad_cells_error_in_italian(italian, make_window, tmp_path, qtbot):
    window = make_window()
    path = tmp_path / "celle.csv"
    path.write_text("data;valore\n" + "".join(f"2020-01-{day:02d};{day},5\n" for day in range(1, 21))
                    + "2020-01-21;tre\n2020-01-22;1.5\n", encoding="utf-8")

    with qtbot.waitSignal(window.error_shown, timeout=2000) as shown:
        assert not window.open_csv(str(path))

    assert shown.args[0] == (
        f"{path}, colonna «valore»: 2 celle non sono numeri: riga 22 «tre», riga 23 «1.5». "
        "Correggi o svuota quelle celle, oppure scegli un'altra colonna.")


def test_generated_column_name_in_italian_error(italian, make_window, tmp_path, qtbot):
    window = make_window()
    path = tmp_path / "senza_intestazione.csv"
    path.write_text("".join(f"2020-01-{day:02d};{day},5\n" for day in range(1, 21)) + "2020-01-21;tre\n",
                    encoding="utf-8")

    with qtbot.waitSignal(window.error_shown, timeout=2000) as shown:
        assert not window.open_csv(str(path))

    # The reader's name "column 1" reads as the Data tab shows it.
    assert shown.args[0].startswith(f"{path}, riga 21, colonna «colonna 1»: «tre» non è un numero."), shown.args[0]


def test_settings_error_in_italian(italian, make_window):
    from rnn_desktop.core.training import TrainConfig
    from rnn_desktop.gui import messages

    error = raised(lambda: TrainConfig(batch_size=0).validate())

    assert messages.error_text(error) == (
        "Dimensione del batch (batch_size): serve un numero intero non inferiore a 1, ma il valore attuale è 0.")


def test_qt_dialog_buttons_in_italian(italian):
    box = QMessageBox(QMessageBox.Icon.Question, "", "", QMessageBox.StandardButton.Save
                      | QMessageBox.StandardButton.Cancel)
    assert box.button(QMessageBox.StandardButton.Cancel).text() == "&Annulla"
    assert box.button(QMessageBox.StandardButton.Save).text() == "&Salva"


# The standard buttons of each question dialog the window shows.
QUESTION_BUTTONS = [
    (QMessageBox.StandardButton.Save, QMessageBox.StandardButton.Discard, QMessageBox.StandardButton.Cancel),
    (QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No, QMessageBox.StandardButton.Cancel),
    (QMessageBox.StandardButton.Open, QMessageBox.StandardButton.Cancel),
    (QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No),
]


def alt_letters(buttons) -> list[str]:
    """Return the Alt letter of each standard button, as a message box with them shows it."""
    flags = QMessageBox.StandardButton.NoButton
    for button in buttons:
        flags |= button
    box = QMessageBox(QMessageBox.Icon.Question, "", "", flags)
    letters = []
    for button in buttons:
        text = box.button(button).text()
        assert "&" in text, text
        letters.append(text[text.index("&") + 1].lower())
    return letters


@pytest.mark.parametrize("buttons", QUESTION_BUTTONS)
def test_question_buttons_have_own_alt_letters(buttons):
    letters = alt_letters(buttons)
    assert len(set(letters)) == len(letters), letters


@pytest.mark.parametrize("buttons", QUESTION_BUTTONS)
def test_question_buttons_have_own_alt_letters_in_italian(italian, buttons):
    letters = alt_letters(buttons)
    assert len(set(letters)) == len(letters), letters


def test_qt_file_dialog_in_italian(italian):
    from PySide6.QtWidgets import QFileDialog, QLabel

    dialog = QFileDialog(None, "", str(REPO))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)

    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"&Cerca in:", "&Nome del file:", "File di &tipo:"} <= labels


def test_numbers_use_decimal_comma(italian):
    from rnn_desktop.gui.locale_axis import LocaleAxisItem, localize_date_text
    from rnn_desktop.gui.messages import format_number

    assert format_number(0.0125) == "0,0125"
    assert LocaleAxisItem("left").tickStrings([0.5, 1.0], 1.0, 0.5) == ["0,5", "1,0"]
    assert localize_date_text("Jan") == "gen"


def test_large_numbers_are_written_in_full(italian):
    from rnn_desktop.gui.messages import format_number, format_percent

    # A MAPE of 4.44e+05 % read as a formula; whole digits with group separators read as a number.
    assert format_percent(444372.4) == "444.372\u00a0%"
    assert format_percent(12.345) == "12,3\u00a0%"
    assert format_percent(None) == "n/d"
    assert format_number(-123456.7) == "-123.457"
    # Past a billion, and for a diverged loss, the exponent form is the shorter one.
    assert format_number(3.5e12) == "3,5e+12"


def test_missing_mape_reads_not_available(qapp):
    from rnn_desktop.gui.messages import format_percent

    # A series with zeros has no MAPE; "MAPE -" read oddly.
    assert format_percent(None) == "n/a"


def test_csv_export_keeps_decimal_point(italian, make_window, tmp_path, qtbot):
    window = make_window()
    with qtbot.waitSignal(window.run_finished, timeout=60_000):
        assert window.start_training()
    history = tmp_path / "history.csv"

    assert window.export_history(str(history))

    lines = history.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("epoch,train_loss,")
    rows = lines[1:]
    assert rows
    for row in rows:
        cells = row.split(",")
        assert len(cells) == len(lines[0].split(",")), row
        # A decimal comma would have split a number into two cells above. The last cell names the data.
        for cell in filter(None, cells[:-1]):
            float(cell)


def test_dot_key_types_decimal_comma(italian, qapp, qtbot):
    from PySide6.QtWidgets import QDoubleSpinBox

    from rnn_desktop.gui.decimal_key import install_decimal_key_filter

    install_decimal_key_filter(qapp)
    spin = QDoubleSpinBox()
    spin.setDecimals(4)
    qtbot.addWidget(spin)
    spin.lineEdit().selectAll()

    qtbot.keyClicks(spin, "0.05")
    spin.interpretText()

    assert spin.text() == "0,0500"
    assert spin.value() == 0.05


@pytest.mark.parametrize(("text", "mark", "expected"), [
    ("0.05", ",", "0,05"),
    ("0,05", ",", "0,05"),
    ("1e-3", ",", "1e-3"),
    ("1.000.000", ",", "1.000.000"),
    ("1.5,2", ",", "1.5,2"),
    ("0,05", ".", "0.05"),
    ("0.05", ".", "0.05"),
    ("", ",", ""),
])
def test_with_locale_mark_table(text, mark, expected):
    from rnn_desktop.gui.decimal_key import with_locale_mark

    assert with_locale_mark(text, mark) == expected


def paste_into(spin, text: str) -> None:
    """Replace the spin box's text as a paste does, through its validator, then commit it."""
    spin.lineEdit().selectAll()
    spin.lineEdit().insert(text)
    spin.interpretText()


@pytest.mark.parametrize("kind", ["compact", "plain"])
def test_pasted_dot_decimal_in_italian(italian, qtbot, kind):
    from PySide6.QtCore import QLocale

    from rnn_desktop.gui.decimal_key import DecimalSpinBox
    from rnn_desktop.gui.training_panel import float_spin

    spin = float_spin(0.0, 10.0, 6) if kind == "compact" else DecimalSpinBox()
    spin.setDecimals(4)
    spin.setLocale(QLocale(QLocale.Language.Italian, QLocale.Country.Italy))
    qtbot.addWidget(spin)

    paste_into(spin, "0.05")

    assert spin.value() == pytest.approx(0.05)
    assert "," in spin.text()
    assert "." not in spin.text()


def test_pasted_comma_decimal_in_english(qtbot):
    from PySide6.QtCore import QLocale

    from rnn_desktop.gui.training_panel import float_spin

    spin = float_spin(0.0, 10.0, 6)
    spin.setLocale(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    qtbot.addWidget(spin)

    paste_into(spin, "0,25")

    assert spin.value() == pytest.approx(0.25)
    assert spin.text() == "0.25"


@pytest.mark.parametrize(("value", "text"), [(1e6, "1000000"), (0.003, "0,003"), (2.5e-7, "2,5e-07")])
def test_compact_field_shows_whole_numbers_in_full(qtbot, value, text):
    from PySide6.QtCore import QLocale

    from rnn_desktop.gui.training_panel import float_spin

    spin = float_spin(0.0, 1e9, 9)
    spin.setLocale(QLocale(QLocale.Language.Italian, QLocale.Country.Italy))
    qtbot.addWidget(spin)

    spin.setValue(value)

    assert spin.text() == text


def test_other_data_warning_in_italian(italian, make_window, tmp_path):
    from rnn_desktop.core.generators import generate
    from rnn_desktop.core.training import TrainConfig, Trainer

    sine = generate("sine")
    weights = tmp_path / "sine.npz"
    Trainer(TrainConfig(epochs=1, hidden=4), sine.values, source=sine.source).save(weights)
    window = make_window(config=TrainConfig(epochs=1, hidden=4), series=generate("sine_wave"))

    assert window.load_weights(str(weights))

    assert window.metrics_label.text().startswith(
        f"Attenzione: i pesi in {weights} sono stati addestrati con il generatore Seno del tutorial (valori: 200), "
        "non con il generatore Onda sinusoidale")


def test_all_missing_without_numeric_column_in_italian(italian, make_window, tmp_path, qtbot):
    window = make_window()
    path = tmp_path / "na.csv"
    path.write_text("data;valore\n" + "".join(f"2020-01-{day:02d};NA\n" for day in range(1, 29)), encoding="utf-8")

    with qtbot.waitSignal(window.error_shown, timeout=2000) as shown:
        assert not window.open_csv(str(path))

    assert shown.args[0] == (f"{path}: nella colonna «valore» mancano tutti i valori (le sue celle sono \"NA\"), "
                             "quindi il file non ha colonne numeriche da leggere. Completa la colonna «valore» e "
                             "leggi di nuovo il file.")


def test_heat_map_color_bar_uses_decimal_comma(italian):
    from rnn_desktop.gui.plots import HiddenStatePlot

    axis = HiddenStatePlot().color_bar.getAxis("right")

    assert axis.tickStrings([-0.5, 0.0, 0.5], 1.0, 0.5) == ["-0,5", "0", "0,5"]


def test_generated_column_names_in_italian(italian, make_window, tmp_path):
    path = tmp_path / "senza_intestazione.csv"
    path.write_text("".join(f"{day};{10 + day % 7},5\n" for day in range(1, 61)), encoding="utf-8")
    window = make_window(series=None)

    assert window.open_csv(str(path))

    form = window.data_panel.csv_form
    assert [form.column.itemText(i) for i in range(form.column.count())] == [
        "colonna 0 (numerica)", "colonna 1 (numerica)"]
    assert form.column.currentData() == "column 1"  # the reader's name, as the command line takes it
    message = window.statusBar().currentMessage()
    assert message.startswith(f"Caricato {path}: 60 valori dalla colonna «colonna 1»."), repr(message)
    assert window.prediction_plot.plot.getAxis("left").labelText == "colonna 1"


def test_units_row_note_in_italian(italian, make_window, tmp_path):
    path = tmp_path / "meteo.csv"
    rows = "".join(f"{day:02d}/01/2024;{day % 5},5;;{70 + day % 11}\n" for day in range(1, 41))
    path.write_text("Data;Temperatura;;Umidità\n;°C;;%\n" + rows, encoding="utf-8")
    window = make_window(series=None)

    assert window.open_csv(str(path))

    form = window.data_panel.csv_form
    assert [form.column.itemText(i) for i in range(form.column.count())] == [
        "Data (data e ora)", "Temperatura (°C, numerica)", "colonna 2 (vuota)", "Umidità (%, numerica)"]
    assert ("La riga 2 contiene le unità di misura (Temperatura: °C, Umidità: %), quindi non viene letta come dati."
            in form.notes.text())


def test_italian_export_names_are_italian(italian, make_window, tmp_path, qtbot, monkeypatch):
    from gui_helpers import FAST, SHARED_DATA
    from PySide6.QtWidgets import QFileDialog

    from rnn_desktop.core.training import TrainConfig

    window = make_window(TrainConfig().replace(**FAST), series=None)
    monkeypatch.chdir(tmp_path)
    proposed: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda parent, title, start, *args, **kwargs: (
        proposed.append(Path(start).name), ("", ""))[1])
    assert window.open_csv(str(SHARED_DATA / "nile.csv"))
    with qtbot.waitSignal(window.run_finished, timeout=60_000):
        assert window.start_training()

    window.choose_export_predictions()
    window.choose_export_history()
    window.choose_export_plot(window.loss_plot)
    window.choose_save_weights()

    assert proposed == ["nile_predizioni.csv", "nile_storico_perdita.csv", "nile_grafico_perdita.png", "nile.npz"]


def test_italian_export_dialog_starts_with_semicolons(italian, make_window, tmp_path, qtbot, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    window = make_window()
    with qtbot.waitSignal(window.run_finished, timeout=60_000):
        assert window.start_training()
    offered: list[tuple[list[str], str]] = []
    answers = iter([(tmp_path / "first.csv", None), (tmp_path / "second.csv", 0), (tmp_path / "third.csv", None)])

    def get_save_file_name(parent, title, start, filters, selected, **kwargs):
        options = filters.split(";;")
        offered.append((options, selected))
        path, pick = next(answers)
        return str(path), options[pick] if pick is not None else selected

    monkeypatch.setattr(QFileDialog, "getSaveFileName", get_save_file_name)
    window.choose_export_history()
    window.choose_export_predictions()
    window.choose_export_history()

    options, selected = offered[0]
    assert len(options) == 2
    # An Italian spreadsheet opens semicolons and decimal commas into columns, so the first export offers them.
    assert selected == options[1]
    assert "virgole decimali" in selected
    first = (tmp_path / "first.csv").read_text(encoding="utf-8").splitlines()
    assert first[0].startswith("epoch;train_loss;")
    assert "," in first[1]
    # The form chosen last is offered next.
    assert offered[1][1] == options[1]
    assert offered[2][1] == options[0]
    second = (tmp_path / "second.csv").read_text(encoding="utf-8").splitlines()
    assert second[0] == "position,time,actual,prediction,part"
    assert ";" not in second[1]
    assert (tmp_path / "third.csv").read_text(encoding="utf-8").splitlines()[0].startswith("epoch,train_loss,")
