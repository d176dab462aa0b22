"""Benchmark of the generated `mediapipe` package against mediapipe 0.10.21.

Usage:  .venv/bin/python bench/mediapipe_bench.py [--rounds N] [REFERENCE_PYTHON]
        (default REFERENCE_PYTHON: .venv-mp-ref/bin/python, a CPython 3.11
        virtualenv with `mediapipe==0.10.21` and `numpy<2`)

With `--rounds N` (default 1) the two workers run N times, alternating
ours/reference, and each case keeps its best time per implementation: on
a shared machine a load spike during one worker's run then does not decide
that row's ratio.

Each case runs in a fresh worker process per implementation (`--worker`),
reports the best of several repeats in microseconds per operation, and the
driver prints a table with ours/reference ratios (lower is better). The
image-frame copy case is also compared with `np.copy` of the same array.
"""

import json
import subprocess
import sys
import time
from pathlib import Path

PASS_THROUGH = """
input_stream: "in"
output_stream: "out"
node { calculator: "PassThroughCalculator" input_stream: "in" output_stream: "out" }
"""


def best_us(fn, number, repeat=5):
    """Best time of `repeat` runs of `number` calls, in microseconds per call."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            fn()
        best = min(best, (time.perf_counter() - start) / number)
    return best * 1e6


def cases():
    import numpy as np
    import mediapipe as mp
    pc, pg = mp.packet_creator, mp.packet_getter
    floats = [float(i) for i in range(1000)]
    packets = [pc.create_int(i) for i in range(10)]
    frame = np.random.default_rng(0).integers(0, 255, (1080, 1920, 3), dtype=np.uint8)
    frozen = frame.copy()
    frozen.flags.writeable = False
    fmt = mp.ImageFormat.SRGB

    def pass_through_per_packet():
        graph = mp.CalculatorGraph(graph_config=PASS_THROUGH)
        out = []
        graph.observe_output_stream("out", lambda name, p: out.append(p))
        graph.start_run()
        n = 2000
        start = time.perf_counter()
        for i in range(n):
            graph.add_packet_to_input_stream("in", pc.create_int(i).at(i))
        graph.close()
        assert len(out) == n
        return (time.perf_counter() - start) / n * 1e6

    def graph_lifecycle():
        graph = mp.CalculatorGraph(graph_config=PASS_THROUGH)
        graph.start_run()
        graph.close()

    return {
        "create_int+get_int": lambda: best_us(lambda: pg.get_int(pc.create_int(7)), 20000),
        "create_string+get_str": lambda: best_us(lambda: pg.get_str(pc.create_string("hello")), 20000),
        "float_vector(1000)+get_float_list": lambda: best_us(lambda: pg.get_float_list(pc.create_float_vector(floats)), 500),
        "packet_vector(10)+get_packet_list": lambda: best_us(lambda: pg.get_packet_list(pc.create_packet_vector(packets)), 5000),
        "image_frame 1080p copy+numpy_view": lambda: best_us(
            lambda: pg.get_image_frame(pc.create_image_frame(frame, image_format=fmt)).numpy_view(), 30),
        "np.copy 1080p (baseline)": lambda: best_us(lambda: np.copy(frame), 30),
        "image_frame 1080p read-only (reference)": lambda: best_us(
            lambda: pc.create_image_frame(frozen, image_format=fmt), 2000),
        "Timestamp(i)": lambda: best_us(lambda: mp.Timestamp(12345), 50000),
        "PassThrough graph per packet": lambda: min(pass_through_per_packet() for _ in range(3)),
        "graph build+start+close": lambda: best_us(graph_lifecycle, 50, repeat=3),
    }


def worker():
    results = {name: run() for name, run in cases().items()}
    print(json.dumps(results))


def run_worker(python):
    out = subprocess.run([python, __file__, "--worker"], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def best_of(runs):
    """Per case, the smallest time over several workers' results."""
    return {name: min(run[name] for run in runs) for name in runs[0]} if runs else {}


def main():
    root = Path(__file__).resolve().parent.parent
    args = sys.argv[1:]
    rounds = 1
    if args[:1] == ["--rounds"]:
        rounds, args = int(args[1]), args[2:]
    ref_python = args[0] if args else str(root / ".venv-mp-ref/bin/python")
    have_ref = Path(ref_python).exists()
    ours_runs, ref_runs = [], []
    for _ in range(rounds):
        ours_runs.append(run_worker(sys.executable))
        if have_ref:
            ref_runs.append(run_worker(ref_python))
    ours, ref = best_of(ours_runs), best_of(ref_runs)
    print(f"{'case':42} {'ours µs':>10} {'ref µs':>10} {'ours/ref':>9}")
    for name, t in ours.items():
        r = ref.get(name)
        ratio = f"{t / r:9.2f}" if r else f"{'-':>9}"
        print(f"{name:42} {t:10.2f} {r if r is not None else float('nan'):10.2f} {ratio}")
    copy_ratio = ours["image_frame 1080p copy+numpy_view"] / ours["np.copy 1080p (baseline)"]
    print(f"\nours: image-frame copy / np.copy = {copy_ratio:.2f} (goal ≤ 1.05)")


if __name__ == "__main__":
    if "--worker" in sys.argv:
        worker()
    else:
        main()
