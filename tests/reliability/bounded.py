"""Run the command line in a child process under the generous bounds the hostile-input cases assert: it must end
within SECONDS and its peak memory (its own and its waited-for children's) stay under PEAK_MB."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

SECONDS = 60
PEAK_MB = 1024
# A safety net, not the assertion: a regression must fail the test, not take the machine's memory first.
_ADDRESS_SPACE = 6 * 1024**3


@dataclass
class Run:
    returncode: int | None  # None: killed at the time bound
    stdout: bytes
    stderr: str
    seconds: float
    peak_mb: float

    @property
    def hung(self) -> bool:
        return self.returncode is None


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (_ADDRESS_SPACE, _ADDRESS_SPACE))


def run_cli(*args: str, cwd: Path | None = None, seconds: float = SECONDS, env: dict | None = None) -> Run:
    """`python -m missiondesk ARGS`, killed if it runs past `seconds`; `env` adds to the environment."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), **(env or {})}
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.monotonic()
        process = subprocess.Popen([sys.executable, "-m", "missiondesk", *args], stdout=out, stderr=err, cwd=cwd,
                                   env=env, preexec_fn=_limit, start_new_session=True)
        returncode, usage = None, None
        while time.monotonic() - start < seconds:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                returncode = os.waitstatus_to_exitcode(status)
                break
            time.sleep(0.05)
        else:
            os.killpg(process.pid, 9)  # its worker processes too
            _, _, usage = os.wait4(process.pid, 0)
        process.returncode = returncode if returncode is not None else -9  # Popen must not wait for it again
        elapsed = time.monotonic() - start
        out.seek(0)
        err.seek(0)
        return Run(returncode, out.read(), err.read().decode("utf-8", "replace"), elapsed,
                   usage.ru_maxrss / 1024 if usage else 0.0)
