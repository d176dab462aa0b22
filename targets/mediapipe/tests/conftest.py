"""Shared fixtures for the mediapipe target's behaviour tests (run against the
module built by `maturin develop -m targets/mediapipe/generated/Cargo.toml`)."""

import pytest

import mediapipe as mp

PASS_THROUGH = """
input_stream: "in"
output_stream: "out"
node {
  calculator: "PassThroughCalculator"
  input_stream: "in"
  output_stream: "out"
}
"""


@pytest.fixture
def pc():
    """The packet_creator module."""
    return mp.packet_creator


@pytest.fixture
def pg():
    """The packet_getter module."""
    return mp.packet_getter


def pytest_configure(config):
    """Markers shared by the bindery suites (see scripts/valgrind_pytest.sh)."""
    config.addinivalue_line(
        "markers",
        "no_valgrind(reason): left out of the valgrind step: all the test's work runs in child "
        "interpreters that valgrind does not follow (the fuzz modules, whose workers are judged by "
        "the fuzz oracle), or the test depends on wall-clock timing that valgrind's 20-50x "
        "slow-down breaks. The plain pytest step still runs it.",
    )
    config.addinivalue_line("markers", "fuzz: Hypothesis fuzzing through tests/fuzzkit (its own CI step)")
