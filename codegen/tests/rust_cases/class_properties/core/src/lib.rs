//! A struct with fields exposed as properties, a constructor, a method and
//! a static method.

/// A point on an integer grid.
#[bindery::class(module = "shapes", name = "Point")]
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Point {
    x: i64,
    y: i64,
    label: String,
}

#[bindery::methods]
impl Point {
    /// A point at (`x`, `y`).
    #[bindery::constructor]
    pub fn new(x: i64, y: i64) -> Point {
        Point { x, y, label: String::new() }
    }

    /// The origin.
    #[bindery::staticmethod]
    pub fn origin() -> Point {
        Point::new(0, 0)
    }

    /// Horizontal coordinate.
    #[bindery::getter(name = "x")]
    pub fn x(&self) -> i64 {
        self.x
    }

    /// Sets the horizontal coordinate.
    #[bindery::setter(name = "x")]
    pub fn set_x(&mut self, x: i64) {
        self.x = x;
    }

    /// Vertical coordinate (read-only).
    #[bindery::getter(name = "y")]
    pub fn y(&self) -> i64 {
        self.y
    }

    /// A free-form label.
    #[bindery::getter(name = "label")]
    pub fn label(&self) -> String {
        self.label.clone()
    }

    /// Sets the label.
    #[bindery::setter(name = "label")]
    pub fn set_label(&mut self, label: &str) {
        self.label = label.to_string();
    }

    /// This point scaled by `factor`.
    #[bindery::method(name = "scaled")]
    pub fn scaled(&self, factor: i64) -> Point {
        Point::new(self.x * factor, self.y * factor)
    }
}
