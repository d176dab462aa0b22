"""Benchmark: bindery_fixture against hand-written peers, in one process.

Owns timing (timeit loops, auto-scaled counts, median of repeats), the data
check that every peer sees the same values, the Markdown table, the goal
printout (PASS/MISS, never an assert) and the --json dump. The per-peer
idioms live in peer_ops.py. Build the peers first (bench/build_peers.sh);
`bash bench/run.sh` does both.
"""

from __future__ import annotations

import argparse
import ctypes
import datetime
import importlib
import json
import platform
import statistics
import sys
import timeit
from pathlib import Path
from typing import Any, Dict, List, Optional

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
for extra in (ROOT / "build" / "bench", HERE / "peers", HERE):
    sys.path.insert(0, str(extra))

import peer_ops  # noqa: E402

N_OBJECTS, MASK_W, MASK_H = 1000, 1920, 1080
PEERS = ("bindery", "pyo3", "pybind11", "ctypes", "cffi", "pure")
OPS = (
    "int read",
    "int write",
    "float read",
    "float write",
    "nested read",
    "char[] read",
    "char[] write",
    "iterate 1000 x 3 fields",
    "mask export 1920x1080",
    "bulk export (Python loop)",
    "bulk export (native)",
)


def try_import(name: str) -> Optional[Any]:
    """Import a peer module, or print why it is missing and return None."""
    try:
        return importlib.import_module(name)
    except ImportError as err:
        print(f"NOTE: {name} is not importable ({err}); its column is n/a.")
        return None


def make_peers() -> tuple:
    """Build every available peer over ONE C frame. Returns (peers, keepalive)."""
    cf = importlib.import_module("ctypes_fixture")
    bf = try_import("bindery_fixture")
    if bf is not None:
        owner = bf.fx_frame_new(N_OBJECTS, MASK_W, MASK_H)
        address = owner.address
    else:
        print("NOTE: bindery column skipped: build and install the generated module first.")
        owner = cf.lib.fx_frame_new(N_OBJECTS, MASK_W, MASK_H)
        address = ctypes.addressof(owner.contents)
    peers = {}
    if bf is not None:
        peers["bindery"] = peer_ops.bindery_peer(bf, owner)
    po = try_import("pyo3_fixture")
    if po is not None:
        peers["pyo3"] = peer_ops.pyo3_peer(po, address)
    pb = try_import("pybind11_fixture")
    if pb is not None:
        peers["pybind11"] = peer_ops.pybind11_peer(pb, address)
    peers["ctypes"] = peer_ops.ctypes_peer(cf, address)
    cm = try_import("_fixture_cffi")
    if cm is not None:
        peers["cffi"] = peer_ops.cffi_peer(cm, address)
    pp = importlib.import_module("pure_python")
    peers["pure"] = peer_ops.pure_peer(pp, N_OBJECTS, MASK_W, MASK_H)
    return peers, owner


def data_check(peers: Dict[str, peer_ops.Peer]) -> List[str]:
    """Every peer must export the same columns and mask; returns mismatch lines."""
    ref = peers["ctypes"]
    want_cols = ref.run("bulk export (Python loop)")
    want_mask = ref.run("mask export 1920x1080")
    problems = []
    for name, peer in peers.items():
        for op in ("bulk export (Python loop)", "bulk export (native)"):
            if op not in peer.ops:
                continue
            cols = peer.run(op)
            for key, col in want_cols.items():
                if not np.array_equal(cols[key], col) or cols[key].dtype != col.dtype:
                    problems.append(f"{name}: {op} column {key} differs from ctypes")
        mask = peer.run("mask export 1920x1080")
        if mask.shape != want_mask.shape or not np.array_equal(mask, want_mask):
            problems.append(f"{name}: mask differs from ctypes")
    return problems


def loop_count(timer: timeit.Timer, min_time: float) -> int:
    """How many executions make one timed repeat last at least ``min_time``."""
    number = 1
    while True:
        elapsed = timer.timeit(number)
        if elapsed >= min_time:
            return number
        number = max(number * 2, int(number * min_time / max(elapsed, 1e-9) * 1.1))


def time_stmt(stmt: str, env: Dict[str, Any], repeats: int, min_time: float) -> float:
    """Median ns per execution of ``stmt`` over ``repeats`` auto-scaled loops."""
    timer = timeit.Timer(stmt, globals=env)
    number = loop_count(timer, min_time)
    times = timer.repeat(repeat=repeats, number=number)
    return statistics.median(times) / number * 1e9


def time_interleaved(stmts: Dict[str, tuple], repeats: int, min_time: float) -> Dict[str, float]:
    """Median ns per execution of each peer's statement. The peers take turns
    within every repeat, so load from other processes hits them alike."""
    timers = {name: timeit.Timer(stmt, globals=env) for name, (stmt, env) in stmts.items()}
    numbers = {name: loop_count(timer, min_time) for name, timer in timers.items()}
    samples: Dict[str, List[float]] = {name: [] for name in timers}
    for _ in range(repeats):
        for name, timer in timers.items():
            samples[name].append(timer.timeit(numbers[name]) / numbers[name] * 1e9)
    return {name: statistics.median(values) for name, values in samples.items()}


def measure_all(peers, repeats: int, min_time: float) -> Dict[str, Dict[str, float]]:
    """ns per op for every (op, peer) the peer supports."""
    results: Dict[str, Dict[str, float]] = {}
    for op in OPS:
        stmts = {name: (peers[name].ops[op], peers[name].env)
                 for name in PEERS if name in peers and op in peers[name].ops}
        results[op] = time_interleaved(stmts, repeats, min_time)
        print(f"  measured {op}", file=sys.stderr)
    return results


