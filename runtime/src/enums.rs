//! C enums as real `enum.IntEnum` subclasses, created once per module at
//! import, with a value → member table so field reads cost one dict lookup.
//! A generated module lists its enums in one static table of [`EnumEntry`]
//! rows and registers them all with [`register_all`].

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyInt, PyList, PyTuple};

/// One generated enum: its class and member table, filled at module init.
pub struct EnumClass {
    name: &'static str,
    open: bool,
    class: PyOnceLock<Py<PyAny>>,
    members: PyOnceLock<Py<PyDict>>,
}

impl EnumClass {
    /// An empty slot for the enum called `name` (usable in a `static`).
    pub const fn new(name: &'static str) -> Self {
        EnumClass { name, open: false, class: PyOnceLock::new(), members: PyOnceLock::new() }
    }

    /// Like [`EnumClass::new`], for an enum whose C values are extended at run
    /// time: any int is accepted, non-members read back as plain ints.
    pub const fn open(name: &'static str) -> Self {
        EnumClass { name, open: true, class: PyOnceLock::new(), members: PyOnceLock::new() }
    }

    /// Creates the IntEnum class in `module` (idempotent) and returns it.
    pub fn create<'py>(&self, module: &Bound<'py, PyModule>, values: &[(&str, i64)], doc: &str) -> PyResult<Bound<'py, PyAny>> {
        let py = module.py();
        let class = self.class.get_or_try_init(py, || -> PyResult<Py<PyAny>> {
            let enum_mod = py.import("enum")?;
            let pairs = PyList::empty(py);
            for (name, value) in values {
                pairs.append(PyTuple::new(py, [name.into_pyobject(py)?.into_any(), value.into_pyobject(py)?.into_any()])?)?;
            }
            let kwargs = PyDict::new(py);
            kwargs.set_item("module", module.name()?)?;
            let class = enum_mod.getattr("IntEnum")?.call((self.name, pairs), Some(&kwargs))?;
            class.setattr("__doc__", doc)?;
            Ok(class.unbind())
        })?;
        let class = class.bind(py).clone();
        self.members.get_or_try_init(py, || -> PyResult<Py<PyDict>> {
            let table = PyDict::new(py);
            for member in class.try_iter()? {
                let member = member?;
                table.set_item(member.getattr("value")?, &member)?;
            }
            Ok(table.unbind())
        })?;
        Ok(class)
    }

    /// The member for `value`, or a plain int when the C value is not a known member.
    pub fn member<'py>(&self, py: Python<'py>, value: i64) -> PyResult<Bound<'py, PyAny>> {
        if let Some(table) = self.members.get(py) {
            if let Some(m) = table.bind(py).get_item(value)? {
                return Ok(m);
            }
        }
        Ok(value.into_pyobject(py)?.into_any())
    }

    /// Converts a member or int to the C value; ints that are not members raise `ValueError`.
    pub fn value(&self, value: &Bound<'_, PyAny>, what: &str) -> PyResult<i64> {
        let py = value.py();
        if !value.is_instance_of::<PyInt>() {
            return Err(PyTypeError::new_err(format!("{what}: expected {} or int, got {}", self.name, crate::ints::type_name(value))));
        }
        let v: i64 = value.extract()?;
        let known = self.open || self.members.get(py).map(|t| t.bind(py).contains(v)).transpose()?.unwrap_or(true);
        if !known {
            return Err(PyValueError::new_err(format!("{what}: {v} is not a valid {}", self.name)));
        }
        Ok(v)
    }
}

/// One row of a generated module's enum table.
pub struct EnumEntry {
    /// The enum's class slot (its name is the Python class name).
    pub class: &'static EnumClass,
    /// Members in declaration order: (name, C value).
    pub members: &'static [(&'static str, i64)],
    /// The class docstring.
    pub doc: &'static str,
    /// Whether each member is also a module attribute (as pyds does).
    pub export_values: bool,
}

