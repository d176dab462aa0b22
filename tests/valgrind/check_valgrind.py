#!/usr/bin/env python3
"""Reads valgrind memcheck XML reports and fails on memory errors in bindery's code.

Owns the verdict of the valgrind CI step (`scripts/valgrind_pytest.sh`): it
parses the `--xml=yes` output (never the text log), keeps the errors whose
stack touches one of our objects (generated extension modules, the runtime
linked into them, the stand-in SDK and fixture libraries: `--ours` globs),
matches them against the documented open defects of `known_errors.toml`
(the valgrind counterpart of `xfail(strict=True)`), and prints a short
summary: errors by kind, ours and foreign, and the top frames.

Exit status: 0 when no unknown error touches our code and every known entry
was seen; 1 otherwise; 2 when a report cannot be read.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import os
import re
import sys
import tomllib
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

#: Error kinds that fail the step when they touch our code.
FAILING_KINDS = frozenset({
    "InvalidRead", "InvalidWrite", "InvalidFree", "MismatchedFree", "InvalidMemPool",
    "Overlap", "UninitCondition", "UninitValue", "SyscallParam", "ClientCheck",
    "Leak_DefinitelyLost",
})
#: Kinds whose auxiliary stacks (where the block was allocated or freed) also count.
ACCESS_KINDS = frozenset({"InvalidRead", "InvalidWrite", "InvalidFree", "MismatchedFree"})
#: Uses of uninitialised values are judged by the frames that use the value:
#: one deep inside the interpreter whose distant caller is our module's
#: initialisation (importing numpy) is CPython's, not ours.
UNINIT_KINDS = frozenset({"UninitCondition", "UninitValue", "SyscallParam"})
UNINIT_FRAMES = 3


@dataclass(frozen=True)
class Frame:
    """One stack frame of a report."""

    obj: str
    fn: str
    file: str
    line: str

    def label(self) -> str:
        where = f"{self.file}:{self.line}" if self.file else Path(self.obj).name
        return f"{self.fn or '???'} ({where})"


@dataclass
class Error:
    """One memcheck error: kind, message, main stack, auxiliary stacks."""

    kind: str
    what: str
    stack: list[Frame]
    aux: list[list[Frame]] = field(default_factory=list)
    report: str = ""

    def our_frame(self, ours: list[str]) -> Frame | None:
        """The first frame in our code: main stack first, then (for invalid
        accesses) where the block was allocated or freed."""
        main = self.stack[:UNINIT_FRAMES] if self.kind in UNINIT_KINDS else self.stack
        stacks = [main] + (self.aux if self.kind in ACCESS_KINDS else [])
        for stack in stacks:
            for frame in stack:
                if is_ours(frame, ours):
                    return frame
        return None


def is_ours(frame: Frame, ours: list[str]) -> bool:
    """True when the frame's object file matches one of the `ours` globs."""
    obj = frame.obj
    return bool(obj) and any(fnmatch.fnmatch(obj, pattern) for pattern in ours)


def parse_frames(stack: ET.Element) -> list[Frame]:
    return [
        Frame(
            obj=f.findtext("obj", ""),
            fn=f.findtext("fn", ""),
            file=f.findtext("file", ""),
            line=f.findtext("line", ""),
        )
        for f in stack.findall("frame")
    ]


def parse_error(node: ET.Element, report: str) -> Error:
    what = node.findtext("what") or node.findtext("xwhat/text") or ""
    stacks = [parse_frames(s) for s in node.findall("stack")]
    return Error(
        kind=node.findtext("kind", ""),
        what=what,
        stack=stacks[0] if stacks else [],
        aux=stacks[1:],
        report=report,
    )


def read_report(path: Path) -> tuple[list[Error], bool]:
    """Errors of one XML report and whether it was complete. A report cut
    short (a process that forked and exec'd, or died) keeps what it has."""
    errors: list[Error] = []
    complete = False
    try:
        for event, node in ET.iterparse(path, events=("end",)):
            if node.tag == "error":
                errors.append(parse_error(node, path.name))
                node.clear()
            elif node.tag == "valgrindoutput":
                complete = True
    except ET.ParseError:
        pass
    return errors, complete


@dataclass
class KnownError:
    """An open defect documented in known_errors.toml."""

    kind: str
    frame: re.Pattern[str]
    reason: str
    strict: bool = True
    seen: int = 0

    def matches(self, error: Error, frame: Frame) -> bool:
        return error.kind == self.kind and bool(self.frame.search(frame.label()))


