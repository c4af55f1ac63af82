"""Translations of the built-in generators' names, descriptions and parameter names.

The core imports no Qt, so its English descriptions in ``core/generators.py``
cannot be marked for lupdate there. This module repeats each one as a source
text under the "Generators" context, and the data panel looks up the core's
own string at run time. The form labels a generator or a parameter by a name
of its own, such as "Sine wave" for sine_wave. tests/gui/test_translation.py
fails when a core description, generator or parameter has no entry here.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_CONTEXT = "Generators"

DESCRIPTIONS = (
    QT_TRANSLATE_NOOP("Generators", "The tutorial's series: sin(0), sin(1), sin(2), ..., one radian per step."),
    QT_TRANSLATE_NOOP("Generators", "A sine with a chosen period, amplitude and phase."),
    QT_TRANSLATE_NOOP("Generators", "The sum of two sines with different periods."),
    QT_TRANSLATE_NOOP("Generators", "A square wave switching between +amplitude and -amplitude."),
    QT_TRANSLATE_NOOP("Generators", "A ramp from -amplitude up to +amplitude that restarts every period."),
    QT_TRANSLATE_NOOP("Generators", "A sine whose amplitude decays exponentially."),
    QT_TRANSLATE_NOOP("Generators", "A Gaussian random walk starting at 0; the seed chooses the path."),
    QT_TRANSLATE_NOOP("Generators",
                      "The Mackey\u2013Glass delay equation, chaotic for tau = 17, one value per time unit."),
    QT_TRANSLATE_NOOP("Generators", "Steps per full cycle."),
    QT_TRANSLATE_NOOP("Generators", "Peak value above zero."),
    QT_TRANSLATE_NOOP("Generators", "Phase shift in radians at step 0."),
    QT_TRANSLATE_NOOP("Generators", "Steps per cycle of the first sine."),
    QT_TRANSLATE_NOOP("Generators", "Amplitude of the first sine."),
    QT_TRANSLATE_NOOP("Generators", "Steps per cycle of the second sine."),
    QT_TRANSLATE_NOOP("Generators", "Amplitude of the second sine."),
    QT_TRANSLATE_NOOP("Generators", "Fraction of each cycle spent at +amplitude."),
    QT_TRANSLATE_NOOP("Generators", "Steps after which the amplitude falls to 1/e."),
    QT_TRANSLATE_NOOP("Generators", "Standard deviation of each step."),
    QT_TRANSLATE_NOOP("Generators", "Mean of each step."),
    QT_TRANSLATE_NOOP("Generators", "Delay in time units; 17 and above give chaos."),
    QT_TRANSLATE_NOOP("Generators", "Gain of the delayed feedback term."),
    QT_TRANSLATE_NOOP("Generators", "Decay rate of the current value."),
    QT_TRANSLATE_NOOP("Generators", "Power n in the nonlinearity x^n."),
    QT_TRANSLATE_NOOP("Generators", "Constant value of the history before time 0."),
)

# The form's labels of the generators and of their parameters, by the core's names
# (which the command line takes, as in --generator sine_wave).
GENERATOR_LABELS = {
    "sine": QT_TRANSLATE_NOOP("Generators", "Tutorial sine"),
    "sine_wave": QT_TRANSLATE_NOOP("Generators", "Sine wave"),
    "sum_of_sines": QT_TRANSLATE_NOOP("Generators", "Sum of two sines"),
    "square": QT_TRANSLATE_NOOP("Generators", "Square wave"),
    "sawtooth": QT_TRANSLATE_NOOP("Generators", "Sawtooth"),
    "damped": QT_TRANSLATE_NOOP("Generators", "Damped sine"),
    "random_walk": QT_TRANSLATE_NOOP("Generators", "Random walk"),
    "mackey_glass": QT_TRANSLATE_NOOP("Generators", "Mackey\u2013Glass"),
}

PARAMETER_LABELS = {
    "period": QT_TRANSLATE_NOOP("Generators", "Period"),
    "amplitude": QT_TRANSLATE_NOOP("Generators", "Amplitude"),
    "phase": QT_TRANSLATE_NOOP("Generators", "Phase"),
    "period_1": QT_TRANSLATE_NOOP("Generators", "Period 1"),
    "amplitude_1": QT_TRANSLATE_NOOP("Generators", "Amplitude 1"),
    "period_2": QT_TRANSLATE_NOOP("Generators", "Period 2"),
    "amplitude_2": QT_TRANSLATE_NOOP("Generators", "Amplitude 2"),
    "duty": QT_TRANSLATE_NOOP("Generators", "Duty cycle"),
    "time_constant": QT_TRANSLATE_NOOP("Generators", "Time constant"),
    "step": QT_TRANSLATE_NOOP("Generators", "Step size"),
    "drift": QT_TRANSLATE_NOOP("Generators", "Drift"),
    "tau": QT_TRANSLATE_NOOP("Generators", "Delay tau"),
    "beta": QT_TRANSLATE_NOOP("Generators", "Beta"),
    "gamma": QT_TRANSLATE_NOOP("Generators", "Gamma"),
    "exponent": QT_TRANSLATE_NOOP("Generators", "Exponent"),
    "initial": QT_TRANSLATE_NOOP("Generators", "Initial value"),
}


def generator_label(name: str) -> str:
    """Return the form's label of generator ``name``, or the name itself for one without a label."""
    return translated(GENERATOR_LABELS.get(name, name))


def parameter_label(name: str) -> str:
    """Return the form's label of generator parameter ``name``, or the name itself for one without a label."""
    return translated(PARAMETER_LABELS.get(name, name))


def translated(text: str) -> str:
    """Return the translation of a core description or parameter name, or the text itself when there is none."""
    return QCoreApplication.translate(_CONTEXT, text)
