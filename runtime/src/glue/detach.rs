//! [`DetachOnDrop`]: a holder whose drop releases the GIL first, for values
//! whose drop may block on threads that need the GIL (a running pipeline
//! joining workers that call Python callbacks), so deleting the Python
//! object cannot deadlock.

use pyo3::Python;

/// Holds a value that is dropped with the GIL released.
pub struct DetachOnDrop<T: Send>(Option<T>);

impl<T: Send> DetachOnDrop<T> {
    /// Wraps `value`.
    pub fn new(value: T) -> Self {
        DetachOnDrop(Some(value))
    }
}

impl<T: Send> std::ops::Deref for DetachOnDrop<T> {
    type Target = T;
    fn deref(&self) -> &T {
        // Only `drop` takes the value out.
        self.0.as_ref().expect("DetachOnDrop value is present until drop")
    }
}

impl<T: Send> std::ops::DerefMut for DetachOnDrop<T> {
    fn deref_mut(&mut self) -> &mut T {
        self.0.as_mut().expect("DetachOnDrop value is present until drop")
    }
}

impl<T: Send> Drop for DetachOnDrop<T> {
    fn drop(&mut self) {
        if let Some(value) = self.0.take() {
            Python::attach(|py| py.detach(move || drop(value)));
        }
    }
}
