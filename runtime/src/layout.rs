//! Compile-time layout assertions for the raw C declarations of a generated
//! crate (`ffi.rs`): the size, alignment and every field offset libclang
//! computed for a struct, checked against what rustc lays out for bindgen's
//! `#[repr(C)]` translation. One [`layout!`](crate::layout!) line per struct
//! replaces bindgen's block of one indexing expression per check; the checks
//! are the same and a mismatch still fails the build, naming the struct and
//! field.

/// Asserts at compile time that `$t` has size `$size`, alignment `$align`
/// and each `$field` at byte offset `$offset`:
/// `rt::layout!(ffi::Point, size = 8, align = 4; x @ 0, y @ 4);`
#[macro_export]
macro_rules! layout {
    ($t:ty, size = $size:literal, align = $align:literal; $($field:ident @ $offset:literal),* $(,)?) => {
        const _: () = {
            assert!(::std::mem::size_of::<$t>() == $size, concat!("size of ", stringify!($t)));
            assert!(::std::mem::align_of::<$t>() == $align, concat!("alignment of ", stringify!($t)));
            $(assert!(
                ::std::mem::offset_of!($t, $field) == $offset,
                concat!("offset of ", stringify!($t), "::", stringify!($field))
            );)*
        };
    };
}

#[cfg(test)]
mod tests {
    #[repr(C)]
    struct Point {
        x: u8,
        y: u32,
    }

    // Compiles only if every assertion holds: the layout rustc gives `Point`.
    crate::layout!(Point, size = 8, align = 4; x @ 0, y @ 4);

    #[test]
    fn a_matching_layout_compiles() {
        let p = Point { x: 1, y: 2 };
        assert_eq!((p.x, p.y), (1, 2));
    }
}
