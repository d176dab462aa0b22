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