/// Creates each enum class of `entries` in order, adds it to `module` under
/// its name and, for entries that export their values, each member under its
/// own name.
pub fn register_all(module: &Bound<'_, PyModule>, entries: &[EnumEntry]) -> PyResult<()> {
    for entry in entries {
        let class = entry.class.create(module, entry.members, entry.doc)?;
        module.add(entry.class.name, &class)?;
        if entry.export_values {
            for (name, _) in entry.members {
                module.add(*name, class.getattr(*name)?)?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    static COLOR: EnumClass = EnumClass::new("Color");

    #[test]
    fn intenum_members_and_checks() {
        Python::initialize();
        Python::attach(|py| {
            let m = PyModule::new(py, "m").unwrap();
            let cls = COLOR.create(&m, &[("RED", 0), ("BLUE", 7)], "Colours.").unwrap();
            let member = COLOR.member(py, 7).unwrap();
            assert!(member.is_instance(&cls).unwrap());
            assert_eq!(member.getattr("name").unwrap().to_string(), "BLUE");
            assert!(COLOR.member(py, 3).unwrap().is_exact_instance_of::<PyInt>());
            assert_eq!(COLOR.value(&member, "f").unwrap(), 7);
            let bad = 3i64.into_pyobject(py).unwrap().into_any();
            assert!(COLOR.value(&bad, "f").unwrap_err().is_instance_of::<PyValueError>(py));
            let s = "RED".into_pyobject(py).unwrap().into_any();
            assert!(COLOR.value(&s, "f").unwrap_err().is_instance_of::<PyTypeError>(py));
            let int_enum = py.import("enum").unwrap().getattr("IntEnum").unwrap();
            assert!(cls.cast::<pyo3::types::PyType>().unwrap().is_subclass(&int_enum).unwrap());
        });
    }

    static SHAPE: EnumClass = EnumClass::new("Shape");
    static SIDE: EnumClass = EnumClass::new("Side");
    static TABLE: &[EnumEntry] = &[
        EnumEntry { class: &SHAPE, members: &[("SQUARE", 1), ("ROUND", -2)], doc: "Shapes.", export_values: true },
        EnumEntry { class: &SIDE, members: &[("LEFT", 0)], doc: "Sides.", export_values: false },
    ];

    #[test]
    fn register_all_adds_classes_and_exported_values() {
        Python::initialize();
        Python::attach(|py| {
            let m = PyModule::new(py, "m3").unwrap();
            register_all(&m, TABLE).unwrap();
            let shape = m.getattr("Shape").unwrap();
            assert_eq!(shape.getattr("__doc__").unwrap().to_string(), "Shapes.");
            let round = m.getattr("ROUND").unwrap();
            assert!(round.is(shape.getattr("ROUND").unwrap()));
            assert_eq!(round.getattr("value").unwrap().extract::<i64>().unwrap(), -2);
            assert!(SHAPE.member(py, 1).unwrap().is(m.getattr("SQUARE").unwrap()));
            assert!(m.getattr("Side").unwrap().getattr("LEFT").is_ok());
            assert!(m.getattr("LEFT").is_err(), "values of an enum that does not export them stay off the module");
        });
    }

    static KIND: EnumClass = EnumClass::open("Kind");

    #[test]
    fn open_enum_accepts_non_members() {
        Python::initialize();
        Python::attach(|py| {
            let m = PyModule::new(py, "m2").unwrap();
            KIND.create(&m, &[("A", 1)], "Kinds.").unwrap();
            let custom = 9797i64.into_pyobject(py).unwrap().into_any();
            assert_eq!(KIND.value(&custom, "f").unwrap(), 9797);
            assert!(KIND.member(py, 9797).unwrap().is_exact_instance_of::<PyInt>());
            let s = "A".into_pyobject(py).unwrap().into_any();
            assert!(KIND.value(&s, "f").unwrap_err().is_instance_of::<PyTypeError>(py));
        });
    }
}
