"""Verdict of the valgrind self-check: the checker's JSON (argument 1) must
list, as failing errors in libfixture.so, the deliberate read after free
(InvalidRead) and the deliberate leak (Leak_DefinitelyLost) of
selfcheck_bad_read.py. Exit 0 when it does, 1 (with the reason) otherwise."""

from __future__ import annotations

import json
import sys

EXPECTED = {"InvalidRead": "fx_frame_confidence_sum", "Leak_DefinitelyLost": "fx_object_new"}


def main(path: str) -> int:
    failing = json.load(open(path))["failing"]
    missing = [
        kind for kind, fn in EXPECTED.items()
        if not any(e["kind"] == kind and fn in e["frame"] and e["obj"].endswith("libfixture.so") for e in failing)
    ]
    if missing:
        print(f"valgrind self-check FAILED: the checker did not report {missing} in libfixture.so")
        return 1
    print(f"valgrind self-check ok: the checker flags {sorted(EXPECTED)} in libfixture.so")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
