"""Stopping a service started by the stack does not wait out the grace period."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

from devstack.launcher import stop_group

GRACE_S = 30.0


def test_a_child_that_exits_on_sigterm_is_stopped_without_waiting_out_the_grace() -> None:
    # As `make run` does: the service is a child in its own session, known by its pid only.
    child = subprocess.Popen(
        [sys.executable, "-c", "import time; time.sleep(120)"], start_new_session=True
    )
    pid = child.pid
    del child  # the stack keeps a pid file, not the Popen: the exited child is a zombie
    time.sleep(0.3)
    started = time.monotonic()
    stop_group(pid, sig=signal.SIGTERM, timeout_s=GRACE_S)
    assert time.monotonic() - started < GRACE_S / 2  # before the fix: the whole grace, then -9
