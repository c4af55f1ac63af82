"""Checks of the file paths given on the command line, made before any work starts.

Each check returns the message to print, or None. The commands run them
before training, or before the window opens, so that a typo in an output path
neither costs a whole run nor overwrites a file the person still needs.
"""

from __future__ import annotations

import os
import tempfile
from typing import Iterable

# (option, path) as given on the command line; path is None when the option is absent.
PathOption = tuple[str, "str | None"]


def empty_path_problem(options: Iterable[PathOption]) -> str | None:
    """Return the message for the first option given an empty path (``--save ''``) or "-", or None.

    Many tools read "-" as standard input or output. Here it would name a file
    called "-", so it is rejected, and "./-" still names such a file.
    """
    for option, path in options:
        if path is not None and not path.strip():
            return f"{option} needs a file name, got {path!r}"
        if path == "-":
            return (f"{option} '-' would name a file called '-': rnn-desktop reads and writes files only, not "
                    "standard input or output; give a file name (./- for a file called '-')")
    return None


def same_file(first: str, second: str) -> bool:
    """Return whether two paths name the same file: equal once resolved, or the same inode.

    Resolving catches "./a.csv" and a symbolic link to an existing file, and
    os.path.samefile catches hard links.
    """
    if os.path.realpath(first) == os.path.realpath(second):
        return True
    try:
        return os.path.samefile(first, second)
    except OSError:
        return False  # one of them does not exist yet


def overwrite_problem(inputs: Iterable[PathOption], outputs: Iterable[PathOption],
                      allowed: Iterable[tuple[str, str]] = ()) -> str | None:
    """Return the message for the first output that would replace an input or another output, or None.

    ``allowed`` lists (output option, input option) pairs that may name the
    same file, such as ("--save", "--load") to update a weights file in place.
    An input named by a phrase rather than an option ("the CSV file that
    w.npz records") is quoted as it is.
    """
    inputs = [(option, path) for option, path in inputs if path]
    outputs = [(option, path) for option, path in outputs if path]
    allowed = set(allowed)
    for index, (option, path) in enumerate(outputs):
        for input_option, input_path in inputs:
            if (option, input_option) not in allowed and same_file(path, input_path):
                replaced = f"the {input_option} input" if input_option.startswith("--") else input_option
                return f"{option} {path} is also {replaced}; choose another file name for {option}"
        for earlier_option, earlier_path in outputs[:index]:
            if same_file(path, earlier_path):
                return (f"{option} {path} is also the {earlier_option} output; "
                        f"choose another file name for {option}")
    return None


def output_path_problem(path: str, example_name: str, opened_in_place: bool) -> str | None:
    """Return why a file cannot be written at ``path``, or None when it looks writable.

    ``opened_in_place`` is False for files written to a temporary file and renamed
    over the target, which works even when the target is read-only. The folder is
    tested by creating and removing a temporary file in it, because os.access
    reports write access for root even where the file system rejects new files
    (/proc, a read-only mount).
    """
    parent = os.path.dirname(os.path.abspath(path))
    if os.path.isdir(path):
        return f"it is a folder; give a file name inside it, for example {os.path.join(path, example_name)}"
    if not os.path.isdir(parent):
        return f"the folder {parent} does not exist; create it or choose another folder"
    if not os.access(parent, os.W_OK | os.X_OK):
        return f"the folder {parent} is not writable; choose another folder"
    try:
        handle, probe = tempfile.mkstemp(prefix=".rnn-desktop-check-", dir=parent)
    except OSError as error:
        return f"no file can be created in the folder {parent} ({error.strerror or error}); choose another folder"
    os.close(handle)
    os.unlink(probe)
    if opened_in_place and os.path.exists(path) and not os.access(path, os.W_OK):
        return "the file exists and is read-only; choose another name or make it writable"
    return None


def outputs_problem(outputs: Iterable[tuple[str, "str | None", str, bool]]) -> str | None:
    """Return the message for the first (option, path, example name, opened in place) that cannot be written, or None."""
    for option, path, example_name, opened_in_place in outputs:
        problem = output_path_problem(path, example_name, opened_in_place) if path else None
        if problem is not None:
            return f"cannot write {option} {path}: {problem}"
    return None
