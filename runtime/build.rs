//! Build script of the runtime: emits PyO3's interpreter cfgs for this crate
//! (`Py_LIMITED_API` under the `abi3` features, `Py_3_x`, ...), which pyo3's
//! own build script sets for pyo3 alone. Hot paths use CPython's inline
//! macros (`PyList_GET_ITEM`, `PyFloat_AS_DOUBLE`) on full-API builds and the
//! limited API's calls under `cfg(Py_LIMITED_API)`, so abi3 builds compile.

fn main() {
    pyo3_build_config::use_pyo3_cfgs();
}
