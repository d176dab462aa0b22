//! The `codegen` binary: see `bindery_codegen::cli`.

fn main() -> std::process::ExitCode {
    bindery_codegen::cli::main()
}
