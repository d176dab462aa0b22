//! Static read-only properties (a `Timestamp.UNSET`-like class constant): a descriptor stored as a
//! class attribute whose `__get__` builds a new object on every access, from
//! the class and from instances alike. Assignment through an instance raises
//! AttributeError because the descriptor defines `__set__`.

use pyo3::exceptions::PyAttributeError;
use pyo3::prelude::*;

/// Builds the property's value.
pub type Make = fn(Python<'_>) -> PyResult<Py<PyAny>>;

/// A static property: `__get__` calls `make`.
#[pyclass(module = "bindery_runtime", name = "static_property", frozen)]
pub struct StaticProperty {
    make: Make,
}

impl StaticProperty {
    /// A property whose value comes from `make`.
    pub fn new(make: Make) -> Self {
        StaticProperty { make }
    }
}

#[pymethods]
impl StaticProperty {
    fn __get__(&self, py: Python<'_>, _obj: Option<Py<PyAny>>, _ty: Option<Py<PyAny>>) -> PyResult<Py<PyAny>> {
        (self.make)(py)
    }

    fn __set__(&self, _obj: Py<PyAny>, _value: Py<PyAny>) -> PyResult<()> {
        Err(PyAttributeError::new_err("can't set attribute"))
    }
}
