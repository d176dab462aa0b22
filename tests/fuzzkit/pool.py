"""The parent side of the fuzz harness: a persistent worker subprocess that
runs cases, is restarted when it dies or hangs, and re-runs a crashing step
alone in a fresh worker to confirm and attribute it.

Owns: starting and killing workers, the wire protocol (see `worker.py`),
timeouts, and turning what happened into an `Outcome`. It does not judge
outcomes against a target's rules (see `verdict.py`).
"""

from __future__ import annotations

import json
import os
import select
import signal
import struct
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

WORKER = Path(__file__).with_name("worker.py")


@dataclass
class Outcome:
    """How one case ended: `ok`, `raised` (with the exception), `crash`
    (the worker died: signal or exit code) or `hang` (timed out)."""

    status: str
    type: str = ""
    message: str = ""
    result: str = ""
    step: str = ""
    steps: int = 0
    exit: str = ""
    log_tail: str = ""
    confirmed: bool | None = None

    @property
    def fatal(self) -> bool:
        return self.status in ("crash", "hang")


def exit_text(returncode: int) -> str:
    if returncode < 0:
        try:
            return signal.Signals(-returncode).name
        except ValueError:
            return f"signal {-returncode}"
    return f"exit code {returncode}"


@dataclass
class Worker:
    """One worker process running `prelude` (Python source) at start-up."""

    prelude: str
    env: dict[str, str] = field(default_factory=dict)
    timeout: float = 30.0
    proc: subprocess.Popen | None = None
    started: int = 0

    def start(self) -> None:
        self.close()
        self._prelude_file = tempfile.NamedTemporaryFile("w", suffix="_prelude.py", delete=False)
        self._prelude_file.write(self.prelude)
        self._prelude_file.close()
        self._log = tempfile.TemporaryFile("w+")
        read_fd, write_fd = os.pipe()
        env = dict(os.environ, **self.env)
        self.proc = subprocess.Popen(
            [sys.executable, str(WORKER), self._prelude_file.name, str(write_fd)],
            stdin=subprocess.PIPE, stdout=self._log, stderr=subprocess.STDOUT,
            pass_fds=(write_fd,), env=env,
        )
        os.close(write_fd)
        self._channel = read_fd
        self._pending = b""
        self.started += 1
        ready = self._next_message(self.timeout * 4)
        if ready != {"ready": True}:
            raise RuntimeError(f"fuzz worker failed to start: {ready}\n{self._tail()}")

    def close(self) -> None:
        if self.proc is not None:
            if self.proc.poll() is None:
                self.proc.kill()
            self.proc.wait()
            os.close(self._channel)
            self._log.close()
            os.unlink(self._prelude_file.name)
            self.proc = None

    def _tail(self, lines: int = 12) -> str:
        self._log.flush()
        self._log.seek(0)
        return "\n".join(self._log.read().splitlines()[-lines:])

    def _next_message(self, timeout: float) -> dict | None:
        """The next JSON line, None at end of file, {"timeout": True} on
        timeout. Reads the pipe unbuffered, so select() sees every byte."""
        deadline = time.monotonic() + timeout
        while b"\n" not in self._pending:
            ready, _, _ = select.select([self._channel], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                return {"timeout": True}
            chunk = os.read(self._channel, 65536)
            if not chunk:
                return None
            self._pending += chunk
        line, self._pending = self._pending.split(b"\n", 1)
        return json.loads(line)

    def run(self, code: str, timeout: float | None = None) -> Outcome:
        """Runs one case; restarts the worker first if it is not running."""
        if self.proc is None or self.proc.poll() is not None:
            self.start()
        payload = json.dumps({"code": code}).encode()
        try:
            self.proc.stdin.write(struct.pack(">I", len(payload)) + payload)
            self.proc.stdin.flush()
        except BrokenPipeError:
            return self._died("", 0)
        return self._collect(timeout or self.timeout)

    def _collect(self, timeout: float) -> Outcome:
        last_step, steps = "", 0
        deadline = time.monotonic() + timeout
        while True:
            message = self._next_message(max(0.0, deadline - time.monotonic()))
            if message is None:
                return self._died(last_step, steps)
            if message.get("timeout"):
                tail = self._tail()
                self.close()
                return Outcome("hang", step=last_step, steps=steps, exit=f"no answer in {timeout:.0f} s", log_tail=tail)
            if "step" in message:
                last_step, steps = message["step"], steps + 1
                deadline = time.monotonic() + timeout
                continue
            return Outcome(
                message["status"], message.get("type", ""), message.get("message", ""),
                message.get("result", ""), last_step, steps,
            )

    def _died(self, last_step: str, steps: int) -> Outcome:
        code = self.proc.wait()
        tail = self._tail()
        self.close()
        return Outcome("crash", step=last_step, steps=steps, exit=exit_text(code), log_tail=tail)


def confirm(prelude: str, code: str, env: dict[str, str], timeout: float) -> Outcome:
    """Runs `code` alone in a fresh worker (is the crash or hang its own?)."""
    fresh = Worker(prelude, env, timeout)
    try:
        return fresh.run(code, timeout)
    finally:
        fresh.close()
