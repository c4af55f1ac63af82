"""Forward pass and gradients of the Elman RNN, checked against central differences."""

import warnings

import numpy as np
import pytest

from rnn_desktop.core import rnn as rnn_module
from rnn_desktop.core.rnn import PARAM_NAMES, ElmanRNN, apply_activation, matmul_inner, matmul_rows


def make_case(batch, steps, input_size, hidden, activation, seed=0):
    rng = np.random.default_rng(seed)
    model = ElmanRNN(input_size, hidden, activation, "glorot", "float64", rng)
    # Small non-zero biases so that every parameter has a non-trivial gradient.
    model.params["b_h"][:] = rng.normal(0.0, 0.1, hidden)
    model.params["b_y"][:] = 0.3
    xs = rng.normal(0.0, 1.0, (steps, batch, input_size))
    targets = rng.normal(0.0, 1.0, batch)
    return model, xs, targets


def mse(model, xs, targets, h0=None):
    y = model.forward(xs, h0=h0)
    return float(np.mean((y - targets) ** 2))


def numeric_gradients(model, loss_fn, eps=1e-6):
    grads = {}
    for name in PARAM_NAMES:
        p = model.params[name]
        g = np.zeros_like(p)
        for i in np.ndindex(p.shape):
            saved = p[i]
            p[i] = saved + eps
            up = loss_fn()
            p[i] = saved - eps
            down = loss_fn()
            p[i] = saved
            g[i] = (up - down) / (2 * eps)
        grads[name] = g
    return grads


def relative_error(analytic, numeric):
    scale = max(np.linalg.norm(analytic), np.linalg.norm(numeric), 1e-12)
    return np.linalg.norm(analytic - numeric) / scale


SHAPES = [
    # batch, steps, input_size, hidden
    (1, 6, 1, 5),
    (4, 1, 1, 5),
    (3, 7, 3, 4),
]


@pytest.mark.parametrize("activation", ["tanh", "sigmoid", "relu"])
@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("truncate", [None, 3])
def test_gradient_matches_central_difference(activation, shape, truncate):
    batch, steps, input_size, hidden = shape
    model, xs, targets = make_case(batch, steps, input_size, hidden, activation)
    k = steps if truncate is None else min(truncate, steps)

    # With truncation the reference loss freezes h_{T-k} at its forward value.
    h_frozen = None
    if k < steps:
        model.forward(xs[: steps - k])
        h_frozen = model.hidden_states()[-1]
    tail = xs[steps - k:]

    model.forward(xs)
    model.backward(targets, truncate)
    analytic = {name: g.copy() for name, g in model.grads.items()}
    numeric = numeric_gradients(model, lambda: mse(model, tail, targets, h0=h_frozen))

    for name in PARAM_NAMES:
        assert relative_error(analytic[name], numeric[name]) < 1e-6, name


def test_truncated_gradient_equals_frozen_state_gradient():
    steps, k = 9, 4
    model, xs, targets = make_case(5, steps, 2, 6, "tanh", seed=3)

    model.forward(xs[: steps - k])
    h_frozen = model.hidden_states()[-1]
    model.forward(xs[steps - k:], h0=h_frozen)
    model.backward(targets, None)
    frozen = {name: g.copy() for name, g in model.grads.items()}

    model.forward(xs)
    model.backward(targets, k)
    for name in PARAM_NAMES:
        np.testing.assert_allclose(model.grads[name], frozen[name], rtol=1e-12, atol=1e-14, err_msg=name)


def test_truncation_beyond_seq_len_is_full():
    model, xs, targets = make_case(3, 5, 1, 4, "sigmoid")
    model.forward(xs)
    model.backward(targets, None)
    full = {name: g.copy() for name, g in model.grads.items()}
    for k in (5, 50):
        model.forward(xs)
        model.backward(targets, k)
        for name in PARAM_NAMES:
            assert np.array_equal(model.grads[name], full[name]), (k, name)


def test_truncation_changes_gradient():
    model, xs, targets = make_case(3, 8, 1, 4, "tanh")
    model.forward(xs)
    model.backward(targets, None)
    full = model.grads["W_hh"].copy()
    model.forward(xs)
    model.backward(targets, 2)
    assert not np.allclose(model.grads["W_hh"], full)


def test_backward_returns_mse():
    model, xs, targets = make_case(4, 3, 1, 5, "tanh")
    expected = mse(model, xs, targets)
    model.forward(xs)
    assert model.backward(targets) == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize("input_size", [1, 2])  # 1 takes the broadcast input projection
def test_forward_matches_plain_loop(input_size):
    model, xs, _ = make_case(3, 6, input_size, 4, "relu")
    p = model.params
    h = np.zeros((3, 4))
    for t in range(6):
        h = np.maximum(xs[t] @ p["W_xh"] + h @ p["W_hh"] + p["b_h"], 0.0)
    expected = (h @ p["W_hy"] + p["b_y"])[:, 0]
    np.testing.assert_allclose(model.forward(xs), expected, rtol=1e-12)


def test_dh_norms_follow_backward_pass():
    model, xs, targets = make_case(2, 6, 1, 4, "tanh")
    model.forward(xs)
    norms = np.full(6, -1.0)
    model.backward(targets, 4, dh_norms=norms)
    dy = 2 * (model.forward(xs) - targets) / 2
    dh_last = np.outer(dy, model.params["W_hy"][:, 0])
    assert norms[-1] == pytest.approx(np.linalg.norm(dh_last, axis=1).mean())
    assert np.all(norms[:2] == 0.0)
    assert np.all(norms[2:] > 0.0)


