"""Built-in series for learning: the tutorial sine, periodic shapes, a random walk, Mackey–Glass.

``GENERATORS`` maps each name to a GeneratorSpec. Its ``params`` list what a
form needs: name, default, min, max and description. ``COMMON_PARAMETERS``
lists the same for length, noise and seed, which every generator takes.
``generate`` checks the values and returns a Series. Time is measured in
steps (one step per value) and angles in radians.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np

from rnn_desktop.core.errors import ConfigError, value_as_typed
from rnn_desktop.core.series import Series


@dataclass(frozen=True)
class ParameterSpec:
    """One numeric parameter of a generator and its allowed closed range."""

    name: str
    default: float
    min: float
    max: float
    description: str
    integer: bool = False


@dataclass(frozen=True)
class GeneratorSpec:
    """A generator's name, a one-line description and its own parameters."""

    name: str
    description: str
    params: tuple[ParameterSpec, ...]
    function: Callable[..., np.ndarray]


COMMON_PARAMETERS = (
    ParameterSpec("length", 200, 2, 1_000_000, "Number of values in the series.", integer=True),
    ParameterSpec("noise", 0.0, 0.0, 1e6, "Standard deviation of Gaussian noise added to every value."),
    ParameterSpec("seed", 0, 0, 2**32 - 1, "Seed of the random numbers; the same seed gives the same series.",
                  integer=True),
)

_PERIOD = ParameterSpec("period", 20.0, 2.0, 1e6, "Steps per full cycle.")
_AMPLITUDE = ParameterSpec("amplitude", 1.0, 0.0, 1e6, "Peak value above zero.")