def cpu_model() -> str:
    """CPU model name from /proc/cpuinfo."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def environment(loop_ns: float) -> Dict[str, str]:
    """Facts for the header line and the JSON."""
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": cpu_model(),
        "python": platform.python_version(),
        "numpy": np.__version__,
        "empty_loop_ns": f"{loop_ns:.1f}",
    }


def fmt_ns(value: Optional[float]) -> str:
    """ns with sensible precision, or n/a."""
    if value is None:
        return "n/a"
    return f"{value:,.1f}" if value < 1000 else f"{value:,.0f}"


def ratio(results, op: str, other: str) -> Optional[float]:
    """bindery / other for one op; the native bulk row compares to the other's loop."""
    mine = results[op].get("bindery")
    other_op = "bulk export (Python loop)" if op == "bulk export (native)" else op
    theirs = results[other_op].get(other)
    if mine is None or not theirs:
        return None
    return mine / theirs


def table(results, env: Dict[str, str]) -> str:
    """The Markdown table (ns per op, median)."""
    lines = [
        f"{env['date']} | {env['cpu']} | Python {env['python']} | numpy {env['numpy']} | "
        f"median ns per op; timeit loop overhead ~{env['empty_loop_ns']} ns is included",
        "",
        "| operation | " + " | ".join(PEERS) + " | bindery/pyo3 | bindery/pybind11 | bindery/ctypes | bindery/pure |",
        "|---" * (len(PEERS) + 5) + "|",
    ]
    for op in OPS:
        cells = [fmt_ns(results[op].get(p)) if p in results[op] else "—" for p in PEERS]
        ratios = []
        for other in ("pyo3", "pybind11", "ctypes", "pure"):
            r = ratio(results, op, other)
            ratios.append("n/a" if r is None else f"{r:.2f}x")
        label = op + (" (others: their loop)" if op == "bulk export (native)" else "")
        lines.append(f"| {label} | " + " | ".join(cells + ratios) + " |")
    return "\n".join(lines)


def goals(results) -> List[Dict[str, Any]]:
    """The issue's goals as ratios, each PASS, MISS or n/a."""
    b_loop = results["bulk export (Python loop)"].get("bindery")
    b_native = results["bulk export (native)"].get("bindery")
    speedup = b_loop / b_native if b_loop and b_native else None
    specs = [
        *[(f"{op} <= 1.0x hand-written PyO3", ratio(results, op, "pyo3"), 1.0, "le")
          for op in OPS if op != "bulk export (native)"],
        ("int read <= 4x pure-Python __slots__", ratio(results, "int read", "pure"), 4.0, "le"),
        ("int read <= 0.35x pybind11", ratio(results, "int read", "pybind11"), 0.35, "le"),
        ("int read <= 1.2x ctypes", ratio(results, "int read", "ctypes"), 1.2, "le"),
        ("nested read <= 0.25x pybind11", ratio(results, "nested read", "pybind11"), 0.25, "le"),
        ("iterate-1000 <= 0.3x pybind11",
         ratio(results, "iterate 1000 x 3 fields", "pybind11"), 0.3, "le"),
        ("zero-copy mask <= 200 ns", results["mask export 1920x1080"].get("bindery"), 200.0, "le"),
        ("bulk export >= 20x faster per object than bindery's own Python loop",
         speedup, 20.0, "ge"),
    ]
    out = []
    for name, value, limit, how in specs:
        if value is None:
            verdict = "n/a"
        else:
            verdict = "PASS" if (value <= limit if how == "le" else value >= limit) else "MISS"
        out.append({"goal": name, "value": value, "limit": limit, "verdict": verdict})
    return out


def print_goals(found: List[Dict[str, Any]], results) -> None:
    """One line per goal (a printout: never fails the run)."""
    print("\nGoals:")
    for g in found:
        value = "n/a" if g["value"] is None else f"{g['value']:.3g}"
        print(f"  {g['verdict']:4}  {g['goal']}  (measured {value}, limit {g['limit']})")
    pyb = results["bulk export (Python loop)"].get("pybind11")
    native = results["bulk export (native)"].get("bindery")
    if pyb and native:
        print("  info  pybind11 (pyds-style) loop time / bindery export_objects time"
              f" = {pyb / native:.1f}")


def parse_args(argv: Optional[List[str]]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", metavar="PATH", help="also write the raw numbers as JSON")
    parser.add_argument("--repeats", type=int, default=15,
                        help="timed repeats, peers interleaved (median taken)")
    parser.add_argument("--min-time", type=float, default=0.02,
                        help="seconds each repeat runs at least (loop count auto-scaled)")
    return parser.parse_args(argv)


def main(argv: Optional[List[str]] = None) -> int:
    args = parse_args(argv)
    peers, keepalive = make_peers()
    problems = data_check(peers)
    print("data check: " + ("all peers agree" if not problems else "MISMATCH"))
    for line in problems:
        print("  " + line)
    loop_ns = time_stmt("pass", {}, args.repeats, args.min_time)
    results = measure_all(peers, args.repeats, args.min_time)
    env = environment(loop_ns)
    print()
    print(table(results, env))
    found = goals(results)
    print_goals(found, results)
    if args.json:
        payload = {"environment": env, "ns_per_op": results, "goals": found,
                   "data_check_problems": problems, "peers": sorted(peers)}
        Path(args.json).write_text(json.dumps(payload, indent=2) + "\n")
        print(f"\nwrote {args.json}")
    if "bindery" not in peers:
        ctypes_fixture = importlib.import_module("ctypes_fixture")
        ctypes_fixture.lib.fx_frame_free(keepalive)
    return 0


if __name__ == "__main__":
    sys.exit(main())
