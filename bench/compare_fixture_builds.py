"""Two builds of bindery_fixture side by side with the hand PyO3 peer, in one process.

Loads a baseline `bindery_fixture` extension (e.g. main's, copied aside) and
the installed one (this branch's) under the same module name from their
files, gives each its own frame of the same shape, points the hand-written
PyO3 peer (`pyo3_fixture`) at the branch's frame, and times every
`fixture_bench` operation with the three interleaved
(`fixture_bench.time_interleaved`, median of --repeats). Prints ns and the
ratios base/pyo3, branch/pyo3 and branch/base, with the load average before
and after. Build both modules `--release`.

    cp tests/fixture/generated/python/bindery_fixture/*.so /tmp/base/   # on main
    .venv/bin/python bench/compare_fixture_builds.py /tmp/base/bindery_fixture.cpython-311-x86_64-linux-gnu.so
"""

from __future__ import annotations

import argparse
import importlib.machinery
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
for extra in (ROOT / "build" / "bench", HERE / "peers", HERE):
    sys.path.insert(0, str(extra))

import fixture_bench as fb  # noqa: E402
import peer_ops  # noqa: E402


def load_extension(path: Path) -> ModuleType:
    """The `bindery_fixture` extension at `path` (not cached in sys.modules)."""
    loader = importlib.machinery.ExtensionFileLoader("bindery_fixture", str(path))
    spec = importlib.util.spec_from_file_location("bindery_fixture", str(path), loader=loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", type=Path, help="baseline bindery_fixture extension (.so)")
    parser.add_argument("--branch", type=Path, default=None, help="branch extension (default: the installed module's)")
    parser.add_argument("--repeats", type=int, default=21)
    parser.add_argument("--min-time", type=float, default=0.05)
    parser.add_argument("--only", nargs="*", default=[], help="substrings of the operations to time (default: all)")
    args = parser.parse_args()
    so = "bindery_fixture" + importlib.machinery.EXTENSION_SUFFIXES[0]
    branch_path = args.branch or ROOT / "tests/fixture/generated/python/bindery_fixture" / so
    base, branch = load_extension(args.base), load_extension(branch_path)
    import pyo3_fixture

    shape = (fb.N_OBJECTS, fb.MASK_W, fb.MASK_H)
    frame = branch.fx_frame_new(*shape)
    peers = {
        "base": peer_ops.bindery_peer(base, base.fx_frame_new(*shape)),
        "branch": peer_ops.bindery_peer(branch, frame),
        "pyo3": peer_ops.pyo3_peer(pyo3_fixture, frame.address),
    }
    ops = [op for op in fb.OPS if op in peers["pyo3"].ops]
    if args.only:
        ops = [op for op in ops if any(s in op for s in args.only)]
    print(f"load {load_average()}")
    print(f"{'operation':28} {'base ns':>10} {'branch ns':>10} {'pyo3 ns':>10} {'base/pyo3':>9} {'br/pyo3':>8} {'br/base':>8}")
    for op in ops:
        r = fb.time_interleaved({n: (p.ops[op], p.env) for n, p in peers.items()}, args.repeats, args.min_time)
        print(f"{op:28} {r['base']:10.1f} {r['branch']:10.1f} {r['pyo3']:10.1f} "
              f"{r['base'] / r['pyo3']:9.2f} {r['branch'] / r['pyo3']:8.2f} {r['branch'] / r['base']:8.2f}", flush=True)
    print(f"load {load_average()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
