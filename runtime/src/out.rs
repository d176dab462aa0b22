//! Results of module functions with out-parameters: the C return value
//! (unless it is a status or `void`) followed by every value C wrote,
//! returned as one value or a tuple.

use pyo3::prelude::*;
use pyo3::types::PyTuple;

/// `None` for no value, the value itself for one, a tuple for several.
pub fn pack(py: Python<'_>, mut values: Vec<Py<PyAny>>) -> PyResult<Py<PyAny>> {
    match values.len() {
        0 => Ok(py.None()),
        1 => Ok(values.remove(0)),
        _ => Ok(PyTuple::new(py, values)?.into_any().unbind()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_value_is_not_a_tuple() {
        Python::initialize();
        Python::attach(|py| {
            assert!(pack(py, vec![]).unwrap().is_none(py));
            let one = pack(py, vec![1i32.into_pyobject(py).unwrap().into_any().unbind()]).unwrap();
            assert_eq!(one.extract::<i32>(py).unwrap(), 1);
            let two = pack(py, vec![py.None(), py.None()]).unwrap();
            assert_eq!(two.bind(py).cast::<PyTuple>().unwrap().len(), 2);
        });
    }
}
