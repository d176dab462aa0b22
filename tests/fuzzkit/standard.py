"""The fuzz tests every target runs, as plain functions over a `Target`.

Owns: the attribute sweep (whole hostile catalogue on every writable
attribute, on Python-made and SDK-made objects), the Hypothesis attribute
fuzz, and the Hypothesis call fuzz of functions and static methods. Each
returns its findings; the targets' `test_fuzz.py` assert on them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from hypothesis import strategies as st

from . import cases, lifetime as lifetime_, surface, values
from .session import FuzzSession


@dataclass
class Target:
    """What the standard tests need to know about a generated module."""

    module: str
    stubs: list[Path]
    valid: Callable[[str], st.SearchStrategy[str]]
    sdk_made: tuple[str, ...] = ()
    #: Whether `Class()` makes an instance; otherwise objects come from the
    #: worker's `make(name)` factories only.
    python_made: bool = True
    #: Python expression of the module a stub (by file stem) describes.
    module_of: Callable[[str], str] | None = None
    api: surface.Surface = field(init=False)

    def __post_init__(self):
        self.api = surface.load(self.stubs)

    def where(self, stub: str) -> str:
        return self.module_of(stub) if self.module_of else self.module

    def class_expr(self, name: str) -> str:
        return f"{self.where(self.classes[name].stub)}.{name}"

    @property
    def classes(self) -> dict[str, surface.ClassInfo]:
        return {n: c for n, c in self.api.classes.items() if not c.is_enum}

    @property
    def constructible(self) -> list[str]:
        ctors = ("__init__", "__new__")
        return sorted(n for n, c in self.classes.items() if any(m.name in ctors for m in c.methods))

    @property
    def writable(self) -> list[str]:
        return [n for n in self.constructible if self.classes[n].writable]

    @property
    def callables(self) -> dict[str, tuple[str, surface.Function]]:
        """Module functions, static methods and constructors, and methods of
        constructible classes: test id -> (callable expression, function)."""
        found: dict[str, tuple[str, surface.Function]] = {}
        names: set[str] = set()
        for f in self.api.functions:  # a function re-declared by another stub is fuzzed once
            if f.name not in names:
                names.add(f.name)
                found[f"{f.stub}.{f.name}"] = (f"{self.where(f.stub)}.{f.name}", f)
        for c in self.classes.values():
            for m in c.methods:
                if m.name in ("__init__", "__new__"):
                    found[f"{c.name}()"] = (self.class_expr(c.name), m)
                elif m.is_static:
                    found[f"{c.name}.{m.name}"] = (f"{self.class_expr(c.name)}.{m.name}", m)
                elif c.name in self.constructible and not m.name.startswith("__"):
                    found[f"{c.name}().{m.name}"] = (f"(lambda *a, **k: make({c.name!r}).{m.name}(*a, **k))", m)
        return found


def attributes_catalog(session: FuzzSession, target: Target, name: str) -> list[dict]:
    """The catalogue and objects of other classes on every writable attribute."""
    others = [f"other({n!r})" for n in target.constructible[::5]]
    exprs = list(values.CATALOG) + others
    factories = [f"{target.class_expr(name)}()"] if target.python_made else []
    if name in target.sdk_made or not target.python_made:
        factories.append(f"make({name!r})")
    findings = []
    for factory in factories:
        for attr in target.classes[name].writable:
            findings += session.sweep(cases.setattr_case(factory, attr), exprs)
    return findings


def attributes_hypothesis(session: FuzzSession, target: Target, name: str, max_examples: int) -> list[dict]:
    """Hypothesis-drawn hostile values on the class's writable attributes."""
    findings: list[dict] = []
    hostile = st.lists(values.hostile(target.constructible), min_size=1, max_size=6)
    strategy = st.tuples(st.sampled_from(target.classes[name].writable), hostile)

    def body(example):
        attr, exprs = example
        factory = f"{target.class_expr(name)}()" if target.python_made else f"make({name!r})"
        findings.extend(session.sweep(cases.setattr_case(factory, attr), exprs))

    cases.explore(strategy, body, max_examples)
    return findings


def calls(session: FuzzSession, target: Target, name: str, max_examples: int) -> list[dict]:
    """A function, constructor or method with valid and hostile argument tuples."""
    expr, fn = target.callables[name]
    findings: list[dict] = []
    args = cases.args_strategy(fn.params, target.valid, target.constructible)

    def body(example):
        findings.extend(session.sweep(cases.calls_case(expr), example))

    cases.explore(st.lists(args, min_size=1, max_size=4), body, max_examples)
    return findings


def lifetime(session: FuzzSession, scenario: lifetime_.Scenario, max_examples: int) -> list[dict]:
    """Hypothesis-chosen keepers and killers of `scenario` (see lifetime.py)."""
    findings: list[dict] = []

    def body(example):
        keep, kill = example
        findings.extend(session.sweep(lambda _: scenario.code(keep, kill), ["scenario"], timeout=30))

    cases.explore(scenario.strategy(), body, max_examples)
    return findings
