"""End to end: frame pixels through `get_nvds_buf_surface` on NVMM buffers
made by the stand-in `nvvideoconvertsim`."""

from __future__ import annotations

import gc

import numpy as np
import pytest

import pyds
from ds_pipeline import Gst, run_pipeline

NVMM = (
    "videotestsrc num-buffers=2 pattern=solid-color foreground-color=0xff204060 ! "
    "video/x-raw,format=RGBA,width=64,height=48 ! nvvideoconvertsim ! nvinfersim name=infer objects=1 ! fakesink"
)


def test_surface_pixels_shape_and_lifetime():
    kept = []

    def probe(buffer):
        frame = pyds.gst_buffer_get_nvds_batch_meta(hash(buffer)).frame_meta_list.data
        batch_id = pyds.NvDsFrameMeta.cast(frame).batch_id
        pixels = pyds.get_nvds_buf_surface(hash(buffer), batch_id)
        assert pixels.shape == (48, 64, 4) and pixels.dtype == np.uint8
        assert pixels[0, 0].tolist() == [0x20, 0x40, 0x60, 0xFF]  # RGBA of the solid colour
        assert (pixels == pixels[0, 0]).all()
        with pytest.raises(IndexError):
            pyds.get_nvds_buf_surface(hash(buffer), 1)
        with pytest.raises(ValueError, match="CUDA"):
            pyds.get_nvds_buf_surface_gpu(hash(buffer), 0)
        pyds.unmap_nvds_buf_surface(hash(buffer), 0)
        kept.append(pixels)

    run_pipeline(NVMM, probe)
    gc.collect()
    # the arrays pin their memory blocks: still readable after the pipeline stopped
    assert [k[5, 5].tolist() for k in kept] == [[0x20, 0x40, 0x60, 0xFF]] * 2


def test_plain_video_buffer_is_refused():
    errors = []

    def probe(buffer):
        with pytest.raises(ValueError, match="NvBufSurface"):
            pyds.get_nvds_buf_surface(hash(buffer), 0)
        errors.append(1)

    run_pipeline("videotestsrc num-buffers=1 ! video/x-raw,width=64,height=48 ! nvinfersim name=infer ! fakesink", probe)
    assert errors == [1]


def test_object_encoder_with_buffer_address():
    crops = []
    ctx = pyds.nvds_obj_enc_create_context(0)

    def probe(buffer):
        batch = pyds.gst_buffer_get_nvds_batch_meta(hash(buffer))
        frame = pyds.NvDsFrameMeta.cast(batch.frame_meta_list.data)
        obj = pyds.NvDsObjectMeta.cast(frame.obj_meta_list.data)
        args = pyds.NvDsObjEncUsrArgs()
        args.attachUsrMeta = True
        args.quality = 80
        assert pyds.nvds_obj_enc_process(ctx, args, hash(buffer), obj, frame)  # pyds passes the buffer address
        pyds.nvds_obj_enc_finish(ctx)
        for user in obj.obj_user_meta_list:
            if user.base_meta.meta_type == pyds.NvDsMetaType.NVDS_CROP_IMAGE_META:
                out = pyds.NvDsObjEncOutParams.cast(user.user_meta_data)
                jpeg = out.outBuffer()
                crops.append(bytes(jpeg[:2]))
        not_a_buffer = pyds.NvDsObjEncUsrArgs()
        with pytest.raises(TypeError, match="not a GstBuffer"):
            pyds.nvds_obj_enc_process(ctx, args, not_a_buffer.address, obj, frame)
        system_memory = Gst.Buffer.new_wrapped(b"not a surface")
        with pytest.raises(ValueError, match="does not hold one NvBufSurface"):
            pyds.nvds_obj_enc_process(ctx, args, system_memory, obj, frame)

    run_pipeline(NVMM, probe)
    pyds.nvds_obj_enc_destroy_context(ctx)
    assert crops == [b"\xff\xd8"] * 2  # JPEG start-of-image
