//! The FFI layer of a header set with a C++ header (ADR 0016): bindgen parses
//! the C headers alone, as C, and the items only C++ sees are written from
//! the IR; an item that writer does not handle (here a union only C++ sees)
//! makes bindgen parse the whole set as C++ instead, as before.

use std::path::Path;

use bindery_codegen::pipeline;

const C_HEADER: &str = "#pragma once\n#include <stdint.h>\n\
    typedef struct { int32_t x; } SpPoint;\n\
    static inline int32_t sp_x(const SpPoint *p) { return p->x; }\n\
    EXTRA\n";

const CXX_HEADER: &str = "#pragma once\n#include <string>\n#include \"sp_c.h\"\n\
    extern \"C\" {\n\
    typedef struct { std::string name; SpPoint at; } SpNamed;\n\
    EXTRA\n\
    }\n";

/// Renders a spec of `sp_c.h` (C, ending with `c_extra`) and `sp_cxx.h`
/// (C++, with `cxx_extra` inside its `extern "C"` block).
fn render(dir: &Path, c_extra: &str, cxx_extra: &str) -> Vec<bindery_codegen::backend::Output> {
    std::fs::write(dir.join("sp_c.h"), C_HEADER.replace("EXTRA", c_extra)).unwrap();
    std::fs::write(dir.join("sp_cxx.h"), CXX_HEADER.replace("EXTRA", cxx_extra)).unwrap();
    let spec = "[module]\nname = \"split\"\n\n[c]\nheaders = [\"sp_c.h\", \"sp_cxx.h\"]\ncxx_headers = [\"sp_cxx.h\"]\n";
    std::fs::write(dir.join("spec.toml"), spec).unwrap();
    pipeline::render(&dir.join("spec.toml"), &dir.join("generated")).expect("renders")
}

fn file<'a>(out: &'a [bindery_codegen::backend::Output], path: &str) -> Option<&'a str> {
    out.iter().find(|o| o.path.ends_with(path)).map(|o| o.contents.as_str())
}

#[test]
fn c_headers_go_through_a_c_parse_and_cxx_structs_through_the_ir() {
    let dir = tempfile::tempdir().unwrap();
    let out = render(dir.path(), "", "");
    let ffi = file(&out, "src/ffi.rs").unwrap();
    assert!(!ffi.contains("std_basic_string"), "libstdc++ stayed out of bindgen's parse:\n{ffi}");
    assert!(ffi.contains("#[repr(C, align(8))]\npub struct SpNamed {\n    pub name: [u8; 32usize],\n    pub at: SpPoint,\n}"), "{ffi}");
    assert!(ffi.contains("crate::rt::layout!(SpNamed, size = 40, align = 8; name @ 0, at @ 32);"), "{ffi}");
    assert!(ffi.contains("#[link_name = \"sp_x__bindery_shim\"]"), "{ffi}");
    assert!(file(&out, "src/static_fns.c").is_some_and(|c| c.contains("sp_x__bindery_shim")), "C shim of the C header");
    assert!(!file(&out, "src/cxx_shim.cpp").unwrap().contains("sp_x__bindery_shim"), "no C++ wrapper besides the C one");
}

#[test]
fn an_item_the_ir_writer_does_not_handle_brings_back_the_cxx_parse() {
    let dir = tempfile::tempdir().unwrap();
    let out = render(dir.path(), "", "typedef union { int32_t i; float f; } SpEither;");
    let ffi = file(&out, "src/ffi.rs").unwrap();
    assert!(ffi.contains("pub union SpEither"), "bindgen declared the union:\n{ffi}");
    assert!(!ffi.contains("Declared only for C++"), "{ffi}");
    assert!(file(&out, "src/static_fns.c").is_none(), "a C++ parse wraps static functions in the C++ shim");
    assert!(file(&out, "src/cxx_shim.cpp").unwrap().contains("sp_x__bindery_shim"), "wrapped in the C++ shim");
}

#[test]
fn a_struct_declared_differently_for_c_and_cxx_brings_back_the_cxx_parse() {
    let dir = tempfile::tempdir().unwrap();
    let odd = "typedef struct {\n#ifdef __cplusplus\n int64_t extra;\n#endif\n int32_t y; } SpOdd;";
    let out = render(dir.path(), odd, "");
    let ffi = file(&out, "src/ffi.rs").unwrap();
    assert!(ffi.contains("crate::rt::layout!(SpOdd, size = 16, align = 8; extra @ 0, y @ 8);"), "the C++ layout:\n{ffi}");
    assert!(!ffi.contains("Declared only for C++"), "{ffi}");
}
