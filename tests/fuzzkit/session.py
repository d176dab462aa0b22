"""One fuzz session per target module: runs sweeps of steps in the worker,
survives crashes and hangs, attributes them, and keeps the counts.

Owns: resuming a sweep after the step that killed the worker, confirming
that step alone in a fresh worker, the per-session tally (cases run by
outcome, crashes, hangs, time) and its summary file
`build/fuzz/<target>.json` (and every finding, as found, in
`<target>-findings.jsonl`). What a step does and what counts as wrong
inside a step is decided by `probe.py` in the worker.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path
from typing import Callable, Sequence

from .pool import Outcome, Worker, confirm

REPO = Path(__file__).resolve().parents[2]
#: Environment of every worker: freed memory is scribbled over and GLib
#: list nodes really freed, so stale reads show as changed values.
WORKER_ENV = {
    "MALLOC_PERTURB_": "165",
    "MALLOC_CHECK_": "3",
    "G_SLICE": "always-malloc",
    "PYTHONFAULTHANDLER": "1",
    "PYTHONDONTWRITEBYTECODE": "1",
}

Build = Callable[[Sequence[str]], str]


class FuzzSession:
    """Runs cases for one target and counts what happened."""

    def __init__(self, target: str, prelude: str, timeout: float = 30.0, env: dict | None = None):
        self.target = target
        self.prelude = prelude
        self.env = dict(WORKER_ENV, **(env or {}))
        self.timeout = timeout
        self.worker = Worker(prelude, self.env, timeout)
        self.tally: Counter = Counter()
        self.cases = 0
        self.fatal: list[dict] = []
        self.findings: list[dict] = []
        self._confirmed: dict[str, Outcome] = {}
        self.started = time.monotonic()
        self.out = REPO / "build" / "fuzz"
        self.out.mkdir(parents=True, exist_ok=True)
        (self.out / f"{target}-findings.jsonl").unlink(missing_ok=True)

    def sweep(self, build: Build, items: Sequence[str], timeout: float | None = None) -> list[dict]:
        """Runs `build(items)` (one worker step per item); on a crash or
        hang confirms the item alone in a fresh worker and runs the others
        again without it.
        Returns the findings (probe findings plus crashes and hangs)."""
        findings: list[dict] = []
        rest = list(items)
        while rest:
            outcome = self.worker.run(build(rest), timeout or self.timeout)
            if not outcome.fatal:
                findings += self._finish(outcome)
                break
            # Items announce one step each; a single-item case (a scenario)
            # may announce several: the item is then the whole case.
            culprit = min(max(outcome.steps, 1), len(rest)) - 1
            findings.append(self._fatal(outcome, build, rest[culprit : culprit + 1], timeout))
            self.cases += 1
            # The steps before the culprit ran, but their results died with
            # the worker: run them again with the rest.
            rest = rest[:culprit] + rest[culprit + 1 :]
        self.findings += findings
        self._log_findings(findings)
        return findings

    def _log_findings(self, findings: list[dict]) -> None:
        """Appends findings to build/fuzz/<target>-findings.jsonl as they come
        (a run cut short still leaves its corpus)."""
        if findings:
            with open(self.out / f"{self.target}-findings.jsonl", "a") as log:
                log.writelines(json.dumps(f) + "\n" for f in findings)

    def _finish(self, outcome: Outcome) -> list[dict]:
        self.cases += outcome.steps
        if outcome.status == "raised":
            self.tally["case raised"] += 1
            return [{"step": outcome.step, "kind": "case raised", "detail": f"{outcome.type}: {outcome.message}"}]
        result = json.loads(outcome.result) if outcome.result.startswith("{") else {}
        self.tally.update(result.get("tally", {}))
        return result.get("findings", [])

    def _fatal(self, outcome: Outcome, build: Build, item: Sequence[str], timeout: float | None) -> dict:
        code = build(item)
        if code not in self._confirmed:  # the same case is confirmed once per session
            self._confirmed[code] = confirm(self.prelude, code, self.env, timeout or self.timeout)
        again = self._confirmed[code]
        self.tally[outcome.status] += 1
        finding = {
            "step": outcome.step,
            "kind": outcome.status,
            "detail": f"{outcome.exit}; alone in a fresh worker: {again.status} {again.exit}".strip(),
            "confirmed": again.fatal,
            "log": outcome.log_tail[-1500:],
        }
        self.fatal.append(finding)
        return finding

    def close(self) -> dict:
        """Stops the worker and writes the summary; returns it."""
        self.worker.close()
        summary = {
            "target": self.target,
            "cases": self.cases,
            "seconds": round(time.monotonic() - self.started, 1),
            "outcomes": dict(sorted(self.tally.items())),
            "workers_started": self.worker.started,
            "crashes_and_hangs": self.fatal,
        }
        (self.out / f"{self.target}.json").write_text(json.dumps(summary, indent=2))
        return summary


def report(findings: list[dict], limit: int = 12) -> str:
    """Findings as readable lines (for assertion messages)."""
    lines = [f"{len(findings)} finding(s):"]
    for f in findings[:limit]:
        lines.append(f"  [{f['kind']}] {f['step']}: {f['detail']}")
        if f.get("log"):
            lines.append("    " + f["log"].strip().replace("\n", "\n    ")[-600:])
    return "\n".join(lines)
