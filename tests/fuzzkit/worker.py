"""The child side of the fuzz harness: a persistent interpreter that runs
cases sent by the parent (`pool.Worker`) and reports how each ended.

Protocol: the parent writes cases to stdin as a 4-byte big-endian length
plus a JSON object `{"code": str}`; the child answers on the file
descriptor given as argv[2] with JSON lines: `{"step": label}` before each
sub-operation (so a crash can be attributed to the last step started) and
one final `{"status": "ok"|"raised", ...}` per case. argv[1] is the prelude,
Python source run once at start-up (imports, fixtures, helpers); each case
runs in a fresh copy of the prelude's namespace.

Owns nothing else: deciding whether an outcome is a defect is the parent's
job. It must never catch a crash (there is no way to): a signal simply ends
the process and the parent sees end-of-file.
"""

from __future__ import annotations

import faulthandler
import json
import os
import struct
import sys


def read_case(stream) -> dict | None:
    header = stream.read(4)
    if len(header) < 4:
        return None
    (length,) = struct.unpack(">I", header)
    return json.loads(stream.read(length))


def describe(exc: BaseException) -> dict:
    kind = type(exc)
    return {
        "status": "raised",
        "type": kind.__name__,
        "module": kind.__module__,
        "message": str(exc)[:400],
    }


def main() -> None:
    prelude_path, channel_fd = sys.argv[1], int(sys.argv[2])
    channel = os.fdopen(channel_fd, "w", buffering=1)
    faulthandler.enable(all_threads=True)

    def step(label: str) -> None:
        channel.write(json.dumps({"step": label}) + "\n")

    base: dict = {"__name__": "__fuzz_case__", "step": step}
    exec(compile(open(prelude_path).read(), prelude_path, "exec"), base)
    channel.write(json.dumps({"ready": True}) + "\n")
    stdin = sys.stdin.buffer
    while (case := read_case(stdin)) is not None:
        namespace = dict(base)
        try:
            exec(compile(case["code"], "<case>", "exec"), namespace)
            reply = {"status": "ok", "result": json.dumps(namespace.get("RESULT"), default=repr)}
        except BaseException as exc:  # every outcome is reported; the parent judges it
            reply = describe(exc)
        channel.write(json.dumps(reply) + "\n")


if __name__ == "__main__":
    main()
