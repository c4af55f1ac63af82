"""Optimiser steps and gradient clipping, checked against hand-computed values."""

import math

import numpy as np
import pytest

from rnn_desktop.core.errors import ConfigError
from rnn_desktop.core.optim import (
    SGD, Adam, Momentum, clip_by_global_norm, clip_by_value, global_norm, make_optimizer,
)


def params_and_grads():
    params = {"w": np.array([[1.0, -2.0], [0.5, 3.0]]), "b": np.array([0.25])}
    grads = {"w": np.array([[0.1, -0.2], [0.3, 0.4]]), "b": np.array([-1.0])}
    return params, grads


def test_sgd_step():
    params, grads = params_and_grads()
    w = params["w"]
    SGD(params, lr=0.5).step(grads)
    assert params["w"] is w
    np.testing.assert_allclose(params["w"], [[0.95, -1.9], [0.35, 2.8]])
    np.testing.assert_allclose(params["b"], [0.75])


def test_momentum_two_steps():
    params, grads = params_and_grads()
    optimizer = Momentum(params, lr=0.1, momentum=0.9)
    optimizer.step(grads)
    optimizer.step(grads)
    # v1 = g, v2 = 0.9 g + g = 1.9 g; p = p0 - 0.1 (g + 1.9 g) = p0 - 0.29 g
    np.testing.assert_allclose(params["b"], [0.25 + 0.29])
    np.testing.assert_allclose(optimizer.velocity["b"], [-1.9])


def test_adam_matches_formula_over_steps():
    params, grads = params_and_grads()
    p = params["w"].copy()
    m = np.zeros_like(p)
    v = np.zeros_like(p)
    optimizer = Adam(params, lr=0.01)
    for t in range(1, 4):
        g = grads["w"] * t
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        p = p - (0.01 / (1 - 0.9 ** t)) * m / (np.sqrt(v / (1 - 0.999 ** t)) + 1e-8)
        optimizer.step({"w": g, "b": grads["b"]})
        np.testing.assert_allclose(params["w"], p, rtol=1e-12)


def test_adam_first_step_has_size_lr():
    params, grads = params_and_grads()
    before = params["w"].copy()
    Adam(params, lr=0.001).step(grads)
    np.testing.assert_allclose(before - params["w"], 0.001 * np.sign(grads["w"]), rtol=1e-6)


def test_lr_change_keeps_adam_state():
    params, grads = params_and_grads()
    optimizer = Adam(params, lr=0.01)
    optimizer.step(grads)
    m = optimizer.m["w"].copy()
    optimizer.lr = 0.5
    assert optimizer.t == 1
    assert np.array_equal(optimizer.m["w"], m)


def test_adam_reset_clears_moments():
    params, grads = params_and_grads()
    optimizer = Adam(params, lr=0.01)
    optimizer.step(grads)
    optimizer.reset()
    assert optimizer.t == 0
    assert not optimizer.m["w"].any()
    assert not optimizer.v["b"].any()


def test_global_norm():
    _, grads = params_and_grads()
    assert global_norm(grads) == pytest.approx(math.sqrt(0.01 + 0.04 + 0.09 + 0.16 + 1.0))


def test_clip_by_value():
    grads = {"w": np.array([-30.0, -5.0, 0.0, 9.99, 12.0])}
    clip_by_value(grads, 10.0)
    np.testing.assert_array_equal(grads["w"], [-10.0, -5.0, 0.0, 9.99, 10.0])


def test_clip_by_global_norm_rescales():
    grads = {"a": np.array([3.0]), "b": np.array([4.0])}
    before = clip_by_global_norm(grads, 1.0)
    assert before == 5.0
    np.testing.assert_allclose(grads["a"], [0.6])
    np.testing.assert_allclose(grads["b"], [0.8])
    assert global_norm(grads) == pytest.approx(1.0)


def test_clip_by_global_norm_leaves_small_gradients():
    grads = {"a": np.array([0.3]), "b": np.array([0.4])}
    clip_by_global_norm(grads, 1.0)
    np.testing.assert_array_equal(grads["a"], [0.3])


def test_make_optimizer_rejects_unknown_name():
    params, _ = params_and_grads()
    with pytest.raises(ConfigError) as caught:
        make_optimizer("rmsprop", params, 0.1)
    assert caught.value.params["value"] == "rmsprop"


@pytest.mark.parametrize("name, kind", [("sgd", SGD), ("momentum", Momentum), ("adam", Adam)])
def test_make_optimizer_builds_each_kind(name, kind):
    params, _ = params_and_grads()
    assert type(make_optimizer(name, params, 0.1)) is kind
