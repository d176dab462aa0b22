"""pyds defects (reference §6b) that the generated module fixes, each
checked against the behaviour pyds has."""

from __future__ import annotations

import gc

import pytest

import pyds


def test_dropping_wrappers_never_frees_sdk_memory():
    # pyds: take_ownership on nvds_create_batch_meta / acquire_frame / get_nth_frame
    batch = pyds.nvds_create_batch_meta(1)
    address = batch.address
    frame = pyds.nvds_acquire_frame_meta_from_pool(batch)
    frame_address = frame.address
    pyds.nvds_add_frame_meta_to_batch(batch, frame)
    del batch, frame
    gc.collect()
    again = pyds.NvDsBatchMeta.cast(address)
    assert again.max_frames_in_batch == 1
    assert again.num_frames_in_batch == 1
    nth = pyds.nvds_get_nth_frame_meta(again.frame_meta_list, 0)
    assert nth.address == frame_address
    del nth
    gc.collect()
    assert pyds.NvDsFrameMeta.cast(frame_address).batch_id == 0
    assert pyds.nvds_destroy_batch_meta(again)


def test_destroyed_batch_views_raise_reference_error():
    batch = pyds.nvds_create_batch_meta(1)
    frame = pyds.nvds_acquire_frame_meta_from_pool(batch)
    obj = pyds.nvds_acquire_obj_meta_from_pool(batch)
    rect = obj.rect_params
    pyds.nvds_destroy_batch_meta(batch)
    for view, attr in ((batch, "num_frames_in_batch"), (frame, "frame_num"), (obj, "class_id"), (rect, "left")):
        with pytest.raises(ReferenceError):
            getattr(view, attr)


@pytest.mark.parametrize(
    "make, field, size",
    [
        (lambda b: pyds.nvds_acquire_obj_meta_from_pool(b), "obj_label", 128),
        (lambda b: pyds.nvds_acquire_label_info_meta_from_pool(b), "result_label", 128),
        (lambda b: pyds.NvDsTargetMiscDataObject(), "objLabel", 128),
        (lambda b: pyds.NvDsObjEncUsrArgs(), "fileNameImg", 1024),
    ],
)
def test_char_arrays_bounded_and_terminated(batch, make, field, size):
    target = make(batch)
    setattr(target, field, "person")
    setattr(target, field, "car")
    assert getattr(target, field) == "car"
    with pytest.raises(ValueError):
        setattr(target, field, "z" * size)  # pyds overflows into the next field
    assert getattr(target, field) == "car"


def test_char_pointer_fields_are_strings_not_addresses(batch):
    vehicle = pyds.NvDsVehicleObject()
    vehicle.make = "Acme"
    vehicle.make = "Acme2"  # pyds leaks the first buffer; ours frees it
    assert vehicle.make == "Acme2"  # pyds returns an int address here
    assert pyds.get_string(vehicle.make) == "Acme2"  # old scripts keep working
    label = pyds.nvds_acquire_label_info_meta_from_pool(batch)
    label.pResult_label = "temporary " + "text"  # pyds keeps a dangling pointer
    gc.collect()
    assert label.pResult_label == "temporary text"
    ext = pyds.NvDsVehicleObjectExt()
    ext.license = "AB" + "12"
    gc.collect()
    assert ext.license == "AB12"


def test_numpy_views_keep_their_owner_alive():
    obj = pyds.NvDsObjectMeta()
    info = obj.misc_obj_info
    assert isinstance(info.base, pyds.NvDsObjectMeta)  # pyds: dummy base
    del obj
    gc.collect()
    info[:] = [1, 2, 3, 4]  # memory still owned by the (kept-alive) struct
    assert info.tolist() == [1, 2, 3, 4]


def test_display_meta_lists_are_views(batch):
    display = pyds.nvds_acquire_display_meta_from_pool(batch)
    display.rect_params[3].border_width = 7
    display.text_params[15].display_text = "last"
    assert display.rect_params[3].border_width == 7
    assert display.text_params[15].display_text == "last"
    assert display.rect_params[3].address - display.rect_params[2].address == 112  # sizeof NvOSD_RectParams


def test_layer_info_dims_alias():
    layer = pyds.NvDsInferLayerInfo()
    assert layer.dims.address == layer.inferDims.address  # one union member, two names
    attr = pyds.NvDsInferAttribute()
    assert attr.atttributeIndex == attr.attributeIndex == 0


def test_unset_callback_funcs_clears_registry(batch):
    user = pyds.nvds_acquire_user_meta_from_pool(batch)
    user.base_meta.meta_type = pyds.nvds_get_user_meta_type("NVIDIA.DEFECT.TEST")
    pyds.user_copyfunc(user, lambda data, user_data: None)
    assert user.base_meta.copy_func is not None
    assert pyds.unset_callback_funcs() >= 1
    assert user.base_meta.copy_func is None
    with pytest.raises(TypeError):
        pyds.user_releasefunc(user, 42)
