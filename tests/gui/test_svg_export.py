"""SVG export of the plots: pyqtgraph's exporter with closed paths, and the QSvgGenerator fallback."""

from __future__ import annotations

import xml.dom.minidom
import xml.etree.ElementTree as ElementTree

import numpy as np
import pytest

from rnn_desktop.gui import svg_export
from rnn_desktop.gui.svg_export import PlotSvgExporter, insert_close_commands, remove_close_commands

TIMEOUT_MS = 60_000
SVG = "{http://www.w3.org/2000/svg}"


def train(qtbot, window) -> None:
    """Train the window's model and show the window, so the plots have their laid-out size."""
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.run_finished, timeout=TIMEOUT_MS):
        assert window.start_training()
    window.refresh_plots()


def curves_of(window, name: str) -> list:
    if name == "loss":
        return [window.loss_plot.train_curve, window.loss_plot.val_curve]
    plot = window.prediction_plot
    return [plot.actual_curve, plot.train_curve, plot.val_curve, plot.forecast_curve]


def stroke_groups(root: ElementTree.Element, color: str) -> list[ElementTree.Element]:
    """Return the groups drawn with stroke ``color`` inside the groups of pyqtgraph's curve items."""
    groups = []
    for item in root.iter(f"{SVG}g"):
        if (item.get("id") or "").startswith("PlotCurveItem"):
            groups.extend(inner for inner in item.iter(f"{SVG}g") if inner.get("stroke") == color)
    return groups


def vertices(group: ElementTree.Element) -> list[tuple[float, float]]:
    """Return the points of a curve drawn as one path, or as line segments that share their ends."""
    points = []
    for path in group.iter(f"{SVG}path"):
        for token in path.get("d").split():
            x, y = token.lstrip("ML").split(",")
            points.append((float(x), float(y)))
    segments = [polyline.get("points").split() for polyline in group.iter(f"{SVG}polyline")]
    if segments:
        points.extend(tuple(map(float, token.split(","))) for token in segments[0][:1])
        for segment in segments:
            points.append(tuple(map(float, segment[-1].split(","))))
    return points


def test_close_commands_round_trip():
    data = "M0,0 L5,0 L5,5 L0,0 Z M10,10 L20,10 L10,10 Z"

    path_data, positions = remove_close_commands(data)

    assert path_data == "M0,0 L5,0 L5,5 L0,0 M10,10 L20,10 L10,10"
    assert positions == [4, 7]
    assert insert_close_commands(path_data, positions) == data


def test_path_without_close_commands_unchanged():
    assert remove_close_commands("M1,2 L3,4 C1,2 3,4 5,6") == ("M1,2 L3,4 C1,2 3,4 5,6", [])


def test_closed_path_coordinates_transformed():
    document = xml.dom.minidom.parseString(
        '<g><g transform="matrix(2,0,0,2,10,20)"><path d="M0,0 L5,0 L5,5 L0,0 Z M1,1 L2,2 "/></g></g>')
    node = document.documentElement
    original = svg_export._svg_module.correctCoordinates

    svg_export._correct_coordinates_with_closed_paths(original, node, [], None, {})

    assert node.getElementsByTagName("path")[0].getAttribute("d") == (
        "M10.0,20.0 L20.0,20.0 L20.0,30.0 L10.0,20.0 Z M12.0,22.0 L14.0,24.0")


@pytest.mark.parametrize("name", ["loss", "prediction"])
def test_svg_export_contains_curves(qtbot, make_window, tmp_path, caplog, name):
    window = make_window()
    train(qtbot, window)
    panel = window.loss_plot if name == "loss" else window.prediction_plot
    path = tmp_path / f"{name}.svg"

    with caplog.at_level("WARNING", logger="rnn_desktop.gui.plots"):
        assert window.export_plot(panel, str(path))

    assert "QSvgGenerator" not in caplog.text
    root = ElementTree.parse(path).getroot()
    assert root.tag == f"{SVG}svg"
    assert root.findtext(f"{SVG}title") == "pyqtgraph SVG export"
    for curve in curves_of(window, name):
        color = curve.opts["pen"].color().name()
        x, y = curve.getData()
        groups = stroke_groups(root, color)
        assert len(groups) == 1, color
        points = np.array(vertices(groups[0]))
        assert len(points) == len(x), color
        # The drawing's coordinates are an affine map of the data's, with y pointing down.
        assert np.corrcoef(points[:, 0], x)[0, 1] > 0.999999, color
        assert np.corrcoef(points[:, 1], y)[0, 1] < -0.999999, color


def test_export_restores_pyqtgraph_function(qtbot, make_window, tmp_path):
    window = make_window()
    original = svg_export._svg_module.correctCoordinates

    PlotSvgExporter(window.loss_plot.plot).export(str(tmp_path / "empty.svg"))

    assert svg_export._svg_module.correctCoordinates is original


def test_svg_export_falls_back_to_qt(qtbot, make_window, tmp_path, caplog, monkeypatch):
    window = make_window()
    train(qtbot, window)

    def failing_export(self, *args, **kwargs):
        raise ValueError("not enough values to unpack (expected 2, got 1)")

    monkeypatch.setattr(PlotSvgExporter, "export", failing_export)
    path = tmp_path / "loss.svg"
    with caplog.at_level("WARNING", logger="rnn_desktop.gui.plots"):
        assert window.export_plot(window.loss_plot, str(path))

    assert "not enough values to unpack" in caplog.text
    assert "QSvgGenerator" in caplog.text
    root = ElementTree.parse(path).getroot()
    assert root.tag == f"{SVG}svg"
    assert root.findtext(f"{SVG}title") != "pyqtgraph SVG export"
    text = path.read_text()
    for curve in curves_of(window, "loss"):
        assert f'stroke="{curve.opts["pen"].color().name()}"' in text


def test_export_dialog_offers_adapted_exporter(qtbot, make_window, tmp_path):
    from pyqtgraph.exporters import Exporter, SVGExporter

    from rnn_desktop.gui.app import create_application

    window = make_window()
    train(qtbot, window)
    create_application()
    create_application()

    svg_exporters = [exporter for exporter in Exporter.Exporters if "SVG" in exporter.Name]
    assert svg_exporters == [PlotSvgExporter]
    assert SVGExporter not in Exporter.Exporters

    # The dialog constructs the listed class with the item the person right-clicked.
    path = tmp_path / "from_dialog.svg"
    svg_exporters[0](window.loss_plot.plot).export(str(path))
    root = ElementTree.parse(path).getroot()
    assert root.findtext(f"{SVG}title") == "pyqtgraph SVG export"
