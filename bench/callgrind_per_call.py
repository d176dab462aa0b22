"""Instructions per call of one fixture benchmark statement, counted by callgrind.

For machines without hardware counters (`perf stat -e instructions` says
"not supported" in most VMs): runs the statement in a function-local loop
under `valgrind --tool=callgrind`, once with 0 and once with --calls
iterations, and prints (total difference) / calls, plus the functions that
account for it (exclusive instructions per call). Deterministic, so two
builds can be compared on a loaded machine where timings cannot.

    .venv/bin/python bench/callgrind_per_call.py bindery                 # installed module
    .venv/bin/python bench/callgrind_per_call.py bindery --so /tmp/main/bindery_fixture.cpython-311-x86_64-linux-gnu.so
    .venv/bin/python bench/callgrind_per_call.py pyo3                    # the hand PyO3 peer
    .venv/bin/python bench/callgrind_per_call.py bindery --stmt "f.mask" --top 0

Peers: `bindery` (a bindery_fixture build) and `pyo3` (bench/peers/pyo3_fixture
over that build's frame). Needs valgrind and callgrind_annotate.
"""

from __future__ import annotations

import argparse
import collections
import importlib.machinery
import importlib.util
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_SO = ROOT / "tests/fixture/generated/python/bindery_fixture" / ("bindery_fixture" + importlib.machinery.EXTENSION_SUFFIXES[0])


def run_loop(peer: str, so: str, stmt: str, calls: int) -> None:
    """The child: `stmt` `calls` times in a function (locals, as timeit runs it)."""
    for extra in (ROOT / "build" / "bench", HERE / "peers", HERE):
        sys.path.insert(0, str(extra))
    import fixture_bench as fb
    import peer_ops

    loader = importlib.machinery.ExtensionFileLoader("bindery_fixture", so)
    spec = importlib.util.spec_from_file_location("bindery_fixture", so, loader=loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    frame = module.fx_frame_new(fb.N_OBJECTS, fb.MASK_W, fb.MASK_H)
    if peer == "pyo3":
        import pyo3_fixture

        env = peer_ops.pyo3_peer(pyo3_fixture, frame.address).env
    else:
        env = peer_ops.bindery_peer(module, frame).env
    exec(compile(f"def run(f, n):\n    for _ in range(n):\n        a = {stmt}\n", "loop", "exec"), env)  # noqa: S102
    env["run"](env["f"], calls)


def exclusive(out: Path) -> collections.Counter:
    """Exclusive instructions per function name in a callgrind output."""
    text = subprocess.run(["callgrind_annotate", "--threshold=100", str(out)], capture_output=True, text=True, check=True).stdout
    counts: collections.Counter = collections.Counter()
    for line in text.splitlines():
        m = re.match(r"\s*([\d,]+) \([^)]*\)\s+(.*)$", line)
        if m and "PROGRAM TOTALS" not in line:
            name = re.sub(r"\s*\[.*\]$", "", m.group(2)).split(":")[-1]
            counts[name] += int(m.group(1).replace(",", ""))
    return counts


def measure(peer: str, so: str, stmt: str, calls: int, tmp: Path) -> collections.Counter:
    """Per-function instructions of `calls` iterations minus those of none."""
    runs = []
    for n in (0, calls):
        out = tmp / f"cg.{n}.out"
        cmd = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", sys.executable, __file__,
               "--child", peer, "--so", so, "--stmt", stmt, "--calls", str(n)]
        env = dict(os.environ, OPENBLAS_NUM_THREADS="1")
        subprocess.run(cmd, check=True, capture_output=True, env=env)
        runs.append(exclusive(out))
    base, run = runs
    return collections.Counter({k: run[k] - base[k] for k in set(run) | set(base)})


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("peer", choices=["bindery", "pyo3"])
    parser.add_argument("--so", default=str(DEFAULT_SO), help="bindery_fixture extension (default: the installed build's)")
    parser.add_argument("--stmt", default="f.mask.as_array()")
    parser.add_argument("--calls", type=int, default=20000)
    parser.add_argument("--top", type=int, default=25, help="functions to list (0: none)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run_loop(args.peer, args.so, args.stmt, args.calls)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        diff = measure(args.peer, args.so, args.stmt, args.calls, Path(tmp))
    for name, count in diff.most_common(args.top):
        print(f"{count / args.calls:8.1f}  {name}")
    print(f"{sum(diff.values()) / args.calls:8.1f}  instructions per call: {args.peer} `{args.stmt}` ({args.so})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
