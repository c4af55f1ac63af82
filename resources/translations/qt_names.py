"""Qt's own strings that PySide6's Italian qtbase translation lacks, listed for lupdate.

With PySide6 6.11 the widget-based file dialog's labels "&Look in:" and
"Files of &type:" and the folder type name have no entry in qtbase_it.qm,
so they show in English. The app's catalog is searched before Qt's, so
translating them there fills the gap. update.py passes this file to
lupdate, and nothing imports it.
"""

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate

QT_STRINGS = [
    translate("QFileDialog", "&Look in:"),
    translate("QFileDialog", "Files of &type:"),
    translate("QAbstractFileIconProvider", "Folder", "All other platforms"),
]