@pytest.mark.parametrize("value", [-1000.0, 1000.0, -1e308, 1e308])
def test_sigmoid_extreme_input_gives_no_warning(value):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with np.errstate(over="raise", invalid="raise", divide="raise"):
            out = apply_activation("sigmoid", np.array([value]))
    if value > 0:
        assert out[0] == 1.0
    else:
        assert 0.0 <= out[0] < 1e-300


@pytest.mark.parametrize("dtype", ["float64", "float32"])
def test_tanh_matches_numpy(dtype):
    z = np.concatenate([np.linspace(-25, 25, 5001), [-1000.0, -1e-12, 0.0, 1e-12, 1000.0]]).astype(dtype)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = apply_activation("tanh", z)
    tolerance = 4e-16 if dtype == "float64" else 2e-7
    np.testing.assert_allclose(out, np.tanh(z), rtol=0, atol=tolerance)
    assert np.all(np.abs(out) <= 1.0)


@pytest.mark.parametrize("name", ["tanh", "sigmoid"])
@pytest.mark.parametrize("dtype", ["float64", "float32"])
def test_uncapped_activation_keeps_limits(name, dtype):
    z = np.array([-1e30, -1000.0, -100.0, -3.0, 0.0, 3.0, 100.0, 1000.0, 1e30, np.nan], dtype=dtype)
    capped = apply_activation(name, z)
    with np.errstate(over="ignore"):
        uncapped = apply_activation(name, z, overflow_ignored=True)
    low = -1.0 if name == "tanh" else 0.0
    assert uncapped[0] == low
    assert uncapped[1] == low
    np.testing.assert_allclose(uncapped[:-1], capped[:-1], rtol=0, atol=10 * np.finfo(dtype).tiny)
    assert np.isnan(uncapped[-1])


def test_forward_with_huge_inputs_gives_no_warning():
    model = ElmanRNN(1, 4, "tanh", "uniform", "float32", np.random.default_rng(0))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        y = model.forward(np.full((3, 2), -1e6, dtype=np.float32))
    assert np.all(np.isfinite(y))


def test_sigmoid_matches_logistic_function():
    z = np.linspace(-700, 700, 14001)
    np.testing.assert_allclose(apply_activation("sigmoid", z), 1.0 / (1.0 + np.exp(-z)), rtol=1e-14, atol=0)


def test_float32_model_tracks_float64():
    rng = np.random.default_rng(1)
    m64 = ElmanRNN(1, 16, "tanh", "glorot", "float64", rng)
    m32 = ElmanRNN(1, 16, "tanh", "glorot", "float32")
    m32.set_weights(m64.params)
    xs = rng.normal(size=(10, 4, 1))
    assert m32.params["W_hh"].dtype == np.float32
    assert m32.forward(xs).dtype == np.float32
    np.testing.assert_allclose(m32.forward(xs), m64.forward(xs), rtol=1e-4, atol=1e-5)


def test_glorot_recurrent_matrix_is_orthogonal():
    model = ElmanRNN(1, 12, "tanh", "glorot", "float64", np.random.default_rng(0))
    w = model.params["W_hh"]
    np.testing.assert_allclose(w @ w.T, np.eye(12), atol=1e-12)
    assert np.all(model.params["b_h"] == 0.0)


def test_uniform_init_draws_from_unit_interval():
    model = ElmanRNN(1, 50, "sigmoid", "uniform", "float64", np.random.default_rng(0))
    for name in ("W_xh", "W_hh", "W_hy"):
        assert model.params[name].min() >= 0.0
        assert model.params[name].max() < 1.0


def test_predict_accepts_batch_major_windows():
    model, xs, _ = make_case(5, 4, 1, 3, "tanh")
    batch_major = xs[:, :, 0].T.copy()
    np.testing.assert_allclose(model.predict(batch_major, chunk=2), model.forward(xs), rtol=1e-14)


@pytest.mark.parametrize("m, k, n", [(40, 100, 100), (64, 128, 128), (7, 40, 33)])
def test_blocked_matmuls_equal_plain_matmul(m, k, n, monkeypatch):
    monkeypatch.setattr(rnn_module, "BLOCKED_WORK_LIMIT", 64 * 1024 * 1024)
    rng = np.random.default_rng(0)
    a = rng.normal(size=(m, k))
    b = rng.normal(size=(k, n))
    out = np.empty((m, n))
    matmul_rows(a, b, out)
    np.testing.assert_allclose(out, a @ b, rtol=1e-12, atol=1e-12)

    a_long = rng.normal(size=(m * 13, k))
    c = rng.normal(size=(m * 13, n))
    inner = np.empty((k, n))
    matmul_inner(a_long.T, c, inner)
    np.testing.assert_allclose(inner, a_long.T @ c, rtol=1e-10, atol=1e-10)


def test_blocked_model_gradients_match_unblocked(monkeypatch):
    model, xs, targets = make_case(64, 12, 1, 96, "tanh")
    monkeypatch.setattr(rnn_module, "BLOCKED_WORK_LIMIT", 0)
    model.forward(xs)
    model.backward(targets)
    plain = {name: g.copy() for name, g in model.grads.items()}
    monkeypatch.setattr(rnn_module, "BLOCKED_WORK_LIMIT", 64 * 1024 * 1024)
    model.forward(xs)
    model.backward(targets)
    for name in PARAM_NAMES:
        np.testing.assert_allclose(model.grads[name], plain[name], rtol=1e-10, atol=1e-13, err_msg=name)