def _sine(t: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    # sin(0), sin(1), sin(2), ...: one radian per step, as in the classic tutorial.
    return np.sin(t)


# Below this, a sine's value is rounding error of a zero: sin(k pi) gives about 1e-16 k.
_ZERO_SINE = 1e-12


def _cycle_sine(t: np.ndarray, period: float, phase: float = 0.0) -> np.ndarray:
    """Return sin(2 pi t / period + phase) with the rounding error at its zeros set to 0.

    A period of 2 samples the sine only at its zeros. Without the rounding,
    the series would be noise of about 1e-14 that the scaler stretches into a signal.
    """
    values = np.sin(2 * np.pi * t / period + phase)
    values[np.abs(values) < _ZERO_SINE] = 0.0
    return values


def _sine_wave(t: np.ndarray, rng: np.random.Generator, period: float, amplitude: float,
               phase: float) -> np.ndarray:
    return amplitude * _cycle_sine(t, period, phase)


def _sum_of_sines(t: np.ndarray, rng: np.random.Generator, period_1: float, amplitude_1: float,
                  period_2: float, amplitude_2: float) -> np.ndarray:
    return amplitude_1 * _cycle_sine(t, period_1) + amplitude_2 * _cycle_sine(t, period_2)


def _square(t: np.ndarray, rng: np.random.Generator, period: float, amplitude: float,
            duty: float) -> np.ndarray:
    cycle = np.mod(t / period, 1.0)
    return np.where(cycle < duty, amplitude, -amplitude)


def _sawtooth(t: np.ndarray, rng: np.random.Generator, period: float, amplitude: float) -> np.ndarray:
    # Rises linearly from -amplitude to just below +amplitude, then drops.
    return amplitude * (2.0 * np.mod(t / period, 1.0) - 1.0)


def _damped(t: np.ndarray, rng: np.random.Generator, period: float, amplitude: float,
            time_constant: float) -> np.ndarray:
    # x(t) = A exp(-t / tau) sin(2 pi t / period)
    return amplitude * np.exp(-t / time_constant) * _cycle_sine(t, period)


def _random_walk(t: np.ndarray, rng: np.random.Generator, step: float, drift: float) -> np.ndarray:
    # x(0) = 0, x(k) = x(k-1) + drift + step * N(0, 1)
    steps = drift + step * rng.standard_normal(t.shape[0] - 1)
    return np.concatenate(([0.0], np.cumsum(steps)))


def _mackey_glass(t: np.ndarray, rng: np.random.Generator, tau: float, beta: float, gamma: float,
                  exponent: float, initial: float) -> np.ndarray:
    """Integrate dx/dt = beta x(t - tau) / (1 + x(t - tau)^n) - gamma x(t), sampled once per time unit.

    The integrator is fourth-order Runge-Kutta with dt = 0.1 and a constant
    history x = initial for t <= 0. The delayed value at half steps is the
    mean of its neighbours. The first 500 time units are discarded so the
    series starts on the attractor.
    """
    dt = 0.1
    per_sample = 10  # integration steps per time unit
    delay = int(round(tau / dt))
    warmup = 500 * per_sample
    total = warmup + t.shape[0] * per_sample

    def slope(x: float, delayed: float) -> float:
        return beta * delayed / (1.0 + delayed ** exponent) - gamma * x

    history = [initial] * (delay + 1)  # history[-1] is x(now), history[-1 - delay] is x(now - tau)
    samples = np.empty(t.shape[0])
    for k in range(total):
        x = history[-1]
        delayed_now = history[-1 - delay]
        delayed_next = history[-delay] if delay > 0 else x
        delayed_half = 0.5 * (delayed_now + delayed_next)

        k1 = slope(x, delayed_now)
        k2 = slope(x + 0.5 * dt * k1, delayed_half)
        k3 = slope(x + 0.5 * dt * k2, delayed_half)
        k4 = slope(x + dt * k3, delayed_next)
        history.append(x + dt * (k1 + 2 * k2 + 2 * k3 + k4) / 6.0)
        del history[0]

        if k >= warmup and (k - warmup) % per_sample == 0:
            samples[(k - warmup) // per_sample] = history[-1]
    return samples


GENERATORS: dict[str, GeneratorSpec] = {
    "sine": GeneratorSpec(
        "sine", "The tutorial's series: sin(0), sin(1), sin(2), ..., one radian per step.", (), _sine),
    "sine_wave": GeneratorSpec(
        "sine_wave", "A sine with a chosen period, amplitude and phase.",
        (_PERIOD, _AMPLITUDE,
         ParameterSpec("phase", 0.0, -2 * math.pi, 2 * math.pi, "Phase shift in radians at step 0.")),
        _sine_wave),
    "sum_of_sines": GeneratorSpec(
        "sum_of_sines", "The sum of two sines with different periods.",
        (ParameterSpec("period_1", 25.0, 2.0, 1e6, "Steps per cycle of the first sine."),
         ParameterSpec("amplitude_1", 1.0, 0.0, 1e6, "Amplitude of the first sine."),
         ParameterSpec("period_2", 9.0, 2.0, 1e6, "Steps per cycle of the second sine."),
         ParameterSpec("amplitude_2", 0.5, 0.0, 1e6, "Amplitude of the second sine.")),
        _sum_of_sines),
    "square": GeneratorSpec(
        "square", "A square wave switching between +amplitude and -amplitude.",
        (_PERIOD, _AMPLITUDE,
         ParameterSpec("duty", 0.5, 0.01, 0.99, "Fraction of each cycle spent at +amplitude.")),
        _square),
    "sawtooth": GeneratorSpec(
        "sawtooth", "A ramp from -amplitude up to +amplitude that restarts every period.",
        (_PERIOD, _AMPLITUDE), _sawtooth),
    "damped": GeneratorSpec(
        "damped", "A sine whose amplitude decays exponentially.",
        (_PERIOD, _AMPLITUDE,
         ParameterSpec("time_constant", 100.0, 1.0, 1e6, "Steps after which the amplitude falls to 1/e.")),
        _damped),
    "random_walk": GeneratorSpec(
        "random_walk", "A Gaussian random walk starting at 0; the seed chooses the path.",
        (ParameterSpec("step", 1.0, 0.0, 1e6, "Standard deviation of each step."),
         ParameterSpec("drift", 0.0, -1e6, 1e6, "Mean of each step.")),
        _random_walk),
    "mackey_glass": GeneratorSpec(
        "mackey_glass", "The Mackey–Glass delay equation, chaotic for tau = 17, one value per time unit.",
        (ParameterSpec("tau", 17.0, 1.0, 100.0, "Delay in time units; 17 and above give chaos."),
         ParameterSpec("beta", 0.2, 0.01, 10.0, "Gain of the delayed feedback term."),
         ParameterSpec("gamma", 0.1, 0.01, 10.0, "Decay rate of the current value."),
         ParameterSpec("exponent", 10.0, 1.0, 30.0, "Power n in the nonlinearity x^n."),
         ParameterSpec("initial", 1.2, 0.01, 10.0, "Constant value of the history before time 0.")),
        _mackey_glass),
}

# NOTE: Mackey–Glass integrates in a Python loop with 10 steps per value,
# measured at about 2.5 s per 100,000 values on a shared 2-core machine, hence
# this cap. The other generators are vectorised.
_MACKEY_GLASS_MAX_LENGTH = 100_000


def generate(name: str, length: int = 200, noise: float = 0.0, seed: int = 0, **params: Any) -> Series:
    """Build the series ``name`` with ``length`` values and Gaussian noise of standard deviation ``noise``.

    Parameters not given take the spec's default. Raises ConfigError on an
    unknown generator or parameter, or on a value outside its range.
    """
    spec = GENERATORS.get(name)
    if spec is None:
        raise ConfigError(f"Unknown generator {name!r}. Choose one of: {', '.join(GENERATORS)}.",
                          code="config.unknown_generator", name=name, allowed=list(GENERATORS))

    known = {parameter.name: parameter for parameter in spec.params}
    unknown = sorted(set(params) - set(known))
    if unknown:
        allowed = ", ".join(known) or "none besides length, noise and seed"
        raise ConfigError(f"generator {name!r} has no parameter {unknown[0]!r}; its parameters: {allowed}.",
                          code="config.unknown_parameter", generator=name, name=unknown[0],
                          allowed=list(known))

    length_spec, noise_spec, seed_spec = COMMON_PARAMETERS
    length = int(_check_value(name, length_spec, length))
    noise = _check_value(name, noise_spec, noise)
    seed = int(_check_value(name, seed_spec, seed))
    if name == "mackey_glass" and length > _MACKEY_GLASS_MAX_LENGTH:
        raise ConfigError(
            f"length {length} is too large for mackey_glass; use at most {_MACKEY_GLASS_MAX_LENGTH}.",
            code="config.out_of_range", generator=name, name="length", value=length,
            min=length_spec.min, max=_MACKEY_GLASS_MAX_LENGTH)
    values = {parameter.name: _check_value(name, parameter, params.get(parameter.name, parameter.default))
              for parameter in spec.params}

    rng = np.random.default_rng(seed)
    series = spec.function(np.arange(length, dtype=np.float64), rng, **values)
    if noise > 0:
        # Drawn after the generator's own random numbers, so adding noise
        # leaves a random walk's path unchanged.
        series = series + noise * rng.standard_normal(length)

    details = {"generator": name, "length": length, "noise": noise, "seed": seed, **values}
    return Series(values=np.asarray(series, dtype=np.float64), name=name, source=f"generator {name}",
                  details=details)


def _check_value(generator: str, parameter: ParameterSpec, value: Any) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ConfigError(
            f"{generator}: {parameter.name} must be a number, got {value!r}.",
            code="config.not_a_number", generator=generator, name=parameter.name, value=value) from None
    if isinstance(value, bool) or not math.isfinite(number) or (parameter.integer and not number.is_integer()):
        kind = "a whole number" if parameter.integer else "a finite number"
        raise ConfigError(
            f"{generator}: {parameter.name} must be {kind}, got {value!r}.",
            code="config.not_a_number", generator=generator, name=parameter.name, value=value)
    if not parameter.min <= number <= parameter.max:
        raise ConfigError(
            f"{generator}: {parameter.name} = {value_as_typed(value if isinstance(value, int) else number)} is out "
            "of range; "
            f"use a value from {value_as_typed(parameter.min)} to {value_as_typed(parameter.max)}.",
            code="config.out_of_range", generator=generator, name=parameter.name, value=value,
            min=parameter.min, max=parameter.max)
    return number
