//! The pyds-compatible `GList` class of every generated module: a node view
//! (`data`, `next`, `prev`, `address`), its length, and iteration over typed
//! elements. [`ListNode`] holds the whole behaviour; [`glist_class!`](crate::glist_class!)
//! wraps it in the `#[pyclass]` pair `GList` / `GListIter` under the
//! module's own name, one line in the generated crate. `data`, `next` and
//! `prev`, read once per element in the pyds idiom, are raw getset
//! descriptors ([`install`], called after `add_class`), not PyO3 getters.
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

use pyo3::PyClass;
use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::pyclass::boolean_struct::True;
use pyo3::pyclass_init::PyClassInitializer;

use crate::getset::ScalarField;
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

/// A module's `GList` class (made by [`glist_class!`](crate::glist_class!)):
/// a frozen class over one [`ListNode`].
pub trait ListClass: PyClass<Frozen = True> + Sync + Into<PyClassInitializer<Self>> {
    /// The class object of a node.
    fn wrap(node: ListNode) -> Self;
    /// The node this object views.
    fn node(&self) -> &ListNode;
}

/// Serves `data`, `next` and `prev` of `L` with raw getset descriptors
/// (call right after `add_class`): like the fields of
/// [`crate::getset`], they run without PyO3's getter trampoline; every
/// error is raised from a cold path, with the messages the PyO3 getters gave.
pub fn install<L: ListClass>(py: Python<'_>) -> PyResult<()> {
    let node = |name, doc, get| ScalarField { name, doc, offset: 0, what: "GList", get, set: None };
    let fields = vec![
        node(c"data", c"The element pointer as a capsule (pass it to the element class's `cast`).", get_data::<L> as ffi::getter),
        node(c"next", c"The next node, or None at the end.", get_next::<L>),
        node(c"prev", c"The previous node, or None at the start.", get_prev::<L>),
    ];
    crate::getset::install_on(&L::type_object(py), Box::leak(fields.into_boxed_slice()))
}

/// The node viewed by the `L` object `slf`.
///
/// # Safety
/// `slf` is a live instance of `L` (CPython's descriptor checked its type)
/// and the GIL is held; the reference does not outlive the call.
#[inline(always)]
unsafe fn node_of<'a, L: ListClass>(slf: *mut ffi::PyObject) -> &'a ListNode {
    // SAFETY: the GIL is held (contract).
    let py = unsafe { Python::assume_attached() };
    // SAFETY: `slf` is a live `L` (contract); `ref_from_ptr` only reinterprets it.
    let object: &L = unsafe { Bound::ref_from_ptr(py, &slf).cast_unchecked::<L>() }.get();
    // SAFETY: the object outlives this descriptor call, which `'a` stays within (contract).
    unsafe { &*std::ptr::from_ref(object.node()) }
}

/// A new reference to the result of a descriptor read, or NULL with `err` raised.
#[inline(always)]
fn into_raw_result(result: PyResult<*mut ffi::PyObject>) -> *mut ffi::PyObject {
    result.unwrap_or_else(|err| {
        crate::getset::raise(|| err);
        std::ptr::null_mut()
    })
}

/// A new `L` object for `node`, or None (the end of the list).
#[inline(always)]
fn node_object<L: ListClass>(py: Python<'_>, node: Option<ListNode>) -> PyResult<*mut ffi::PyObject> {
    match node {
        Some(node) => Ok(Bound::new(py, L::wrap(node))?.into_ptr()),
        None => Ok(py.None().into_ptr()),
    }
}

/// The node `pick` reads from the `L` object `slf`, as a new object.
///
/// # Safety
/// As [`node_of`].
#[inline(always)]
unsafe fn neighbour_object<L: ListClass>(slf: *mut ffi::PyObject, pick: fn(&GListNode) -> *mut GListNode) -> *mut ffi::PyObject {
    // SAFETY: the GIL is held (contract).
    let py = unsafe { Python::assume_attached() };
    // SAFETY: forwarded contract.
    let node = unsafe { node_of::<L>(slf) };
    into_raw_result(node.neighbour(pick).and_then(|n| node_object::<L>(py, n)))
}

/// `node.next` of a `GList`: the next node, or None at the end.
///
/// # Safety
/// Called by CPython as the `get` of a descriptor made by [`install`] for `L`.
unsafe extern "C" fn get_next<L: ListClass>(slf: *mut ffi::PyObject, _closure: *mut c_void) -> *mut ffi::PyObject {
    // SAFETY: the descriptor's contract (see `node_of`).
    unsafe { neighbour_object::<L>(slf, |n| n.next) }
}

/// `node.prev` of a `GList`: the previous node, or None at the start.
///
/// # Safety
/// Called by CPython as the `get` of a descriptor made by [`install`] for `L`.
unsafe extern "C" fn get_prev<L: ListClass>(slf: *mut ffi::PyObject, _closure: *mut c_void) -> *mut ffi::PyObject {
    // SAFETY: the descriptor's contract (see `node_of`).
    unsafe { neighbour_object::<L>(slf, |n| n.prev) }
}

/// `node.data` of a `GList`: the element pointer as a capsule ([`ListNode::data`]).
///
/// # Safety
/// Called by CPython as the `get` of a descriptor made by [`install`] for `L`.
unsafe extern "C" fn get_data<L: ListClass>(slf: *mut ffi::PyObject, _closure: *mut c_void) -> *mut ffi::PyObject {
    // SAFETY: the descriptor's contract: the GIL is held, `slf` is a live `L`.
    let py = unsafe { Python::assume_attached() };
    // SAFETY: as above.
    let node = unsafe { node_of::<L>(slf) };
    into_raw_result(node.data(py).map(Bound::into_ptr))
}

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

        impl $crate::list_class::ListClass for GList {
            #[inline(always)]
            fn wrap(node: $crate::list_class::ListNode) -> Self {
                GList(node)
            }

            #[inline(always)]
            fn node(&self) -> &$crate::list_class::ListNode {
                &self.0
            }
        }

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
