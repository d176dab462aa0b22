//! GLib doubly linked lists (`GList`) read without linking GLib: the node
//! layout is fixed by GLib's ABI (`data`, `next`, `prev`).
//!
//! Generated modules wrap list fields in a pyds-compatible `GList` class and
//! iterate typed elements with [`Nodes`]. Walking stops at NULL and refuses
//! cycles longer than [`MAX_NODES`] so a corrupted list cannot hang Python.

use std::ffi::c_void;

use pyo3::PyResult;
use pyo3::exceptions::PyRuntimeError;

/// One GLib list node, laid out as GLib declares it.
#[repr(C)]
#[derive(Debug)]
pub struct GListNode {
    /// The element pointer.
    pub data: *mut c_void,
    /// The next node, or NULL.
    pub next: *mut GListNode,
    /// The previous node, or NULL.
    pub prev: *mut GListNode,
}

/// Upper bound on list length walked in one go (guards against cycles).
pub const MAX_NODES: usize = 1 << 26;

/// Iterator over the `data` pointers of a list, from `head` to the end.
#[derive(Debug)]
pub struct Nodes {
    node: *mut GListNode,
    walked: usize,
}

impl Nodes {
    /// Starts at `head` (which may be NULL: an empty list).
    ///
    /// # Safety
    /// `head` must be NULL or a valid node whose `next` chain stays valid while iterating.
    pub unsafe fn new(head: *mut c_void) -> Self {
        Nodes { node: head.cast(), walked: 0 }
    }

    /// The next element pointer; an error when the list is longer than [`MAX_NODES`].
    pub fn next_data(&mut self) -> PyResult<Option<*mut c_void>> {
        if self.node.is_null() {
            return Ok(None);
        }
        self.walked += 1;
        if self.walked > MAX_NODES {
            return Err(PyRuntimeError::new_err("GList is longer than any real list: cycle?"));
        }
        // SAFETY: guaranteed by the constructor's contract.
        let node = unsafe { &*self.node };
        self.node = node.next;
        Ok(Some(node.data))
    }
}

/// Number of nodes from `head` to the end.
///
/// # Safety
/// As for [`Nodes::new`].
pub unsafe fn length(head: *mut c_void) -> PyResult<usize> {
    let mut nodes = unsafe { Nodes::new(head) };
    let mut count = 0;
    while nodes.next_data()?.is_some() {
        count += 1;
    }
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chain(values: &mut [u32]) -> Vec<GListNode> {
        let mut nodes: Vec<GListNode> = values
            .iter_mut()
            .map(|v| GListNode { data: (v as *mut u32).cast(), next: std::ptr::null_mut(), prev: std::ptr::null_mut() })
            .collect();
        let base = nodes.as_mut_ptr();
        for i in 0..nodes.len() {
            unsafe {
                if i + 1 < nodes.len() {
                    (*base.add(i)).next = base.add(i + 1);
                }
                if i > 0 {
                    (*base.add(i)).prev = base.add(i - 1);
                }
            }
        }
        nodes
    }

    #[test]
    fn walks_in_order_and_counts() {
        let mut values = [1u32, 2, 3];
        let mut nodes = chain(&mut values);
        let head = nodes.as_mut_ptr().cast::<c_void>();
        let mut it = unsafe { Nodes::new(head) };
        let mut seen = vec![];
        while let Some(p) = it.next_data().unwrap() {
            seen.push(unsafe { *(p as *const u32) });
        }
        assert_eq!(seen, [1, 2, 3]);
        assert_eq!(unsafe { length(head) }.unwrap(), 3);
        assert_eq!(unsafe { length(std::ptr::null_mut()) }.unwrap(), 0);
    }
}
