"""Hostile Python values, as source expressions evaluated in the worker.

Owns the catalogue swept on every attribute (integers at and past every C
width, floats incl. nan/inf/huge/-0.0/float32 edges, strings incl. long,
NUL, lone surrogates and multi-byte at array edges, bytes, None, numpy
scalars, containers, capsules) and the Hypothesis strategies that draw more.
Values travel as expressions because objects such as numpy scalars,
capsules or instances of the target's classes must be made in the worker.
Names used in expressions (`np`, `capsule`, `other`) are defined by
`probe.py` in the worker.
"""

from __future__ import annotations

from hypothesis import strategies as st

WIDTHS = (7, 8, 15, 16, 31, 32, 63, 64, 128)
INT_EDGES = sorted(
    {sign * (2**k + d) for k in WIDTHS for d in (-1, 0, 1) for sign in (1, -1)} | {0, 1, -1, 2**1000}
)
FLOAT_EDGES = (
    "0.0", "-0.0", "1.5", "-1.5", "float('nan')", "float('-nan')", "float('inf')", "float('-inf')",
    "3.4028234663852886e38", "3.4028235677973366e38", "3.5e38", "-3.5e38", "1e39", "1e308",
    "1.7976931348623157e308", "1.401298464324817e-45", "5e-324", "2.0**128", "16777217.0",
)
STRING_EDGES = (
    "''", "'a'", "'x' * 15", "'x' * 16", "'x' * 31", "'x' * 32", "'x' * 127", "'x' * 128",
    "'x' * 1023", "'x' * 1024", "'x' * 100_000", "'a\\x00b'", "'\\x00'", "'\\ud800'", "'a\\udfffb'",
    "'\\u00e9' * 64", "'\\U0001F600' * 32", "'\\xff\\xfe'", "'\\n\\r\\t'", "'%s%n%x'",
)
BYTES_EDGES = ("b''", "b'abc'", "b'\\xff\\xfe\\x00'", "b'x' * 200", "bytearray(b'xy')", "memoryview(b'xy')")
NUMPY_EDGES = (
    "np.int8(-128)", "np.uint8(255)", "np.int16(-32768)", "np.uint16(65535)", "np.int32(-2**31)",
    "np.uint32(2**32 - 1)", "np.int64(2**63 - 1)", "np.int64(-2**63)", "np.uint64(2**64 - 1)",
    "np.float16(1.5)", "np.float32(1.5)", "np.float32('nan')", "np.float64(1e300)", "np.bool_(True)",
    "np.array([1, 2])", "np.zeros(4, dtype=np.int64)", "np.zeros((2, 2), dtype=np.float32)",
    "np.array(7)", "np.intp(3)",
)
OTHER_EDGES = (
    "None", "True", "False", "[]", "[1, 2, 3]", "[None]", "(1,)", "{}", "{1: 2}", "set()",
    "object()", "lambda *a: None", "1 + 2j", "__import__('decimal').Decimal('1.5')",
    "__import__('fractions').Fraction(1, 3)", "type", "Ellipsis", "NotImplemented",
    "capsule(8)", "capsule(0xDEAD0000)", "capsule_of(16)", "named_capsule(16, 'GstBuffer')",
)
#: Every catalogue value; swept on every writable attribute.
CATALOG = tuple(repr(i) for i in INT_EDGES) + FLOAT_EDGES + STRING_EDGES + BYTES_EDGES + NUMPY_EDGES + OTHER_EDGES


def float_expr(value: float) -> str:
    """An expression that rebuilds `value` exactly (nan, inf and -0.0 included)."""
    return f"float.fromhex({value.hex()!r})"


def ints() -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(INT_EDGES), st.integers()).map(repr)


def floats() -> st.SearchStrategy[str]:
    return st.floats(allow_nan=True, allow_infinity=True).map(float_expr)


def texts() -> st.SearchStrategy[str]:
    odd = st.sampled_from("\x00\ud800\udfff\u00e9\U0001F600\xff")
    return st.one_of(st.text(), st.text(alphabet=st.one_of(st.characters(), odd), max_size=300)).map(repr)


def others(class_names: list[str]) -> st.SearchStrategy[str]:
    """An instance of another class of the target (made in the worker)."""
    return st.sampled_from(sorted(class_names)).map(lambda name: f"other({name!r})")


def hostile(class_names: list[str] | None = None) -> st.SearchStrategy[str]:
    """Any hostile value expression."""
    parts = [
        st.sampled_from(CATALOG), ints(), floats(), texts(), st.binary(max_size=64).map(repr),
        st.sampled_from(NUMPY_EDGES),
    ]
    if class_names:
        parts.append(others(class_names))
    return st.one_of(parts)
