"""Lifetime-abuse scenarios: keep views past the death of their memory.

A `Scenario` has set-up code, keepers (an expression evaluated before any
kill, the scopes of memory it depends on, and how to read it) and killers
(code that frees or recycles some scopes). Hypothesis picks keepers and a
sequence of killers; the worker then reads every keeper. A keeper whose
scope was killed must raise ReferenceError (a different value is a read of
freed or recycled memory; the same value is a stale view that only looks
right); a keeper marked `alive` must read exactly what it read before.
Keepers of scopes that were not killed are read too (a crash counts) but
their values may legitimately change.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hypothesis import strategies as st


@dataclass(frozen=True)
class Keeper:
    """Something a user keeps: `expr` in the set-up's namespace."""

    expr: str
    scopes: frozenset[str]
    read: str = "K"  # how to read it later; K is the kept object
    alive: bool = False  # must stay readable and unchanged (kept alive by the binding)


@dataclass(frozen=True)
class Killer:
    """Code that frees or recycles memory of `scopes`."""

    code: str
    scopes: frozenset[str]


@dataclass
class Scenario:
    """A set-up plus what can be kept and what can kill it."""

    setup: str
    keepers: dict[str, Keeper]
    killers: dict[str, Killer]
    then: str = "gc.collect()"
    allowed_in_kill: tuple[str, ...] = field(default=("ReferenceError", "ValueError", "TypeError"))

    def strategy(self) -> st.SearchStrategy[tuple[list[str], list[str]]]:
        keep = st.lists(st.sampled_from(sorted(self.keepers)), min_size=1, max_size=6, unique=True)
        kill = st.lists(st.sampled_from(sorted(self.killers)), min_size=1, max_size=3)
        return st.tuples(keep, kill)

    def code(self, keep: list[str], kill: list[str]) -> str:
        """Worker source for one scenario (one step per keep, kill and read)."""
        killers = [(k, self.killers[k]) for k in kill]
        keepers = {k: self.keepers[k] for k in keep}
        return "\n".join([
            self.setup,
            f"RESULT = run_scenario({ {k: (v.expr, v.read) for k, v in keepers.items()}!r}, "
            f"{[(k, v.code) for k, v in killers]!r}, "
            f"{ {k: judged(v, killers) for k, v in keepers.items()}!r}, {self.then!r}, globals())",
        ])


def judged(keeper: Keeper, killers: list[tuple[str, Killer]]) -> str:
    """What the oracle expects of a keeper: 'dead', 'alive' or 'any'."""
    if any(keeper.scopes & killer.scopes for _, killer in killers):
        return "dead"
    return "alive" if keeper.alive else "any"


def keepers(scopes: str, *exprs: str, read: str = "K", alive: bool = False) -> dict[str, Keeper]:
    """Keepers sharing `scopes` (comma-separated), named by their expression."""
    frozen = frozenset(s for s in scopes.split(",") if s)
    return {e: Keeper(e, frozen, read, alive) for e in exprs}
