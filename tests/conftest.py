"""Test-wide setup: Qt runs offscreen unless a test requests a real X display.

Every app the tests start, in this process or as a subprocess, keeps its
settings and log file in a private folder, so a test run never changes the
person's recent files, language or window geometry.
"""

import atexit
import os
import pathlib
import shutil
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

_PRIVATE_HOME = tempfile.mkdtemp(prefix="rnn-desktop-tests-")
atexit.register(shutil.rmtree, _PRIVATE_HOME, ignore_errors=True)
for _name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[_name] = os.path.join(_PRIVATE_HOME, _name.lower())

REPO = pathlib.Path(__file__).resolve().parent.parent
# The real sample series shipped with the app.
SAMPLE_DATA = REPO / "resources" / "data"


def pytest_sessionfinish(session, exitstatus):
    """Fail a run with skipped tests where RNN_DESKTOP_NO_SKIPS is set, as .ci/run sets it.

    On Linux every test has what it needs, so a skip there means a test that
    checked nothing while the run reported success.
    """
    if not os.environ.get("RNN_DESKTOP_NO_SKIPS"):
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter is not None else []
    if skipped and session.exitstatus == 0:
        for report in skipped:
            reporter.write_line(f"skipped, which RNN_DESKTOP_NO_SKIPS forbids: {report.nodeid}", red=True)
        session.exitstatus = 1
