"""End to end: detections with low confidence and a model's own labels,
the patterns of deepstream-imagedata-multistream (it looks for objects
with 0.3 < confidence < 0.4 and then reads the frame's pixels) and
deepstream-imagedata-multistream-redaction (PeopleNet's three classes,
counted in a dict keyed by class id)."""

from __future__ import annotations

import numpy as np

import pyds
from ds_pipeline import chain, run_pipeline

NVMM = "video/x-raw,format=RGBA,width=320,height=240"


def test_borderline_confidence_objects_and_their_frame():
    borderline, frames = [], []

    def probe(buffer):
        batch_meta = pyds.gst_buffer_get_nvds_batch_meta(hash(buffer))
        for frame_meta in batch_meta.frame_meta_list:
            hits = [obj for obj in frame_meta.obj_meta_list if 0.3 < obj.confidence < 0.4]
            assert all(0.25 <= obj.confidence <= 0.45 for obj in frame_meta.obj_meta_list)
            if hits:
                n_frame = pyds.get_nvds_buf_surface(hash(buffer), frame_meta.batch_id)
                frame_copy = np.array(n_frame, copy=True, order="C")
                r = hits[0].rect_params
                top, left = int(r.top), int(r.left)
                frame_copy[top, left : left + int(r.width)] = (0, 0, 255, 0)  # the sample draws on its copy
                frames.append(frame_copy.shape)
            borderline.extend(obj.confidence for obj in hits)

    infer = "nvinfersim name=infer objects=6 confidence-min=0.25 confidence-max=0.45"
    run_pipeline(chain("nvvideoconvertsim", infer, buffers=10, caps=NVMM), probe)
    assert len(borderline) > 5
    assert frames and set(frames) == {(240, 320, 4)}


def test_model_labels_set_the_class_ids():
    person, bag, face = 0, 1, 2
    counts = {person: 0, bag: 0, face: 0}
    labels = set()

    def probe(buffer):
        for frame_meta in pyds.gst_buffer_get_nvds_batch_meta(hash(buffer)).frame_meta_list:
            for obj_meta in frame_meta.obj_meta_list:
                counts[obj_meta.class_id] += 1  # KeyError for any class the model does not have
                labels.add((obj_meta.class_id, obj_meta.obj_label))

    run_pipeline(chain('nvinfersim name=infer objects=10 labels="person;bag;face"', buffers=3), probe)
    assert sum(counts.values()) == 30
    assert labels <= {(person, "person"), (bag, "bag"), (face, "face")}
    assert len(labels) >= 2
