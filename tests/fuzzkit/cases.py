"""Case builders shared by the targets' `test_fuzz.py` modules.

Owns: the source code of attribute sweeps and call sweeps sent to the
worker, argument strategies built from stub annotations (a valid value or a
hostile one per parameter), pytest parameters with strict-xfail marks for
documented open defects, and the fixed-seed Hypothesis runner that collects
findings instead of stopping at the first one (a crash is counted, not
fatal).
"""

from __future__ import annotations

from typing import Callable, Iterable, Sequence

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from .surface import Param
from .values import hostile


def setattr_case(factory: str, attr: str) -> Callable[[Sequence[str]], str]:
    """Build function: sets each value on `attr` of a fresh `factory` object."""
    return lambda exprs: f"RESULT = sweep_setattr(lambda: {factory}, {attr!r}, {list(exprs)!r}, globals())"


def calls_case(function: str) -> Callable[[Sequence[str]], str]:
    """Build function: calls `function` with each argument-tuple expression."""
    return lambda calls: f"RESULT = sweep_calls({function}, {list(calls)!r}, globals())"


def args_strategy(params: list[Param], valid: Callable[[str], st.SearchStrategy[str]], classes: list[str]):
    """Argument tuples as source: per parameter a valid value (from its
    annotation) or a hostile one; parameters with defaults may be left out."""
    per_param = [st.one_of(valid(p.annotation), valid(p.annotation), hostile(classes)) for p in params]
    required = sum(1 for p in params if not p.has_default)

    @st.composite
    def arguments(draw):
        values = [draw(s) for s in per_param]
        count = draw(st.integers(min_value=required, max_value=len(values))) if params else 0
        if draw(st.integers(0, 15)) == 0:
            count = max(0, required - 1)  # too few arguments
        return "(" + "".join(f"{v}, " for v in values[:count]) + ")"

    return arguments()


def explore(strategy: st.SearchStrategy, body: Callable, max_examples: int) -> None:
    """Runs `body(example)` on `max_examples` examples with a fixed seed. The
    body records findings itself, so every example runs (no shrinking)."""

    @settings(
        derandomize=True, max_examples=max_examples, deadline=None, database=None,
        phases=(Phase.explicit, Phase.generate), suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def run(example):
        body(example)

    run()


def params(names: Iterable[str], known: dict[str, str]) -> list:
    """pytest parameters; names in `known` are xfail(strict) with its reason.
    A `known` name that is not a parameter is an error (a stale entry)."""
    names = list(names)
    stale = sorted(set(known) - set(names))
    if stale:
        raise ValueError(f"known defects name no test parameter: {stale}")
    marked = []
    for name in names:
        reason = known.get(name)
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        marked.append(pytest.param(name, marks=marks, id=name))
    return marked
