//! Unit tests of capsules and the address forms `cast` and setters accept.

use super::*;

fn int(py: Python<'_>, v: usize) -> Bound<'_, PyAny> {
    v.into_pyobject(py).unwrap().into_any()
}

#[test]
fn capsule_round_trip_and_forms() {
    Python::initialize();
    Python::attach(|py| {
        let mut x = 5u32;
        let p = (&mut x as *mut u32).cast::<c_void>();
        let cap = to_capsule(py, p).unwrap();
        assert_eq!(address_of(&cap, "t").unwrap(), p);
        assert_eq!(address_of(&int(py, p as usize), "t").unwrap(), p);
        assert!(to_capsule(py, std::ptr::null_mut()).unwrap().is_none());
        assert!(address_of(&py.None().into_bound(py), "t").unwrap().is_null());
        let s = "x".into_pyobject(py).unwrap().into_any();
        assert!(address_of(&s, "t").unwrap_err().is_instance_of::<PyTypeError>(py));
        let neg = (-1i64).into_pyobject(py).unwrap().into_any();
        assert!(address_of(&neg, "t").is_err());
    });
}

#[test]
fn field_address_refuses_ints_unless_accepted() {
    Python::initialize();
    Python::attach(|py| {
        let err = field_address(&int(py, 0x40), "T.f", IntAddresses::Refused).unwrap_err();
        assert!(err.is_instance_of::<PyTypeError>(py));
        assert!(err.to_string().contains("raw int addresses"), "{err}");
        let unmapped = field_address(&int(py, 0x40), "T.f", IntAddresses::Accepted).unwrap_err();
        assert!(unmapped.is_instance_of::<PyValueError>(py), "accepted ints are probed: {unmapped}");
        let mut byte = 7u8;
        let mapped = &raw mut byte as usize;
        assert_eq!(field_address(&int(py, mapped), "T.f", IntAddresses::Accepted).unwrap() as usize, mapped);
        assert!(field_address(&int(py, 0), "T.f", IntAddresses::Accepted).unwrap().is_null(), "0 is NULL");
        let truth = pyo3::types::PyBool::new(py, true).to_owned().into_any();
        assert!(field_address(&truth, "T.f", IntAddresses::Accepted).unwrap_err().is_instance_of::<PyTypeError>(py));
    });
}

#[test]
fn objects_with_an_address_attribute_are_not_addresses() {
    Python::initialize();
    Python::attach(|py| {
        let node = py.eval(c"type('GList', (), {'address': 4096})()", None, None).unwrap();
        for ints in [IntAddresses::Accepted, IntAddresses::Refused] {
            let err = cast_target(&node, "T", 8, ints).unwrap_err();
            assert!(err.is_instance_of::<PyTypeError>(py));
            assert!(err.to_string().contains("`.data`"), "{err}");
            assert!(field_address(&node, "T.f", ints).unwrap_err().is_instance_of::<PyTypeError>(py));
        }
    });
}

#[test]
fn cast_of_int_is_probed_and_opt_in() {
    Python::initialize();
    Python::attach(|py| {
        let x = [3u64; 4];
        let addr = int(py, x.as_ptr() as usize);
        let (ptr, token, _) = cast_target(&addr, "T", 32, IntAddresses::Accepted).unwrap();
        assert_eq!(ptr.as_ptr() as usize, x.as_ptr() as usize);
        assert!(token.is_immortal());
        assert!(cast_target(&addr, "T", 32, IntAddresses::Refused).unwrap_err().is_instance_of::<PyTypeError>(py));
        let bad = cast_target(&int(py, 0x18), "T", 32, IntAddresses::Accepted).unwrap_err();
        assert!(bad.is_instance_of::<PyValueError>(py), "{bad}");
        let zero = cast_target(&int(py, 0), "T", 32, IntAddresses::Accepted).unwrap_err();
        assert!(zero.is_instance_of::<PyValueError>(py));
        let none = py.None().into_bound(py);
        assert!(cast_target(&none, "T", 8, IntAddresses::Accepted).unwrap_err().is_instance_of::<PyTypeError>(py));
    });
}

#[test]
fn tracked_capsule_carries_its_token() {
    Python::initialize();
    Python::attach(|py| {
        let mut x = 9u32;
        let p = (&mut x as *mut u32).cast::<c_void>();
        let token = Token::new();
        let cap = to_tracked_capsule(py, p, &token).unwrap();
        assert_eq!(address_of(&cap, "t").unwrap(), p);
        assert!(unsafe { ffi::PyCapsule_GetName(cap.as_ptr()) }.is_null(), "unnamed, as pyds capsules");
        let (ptr, got, _) = cast_target(&cap, "T", 4, IntAddresses::Refused).unwrap();
        assert_eq!(ptr.as_ptr(), p);
        assert!(got.same_as(&token));
        assert_eq!(class_of(&cap), None);
        token.kill();
        assert!(!token_of(&cap).is_alive());
        assert!(token_of(&to_capsule(py, p).unwrap()).is_immortal());
        assert!(token_of(&to_tracked_capsule(py, p, &Token::immortal()).unwrap()).is_immortal());
    });
}

#[test]
fn typed_capsule_casts_only_to_its_class() {
    Python::initialize();
    Python::attach(|py| {
        let mut x = 1u64;
        let p = (&mut x as *mut u64).cast::<c_void>();
        let token = Token::new();
        let cap = to_typed_capsule(py, p, &Typed::new(token.clone(), "Frame")).unwrap();
        assert_eq!(class_of(&cap), Some("Frame"));
        assert!(unsafe { ffi::PyCapsule_GetName(cap.as_ptr()) }.is_null());
        let (_, got, _) = cast_target(&cap, "Frame", 8, IntAddresses::Refused).unwrap();
        assert!(got.same_as(&token));
        let err = cast_target(&cap, "Object", 8, IntAddresses::Accepted).unwrap_err();
        assert!(err.is_instance_of::<PyTypeError>(py));
        assert!(err.to_string().contains("points to a Frame"), "{err}");
        assert_eq!(address_of(&cap, "t").unwrap(), p, "functions still take it as an address");
    });
}

#[test]
fn typed_capsules_share_one_context_and_release_it() {
    Python::initialize();
    Python::attach(|py| {
        let mut x = 1u64;
        let p = (&mut x as *mut u64).cast::<c_void>();
        let token = Token::new();
        let typed = Typed::new(token.clone(), "Object");
        let (a, b) = (to_typed_capsule(py, p, &typed).unwrap(), to_typed_capsule(py, p, &typed).unwrap());
        assert_eq!(Arc::strong_count(&typed), 3, "one handle per capsule, no copy of the context");
        assert_eq!((class_of(&a), class_of(&b)), (Some("Object"), Some("Object")));
        assert!(to_typed_capsule(py, std::ptr::null_mut(), &typed).unwrap().is_none());
        drop((a, b));
        assert_eq!(Arc::strong_count(&typed), 1, "the capsules released their handles");
        token.kill();
        let dead = to_typed_capsule(py, p, &typed).unwrap();
        assert!(!token_of(&dead).is_alive(), "the capsule carries the element's token");
    });
}
