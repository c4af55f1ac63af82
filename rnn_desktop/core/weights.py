"""Weights files: a ``.npz`` of named float arrays plus one JSON metadata entry.

Layout of a file (format version 1):

- ``W_xh`` (I, H), ``W_hh`` (H, H), ``b_h`` (H,), ``W_hy`` (H, 1), ``b_y`` (1,):
  the parameters, stored in the model's dtype (float64 or float32);
- ``metadata``: a 0-d unicode array holding a JSON object with ``format``
  ("rnn-desktop-weights"), ``format_version``, ``app_version``, ``model``
  (input_size, hidden, activation, init, dtype), ``seq_len``, ``config`` (every
  TrainConfig field), ``scaler`` (kind, shift, divisor), ``epoch`` and
  ``history`` (one dict of numbers per epoch). Files written since the
  optimiser state is saved also hold ``optimizer_state`` (``name`` and
  ``step``, the number of optimiser steps taken) and ``shuffle_rng`` (the
  state of the numpy PCG64 generator that shuffles the batches), and ``data``
  (``source``, ``length`` and ``sha256`` of the float64 values trained on);
- ``optimizer.<slot>.<parameter>``: the optimiser's state arrays, in the
  parameters' shapes and dtype (slots ``velocity`` for momentum, ``m`` and
  ``v`` for Adam, none for SGD). Older files lack them; they load with a fresh
  optimiser.
- ``early_stopping`` in the metadata: ``best_val_loss`` (null before any epoch
  improved it), ``best_epoch``, ``epochs_without_improvement``,
  ``epochs_on_plateau`` and ``best_weights``, which is true when the file also
  contains ``best.<parameter>``, the weights of the best epoch in the parameters'
  shapes and dtype. Older files lack them; their early stopping starts from the
  loaded weights.

Format version 1 readers ignore arrays and metadata keys they do not know, so
adding the optimiser and early stopping state keeps the format version at 1.

Files are read with ``allow_pickle=False`` and only parsed, never executed.
``load_weights`` checks everything before returning, so a rejected file never
reaches the model. ``save_weights`` writes a temporary file in the target
folder and renames it over the target, so a crash mid-save leaves any existing
file intact.
"""

from __future__ import annotations

import io
import json
import logging
import math
import os
import tempfile
import zipfile
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from rnn_desktop import __version__
from rnn_desktop.core.errors import WeightsFileError
from rnn_desktop.core.file_modes import match_new_file_mode
from rnn_desktop.core.optim import STATE_SLOTS
from rnn_desktop.core.rnn import ACTIVATIONS, DTYPES, INITS, PARAM_NAMES, param_shapes

logger = logging.getLogger(__name__)

FORMAT_NAME = "rnn-desktop-weights"
FORMAT_VERSION = 1
METADATA_KEY = "metadata"


@dataclass
class WeightsFile:
    """The validated content of a weights file."""

    arrays: dict[str, np.ndarray]
    metadata: dict[str, Any]
    config: dict[str, Any] = field(default_factory=dict)
    history: list[dict[str, Any]] = field(default_factory=list)
    # Optimiser state saved with the weights, or None in files written before it was saved.
    optimizer_state: OptimizerState | None = None
    shuffle_rng_state: dict[str, Any] | None = None  # numpy bit_generator.state of the shuffle generator
    # Early stopping counters and best weights, or None in files written before they were saved.
    early_stopping: EarlyStoppingState | None = None


@dataclass
class OptimizerState:
    """The validated optimiser state of a weights file."""

    name: str  # "sgd", "momentum" or "adam"
    step: int
    slots: dict[str, dict[str, np.ndarray]]  # slot name -> parameter name -> array


@dataclass
class EarlyStoppingState:
    """The validated early stopping state of a weights file."""

    best_val_loss: float  # infinity when no epoch has improved the validation loss yet
    best_epoch: int  # 0 when no epoch has improved it
    epochs_without_improvement: int
    epochs_on_plateau: int
    best_weights: dict[str, np.ndarray] | None  # parameter name -> array, None when best_val_loss is infinity


