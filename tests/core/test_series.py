"""Windows, split, scalers, metrics and forecasts."""

import warnings

import numpy as np
import pytest

from rnn_desktop.core.series import (
    Scaler, find_outliers, fit_scaler, forecast_recursive, make_windows, min_series_length, naive_persistence_rmse,
    predict_one_step, regression_metrics, split_windows,
)

SINE = np.sin(np.arange(200.0))


def test_windows_are_views_of_the_series():
    inputs, targets = make_windows(SINE, 50)
    assert inputs.shape == (150, 50)
    assert targets.shape == (150,)
    assert np.shares_memory(inputs, SINE)
    assert np.shares_memory(targets, SINE)
    assert inputs.base is not None


def test_window_contents():
    values = np.arange(10.0)
    inputs, targets = make_windows(values, 3)
    np.testing.assert_array_equal(inputs[0], [0, 1, 2])
    np.testing.assert_array_equal(inputs[-1], [6, 7, 8])
    np.testing.assert_array_equal(targets, np.arange(3.0, 10.0))


def test_windows_reject_short_series():
    with pytest.raises(ValueError):
        make_windows(np.arange(3.0), 3)


def test_tutorial_split():
    split = split_windows(150, val_windows=50)
    assert (split.n_train, split.n_val) == (100, 50)
    assert split.train == slice(0, 100)
    assert split.val == slice(100, 150)


def test_fraction_split():
    split = split_windows(150, val_fraction=0.2)
    assert (split.n_train, split.n_val) == (120, 30)


def test_split_needs_training_window():
    with pytest.raises(ValueError):
        split_windows(50, val_windows=50)


def test_min_series_length():
    assert min_series_length(50, 50, None) == 101
    assert min_series_length(5, None, 0.5) == 7


@pytest.mark.parametrize("kind", ["minmax", "zscore", "none"])
def test_scaler_round_trip(kind):
    values = np.random.default_rng(0).normal(3.0, 2.0, 100)
    scaler = fit_scaler(kind, values)
    np.testing.assert_allclose(scaler.inverse(scaler.transform(values)), values, rtol=1e-14)
    assert Scaler.from_dict(scaler.to_dict()) == scaler


def test_minmax_maps_to_unit_interval():
    scaled = fit_scaler("minmax", np.array([2.0, 4.0, 6.0])).transform(np.array([2.0, 4.0, 6.0]))
    np.testing.assert_array_equal(scaled, [0.0, 0.5, 1.0])


def test_zscore_standardises():
    values = np.array([1.0, 2.0, 3.0, 4.0])
    scaled = fit_scaler("zscore", values).transform(values)
    assert scaled.mean() == pytest.approx(0.0)
    assert scaled.std() == pytest.approx(1.0)


@pytest.mark.parametrize("kind", ["minmax", "zscore"])
def test_scaler_of_constant_series_is_finite(kind):
    scaler = fit_scaler(kind, np.full(5, 7.0))
    assert scaler.divisor == 1.0


def test_scaler_rejects_unknown_kind():
    with pytest.raises(ValueError):
        fit_scaler("log", SINE)


def test_metrics():
    metrics = regression_metrics(np.array([1.0, 2.0, 4.0]), np.array([2.0, 2.0, 2.0]))
    assert metrics["rmse"] == pytest.approx(np.sqrt(5.0 / 3.0))
    assert metrics["mae"] == pytest.approx(1.0)
    assert metrics["mape"] == pytest.approx(100.0 * (1.0 + 0.0 + 0.5) / 3.0)


def test_rmse_stays_finite_for_huge_finite_errors():
    # Squared, these errors overflow to inf; the RMSE itself is finite and exact.
    metrics = regression_metrics(np.zeros(4), np.array([3e200, -3e200, 4e200, -4e200]))
    assert metrics["rmse"] == pytest.approx(np.sqrt((9.0 + 9.0 + 16.0 + 16.0) / 4.0) * 1e200, rel=1e-14)
    assert metrics["mae"] == pytest.approx(3.5e200, rel=1e-14)


def test_rmse_is_inf_when_a_prediction_is_inf():
    metrics = regression_metrics(np.zeros(3), np.array([1.0, np.inf, 2.0]))
    assert metrics["rmse"] == np.inf
    assert metrics["mae"] == np.inf


def test_rmse_of_a_perfect_prediction_is_zero():
    assert regression_metrics(np.array([1.0, 2.0]), np.array([1.0, 2.0]))["rmse"] == 0.0


