"""End to end: SSD tensor output from nvinfersim (`tensor-layout=ssd`),
parsed in a probe as deepstream-ssd-parser parses it: the
NVDSINFER_TENSOR_OUTPUT_META frame user meta cast to NvDsInferTensorMeta,
layers from `pyds.get_nvds_LayerInfo`, found by `layerName` and FLOAT
`dataType`, values through `pyds.get_detections(layer.buffer, i)`, boxes
into `NvDsInferObjectDetectionInfo`, and the kept detections added to the
frame as new object meta that a downstream probe reads."""

from __future__ import annotations

import pyds
from ds_pipeline import chain, run_pipeline

W, H = 320, 240
THRESHOLD = 0.5
SSD = "tensor-layout=ssd segmentation-meta=false"  # the parser's loop expects tensor meta only
UNTRACKED = 0xFFFFFFFFFFFFFFFF


def tensor_metas(frame_meta):
    found = []
    l_user = frame_meta.frame_user_meta_list
    while l_user is not None:
        user_meta = pyds.NvDsUserMeta.cast(l_user.data)
        if user_meta.base_meta.meta_type == pyds.NvDsMetaType.NVDSINFER_TENSOR_OUTPUT_META:
            found.append(pyds.NvDsInferTensorMeta.cast(user_meta.user_meta_data))
        l_user = l_user.next
    return found


def find_layer(layers, name):
    for layer in layers:
        if layer.dataType == 0 and layer.layerName == name:  # 0 == FLOAT
            return layer
    return None


def parse_ssd(tensor_meta, threshold):
    """Detections above `threshold` as NvDsInferObjectDetectionInfo (normalised boxes)."""
    layers = [pyds.get_nvds_LayerInfo(tensor_meta, i) for i in range(tensor_meta.num_output_layers)]
    count, scores, classes, boxes = (
        find_layer(layers, n) for n in ("num_detections", "detection_scores", "detection_classes", "detection_boxes")
    )
    assert count and scores and classes and boxes, "SSD layers missing"
    n = min(int(pyds.get_detections(count.buffer, 0)), classes.inferDims.d[0])
    found = []
    for i in range(n):
        info = pyds.NvDsInferObjectDetectionInfo()
        info.detectionConfidence = pyds.get_detections(scores.buffer, i)
        info.classId = int(pyds.get_detections(classes.buffer, i))
        if info.detectionConfidence < threshold:
            continue
        y1, x1, y2, x2 = (min(max(pyds.get_detections(boxes.buffer, 4 * i + k), 0.0), 1.0) for k in range(4))
        info.left, info.top, info.width, info.height = x1, y1, x2 - x1, y2 - y1
        found.append(info)
    return found


def add_detection(batch_meta, frame_meta, info):
    obj_meta = pyds.nvds_acquire_obj_meta_from_pool(batch_meta)
    r = obj_meta.rect_params
    r.left, r.top = int(W * info.left), int(H * info.top)
    r.width, r.height = int(W * info.width), int(H * info.height)
    r.border_width = 3
    r.border_color.set(1, 0, 0, 1)
    obj_meta.confidence = info.detectionConfidence
    obj_meta.class_id = info.classId
    obj_meta.object_id = UNTRACKED
    obj_meta.unique_component_id = 99
    obj_meta.obj_label = f"ssd-{info.classId}"
    pyds.nvds_add_obj_meta_to_frame(frame_meta, obj_meta, None)


def test_layers_have_the_ssd_names_dims_and_types():
    layouts = []

    def probe(buffer):
        frame = pyds.NvDsFrameMeta.cast(pyds.gst_buffer_get_nvds_batch_meta(hash(buffer)).frame_meta_list.data)
        (tensor_meta,) = tensor_metas(frame)
        assert (tensor_meta.network_info.width, tensor_meta.network_info.height) == (300, 300)
        layers = [pyds.get_nvds_LayerInfo(tensor_meta, i) for i in range(tensor_meta.num_output_layers)]
        layouts.append(
            {l.layerName: (int(l.dataType), l.inferDims.numDims, l.inferDims.d[: l.inferDims.numDims].tolist()) for l in layers}
        )

    run_pipeline(chain(f"nvinfersim name=infer objects=5 {SSD}", buffers=1), probe)
    assert layouts == [
        {
            "detection_boxes": (0, 2, [100, 4]),
            "detection_classes": (0, 1, [100]),
            "detection_scores": (0, 1, [100]),
            "num_detections": (0, 1, [1]),
        }
    ]


def test_parsed_detections_are_the_frames_objects():
    parsed, downstream = [], []

    def parse(buffer):
        batch_meta = pyds.gst_buffer_get_nvds_batch_meta(hash(buffer))
        frame_meta = pyds.NvDsFrameMeta.cast(batch_meta.frame_meta_list.data)
        objects = {
            (round(o.rect_params.left / W, 4), round(o.rect_params.top / H, 4)): (o.class_id, o.confidence)
            for o in frame_meta.obj_meta_list
        }
        (tensor_meta,) = tensor_metas(frame_meta)
        detections = parse_ssd(tensor_meta, THRESHOLD)
        for info in detections:
            class_id, confidence = objects[(round(info.left, 4), round(info.top, 4))]
            assert info.classId == class_id + 1  # 0 is the background class
            assert info.detectionConfidence == confidence
        assert len(detections) == sum(conf >= THRESHOLD for _, conf in objects.values())
        for info in detections:
            add_detection(batch_meta, frame_meta, info)
        parsed.append(len(detections))

    def read_back(buffer):
        frame = pyds.NvDsFrameMeta.cast(pyds.gst_buffer_get_nvds_batch_meta(hash(buffer)).frame_meta_list.data)
        downstream.append(sum(obj.unique_component_id == 99 for obj in frame.obj_meta_list))

    # confidences from 0.2: some detections fall under the parser's 0.5 threshold
    infer = f"nvinfersim name=infer objects=8 confidence-min=0.2 {SSD}"
    run_pipeline(chain(infer, "identity name=after", buffers=6), parse, probes={"after": read_back})
    assert downstream == parsed
    assert 0 < sum(parsed) < 6 * 8
