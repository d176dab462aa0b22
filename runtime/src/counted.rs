//! Counted-pointer arrays (`[struct.NAME.arrays.METHOD]` in the spec): a
//! `T* data` field whose length is another field. Generated methods ask
//! here how many elements may be read and whether an index is one of them,
//! so a count larger than the allocation or a bad index from Python never
//! reads past the array.

use pyo3::PyResult;
use pyo3::exceptions::{PyIndexError, PyValueError};

/// Number of readable elements: `count`, never more than `capacity` when
/// the struct records one.
pub fn len(count: u64, capacity: Option<u64>) -> usize {
    let bounded = capacity.map_or(count, |c| count.min(c));
    usize::try_from(bounded).unwrap_or(usize::MAX)
}

/// Checks `index` against `len` elements behind a pointer that may be
/// NULL: `IndexError` outside `0..len` (negative indexes included, as a C
/// index), `ValueError` when the pointer is NULL.
pub fn index(index: i64, len: usize, is_null: bool, what: &str) -> PyResult<usize> {
    let found = usize::try_from(index).ok().filter(|i| *i < len);
    let i = found.ok_or_else(|| PyIndexError::new_err(format!("{what}: index {index} out of range ({len} elements)")))?;
    if is_null {
        return Err(PyValueError::new_err(format!("{what}: the array pointer is NULL")));
    }
    Ok(i)
}

/// For a view nothing tracks (an `int` address given to `cast`, a foreign
/// capsule), checks that the `len` elements of `size` bytes at `first` are
/// readable before any is read (`ValueError` otherwise); tracked views are
/// live by construction.
pub fn require_readable_if_untracked(untracked: bool, first: *const std::ffi::c_void, len: usize, size: usize, what: &str) -> PyResult<()> {
    if !untracked || first.is_null() {
        return Ok(());
    }
    crate::probe::require_readable(first, len.saturating_mul(size), what)
}

/// `fill` of a counted array (`counted_fill!(element, buffer, host_ptrs, i)`):
/// when element `i`'s pointer field is NULL, sets it to entry `i` of the
/// struct's parallel pointer array (pyds's `out_buf_ptrs_host[i]` into
/// `output_layers_info[i].buffer`). A NULL array changes nothing. Only for
/// tracked views: an untracked one's memory is never written.
#[macro_export]
macro_rules! counted_fill {
    ($element:expr, $($field:ident).+, $from:expr, $index:expr) => {{
        let (element, from, index) = ($element, $from, $index);
        if !from.is_null() {
            // SAFETY: `element` is element `index` of a live struct's array
            // (`counted::index` checked it against the count), and `from` is
            // that struct's parallel array of one pointer per element.
            unsafe {
                if (*element).$($field).+.is_null() {
                    (*element).$($field).+ = (*from.add(index)).cast();
                }
            }
        }
    }};
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn len_is_bounded_by_capacity() {
        assert_eq!(len(5, None), 5);
        assert_eq!(len(5, Some(3)), 3);
        assert_eq!(len(2, Some(3)), 2);
    }

    #[test]
    fn index_checks_range_and_null() {
        pyo3::Python::initialize();
        assert_eq!(index(1, 2, false, "t").ok(), Some(1));
        pyo3::Python::attach(|py| {
            assert!(index(2, 2, false, "t").unwrap_err().is_instance_of::<PyIndexError>(py));
            assert!(index(-1, 2, false, "t").unwrap_err().is_instance_of::<PyIndexError>(py));
            assert!(index(0, 2, true, "t").unwrap_err().is_instance_of::<PyValueError>(py));
        });
    }
}