def test_mape_left_out_near_zero_target():
    # sin(k pi / 2) in float64: 1.2e-16 where the exact value is 0.
    target = np.sin(np.pi / 2 * np.arange(1, 21))
    assert 0.0 not in target
    assert regression_metrics(target, target + 0.01)["mape"] is None
    # Small but real values keep their MAPE.
    assert regression_metrics(np.array([1e-6, 1.0]), np.array([2e-6, 1.0]))["mape"] == pytest.approx(50.0)


def test_mape_left_out_when_target_has_zero():
    metrics = regression_metrics(np.array([0.0, 1.0]), np.array([0.5, 1.0]))
    assert metrics["mape"] is None


def test_naive_persistence_rmse():
    values = np.array([0.0, 1.0, 3.0, 6.0, 10.0])
    # seq_len 2: windows predict values 2..4 from their last inputs 1, 3, 6.
    assert naive_persistence_rmse(values, 2, slice(0, 3)) == pytest.approx(np.sqrt((4 + 9 + 16) / 3))
    assert naive_persistence_rmse(values, 2, slice(2, 3)) == pytest.approx(4.0)


class LastValueModel:
    """Predicts the last input of each window plus one, in scaled units."""

    def predict(self, windows):
        return np.asarray(windows)[:, -1] + 1.0


def test_predict_one_step_index_and_units():
    values = np.arange(10.0) * 2.0
    scaler = Scaler("minmax", 0.0, 2.0)
    index, prediction = predict_one_step(LastValueModel(), scaler, values, 3)
    np.testing.assert_array_equal(index, np.arange(3, 10))
    # Scaled last input k + 1 maps back to 2 (k + 1) = the next value.
    np.testing.assert_allclose(prediction, values[3:])


def test_forecast_recursive_feeds_back_predictions():
    values = np.arange(5.0)
    forecast = forecast_recursive(LastValueModel(), Scaler(), values, 3, 4)
    np.testing.assert_array_equal(forecast, [5.0, 6.0, 7.0, 8.0])


def test_find_outliers_names_typing_slips_only():
    values = 20.0 + 5.0 * np.sin(np.arange(300) / 7.0)
    slips = values.copy()
    slips[[12, 200]] = [1e308, -9999.0]
    slips[50] = np.nan

    assert find_outliers(slips).tolist() == [12, 200]
    assert find_outliers(values).size == 0
    # Pairs of values at the extremes of a float do not overflow into warnings or false results.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert find_outliers(np.array([-1e308, 1e308, -1e308, 1e308, 0.0])).size == 0
        assert find_outliers(np.array([0.0, 1e307, 2e307, 3e307, 4e307])).size == 0


@pytest.mark.parametrize("values", [[1.0, 2.0, 1e9], [5.0] * 10 + [1e9], [np.nan] * 5])
def test_find_outliers_needs_a_spread(values):
    assert find_outliers(np.array(values)).size == 0


@pytest.mark.parametrize("scale", [1e302, 1e-298, 1.0])
def test_naive_rmse_at_extreme_scales(scale):
    from rnn_desktop.core.series import naive_persistence_rmse

    values = np.sin(np.arange(200.0))
    expected = naive_persistence_rmse(values, 50, slice(100, 150)) * scale
    assert naive_persistence_rmse(values * scale, 50, slice(100, 150)) == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize(("path", "column"), [("nile.csv", "flow"), ("/data/a, column b.csv", "level 2")])
def test_csv_source_round_trip(path, column):
    from rnn_desktop.core.series import csv_source, split_csv_source

    assert split_csv_source(csv_source(path, column)) == (path, column)


@pytest.mark.parametrize("source", ["generator sine", "/data/nile.csv", ", column flow"])
def test_other_sources_are_not_csv_sources(source):
    from rnn_desktop.core.series import split_csv_source

    assert split_csv_source(source) is None


@pytest.mark.parametrize(("time", "forward"), [
    (np.array(["2024-03-01T01:00", "2024-03-01T01:00", "2024-03-01T02:00"], dtype="datetime64[s]"), True),
    (np.array(["2024-03-01T01:00", "2024-03-01T00:00"], dtype="datetime64[s]"), False),
    (np.array(["2024-03-01", "NaT"], dtype="datetime64[s]"), False),
    (np.array(["2024-03-01", "2024-03-01"], dtype="datetime64[s]"), False),
    (np.array([1900.0, 1901.0]), True),
    (np.array([1.0, np.nan, 3.0]), False),
])
def test_times_go_forward(time, forward):
    from rnn_desktop.core.series import times_go_forward

    assert times_go_forward(time) is forward
