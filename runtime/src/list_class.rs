//! The pyds-compatible `GList` class of every generated module: a node view
//! (`data`, `next`, `prev`, `address`), its length, and iteration over typed
//! elements. [`ListNode`] holds the whole behaviour; [`glist_class!`](crate::glist_class!)
//! wraps it in the `#[pyclass]` pair `GList` / `GListIter` under the
//! module's own name, one line in the generated crate.
//!
//! Node views and iterators hold their list's epoch token (they die when a
//! function removes nodes from the list, or with the list's struct); element
//! views hold the struct's token (removing one element leaves the others
//! valid). Every raw read of a node is here, after the node's view has been
//! checked alive, and carries its `SAFETY` reason.

use std::ffi::c_void;
use std::ptr::NonNull;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use pyo3::prelude::*;

use crate::glist::GListNode;
use crate::pointer::Typed;
use crate::record::Record;
use crate::token::Token;
use crate::view::View;

/// Views one element pointer with the given token and keep-alive.
pub type MakeElement = fn(Python<'_>, &Token, Option<Py<PyAny>>, *mut c_void) -> PyResult<Py<PyAny>>;

/// The element class of a typed list: its name and how to view an element.
#[derive(Debug)]
pub struct ElementType {
    /// Python class name of the elements.
    pub class: &'static str,
    /// Views one element pointer with the given token and keep-alive.
    pub make: MakeElement,
}

impl ElementType {
    /// The element type of lists of `R` (a generated class).
    pub const fn of<R: Record>() -> ElementType {
        ElementType { class: R::TYPE, make: view_element::<R> }
    }
}

/// A borrowed `R` view of a list element (None for a NULL element).
fn view_element<R: Record>(py: Python<'_>, token: &Token, keep: Option<Py<PyAny>>, data: *mut c_void) -> PyResult<Py<PyAny>> {
    match NonNull::new(data.cast::<R::C>()) {
        Some(ptr) => Ok(Py::new(py, R::wrap(View::borrowed(ptr, token.clone(), keep)))?.into_any()),
        None => Ok(py.None()),
    }
}

/// What every node view of one list shares, behind one `Arc` (so stepping
/// to `next` takes one reference count, not one per token): the list's epoch
/// token (node views die with it), the Python object owning the struct (kept
/// alive), the struct's token (element views live by it), the element type,
/// and for a typed list the context of its `.data` capsules.
#[derive(Debug)]
struct Shared {
    epoch: Token,
    keep: Option<Py<PyAny>>,
    elements: Token,
    element: Option<&'static ElementType>,
    typed: Option<Arc<Typed>>,
}

/// One node of a GLib list seen from Python: the node's address and what
/// the nodes of its list share (its epoch, the struct's token, the element
/// type when the spec names one).
#[derive(Debug)]
pub struct ListNode {
    node: NonNull<GListNode>,
    list: Arc<Shared>,
}

// SAFETY: the node pointer is plain data, dereferenced only with the GIL held
// (every access goes through a `&self` of the pyclass) after `node()` checked
// the list's epoch; the shared tokens' checks are atomic.
unsafe impl Send for ListNode {}
unsafe impl Sync for ListNode {}

impl ListNode {
    /// The head node of the list whose head pointer is at `slot` inside a
    /// struct whose views hold `container` (None for an empty list).
    #[inline]
    pub fn over(
        keep: Option<Py<PyAny>>,
        container: &Token,
        slot: *const c_void,
        head: *mut GListNode,
        element: Option<&'static ElementType>,
    ) -> Option<ListNode> {
        let node = NonNull::new(head)?;
        let epoch = crate::epoch::current(slot, container);
        let typed = element.map(|e| Typed::new(container.clone(), e.class));
        Some(ListNode { node, list: Arc::new(Shared { epoch, keep, elements: container.clone(), element, typed }) })
    }

    /// Python class name of the elements (None for an untyped list).
    #[inline]
    pub fn element_type(&self) -> Option<&'static str> {
        self.list.element.map(|e| e.class)
    }

    /// The node pointer, or `ReferenceError` once the list or its struct is gone.
    #[inline]
    pub fn node(&self) -> PyResult<*mut GListNode> {
        if self.list.epoch.is_alive() { Ok(self.node.as_ptr()) } else { Err(crate::errors::dead_view("GList")) }
    }

    /// The Python owner of the list's struct, for a view made from this node.
    fn keep(&self, py: Python<'_>) -> Option<Py<PyAny>> {
        self.list.keep.as_ref().map(|k| k.clone_ref(py))
    }

    /// A view standing for the list's elements (for results derived from a
    /// list argument): it holds the struct's token, not the list epoch, so
    /// such a result lives as long as the element does, like a list element.
    pub fn elements(&self, py: Python<'_>) -> View<GListNode> {
        View::borrowed(self.node, self.list.elements.clone(), self.keep(py))
    }

    /// The node for a C function's `GList*` argument: liveness checked, and
    /// when the function needs a list of one struct (`element`, a class
    /// name), a list of anything else raises `TypeError`.
    pub fn for_call(&self, element: Option<&str>, what: &str) -> PyResult<*mut GListNode> {
        let node = self.node()?;
        match (element, self.element_type()) {
            (Some(want), Some(have)) if want == have => Ok(node),
            (Some(want), _) => Err(pyo3::exceptions::PyTypeError::new_err(format!("{what}: expected a GList of {want}"))),
            (None, _) => Ok(node),
        }
    }

    /// The node `pick` reads from this one (`next` or `prev`), sharing this
    /// node's list (one reference count). None at an end.
    #[inline]
    pub fn neighbour(&self, pick: fn(&GListNode) -> *mut GListNode) -> PyResult<Option<ListNode>> {
        let node = self.node()?;
        // SAFETY: `node()` returned the node only because its list epoch and
        // struct are alive, so the node is a live GList node.
        let next = pick(unsafe { &*node });
        Ok(NonNull::new(next).map(|node| ListNode { node, list: Arc::clone(&self.list) }))
    }

    /// `data`: the element pointer as a capsule (typed for a typed list).
    #[inline]
    pub fn data<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let node = self.node()?;
        // SAFETY: `node()` checked that the node is alive.
        let data = unsafe { (*node).data };
        match &self.list.typed {
            Some(typed) => crate::pointer::to_typed_capsule(py, data, typed),
            None => crate::pointer::to_tracked_capsule(py, data, &self.list.elements),
        }
    }

    /// The C address of this node.
    #[inline]
    pub fn address(&self) -> usize {
        self.node.as_ptr() as usize
    }

    /// Number of nodes from this one to the end.
    pub fn length(&self) -> PyResult<usize> {
        let node = self.node()?;
        // SAFETY: the node is alive; walking stops at NULL or after `MAX_NODES`.
        unsafe { crate::glist::length(node.cast()) }
    }

    /// `__repr__`: the node's address.
    pub fn repr(&self) -> String {
        format!("<GList node at {:#x}>", self.address())
    }

    /// A cursor for iterating from this node (its liveness checked).
    #[inline]
    pub fn cursor(&self) -> PyResult<Cursor> {
        Ok(Cursor(AtomicUsize::new(self.node()? as usize)))
    }

    /// The next element of an iteration over this list, advancing `cursor`
    /// (None at the end): a typed view, or a tracked capsule for an untyped list.
    #[inline]
    pub fn next_element(&self, py: Python<'_>, cursor: &Cursor) -> PyResult<Option<Py<PyAny>>> {
        self.node()?;
        let node = cursor.0.load(Ordering::Relaxed) as *mut GListNode;
        if node.is_null() {
            return Ok(None);
        }
        // SAFETY: the list's epoch is alive (`node()` just checked it), so no
        // node of it was freed since the cursor read this one from the list.
        let (data, next) = unsafe { ((*node).data, (*node).next) };
        cursor.0.store(next as usize, Ordering::Relaxed);
        self.element_value(py, data).map(Some)
    }

    /// The Python value of an element pointer: a typed view, or a tracked capsule.
    fn element_value(&self, py: Python<'_>, data: *mut c_void) -> PyResult<Py<PyAny>> {
        match self.list.element {
            Some(e) => (e.make)(py, &self.list.elements, self.keep(py), data),
            None => crate::pointer::to_tracked_capsule(py, data, &self.list.elements).map(Bound::unbind),
        }
    }
}

