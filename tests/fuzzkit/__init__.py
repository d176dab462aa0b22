"""bindery's fuzz harness: Hypothesis-driven cases run in a persistent worker
subprocess, so that a crash or hang of the module under test is counted and
attributed instead of killing pytest.

Modules: `worker` (child loop), `pool` (parent side: start, restart,
timeouts, confirmation), `session` (sweeps, resuming after a crash, counts
and the summary file), `probe` (oracles run in the worker), `values`
(hostile values and strategies), `surface` (the API read from `.pyi` stubs).
Used by `test_fuzz.py` of each target.
"""
