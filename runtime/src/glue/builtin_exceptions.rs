// The builtin Python exceptions the spec's `[rust.errors]` may name, as one
// `&[&str]` expression (not a module): `include!`d by `glue/errors.rs`, which
// builds them, and by codegen's `passes/rust_errors.rs`, which checks specs
// against them, so the two lists cannot drift apart. `errors::exception`
// must build every name here (its unit test checks each one).
&[
    "FileExistsError",
    "FileNotFoundError",
    "IndexError",
    "KeyError",
    "MemoryError",
    "NotImplementedError",
    "OSError",
    "OverflowError",
    "PermissionError",
    "RuntimeError",
    "TimeoutError",
    "TypeError",
    "UnicodeDecodeError",
    "ValueError",
]