def best_array_name(param: str) -> str:
    """Return the npz entry name of the best epoch's weights for parameter ``param``."""
    return f"best.{param}"


def optimizer_array_name(slot: str, param: str) -> str:
    """Return the npz entry name of optimiser slot ``slot`` for parameter ``param``."""
    return f"optimizer.{slot}.{param}"


def save_weights(path: str | os.PathLike[str], arrays: dict[str, np.ndarray],
                 metadata: dict[str, Any], extra_arrays: dict[str, np.ndarray] | None = None) -> None:
    """Write ``arrays`` (the parameters), ``extra_arrays`` and ``metadata`` to ``path`` atomically.

    ``metadata`` must be JSON-serialisable; ``format`` and ``format_version`` are
    added here. NaN and infinity in it are written as null.
    """
    meta = {"format": FORMAT_NAME, "format_version": FORMAT_VERSION, "app_version": __version__}
    meta.update(metadata)
    text = json.dumps(_replace_non_finite(meta), allow_nan=False, sort_keys=True)
    payload = {name: np.ascontiguousarray(arrays[name]) for name in PARAM_NAMES}
    for name, value in (extra_arrays or {}).items():
        payload[name] = np.ascontiguousarray(value)
    payload[METADATA_KEY] = np.array(text)

    path = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(path))
    handle, temp_path = tempfile.mkstemp(prefix=".weights-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            np.savez(stream, **payload)
            stream.flush()
            os.fsync(stream.fileno())
        match_new_file_mode(temp_path, path)
        os.replace(temp_path, path)
    except BaseException:
        try:
            os.unlink(temp_path)
        except OSError:
            pass
        raise
    logger.info("saved weights to %s", path)


def _replace_non_finite(value: Any) -> Any:
    if isinstance(value, float) and not np.isfinite(value):
        return None
    if isinstance(value, dict):
        return {key: _replace_non_finite(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_replace_non_finite(item) for item in value]
    return value


def _reject(path: str, code: str, problem: str, **params: Any) -> WeightsFileError:
    message = f"cannot load weights file {path}: {problem}"
    logger.info("%s", message)
    return WeightsFileError(message, code=f"weights.{code}", path=path, **params)


def load_weights(path: str | os.PathLike[str]) -> WeightsFile:
    """Read and validate a weights file; raise WeightsFileError naming the problem.

    Rejected: a missing, empty or truncated file, a file that is not npz, an npz
    with pickled (object) arrays, missing arrays or metadata, invalid metadata,
    a newer format version, shapes that disagree with the metadata, non-float
    arrays and non-finite values.
    """
    path = os.fspath(path)
    try:
        with open(path, "rb") as stream:
            data = stream.read()
    except FileNotFoundError:
        raise _reject(path, "not_found", "the file does not exist") from None
    except IsADirectoryError:
        raise _reject(path, "unreadable", "it is a folder, not a weights file; choose a .npz file inside it") from None
    except OSError as error:
        raise _reject(path, "unreadable", f"the file cannot be read ({error.strerror})") from None

    if not data:
        raise _reject(path, "empty", "the file is empty; choose a file saved by rnn-desktop")
    if not data.startswith(b"PK"):
        raise _reject(path, "not_npz", "the file is not an npz archive; choose a .npz file saved by rnn-desktop")

    raw = _read_arrays(path, data)
    metadata = _parse_metadata(path, raw)
    arrays = _check_arrays(path, raw, metadata)
    optimizer_state = _check_optimizer_state(path, raw, metadata)
    early_stopping = _check_early_stopping(path, raw, metadata)
    return WeightsFile(arrays=arrays, metadata=metadata, config=dict(metadata.get("config", {})),
                       history=list(metadata.get("history", [])), optimizer_state=optimizer_state,
                       shuffle_rng_state=metadata.get("shuffle_rng"), early_stopping=early_stopping)


def _read_arrays(path: str, data: bytes) -> dict[str, np.ndarray]:
    """Read every member with allow_pickle=False; a damaged archive raises a WeightsFileError."""
    try:
        with np.load(io.BytesIO(data), allow_pickle=False) as archive:
            names = list(archive.files)
            raw = {}
            for name in names:
                try:
                    raw[name] = archive[name]
                except ValueError as error:
                    if "pickle" in str(error).lower():
                        raise _reject(path, "pickled",
                                      f"array {name!r} holds pickled Python objects, which are never loaded "
                                      "because unpickling can run code", array=name) from None
                    raise
    except WeightsFileError:
        raise
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, KeyError) as error:
        raise _reject(path, "truncated",
                      f"the file is truncated or damaged ({error}); load another copy, or train and save "
                      "the weights again",
                      detail=str(error)) from None
    return raw


def _parse_metadata(path: str, raw: dict[str, np.ndarray]) -> dict[str, Any]:
    if METADATA_KEY not in raw:
        raise _reject(path, "missing_array", f"the {METADATA_KEY!r} entry is missing; choose a file saved by "
                      "rnn-desktop (Save weights, or train --save)", array=METADATA_KEY)
    entry = raw[METADATA_KEY]
    if entry.shape != () or entry.dtype.kind != "U":
        raise _reject(path, "bad_metadata", "the metadata entry is not a JSON text")
    try:
        metadata = json.loads(str(entry[()]))
    except json.JSONDecodeError as error:
        raise _reject(path, "bad_metadata", f"the metadata is not valid JSON ({error})") from None
    if not isinstance(metadata, dict) or metadata.get("format") != FORMAT_NAME:
        raise _reject(path, "bad_metadata", f"the metadata does not name the format {FORMAT_NAME!r}")

    version = metadata.get("format_version")
    if not isinstance(version, int) or version < 1:
        raise _reject(path, "bad_metadata", f"invalid format_version {version!r}", value=version)
    if version > FORMAT_VERSION:
        raise _reject(path, "newer_version",
                      f"format version {version} is newer than this program reads ({FORMAT_VERSION}); "
                      "update rnn-desktop to load it", version=version, supported=FORMAT_VERSION)

    model = metadata.get("model")
    problems = []
    if not isinstance(model, dict):
        problems.append("'model' is missing")
    else:
        for key in ("input_size", "hidden"):
            if not isinstance(model.get(key), int) or model[key] < 1:
                problems.append(f"model.{key} = {model.get(key)!r} is not a positive integer")
        if model.get("activation") not in ACTIVATIONS:
            problems.append(f"model.activation = {model.get('activation')!r} is not one of {', '.join(ACTIVATIONS)}")
        if model.get("init", "glorot") not in INITS:
            problems.append(f"model.init = {model.get('init')!r} is not one of {', '.join(INITS)}")
        if model.get("dtype") not in DTYPES:
            problems.append(f"model.dtype = {model.get('dtype')!r} is not one of {', '.join(DTYPES)}")
    seq_len = metadata.get("seq_len")
    if not isinstance(seq_len, int) or seq_len < 1:
        problems.append(f"seq_len = {seq_len!r} is not a positive integer")
    scaler = metadata.get("scaler")
    if not (isinstance(scaler, dict) and isinstance(scaler.get("shift"), (int, float))
            and isinstance(scaler.get("divisor"), (int, float)) and scaler.get("divisor") != 0
            and scaler.get("kind") in ("minmax", "zscore", "none")):
        problems.append(f"scaler = {scaler!r} is not a valid scaler")
    if not isinstance(metadata.get("config", {}), dict) or not isinstance(metadata.get("history", []), list):
        problems.append("'config' or 'history' has the wrong type")
    problems.extend(_optimizer_metadata_problems(metadata))
    problems.extend(_early_stopping_problems(metadata))
    if problems:
        raise _reject(path, "bad_metadata", "invalid metadata: " + "; ".join(problems), problems=problems)
    return metadata


def _optimizer_metadata_problems(metadata: dict[str, Any]) -> list[str]:
    """Return what is wrong with the optional ``optimizer_state``, ``data`` and ``shuffle_rng`` entries."""
    problems = []
    state = metadata.get("optimizer_state")
    if state is not None:
        if not isinstance(state, dict) or state.get("name") not in STATE_SLOTS:
            problems.append(f"optimizer_state = {state!r} does not name one of {', '.join(STATE_SLOTS)}")
        else:
            step = state.get("step")
            if not isinstance(step, int) or isinstance(step, bool) or step < 0:
                problems.append(f"optimizer_state.step = {step!r} is not an integer of at least 0")
    data = metadata.get("data")
    if data is not None and not (isinstance(data, dict) and isinstance(data.get("source"), str)
                                 and isinstance(data.get("length"), int) and isinstance(data.get("sha256"), str)):
        problems.append(f"data = {data!r} does not have a text source, an integer length and a text sha256")
    elif data is not None and data.get("origin") is not None:
        problem = _origin_problem(data["origin"])
        if problem is not None:
            problems.append(f"data.origin = {data['origin']!r} {problem}")
    rng_state = metadata.get("shuffle_rng")
    if rng_state is not None:
        try:
            np.random.PCG64().state = rng_state
        except (TypeError, ValueError, KeyError, OverflowError) as error:
            problems.append(f"shuffle_rng is not a valid PCG64 generator state ({error})")
    return problems


def _origin_problem(origin: Any) -> str | None:
    """Return what is wrong with a saved data origin (see series.series_origin), or None.

    An origin of an unknown kind is accepted and ignored, so a later version can add kinds.
    """
    if not isinstance(origin, dict) or not isinstance(origin.get("kind"), str):
        return "is not an object with a text kind"
    optional_text = (str, type(None))
    if origin["kind"] == "csv":
        if not (isinstance(origin.get("path"), str) and origin["path"]
                and isinstance(origin.get("column"), (str, int)) and not isinstance(origin.get("column"), bool)
                and all(isinstance(origin.get(key), optional_text) for key in ("delimiter", "decimal", "encoding"))
                and isinstance(origin.get("header"), (bool, type(None)))
                and isinstance(origin.get("missing"), str)):
            return "does not have a path, a column and valid reading settings"
    elif origin["kind"] == "generator":
        params = origin.get("params")
        if not (isinstance(origin.get("name"), str) and _is_count(origin.get("length"))
                and _is_count(origin.get("seed")) and _is_number(origin.get("noise"))
                and isinstance(params, dict)
                and all(isinstance(name, str) and _is_number(value) for name, value in params.items())):
            return "does not have a generator name, length, noise, seed and numeric parameters"
    return None


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _early_stopping_problems(metadata: dict[str, Any]) -> list[str]:
    """Return what is wrong with the optional ``early_stopping`` entry."""
    state = metadata.get("early_stopping")
    if state is None:
        return []
    if not isinstance(state, dict):
        return [f"early_stopping = {state!r} is not an object"]
    problems = []
    for key in ("best_epoch", "epochs_without_improvement", "epochs_on_plateau"):
        if not _is_count(state.get(key)):
            problems.append(f"early_stopping.{key} = {state.get(key)!r} is not an integer of at least 0")
    epoch = metadata.get("epoch", 0)
    if _is_count(state.get("best_epoch")) and _is_count(epoch) and state["best_epoch"] > epoch:
        problems.append(f"early_stopping.best_epoch = {state['best_epoch']} is after the saved epoch {epoch}")
    loss = state.get("best_val_loss")
    if loss is not None and not (isinstance(loss, (int, float)) and not isinstance(loss, bool) and loss >= 0):
        problems.append(f"early_stopping.best_val_loss = {loss!r} is neither null nor a number of at least 0")
    has_weights = state.get("best_weights")
    if not isinstance(has_weights, bool):
        problems.append(f"early_stopping.best_weights = {has_weights!r} is not true or false")
    elif has_weights != (loss is not None):
        # The trainer keeps best weights exactly when some epoch set a finite best validation loss.
        loss_text = "null" if loss is None else repr(loss)
        problems.append(f"early_stopping.best_weights is {str(has_weights).lower()} but "
                        f"early_stopping.best_val_loss is {loss_text}")
    return problems


def _check_array(path: str, raw: dict[str, np.ndarray], name: str, shape: tuple[int, ...],
                 dtype: np.dtype, model: dict[str, Any]) -> np.ndarray:
    """Return array ``name`` after checking it exists and has the expected shape, dtype and finite values."""
    if name not in raw:
        raise _reject(path, "missing_array", f"array {name!r} is missing; the file is damaged or was not "
                      "saved by rnn-desktop, so save the weights again", array=name)
    value = raw[name]
    if value.shape != shape:
        raise _reject(path, "shape_mismatch",
                      f"array {name!r} has shape {value.shape} but the metadata "
                      f"(input_size {model['input_size']}, hidden {model['hidden']}) needs {shape}",
                      array=name, shape=value.shape, expected=shape)
    if value.dtype != dtype:
        raise _reject(path, "bad_dtype",
                      f"array {name!r} has dtype {value.dtype} but the metadata says {dtype.name}",
                      array=name, dtype=str(value.dtype), expected=dtype.name)
    bad = int(value.size - np.count_nonzero(np.isfinite(value)))
    if bad:
        raise _reject(path, "non_finite", f"array {name!r} contains {bad} NaN or infinite values",
                      array=name, count=bad)
    return value


def _check_arrays(path: str, raw: dict[str, np.ndarray], metadata: dict[str, Any]) -> dict[str, np.ndarray]:
    model = metadata["model"]
    shapes = param_shapes(model["input_size"], model["hidden"])
    dtype = np.dtype(model["dtype"])
    return {name: _check_array(path, raw, name, shapes[name], dtype, model) for name in PARAM_NAMES}


def _check_optimizer_state(path: str, raw: dict[str, np.ndarray],
                           metadata: dict[str, Any]) -> OptimizerState | None:
    """Return the optimiser state named in the metadata with its checked arrays, or None when absent."""
    state = metadata.get("optimizer_state")
    if state is None:
        return None
    model = metadata["model"]
    shapes = param_shapes(model["input_size"], model["hidden"])
    dtype = np.dtype(model["dtype"])
    slots = {}
    for slot in STATE_SLOTS[state["name"]]:
        slots[slot] = {name: _check_array(path, raw, optimizer_array_name(slot, name), shapes[name], dtype, model)
                       for name in PARAM_NAMES}
    return OptimizerState(name=state["name"], step=state["step"], slots=slots)


def _check_early_stopping(path: str, raw: dict[str, np.ndarray],
                          metadata: dict[str, Any]) -> EarlyStoppingState | None:
    """Return the early stopping state named in the metadata with its checked arrays, or None when absent."""
    state = metadata.get("early_stopping")
    if state is None:
        return None
    best_weights = None
    if state["best_weights"]:
        model = metadata["model"]
        shapes = param_shapes(model["input_size"], model["hidden"])
        dtype = np.dtype(model["dtype"])
        best_weights = {name: _check_array(path, raw, best_array_name(name), shapes[name], dtype, model)
                        for name in PARAM_NAMES}
    loss = state["best_val_loss"]
    return EarlyStoppingState(
        best_val_loss=float("inf") if loss is None else float(loss), best_epoch=state["best_epoch"],
        epochs_without_improvement=state["epochs_without_improvement"],
        epochs_on_plateau=state["epochs_on_plateau"], best_weights=best_weights)
