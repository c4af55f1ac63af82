"""SVG export of a plot through pyqtgraph's SVGExporter, adapted to the path data of Qt 6.11.

pyqtgraph's exporter paints each item with Qt's QSvgGenerator and then moves
every point of each ``<path>`` into the document's coordinates, reading the
path data as space-separated ``x,y`` tokens with an optional command letter
(pyqtgraph 0.14.0, ``correctCoordinates`` in ``exporters/SVGExporter.py``).
Qt 6.11.3's generator ends each subpath whose last point equals its first
with a bare ``Z`` token, which has no coordinates, so that function raises
"ValueError: not enough values to unpack". Every plot has such a path: the
ViewBox's border rectangle and the clip path pyqtgraph makes from the
ViewBox's shape. ``PlotSvgExporter`` takes the ``Z`` tokens out before
pyqtgraph reads the path data and puts them back afterwards.
"""

from __future__ import annotations

import functools
import importlib
from typing import Any, Callable
from xml.dom.minidom import Element

from pyqtgraph.exporters import Exporter, SVGExporter

# The module, not the class of the same name that pyqtgraph.exporters exports.
_svg_module = importlib.import_module(SVGExporter.__module__)

CLOSE_COMMANDS = ("Z", "z")


def remove_close_commands(path_data: str) -> tuple[str, list[int]]:
    """Return ``path_data`` without its bare close commands, and the token index where each one stood.

    The index counts the tokens kept before the command, so ``insert_close_commands``
    puts each command back after the same point.
    """
    kept_tokens: list[str] = []
    positions: list[int] = []
    for token in path_data.split():
        if token in CLOSE_COMMANDS:
            positions.append(len(kept_tokens))
        else:
            kept_tokens.append(token)
    return " ".join(kept_tokens), positions


def insert_close_commands(path_data: str, positions: list[int]) -> str:
    """Insert a ``Z`` token into ``path_data`` at each token index from ``remove_close_commands``."""
    tokens = path_data.split()
    # From the end, so each insertion leaves the earlier indices valid.
    for position in reversed(positions):
        tokens.insert(position, "Z")
    return " ".join(tokens)


def _correct_coordinates_with_closed_paths(correct_coordinates: Callable[..., Any], node: Element,
                                           *args: Any, **kwargs: Any) -> Any:
    """Run pyqtgraph's ``correctCoordinates`` on ``node`` with the close commands kept out of its way."""
    removed = []
    for element in node.getElementsByTagName("path"):
        path_data, positions = remove_close_commands(element.getAttribute("d"))
        if positions:
            element.setAttribute("d", path_data)
            removed.append((element, positions))
    result = correct_coordinates(node, *args, **kwargs)
    # correctCoordinates moves the path elements into new groups but keeps the same objects.
    for element, positions in removed:
        element.setAttribute("d", insert_close_commands(element.getAttribute("d"), positions))
    return result


class PlotSvgExporter(SVGExporter):
    """pyqtgraph's SVGExporter that also reads path data with bare ``Z`` close commands.

    ``export`` replaces the exporter module's ``correctCoordinates`` for the
    duration of the call and restores it afterwards. Call it from the GUI
    thread only, like any drawing. ``use_in_export_dialog`` makes the plots'
    context-menu Export... dialog offer this class in place of SVGExporter.
    """

    def export(self, fileName: str | None = None, toBytes: bool = False,  # noqa: N803 (pyqtgraph's names)
               copy: bool = False) -> Any:
        original = _svg_module.correctCoordinates
        _svg_module.correctCoordinates = functools.partial(_correct_coordinates_with_closed_paths, original)
        try:
            return super().export(fileName=fileName, toBytes=toBytes, copy=copy)
        finally:
            _svg_module.correctCoordinates = original


def use_in_export_dialog() -> None:
    """Offer PlotSvgExporter in place of SVGExporter in pyqtgraph's Export... dialog.

    The dialog lists the classes in ``Exporter.Exporters``, which each exporter
    module appends to when pyqtgraph imports it. Calling this again changes nothing.
    """
    registry = Exporter.Exporters
    for index, exporter in enumerate(registry):
        if exporter is SVGExporter:
            registry[index] = PlotSvgExporter
