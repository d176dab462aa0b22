//! Links the fixture library built by meson into build/fixture.
fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../..");
    let dir = root.join("build/fixture");
    let dir = dir.canonicalize().unwrap_or(dir);
    println!("cargo:rustc-link-search=native={}", dir.display());
    println!("cargo:rustc-link-lib=fixture");
    println!("cargo:rustc-link-arg-cdylib=-Wl,-rpath,{}", dir.display());
}
