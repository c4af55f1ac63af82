"""Optimisers (SGD, SGD with momentum, Adam) and gradient clipping.

Every optimiser updates the parameter arrays in place, so the model keeps its
arrays and buffers. ``lr`` is a plain attribute: changing it between steps
resets nothing.
"""

from __future__ import annotations

import math

import numpy as np

from rnn_desktop.core.errors import ConfigError

OPTIMIZERS = ("sgd", "momentum", "adam")

# Names of the per-parameter state arrays each optimiser keeps (see state_slots).
STATE_SLOTS = {"sgd": (), "momentum": ("velocity",), "adam": ("m", "v")}


def global_norm(grads: dict[str, np.ndarray]) -> float:
    """Return the L2 norm of all gradients taken together, sqrt(sum of g^2)."""
    total = 0.0
    for g in grads.values():
        flat = g.reshape(-1)
        total += float(np.dot(flat, flat))
    return math.sqrt(total)


def clip_by_value(grads: dict[str, np.ndarray], limit: float) -> None:
    """Clip every gradient element to [-limit, limit], in place."""
    for g in grads.values():
        np.clip(g, -limit, limit, out=g)


def clip_by_global_norm(grads: dict[str, np.ndarray], max_norm: float,
                        norm: float | None = None) -> float:
    """Scale all gradients by max_norm / norm when their global norm exceeds max_norm.

    Returns the global norm before clipping; pass ``norm`` when it is already known.
    """
    if norm is None:
        norm = global_norm(grads)
    if norm > max_norm:
        factor = max_norm / norm
        for g in grads.values():
            g *= factor
    return norm


class SGD:
    """Plain gradient descent: p <- p - lr * g."""

    def __init__(self, params: dict[str, np.ndarray], lr: float) -> None:
        self.params = params
        self.lr = float(lr)
        self.t = 0  # steps taken since the last reset
        self._scratch = {name: np.empty_like(p) for name, p in params.items()}

    def step(self, grads: dict[str, np.ndarray]) -> None:
        self.t += 1
        for name, p in self.params.items():
            scratch = self._scratch[name]
            np.multiply(grads[name], self.lr, out=scratch)
            p -= scratch

    def reset(self) -> None:
        """Forget the optimiser state (plain SGD has only the step count)."""
        self.t = 0

    def state_slots(self) -> dict[str, dict[str, np.ndarray]]:
        """Return the state arrays by slot name, then parameter name (the live arrays, not copies)."""
        return {}

    def load_state(self, t: int, slots: dict[str, dict[str, np.ndarray]]) -> None:
        """Copy a saved step count and state arrays (as ``state_slots`` returns them) into this optimiser.

        ``slots`` must hold every slot of ``state_slots()`` with arrays of the parameters' shapes.
        """
        self.t = int(t)
        for slot, arrays in self.state_slots().items():
            for name, target in arrays.items():
                np.copyto(target, slots[slot][name])


class Momentum(SGD):
    """SGD with momentum: v <- mu v + g, p <- p - lr v (the PyTorch form, so a new lr
    applies to the whole velocity at once)."""

    def __init__(self, params: dict[str, np.ndarray], lr: float, momentum: float = 0.9) -> None:
        super().__init__(params, lr)
        self.momentum = float(momentum)
        self.velocity = {name: np.zeros_like(p) for name, p in params.items()}

    def step(self, grads: dict[str, np.ndarray]) -> None:
        self.t += 1
        for name, p in self.params.items():
            v, scratch = self.velocity[name], self._scratch[name]
            v *= self.momentum
            v += grads[name]
            np.multiply(v, self.lr, out=scratch)
            p -= scratch

    def reset(self) -> None:
        self.t = 0
        for v in self.velocity.values():
            v.fill(0.0)

    def state_slots(self) -> dict[str, dict[str, np.ndarray]]:
        return {"velocity": self.velocity}


class Adam(SGD):
    """Adam with bias correction, in the form PyTorch uses:

        m <- b1 m + (1 - b1) g,   v <- b2 v + (1 - b2) g^2
        p <- p - (lr / (1 - b1^t)) * m / (sqrt(v / (1 - b2^t)) + eps)
    """

    def __init__(self, params: dict[str, np.ndarray], lr: float, beta1: float = 0.9,
                 beta2: float = 0.999, eps: float = 1e-8) -> None:
        super().__init__(params, lr)
        self.beta1, self.beta2, self.eps = float(beta1), float(beta2), float(eps)
        self.m = {name: np.zeros_like(p) for name, p in params.items()}
        self.v = {name: np.zeros_like(p) for name, p in params.items()}

    def step(self, grads: dict[str, np.ndarray]) -> None:
        self.t += 1
        correction1 = 1.0 - self.beta1 ** self.t
        correction2_sqrt = math.sqrt(1.0 - self.beta2 ** self.t)
        for name, p in self.params.items():
            g, m, v, scratch = grads[name], self.m[name], self.v[name], self._scratch[name]
            m *= self.beta1
            np.multiply(g, 1.0 - self.beta1, out=scratch)
            m += scratch
            v *= self.beta2
            np.multiply(g, g, out=scratch)
            scratch *= 1.0 - self.beta2
            v += scratch

            np.sqrt(v, out=scratch)
            scratch /= correction2_sqrt
            scratch += self.eps
            np.divide(m, scratch, out=scratch)
            scratch *= self.lr / correction1
            p -= scratch

    def reset(self) -> None:
        self.t = 0
        for name in self.m:
            self.m[name].fill(0.0)
            self.v[name].fill(0.0)

    def state_slots(self) -> dict[str, dict[str, np.ndarray]]:
        return {"m": self.m, "v": self.v}


def make_optimizer(name: str, params: dict[str, np.ndarray], lr: float,
                   momentum: float = 0.9) -> SGD:
    """Build the optimiser called ``name`` ("sgd", "momentum" or "adam") over ``params``."""
    if name == "sgd":
        return SGD(params, lr)
    if name == "momentum":
        return Momentum(params, lr, momentum)
    if name == "adam":
        return Adam(params, lr)
    raise ConfigError(f"unknown optimizer {name!r}; use one of {', '.join(OPTIMIZERS)}",
                      code="config.optimizer", name="optimizer", value=name, allowed=OPTIMIZERS)