/// Where an iteration over a list is: the next node's address (0 at the
/// end). Atomic so a frozen iterator object can advance it under the GIL.
#[derive(Debug)]
pub struct Cursor(AtomicUsize);

/// The `GList` class and its iterator in a generated module:
/// `glist_class!("module")`. `GList` dereferences to [`ListNode`], so
/// generated functions call `for_call` and `elements` on it directly.
#[macro_export]
macro_rules! glist_class {
    ($module:literal) => {
        /// A node of a GLib list, as pyds exposes it (`data`, `next`, `prev`), also
        /// iterable over its typed elements when the spec names them.
        #[::pyo3::pyclass(name = "GList", module = $module, frozen)]
        pub struct GList($crate::list_class::ListNode);

        impl ::std::ops::Deref for GList {
            type Target = $crate::list_class::ListNode;

            #[inline(always)]
            fn deref(&self) -> &$crate::list_class::ListNode {
                &self.0
            }
        }

        impl GList {
            /// The head node of the list whose head pointer is at `slot` inside a
            /// struct whose views hold `container` (None for an empty list).
            #[inline]
            pub(crate) fn over(
                keep: ::std::option::Option<::pyo3::Py<::pyo3::PyAny>>,
                container: &$crate::Token,
                slot: *const ::std::ffi::c_void,
                head: *mut $crate::glist::GListNode,
                element: ::std::option::Option<&'static $crate::list_class::ElementType>,
            ) -> ::std::option::Option<GList> {
                $crate::list_class::ListNode::over(keep, container, slot, head, element).map(GList)
            }
        }

        #[::pyo3::pymethods]
        impl GList {
            /// The element pointer as a capsule (pass it to the element class's `cast`).
            #[getter]
            fn data<'py>(&self, py: ::pyo3::Python<'py>) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
                self.0.data(py)
            }

            /// Python class name of the elements, or None for an untyped list.
            #[getter(element_type)]
            fn get_element_type(&self) -> ::std::option::Option<&'static str> {
                self.0.element_type()
            }

            /// The C address of this node (so a GList can be passed where C takes a `GList*`).
            #[getter]
            fn address(&self) -> usize {
                self.0.address()
            }

            /// The next node, or None at the end.
            #[getter]
            fn next(&self) -> ::pyo3::PyResult<::std::option::Option<GList>> {
                Ok(self.0.neighbour(|n| n.next)?.map(GList))
            }

            /// The previous node, or None at the start.
            #[getter]
            fn prev(&self) -> ::pyo3::PyResult<::std::option::Option<GList>> {
                Ok(self.0.neighbour(|n| n.prev)?.map(GList))
            }

            fn __len__(&self) -> ::pyo3::PyResult<usize> {
                self.0.length()
            }

            fn __iter__(slf: &::pyo3::Bound<'_, Self>) -> ::pyo3::PyResult<GListIter> {
                Ok(GListIter { cursor: slf.get().0.cursor()?, list: slf.clone().unbind() })
            }

            fn __repr__(&self) -> String {
                self.0.repr()
            }
        }

        /// Iterator over a list's elements (typed views, or capsules for untyped lists).
        #[::pyo3::pyclass(module = $module, frozen)]
        pub struct GListIter {
            list: ::pyo3::Py<GList>,
            cursor: $crate::list_class::Cursor,
        }

        #[::pyo3::pymethods]
        impl GListIter {
            fn __iter__(slf: ::pyo3::Bound<'_, Self>) -> ::pyo3::Bound<'_, Self> {
                slf
            }

            fn __next__(&self, py: ::pyo3::Python<'_>) -> ::pyo3::PyResult<::std::option::Option<::pyo3::Py<::pyo3::PyAny>>> {
                self.list.get().0.next_element(py, &self.cursor)
            }
        }
    };
}
