#!/usr/bin/env python3
"""Check that the layout checker fails, with exact messages, on a bad layout.

Copies the SDK headers to a temporary directory, appends one extra double
field to NvOSD_RectParams (112 -> 120 bytes), generates and compiles the
layout checker against the copy, runs it, and verifies that it exits
non-zero and reports the size change of NvOSD_RectParams and the shifted
offsets of the structs that embed it. It also adds a header with a
bit-field struct and a table entry for it (one right and one wrong
offset) to exercise the bit-field path. (A field or struct missing from the
headers is a compile error of the checker that names it, so the mutation
adds rather than removes.) Exits 0 when the checker behaves, 1 otherwise.

Usage: selftest_layout.py GEN.py TABLE.json INCLUDE_DIR --cc CC [ARGS...]
"""

import json
import pathlib
import shutil
import subprocess
import sys
import tempfile

PKGS = ["glib-2.0", "gobject-2.0", "gstreamer-1.0", "gstreamer-base-1.0",
        "gstreamer-video-1.0"]
ANCHOR_LINE = "float rotation_angle;"
EXTRA_FIELD = "  double bindery_selftest_extra; /**< Added by the self-test. */\n"
EXPECTED = [
    "MISMATCH NvOSD_RectParams: sizeof expected 112 bytes, got 120 bytes",
    "MISMATCH NvDsObjectMeta.mask_params: offset expected 1728 bits, got 1792 bits",
    "MISMATCH NvDsDisplayMeta.text_params: offset expected 14848 bits, got 15872 bits",
    "MISMATCH NvDsTargetMiscDataFrame.confidence: offset expected 960 bits, got 1024 bits",
    "MISMATCH BinderyBits.b: offset expected 4 bits, got 3 bits",
]
UNEXPECTED_PREFIXES = ["MISMATCH BinderyBits.a:", "MISMATCH BinderyBits:",
                       "MISMATCH NvOSD_ColorParams"]
BITS_HEADER = """/* Added by the layout self-test. */
typedef struct { unsigned int a : 3; unsigned int b : 5; unsigned int c; } BinderyBits;
"""
BITS_ENTRY = {"size": 8, "fields": {"a": 0, "b": 4, "c": 32}}


def mutate(include_copy):
    """Append an extra field after rotation_angle in the copied OSD header."""
    header = include_copy / "nvll_osd_struct.h"
    lines = header.read_text().splitlines(keepends=True)
    anchors = [i for i, l in enumerate(lines) if ANCHOR_LINE in l]
    if len(anchors) != 1:
        raise SystemExit("selftest: expected exactly one '%s' line" % ANCHOR_LINE)
    lines.insert(anchors[0] + 1, EXTRA_FIELD)
    header.write_text("".join(lines))
    (include_copy / "bindery_selftest_bits.h").write_text(BITS_HEADER)


def extend_table(table, work):
    """Write a copy of the table with the BinderyBits entry; return its path."""
    data = json.loads(pathlib.Path(table).read_text())
    data["BinderyBits"] = BITS_ENTRY
    path = work / "table.json"
    path.write_text(json.dumps(data))
    return str(path)


def build_and_run(gen, table, include_copy, work, cc):
    """Generate, compile and run the checker; return (exit code, stdout)."""
    source, exe = work / "check.c", work / "check"
    subprocess.run([sys.executable, gen, table, str(include_copy), str(source)], check=True)
    cflags = subprocess.run(["pkg-config", "--cflags"] + PKGS, check=True,
                            capture_output=True, text=True).stdout.split()
    subprocess.run(cc + ["-std=c11", "-I" + str(include_copy)] + cflags +
                   [str(source), "-o", str(exe)], check=True)
    run = subprocess.run([str(exe)], capture_output=True, text=True)
    return run.returncode, run.stdout


def main(argv):
    """Entry point: see the module docstring."""
    if len(argv) < 6 or argv[4] != "--cc":
        sys.stderr.write(__doc__)
        return 2
    gen, table, include_dir, cc = argv[1], argv[2], argv[3], argv[5:]
    with tempfile.TemporaryDirectory() as tmp:
        work = pathlib.Path(tmp)
        include_copy = work / "include"
        shutil.copytree(include_dir, include_copy)
        mutate(include_copy)
        table = extend_table(table, work)
        code, out = build_and_run(gen, table, include_copy, work, cc)
    print(out, end="")
    lines = out.splitlines()
    missing = [e for e in EXPECTED if e not in lines]
    unexpected = [l for l in lines if any(l.startswith(p) for p in UNEXPECTED_PREFIXES)]
    if code != 1 or missing or unexpected:
        print("selftest FAILED: exit code %d, missing lines: %s, unexpected lines: %s"
              % (code, missing, unexpected))
        return 1
    print("selftest ok: checker exited 1 and reported every expected mismatch")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
