"""Built-in generators: length, determinism, value ranges and parameter checks."""

from __future__ import annotations

import math

import numpy as np
import pytest

from rnn_desktop.core.errors import ConfigError
from rnn_desktop.core.generators import COMMON_PARAMETERS, GENERATORS, generate

NAMES = ["sine", "sine_wave", "sum_of_sines", "square", "sawtooth", "damped", "random_walk", "mackey_glass"]


def test_generator_names_and_order():
    assert list(GENERATORS) == NAMES


def test_sine_is_the_tutorial_series():
    series = generate("sine")
    assert len(series) == 200
    np.testing.assert_array_equal(series.values, np.sin(np.arange(200)))
    assert series.values[1] == math.sin(1.0)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("length", [2, 37, 500])
def test_length(name, length):
    series = generate(name, length=length)
    assert series.values.shape == (length,)
    assert series.values.dtype == np.float64
    assert np.isfinite(series.values).all()


@pytest.mark.parametrize("name", NAMES)
def test_same_seed_same_series(name):
    first = generate(name, length=300, noise=0.1, seed=7)
    second = generate(name, length=300, noise=0.1, seed=7)
    np.testing.assert_array_equal(first.values, second.values)


@pytest.mark.parametrize("name", NAMES)
def test_other_seed_other_noise(name):
    first = generate(name, length=300, noise=0.1, seed=7)
    second = generate(name, length=300, noise=0.1, seed=8)
    assert not np.array_equal(first.values, second.values)


@pytest.mark.parametrize("name", NAMES)
def test_noise_has_requested_scale(name):
    clean = generate(name, length=5000, seed=3)
    noisy = generate(name, length=5000, noise=0.5, seed=3)
    assert abs(np.std(noisy.values - clean.values) - 0.5) < 0.03


def test_sine_wave_range_and_period():
    series = generate("sine_wave", length=400, period=40, amplitude=3.0, phase=0.0)
    assert series.values.max() <= 3.0
    assert series.values.min() >= -3.0
    assert series.values.max() == pytest.approx(3.0)
    np.testing.assert_allclose(series.values[:360], series.values[40:400], atol=1e-9)


def test_sine_wave_phase_shifts_start():
    series = generate("sine_wave", period=20, amplitude=2.0, phase=math.pi / 2)
    assert series.values[0] == pytest.approx(2.0)


@pytest.mark.parametrize(("name", "params"), [
    ("sine_wave", {"period": 2.0}),
    ("sum_of_sines", {"period_1": 2.0, "period_2": 2.0}),
    ("damped", {"period": 2.0}),
])
def test_period_of_two_samples_only_zeros(name, params):
    # Every sample falls on a zero of the sine; rounding error must not pass for a signal.
    assert np.array_equal(generate(name, length=300, **params).values, np.zeros(300))


def test_zero_rounding_changes_nothing_else():
    t = np.arange(500.0)
    exact = np.sin(2 * np.pi * t / 7.3 + 0.4)
    np.testing.assert_allclose(generate("sine_wave", length=500, period=7.3, phase=0.4).values, exact,
                               rtol=0, atol=1e-12)
    assert np.count_nonzero(generate("sine_wave", length=500, period=7.3, phase=0.4).values) == 500


def test_sum_of_sines_range():
    series = generate("sum_of_sines", length=2000, amplitude_1=1.0, amplitude_2=0.5)
    assert np.abs(series.values).max() <= 1.5
    assert np.abs(series.values).max() > 1.3


def test_square_takes_two_values():
    series = generate("square", length=100, period=10, amplitude=2.0, duty=0.3)
    assert set(series.values.tolist()) == {2.0, -2.0}
    assert series.values[:10].tolist() == [2.0] * 3 + [-2.0] * 7


def test_sawtooth_ramps_and_resets():
    series = generate("sawtooth", length=20, period=10, amplitude=1.0)
    np.testing.assert_allclose(series.values[:10], np.linspace(-1.0, 0.8, 10))
    assert series.values[10] == -1.0
    assert series.values.max() < 1.0


def test_damped_decays():
    series = generate("damped", length=1000, period=20, amplitude=1.0, time_constant=100)
    assert np.abs(series.values).max() <= 1.0
    assert np.abs(series.values[:20]).max() > 10 * np.abs(series.values[-20:]).max()


def test_random_walk_starts_at_zero_with_steps_of_scale():
    series = generate("random_walk", length=20000, step=2.0, drift=0.0, seed=1)
    assert series.values[0] == 0.0
    assert np.std(np.diff(series.values)) == pytest.approx(2.0, rel=0.03)


def test_random_walk_path_ignores_noise_draws():
    walk = generate("random_walk", length=100, seed=4)
    noisy = generate("random_walk", length=100, noise=0.1, seed=4)
    assert 0 < np.abs(noisy.values - walk.values).max() < 1.0


def test_mackey_glass_stays_on_attractor():
    series = generate("mackey_glass", length=1500)
    assert series.values.min() > 0.2
    assert series.values.max() < 1.5
    # Chaotic, so it never settles: the last stretch still swings widely.
    assert series.values[-300:].max() - series.values[-300:].min() > 0.5


def test_specs_list_defaults_inside_ranges():
    for spec in GENERATORS.values():
        for parameter in (*COMMON_PARAMETERS, *spec.params):
            assert parameter.min <= parameter.default <= parameter.max
            assert parameter.description.endswith(".")


def test_mackey_glass_tau_default_is_17():
    spec = GENERATORS["mackey_glass"]
    assert {parameter.name: parameter.default for parameter in spec.params}["tau"] == 17.0


def test_details_record_parameters():
    series = generate("square", length=50, noise=0.2, seed=9, period=8)
    assert series.details == {"generator": "square", "length": 50, "noise": 0.2, "seed": 9,
                              "period": 8.0, "amplitude": 1.0, "duty": 0.5}
    assert series.source == "generator square"


def test_unknown_generator_lists_names():
    with pytest.raises(ConfigError) as caught:
        generate("triangle")
    assert caught.value.code == "config.unknown_generator"
    assert caught.value.params["allowed"] == NAMES
    assert "sine_wave" in str(caught.value)


def test_unknown_parameter_is_rejected():
    with pytest.raises(ConfigError) as caught:
        generate("sine_wave", frequency=3)
    assert caught.value.code == "config.unknown_parameter"
    assert caught.value.params["name"] == "frequency"
    assert "period" in str(caught.value)


@pytest.mark.parametrize("name, arguments, bad", [
    ("sine", {"length": 1}, "length"),
    ("sine", {"length": 2_000_000}, "length"),
    ("sine", {"noise": -0.1}, "noise"),
    ("square", {"duty": 1.5}, "duty"),
    ("sine_wave", {"period": 1}, "period"),
    ("mackey_glass", {"tau": 0.5}, "tau"),
    ("mackey_glass", {"length": 200_000}, "length"),
])
def test_out_of_range_names_value_and_range(name, arguments, bad):
    with pytest.raises(ConfigError) as caught:
        generate(name, **arguments)
    assert caught.value.code == "config.out_of_range"
    assert caught.value.params["name"] == bad
    assert caught.value.params["value"] == arguments[bad]
    assert "use a value from" in str(caught.value) or "use at most" in str(caught.value)


@pytest.mark.parametrize("arguments", [{"length": 20.5}, {"length": "many"}, {"noise": float("nan")},
                                       {"seed": True}])
def test_non_numbers_are_rejected(arguments):
    with pytest.raises(ConfigError) as caught:
        generate("sine", **arguments)
    assert caught.value.code == "config.not_a_number"
