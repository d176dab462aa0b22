//! pyds's deprecated `glist_get_*` cast helpers.
//!
//! Why hand-written: they are pyds binding-level aliases, not SDK functions.
//! Each one is exactly `Class.cast(data)`, so it follows the same rules
//! (`docs/memory-model.md`, "cast and raw addresses"): capsules read from
//! tracked views keep their liveness check, a typed list's `.data` casts
//! only to its element class, a list node itself is refused, and an `int`
//! is probed for readability. Old scripts call them positionally.

use crate::*;

/// Calls `cls.cast(data)` on the generated class.
fn cast_as<T: pyo3::PyTypeInfo>(data: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
    Ok(data.py().get_type::<T>().call_method1("cast", (data,))?.unbind())
}

macro_rules! glist_casts {
    ($($name:ident => $class:ident),* $(,)?) => {
        $(
            #[doc = concat!("Deprecated pyds alias of `", stringify!($class), ".cast(data)`.")]
            #[pyfunction]
            #[pyo3(signature = (data, /))]
            fn $name(data: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
                cast_as::<$class>(data)
            }
        )*

        /// Registers this helper's functions.
        pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
            $(m.add_function(wrap_pyfunction!($name, m)?)?;)*
            Ok(())
        }
    };
}

glist_casts! {
    glist_get_nvds_batch_meta => NvDsBatchMeta,
    glist_get_nvds_frame_meta => NvDsFrameMeta,
    glist_get_nvds_object_meta => NvDsObjectMeta,
    glist_get_nvds_user_meta => NvDsUserMeta,
    glist_get_nvds_classifier_meta => NvDsClassifierMeta,
    glist_get_nvds_display_meta => NvDsDisplayMeta,
    glist_get_nvds_label_info => NvDsLabelInfo,
    glist_get_nvds_event_msg_meta => NvDsEventMsgMeta,
    glist_get_nvds_vehicle_object => NvDsVehicleObject,
    glist_get_nvds_person_object => NvDsPersonObject,
    glist_get_nvds_tensor_meta => NvDsInferTensorMeta,
    glist_get_nvds_Surface_Params => NvBufSurfaceParams,
}
