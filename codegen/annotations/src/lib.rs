//! No-op attribute macros that mark Rust items for bindery's Rust frontend.
//!
//! Every attribute here expands to the item it decorates, unchanged: the
//! annotated crate compiles, tests and runs without the generator. The
//! generator's Rust frontend (`codegen/src/frontend/rust`) reads the
//! attributes and their arguments from source with `syn`. This crate must not
//! grow behaviour: the vocabulary is documented in `docs/rust-annotations.md`.
//!
//! Vocabulary (arguments are `key = "value"` pairs or bare flags):
//! - `#[bindery::class(module = "packet", name = "Packet")]` on a struct or enum
//! - `#[bindery::enumeration(module = "image_frame", name = "ImageFormat")]` on a C-like enum
//! - `#[bindery::methods]` on an `impl` block whose annotated items are exposed
//! - `#[bindery::constructor]`, `#[bindery::method(name = "...")]`,
//!   `#[bindery::staticmethod]`, `#[bindery::getter(name = "...")]`,
//!   `#[bindery::setter(name = "...")]` on methods
//! - `#[bindery::function(module = "...", name = "...")]` on free functions
//! - `#[bindery::skip]` to keep an item out of the Python API

use proc_macro::TokenStream;

/// Generates one pass-through attribute macro per vocabulary word.
macro_rules! passthrough {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[proc_macro_attribute]
        pub fn $name(_args: TokenStream, item: TokenStream) -> TokenStream {
            item
        }
    )*};
}

passthrough! {
    /// Marks a struct or enum as a Python class.
    class,
    /// Marks a C-like enum as a Python `IntEnum`-style enumeration.
    enumeration,
    /// Marks an `impl` block whose annotated methods are exposed.
    methods,
    /// Marks an associated function as the Python constructor.
    constructor,
    /// Marks a method exposed as a Python instance method.
    method,
    /// Marks an associated function exposed as a Python static method.
    staticmethod,
    /// Marks a method exposed as a read-only Python property.
    getter,
    /// Marks a `&mut self` / `&self` method taking one value as the setter of
    /// the property named by `name` (paired with the `getter` of that name).
    setter,
    /// Marks a free function exposed as a module-level Python function.
    function,
    /// Keeps an item out of the Python API.
    skip,
}
