"""Elman recurrent network: parameters, forward pass and backpropagation through time.

The model is many-to-one. A window of T inputs x_1..x_T, each of size I, gives

    z_t = x_t W_xh + h_{t-1} W_hh + b_h        h_0 = 0
    h_t = f(z_t)                               f in {tanh, sigmoid, relu}
    y   = h_T W_hy + b_y                       (output size 1)

Shapes: W_xh (I, H), W_hh (H, H), b_h (H,), W_hy (H, 1), b_y (1,).

Arrays inside the model are time-major, ``(T, B, I)``, because every step reads
one contiguous ``(B, H)`` slice. ``predict`` accepts the batch-major windows
``(B, T)`` or ``(B, T, I)`` that the data layer produces.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from rnn_desktop.core.errors import ConfigError

PARAM_NAMES = ("W_xh", "W_hh", "b_h", "W_hy", "b_y")
ACTIVATIONS = ("tanh", "sigmoid", "relu")
INITS = ("glorot", "uniform")
DTYPES = ("float64", "float32")


# Largest x with a finite exp(x), per dtype: exp arguments are capped there.
_EXP_LIMIT = {np.dtype("float64"): 709.0, np.dtype("float32"): 88.0}


def apply_activation(name: str, z: np.ndarray, out: np.ndarray | None = None,
                     overflow_ignored: bool = False) -> np.ndarray:
    """Apply f element-wise to ``z`` and return ``out`` (may be ``z`` itself).

    sigmoid(z) = 1 / (1 + exp(-z)) and tanh(z) = 2 / (1 + exp(-2z)) - 1. When
    exp overflows to inf for a very negative z, both formulas still give the
    exact limit (0 and -1), but numpy warns. So the exp argument is capped at
    the largest finite exp argument (sigmoid) or at 40, where tanh is -1 to
    double precision. A caller that runs under np.errstate(over="ignore") may
    pass ``overflow_ignored=True`` to skip the cap: np.minimum costs 1.3 ns per
    float32 value on an AVX2 machine without AVX-512 (see docs/benchmarks.md).
    Below z = -709 (float64), sigmoid returns about 1e-308, or 0 without the cap.

    The exp form of tanh is faster than np.tanh where numpy has no SIMD tanh
    (AVX2 machines): 5.1 against 7.5 ns per float32 value, and 11 against 37 ns
    per float64 value. Its absolute error stays below 4e-16 in float64 and 2e-7
    in float32. Near 0 that is more than one ulp, so tiny values lose relative
    precision.
    """
    if out is None:
        out = np.empty_like(z)
    if name == "tanh":
        np.multiply(z, -2.0, out=out)
        if not overflow_ignored:
            np.minimum(out, 40.0, out=out)
        np.exp(out, out=out)
        out += 1.0
        np.divide(2.0, out, out=out)
        out -= 1.0
    elif name == "sigmoid":
        np.negative(z, out=out)
        if not overflow_ignored:
            np.minimum(out, _EXP_LIMIT.get(z.dtype, 88.0), out=out)
        np.exp(out, out=out)
        out += 1.0
        np.reciprocal(out, out=out)
    elif name == "relu":
        np.maximum(z, 0.0, out=out)
    else:
        raise ConfigError(f"unknown activation {name!r}; use one of {', '.join(ACTIVATIONS)}",
                          code="config.activation", name="activation", value=name, allowed=ACTIVATIONS)
    return out


def activation_derivative(name: str, h: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """Return f'(z) computed from h = f(z), element-wise, into ``out``.

    tanh' = 1 - h^2, sigmoid' = h (1 - h), relu' = 1 where h > 0 and 0 elsewhere.
    """
    if out is None:
        out = np.empty_like(h)
    if name == "tanh":
        np.multiply(h, h, out=out)
        np.subtract(1.0, out, out=out)
    elif name == "sigmoid":
        np.subtract(1.0, h, out=out)
        out *= h
    elif name == "relu":
        np.greater(h, 0.0, out=out)
    else:
        raise ConfigError(f"unknown activation {name!r}; use one of {', '.join(ACTIVATIONS)}",
                          code="config.activation", name="activation", value=name, allowed=ACTIVATIONS)
    return out


def init_params(input_size: int, hidden: int, init: str, dtype: str,
                rng: np.random.Generator) -> dict[str, np.ndarray]:
    """Draw the initial parameters.

    "glorot": W_xh and W_hy uniform in +-sqrt(6 / (fan_in + fan_out)), W_hh a random
    orthogonal matrix (QR of a Gaussian matrix, signs fixed so the draw is uniform),
    biases zero. "uniform": every matrix U(0, 1) and biases zero, as in the classic
    numpy sine tutorial.
    """
    if init == "glorot":
        limit_in = np.sqrt(6.0 / (input_size + hidden))
        limit_out = np.sqrt(6.0 / (hidden + 1))
        w_xh = rng.uniform(-limit_in, limit_in, size=(input_size, hidden))
        q, r = np.linalg.qr(rng.standard_normal((hidden, hidden)))
        w_hh = q * np.sign(np.diag(r))
        w_hy = rng.uniform(-limit_out, limit_out, size=(hidden, 1))
    elif init == "uniform":
        w_xh = rng.uniform(0.0, 1.0, size=(input_size, hidden))
        w_hh = rng.uniform(0.0, 1.0, size=(hidden, hidden))
        w_hy = rng.uniform(0.0, 1.0, size=(hidden, 1))
    else:
        raise ConfigError(f"unknown initialiser {init!r}; use one of {', '.join(INITS)}",
                          code="config.init", name="init", value=init, allowed=INITS)

    params = {"W_xh": w_xh, "W_hh": w_hh, "b_h": np.zeros(hidden), "W_hy": w_hy, "b_y": np.zeros(1)}
    return {name: np.ascontiguousarray(value, dtype=dtype) for name, value in params.items()}


# OpenBLAS 0.3.x (interface/gemm.c) runs a GEMM on one thread when m * n * k is at
# most 65536 * 4. Above that it hands the work to its thread pool, and for the
# small products of a small model the hand-off can cost more than the work,
# badly so when other processes keep the cores busy: one 800 x 32 x 32 product
# measured 6 to 29 ms threaded against 1.3 to 2 ms in one-thread blocks on a
# loaded 2-core machine. Products up to BLOCKED_WORK_LIMIT multiply-adds are
# therefore split into blocks of at most ONE_THREAD_WORK. Larger ones, such as
# the 64 x 128 x 128 step of a 128-unit model, keep the single threaded call,
# which was about twice as fast as 16-row blocks on an idle core pair but
# loses to them when the cores are busy (see docs/benchmarks.md).
# Other BLAS libraries just see a few more calls.
ONE_THREAD_WORK = 262144
BLOCKED_WORK_LIMIT = 1_000_000


def matmul_rows(a: np.ndarray, b: np.ndarray, out: np.ndarray) -> None:
    """Compute out = a @ b, in blocks of rows of ``a`` when the product is small.

    a (m, k), b (k, n), out (m, n) C-contiguous.
    """
    m, k = a.shape
    n = b.shape[1]
    work = m * n * k
    if work <= ONE_THREAD_WORK or work > BLOCKED_WORK_LIMIT:
        np.matmul(a, b, out=out)
        return
    block = max(1, ONE_THREAD_WORK // (n * k))
    for start in range(0, m, block):
        np.matmul(a[start:start + block], b, out=out[start:start + block])


def matmul_inner(a_t: np.ndarray, b: np.ndarray, out: np.ndarray) -> None:
    """Compute out = a_t @ b for a long inner dimension, summing blocks of it when small.

    a_t (m, r) is usually a transposed (r, m) array, b (r, n), out (m, n).
    """
    m, r = a_t.shape
    n = b.shape[1]
    work = m * n * r
    if work <= ONE_THREAD_WORK or work > BLOCKED_WORK_LIMIT:
        np.matmul(a_t, b, out=out)
        return
    block = max(1, ONE_THREAD_WORK // (m * n))
    np.matmul(a_t[:, :block], b[:block], out=out)
    partial = np.empty_like(out)
    for start in range(block, r, block):
        np.matmul(a_t[:, start:start + block], b[start:start + block], out=partial)
        out += partial


def param_shapes(input_size: int, hidden: int) -> dict[str, tuple[int, ...]]:
    return {"W_xh": (input_size, hidden), "W_hh": (hidden, hidden), "b_h": (hidden,),
            "W_hy": (hidden, 1), "b_y": (1,)}


class BatchInterrupted(Exception):
    """Raised by ``forward`` or ``backward`` when their ``interrupt`` callable returns True.

    The parameters are untouched; the gradients and the forward workspace are
    left half-written, and the next ``forward`` call overwrites them.
    """


class _Workspace:
    """Preallocated buffers for one (T, B) shape, reused by every batch of that shape."""

    def __init__(self, steps: int, batch: int, input_size: int, hidden: int, dtype: np.dtype) -> None:
        self.hs = np.zeros((steps + 1, batch, hidden), dtype=dtype)  # h_0..h_T, h_0 stays 0
        self.zs = np.empty((steps, batch, hidden), dtype=dtype)  # x_t W_xh + b_h, then dL/dz_t
        self.xs = np.empty((steps, batch, input_size), dtype=dtype)
        self.y = np.empty((batch, 1), dtype=dtype)
        self.dy = np.empty((batch, 1), dtype=dtype)
        self.dh = np.empty((batch, hidden), dtype=dtype)


class ElmanRNN:
    """Many-to-one Elman RNN with parameters in ``params`` and gradients in ``grads``.

    Both dicts use the names in PARAM_NAMES; ``grads`` is overwritten in place by
    every ``backward`` call. With ``draw=False`` the parameters start at zero, for
    a caller that fills them next (``reinitialise`` or ``set_weights``): for a
    large model the orthogonal draw is the slow part of building it.
    """

    def __init__(self, input_size: int = 1, hidden: int = 32, activation: str = "tanh",
                 init: str = "glorot", dtype: str = "float64",
                 rng: np.random.Generator | None = None, draw: bool = True) -> None:
        if activation not in ACTIVATIONS:
            apply_activation(activation, np.zeros(1))  # raises the ConfigError
        if dtype not in DTYPES:
            raise ConfigError(f"unknown dtype {dtype!r}; use float64 or float32",
                              code="config.dtype", name="dtype", value=dtype, allowed=DTYPES)
        self.input_size = int(input_size)
        self.hidden = int(hidden)
        self.activation = activation
        self.init = init
        self.dtype = np.dtype(dtype)
        if init not in INITS:
            init_params(1, 1, init, dtype, np.random.default_rng(0))  # raises the ConfigError
        if draw:
            self.params = init_params(self.input_size, self.hidden, init, dtype,
                                      rng if rng is not None else np.random.default_rng(0))
        else:
            self.params = {name: np.zeros(shape, dtype=self.dtype)
                           for name, shape in param_shapes(self.input_size, self.hidden).items()}
        self.grads = {name: np.zeros_like(value) for name, value in self.params.items()}
        self._workspaces: dict[tuple[int, int], _Workspace] = {}
        self._last: _Workspace | None = None

    def __getstate__(self) -> dict:
        """Leave out the forward workspaces: each forward pass overwrites the one it uses."""
        state = dict(self.__dict__)
        state["_workspaces"] = {}
        state["_last"] = None
        return state

    # --- parameters -------------------------------------------------------

    def reinitialise(self, rng: np.random.Generator) -> None:
        """Draw new parameters in place, so references held by an optimiser stay valid."""
        fresh = init_params(self.input_size, self.hidden, self.init, self.dtype.name, rng)
        for name, value in fresh.items():
            np.copyto(self.params[name], value)

    def get_weights(self) -> dict[str, np.ndarray]:
        return {name: value.copy() for name, value in self.params.items()}

    def set_weights(self, weights: dict[str, np.ndarray]) -> None:
        """Copy ``weights`` into the parameters in place; shapes must match exactly."""
        shapes = param_shapes(self.input_size, self.hidden)
        for name in PARAM_NAMES:
            value = np.asarray(weights[name])
            if value.shape != shapes[name]:
                raise ValueError(f"{name} has shape {value.shape}, expected {shapes[name]}")
        for name in PARAM_NAMES:
            np.copyto(self.params[name], weights[name], casting="same_kind")

    @property
    def n_params(self) -> int:
        return sum(value.size for value in self.params.values())

    # --- forward ----------------------------------------------------------

    def _workspace(self, steps: int, batch: int) -> _Workspace:
        key = (steps, batch)
        workspace = self._workspaces.get(key)
        if workspace is None:
            if len(self._workspaces) > 8:
                self._workspaces.clear()
            workspace = _Workspace(steps, batch, self.input_size, self.hidden, self.dtype)
            self._workspaces[key] = workspace
        return workspace

    def forward(self, xs: np.ndarray, h0: np.ndarray | None = None,
                interrupt: Callable[[], bool] | None = None) -> np.ndarray:
        """Run the network over time-major inputs and return y, shape (B,).

        xs: (T, B, I) or (T, B) when I == 1. h0: optional initial state (B, H),
        zeros when None. The hidden states stay in the model until the next call,
        for ``backward`` and ``hidden_states``.

        interrupt: optional callable asked before each time step after the first;
        when it returns True, BatchInterrupted is raised. It may block (a pause)
        and return False, and the pass goes on as if never stopped.
        """
        if xs.ndim == 2:
            xs = xs[:, :, None]
        steps, batch, _ = xs.shape
        ws = self._workspace(steps, batch)
        w_hh = self.params["W_hh"]
        hs, zs = ws.hs, ws.zs

        # The input projection of all time steps at once. With one input it is an
        # outer product, which a broadcast multiply computed 1.2 to 3.6 times faster
        # than a matmul with an inner dimension of 1 (see docs/benchmarks.md).
        np.copyto(ws.xs, xs, casting="same_kind")
        if self.input_size == 1:
            np.multiply(ws.xs, self.params["W_xh"][0], out=zs)
        else:
            matmul_rows(ws.xs.reshape(steps * batch, self.input_size), self.params["W_xh"],
                        zs.reshape(steps * batch, self.hidden))
        zs += self.params["b_h"]

        if h0 is None:
            hs[0].fill(0.0)
            np.copyto(hs[1], zs[0])
        else:
            np.copyto(hs[0], h0, casting="same_kind")
            matmul_rows(hs[0], w_hh, hs[1])
            hs[1] += zs[0]
        # exp may overflow to inf inside the activation, which gives its exact limit.
        with np.errstate(over="ignore"):
            apply_activation(self.activation, hs[1], out=hs[1], overflow_ignored=True)
            for t in range(1, steps):
                if interrupt is not None and interrupt():
                    raise BatchInterrupted
                h_next = hs[t + 1]
                matmul_rows(hs[t], w_hh, h_next)
                h_next += zs[t]
                apply_activation(self.activation, h_next, out=h_next, overflow_ignored=True)

        np.matmul(hs[steps], self.params["W_hy"], out=ws.y)
        ws.y += self.params["b_y"]
        self._last = ws
        return ws.y[:, 0]

    def hidden_states(self) -> np.ndarray:
        """Return a copy of h_1..h_T of the last forward pass, shape (T, B, H)."""
        if self._last is None:
            raise RuntimeError("hidden_states() needs a forward() call first")
        return self._last.hs[1:].copy()

    def predict(self, windows: np.ndarray, chunk: int = 512) -> np.ndarray:
        """Return predictions (B,) for batch-major windows (B, T) or (B, T, I), in chunks."""
        windows = np.asarray(windows)
        if windows.ndim == 2:
            windows = windows[:, :, None]
        out = np.empty(windows.shape[0], dtype=np.float64)
        for start in range(0, windows.shape[0], chunk):
            part = windows[start:start + chunk]
            out[start:start + part.shape[0]] = self.forward(part.transpose(1, 0, 2))
        return out

    # --- backward ---------------------------------------------------------

    def backward(self, targets: np.ndarray, bptt_truncate: int | None = None,
                 dh_norms: np.ndarray | None = None, interrupt: Callable[[], bool] | None = None) -> float:
        """Compute the MSE loss of the last forward pass and fill ``grads``.

        loss = mean over the batch of (y - target)^2, targets shape (B,).

        bptt_truncate = k backpropagates through the last k steps only: the
        gradient flows into z_T, z_{T-1}, ..., z_{T-k+1}, and h_{T-k} is treated as
        a constant. The result equals the exact gradient of the loss computed with
        h_{T-k} frozen at its forward value. k >= T or None is full BPTT, and
        k = 1 uses the last step only.

        dh_norms: optional (T,) output that receives the batch mean of
        ||dL/dh_t|| for t = 1..T, zero for the steps that truncation skips.

        interrupt: as in ``forward``, asked before each step of the loop back
        through time.

        Returns the loss as a Python float (computed in float64).
        """
        ws = self._last
        if ws is None:
            raise RuntimeError("backward() needs a forward() call first")
        steps, batch, hidden = ws.zs.shape
        k = steps if bptt_truncate is None else min(int(bptt_truncate), steps)
        first = steps - k  # index into zs of z_{T-k+1}; hs[first] = h_{T-k} is constant
        hs, dzs, dh = ws.hs, ws.zs, ws.dh
        grads, w_hh = self.grads, self.params["W_hh"]

        # dL/dy for the mean squared error.
        np.subtract(ws.y[:, 0], targets, out=ws.dy[:, 0])
        loss = float(np.dot(ws.dy[:, 0].astype(np.float64), ws.dy[:, 0]) / batch)
        ws.dy *= 2.0 / batch

        np.matmul(hs[steps].T, ws.dy, out=grads["W_hy"])
        grads["b_y"][0] = ws.dy.sum()
        np.matmul(ws.dy, self.params["W_hy"].T, out=dh)

        # f'(z_t) for every step in one call; dzs then becomes dL/dz_t step by step.
        activation_derivative(self.activation, hs[first + 1:], out=dzs[first:])
        if dh_norms is not None:
            dh_norms[:first] = 0.0
        for t in range(steps - 1, first - 1, -1):
            if interrupt is not None and interrupt():
                raise BatchInterrupted
            if dh_norms is not None:
                dh_norms[t] = np.sqrt(np.einsum("bh,bh->b", dh, dh)).mean()
            dz = dzs[t]
            dz *= dh
            if t > first:
                matmul_rows(dz, w_hh.T, dh)

        # Weight gradients of all steps at once: stacked (k*B, H) arrays, one matmul each.
        dz_all = dzs[first:].reshape(k * batch, hidden)
        matmul_inner(hs[first:steps].reshape(k * batch, hidden).T, dz_all, grads["W_hh"])
        matmul_inner(ws.xs[first:].reshape(k * batch, self.input_size).T, dz_all, grads["W_xh"])
        np.sum(dz_all, axis=0, out=grads["b_h"])
        return loss

    def loss_and_grads(self, xs: np.ndarray, targets: np.ndarray,
                       bptt_truncate: int | None = None) -> tuple[float, dict[str, np.ndarray]]:
        """Run forward and backward on time-major xs (T, B, I) and return (loss, grads)."""
        self.forward(xs)
        loss = self.backward(targets, bptt_truncate)
        return loss, self.grads
