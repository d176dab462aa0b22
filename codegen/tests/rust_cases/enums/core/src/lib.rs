//! Enumerations: explicit values, a member hidden by the spec, one enum
//! whose members stay out of the module namespace, and functions that take
//! and return them.

/// A primary colour.
#[bindery::enumeration(module = "colors", name = "Color")]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Color {
    /// Red.
    Red = 1,
    /// Green.
    Green = 2,
    /// Blue.
    Blue = 4,
    /// Not a Python member (hidden by the spec), still accepted as `Color(8)`.
    Reserved = 8,
}

/// How colours mix.
#[bindery::enumeration(module = "colors", name = "Mode")]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Add the channels.
    Add = 0,
    /// Multiply the channels.
    Multiply = 1,
}

/// The colour after `c` in the wheel.
#[bindery::function(module = "colors", name = "next_color")]
pub fn next_color(c: Color, mode: Mode) -> Color {
    match (c, mode) {
        (Color::Red, _) => Color::Green,
        (Color::Green, _) => Color::Blue,
        _ => Color::Red,
    }
}
