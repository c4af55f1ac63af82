"""Strings pyqtgraph translates but never marks, listed so lupdate puts them in pyqtgraph_<language>.ts.

pyqtgraph's export dialog shows each exporter's ``Name`` through
QCoreApplication.translate("Exporter", name), a call lupdate cannot read.
Update this list when a pyqtgraph upgrade renames an exporter. update.py
reads this file; nothing imports it.
"""

QT_TRANSLATE_NOOP = None  # only lupdate reads the calls below

EXPORTER_NAMES = [
    QT_TRANSLATE_NOOP("Exporter", "Image File (PNG, TIF, JPG, ...)"),
    QT_TRANSLATE_NOOP("Exporter", "Scalable Vector Graphics (SVG)"),
    QT_TRANSLATE_NOOP("Exporter", "CSV of original plot data"),
    QT_TRANSLATE_NOOP("Exporter", "Printer"),
    QT_TRANSLATE_NOOP("Exporter", "Matplotlib Window"),
    QT_TRANSLATE_NOOP("Exporter", "HDF5 Export: plot (x,y)"),
]
