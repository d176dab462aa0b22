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
