"""Permission bits for files written through a temporary file and os.replace.

tempfile.mkstemp creates its file with mode 0600, so a file moved into place
would stay private to its owner whatever the umask allows. ``match_new_file_mode``
gives the temporary file the mode that a plain open() would have given the
target: the mode of the file it replaces, or 0666 minus the umask.
"""

from __future__ import annotations

import os
import stat
import sys


def current_umask() -> int:
    """Return the process umask, read from /proc on Linux to avoid changing it."""
    if sys.platform.startswith("linux"):
        try:
            with open("/proc/self/status", encoding="ascii") as status:
                for line in status:
                    if line.startswith("Umask:"):
                        return int(line.split()[1], 8)
        except (OSError, ValueError):
            pass
    # os.umask can only be read by setting it, so set it back at once.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def match_new_file_mode(temp_path: str | os.PathLike, target: str | os.PathLike) -> None:
    """Set ``temp_path``'s permission bits to those ``target`` has, or would get from open()."""
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        mode = 0o666 & ~current_umask()
    os.chmod(temp_path, mode)
