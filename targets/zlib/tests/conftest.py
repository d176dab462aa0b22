"""Markers of the bindery_zlib suite (the fuzz module runs in its own CI step)."""


def pytest_configure(config):
    """Markers of the fuzz module (the valgrind step leaves `no_valgrind` out)."""
    config.addinivalue_line("markers", "no_valgrind: work in child interpreters valgrind does not follow")
    config.addinivalue_line("markers", "fuzz: Hypothesis fuzzing through tests/fuzzkit (its own CI step)")