def load_known(path: Path | None, suite: str) -> list[KnownError]:
    """The entries of `path` that apply to `suite`."""
    if path is None or not path.exists():
        return []
    entries = tomllib.loads(path.read_text()).get("known", [])
    known = []
    for entry in entries:
        if entry.get("suite") != suite:
            continue
        reason = entry.get("reason", "")
        if not reason.startswith("issue "):
            raise SystemExit(f"{path}: every known error needs a reason 'issue N: ...': {entry}")
        known.append(KnownError(entry["kind"], re.compile(entry["frame"]), reason, entry.get("strict", True)))
    return known


@dataclass
class Verdict:
    """Errors sorted into failing (ours, unknown), known and foreign."""

    failing: list[tuple[Error, Frame]] = field(default_factory=list)
    known: list[tuple[Error, Frame, KnownError]] = field(default_factory=list)
    foreign: list[Error] = field(default_factory=list)


def judge(errors: list[Error], ours: list[str], known: list[KnownError]) -> Verdict:
    verdict = Verdict()
    for error in errors:
        frame = error.our_frame(ours) if error.kind in FAILING_KINDS else None
        if frame is None:
            verdict.foreign.append(error)
            continue
        entry = next((k for k in known if k.matches(error, frame)), None)
        if entry is None:
            verdict.failing.append((error, frame))
        else:
            entry.seen += 1
            verdict.known.append((error, frame, entry))
    return verdict


def print_error(error: Error, frame: Frame, frames: int) -> None:
    print(f"  {error.kind}: {error.what}   [{error.report}]")
    print(f"    first frame in our code: {frame.label()}")
    for f in error.stack[:frames]:
        print(f"      at {f.label()}")


def summarize(verdict: Verdict, known: list[KnownError], frames: int) -> None:
    ours = Counter(e.kind for e, _ in verdict.failing)
    known_kinds = Counter(e.kind for e, _, _ in verdict.known)
    foreign = Counter(e.kind for e in verdict.foreign)
    print("valgrind: errors by kind (ours / known open defects / foreign, not failing)")
    for kind in sorted(set(ours) | set(known_kinds) | set(foreign)):
        print(f"  {kind:24} {ours[kind]:5} {known_kinds[kind]:5} {foreign[kind]:5}")
    tops = Counter(frame.label() for _, frame in verdict.failing)
    if tops:
        print("valgrind: top frames in our code")
        for label, count in tops.most_common(10):
            print(f"  {count:5}  {label}")
    for error, frame in dedupe(verdict.failing)[:20]:
        print_error(error, frame, frames)
    for entry in known:
        missing = "NOT SEEN (fixed? remove the entry)" if entry.strict else "not seen this run (not strict)"
        state = f"seen {entry.seen}x" if entry.seen else missing
        print(f"  known: {entry.kind} at /{entry.frame.pattern}/: {state} - {entry.reason}")


def dedupe(items: list[tuple[Error, Frame]]) -> list[tuple[Error, Frame]]:
    seen, unique = set(), []
    for error, frame in items:
        key = (error.kind, frame.label())
        if key not in seen:
            seen.add(key)
            unique.append((error, frame))
    return unique


def as_json(verdict: Verdict, known: list[KnownError]) -> dict:
    return {
        "failing": [{"kind": e.kind, "what": e.what, "frame": f.label(), "obj": f.obj} for e, f in verdict.failing],
        "known": [{"kind": e.kind, "frame": f.label(), "reason": k.reason} for e, f, k in verdict.known],
        "foreign": dict(Counter(e.kind for e in verdict.foreign)),
        "stale_known": [k.reason for k in known if not k.seen and k.strict],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reports", nargs="+", type=Path, help="valgrind --xml-file outputs")
    parser.add_argument("--ours", action="append", default=[], help="glob of our object files (repeatable)")
    parser.add_argument("--known", type=Path, help="known_errors.toml (open defects, strict)")
    parser.add_argument("--suite", default="", help="name of the suite (selects known entries)")
    parser.add_argument("--frames", type=int, default=8, help="frames printed per error")
    parser.add_argument("--json", type=Path, help="also write the verdict as JSON here")
    args = parser.parse_args(argv)
    ours = [os.path.realpath(p) if not any(c in p for c in "*?[") else p for p in args.ours]
    errors, complete = [], 0
    for path in args.reports:
        found, done = read_report(path)
        errors += found
        complete += done
    if complete == 0:
        print(f"valgrind: no complete report among {len(args.reports)} file(s)", file=sys.stderr)
        return 2
    known = load_known(args.known, args.suite)
    verdict = judge(errors, ours, known)
    print(f"valgrind: {len(args.reports)} report(s), {complete} complete, {len(errors)} error(s)")
    summarize(verdict, known, args.frames)
    if args.json:
        args.json.write_text(json.dumps(as_json(verdict, known), indent=2))
    stale = [k for k in known if not k.seen and k.strict]
    return 1 if verdict.failing or stale else 0


if __name__ == "__main__":
    sys.exit(main())
