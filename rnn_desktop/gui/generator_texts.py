"""Translations of the built-in generators' descriptions and parameter names.

The core imports no Qt, so its English descriptions in ``core/generators.py``
cannot be marked for lupdate there. This module repeats each one as a source
text under the "Generators" context, and the data panel looks up the core's
own string at run time. tests/gui/test_translation.py fails when a core
description or parameter has no entry here.
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

# Parameter names as the form labels them; English shows the name itself.
PARAMETER_LABELS = (
    QT_TRANSLATE_NOOP("Generators", "period"),
    QT_TRANSLATE_NOOP("Generators", "amplitude"),
    QT_TRANSLATE_NOOP("Generators", "phase"),
    QT_TRANSLATE_NOOP("Generators", "period_1"),
    QT_TRANSLATE_NOOP("Generators", "amplitude_1"),
    QT_TRANSLATE_NOOP("Generators", "period_2"),
    QT_TRANSLATE_NOOP("Generators", "amplitude_2"),
    QT_TRANSLATE_NOOP("Generators", "duty"),
    QT_TRANSLATE_NOOP("Generators", "time_constant"),
    QT_TRANSLATE_NOOP("Generators", "step"),
    QT_TRANSLATE_NOOP("Generators", "drift"),
    QT_TRANSLATE_NOOP("Generators", "tau"),
    QT_TRANSLATE_NOOP("Generators", "beta"),
    QT_TRANSLATE_NOOP("Generators", "gamma"),
    QT_TRANSLATE_NOOP("Generators", "exponent"),
    QT_TRANSLATE_NOOP("Generators", "initial"),
)


def translated(text: str) -> str:
    """Return the translation of a core description or parameter name, or the text itself when there is none."""
    return QCoreApplication.translate(_CONTEXT, text)
