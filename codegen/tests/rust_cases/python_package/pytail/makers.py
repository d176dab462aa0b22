from python_package._native import _makers


def make_len(data: bytes) -> "Handle":
    """A handle holding the length of ``data`` (written in Python)."""
    return _makers._make_len(bytes(data))
