"""End to end: nvdsanalytics frame and object metadata from
`nvdsanalyticssim`, found as deepstream-nvdsanalytics's probe finds them
(user meta types from `nvds_get_user_meta_type("NVIDIA.DSANALYTICS...")`,
cast to NvDsAnalyticsFrameMeta / NvDsAnalyticsObjInfo), with the ROI
counts, line crossings, overcrowding and directions checked against the
objects' positions.

nvds_analytics_meta.h is C++ (as NVIDIA's): label lists are
`std::vector<std::string>` and counters `std::unordered_map`, read through
the generated C++ shim as Python lists, dicts and strs, as NVIDIA's pyds
gives them and its deepstream-nvdsanalytics sample reads them."""

from __future__ import annotations

import pyds
from ds_pipeline import chain, run_pipeline

W, H = 320, 240
OBJ_TYPE = "NVIDIA.DSANALYTICSOBJ.USER_META"
FRAME_TYPE = "NVIDIA.DSANALYTICSFRAME.USER_META"


def user_metas(l_user, descriptor, cast):
    """Payloads of the user metas in a list whose type is `descriptor`."""
    found = []
    while l_user:
        user_meta = pyds.NvDsUserMeta.cast(l_user.data)
        if user_meta.base_meta.meta_type == pyds.nvds_get_user_meta_type(descriptor):
            found.append(cast(user_meta.user_meta_data))
        l_user = l_user.next
    return found


def bottom_centre(obj):
    r = obj.rect_params
    return r.left + r.width / 2, r.top + r.height


def in_default_roi(x, y):
    return W / 4 < x < 3 * W / 4 and H / 4 < y < 3 * H / 4


def test_descriptors_name_the_ds91_meta_types():
    assert pyds.nvds_get_user_meta_type(FRAME_TYPE) == pyds.NvDsMetaType.NVDS_FRAME_META_NVDSANALYTICS
    assert pyds.nvds_get_user_meta_type(OBJ_TYPE) == pyds.NvDsMetaType.NVDS_OBJ_META_NVDSANALYTICS


def test_roi_counts_crossings_and_directions():
    totals = {"frames": 0, "crossed": 0, "moving": 0, "in_roi": 0}
    last = {}  # object_id -> previous bottom centre

    def probe(buffer):
        batch_meta = pyds.gst_buffer_get_nvds_batch_meta(hash(buffer))
        frame = pyds.NvDsFrameMeta.cast(batch_meta.frame_meta_list.data)
        inside = crossed = 0
        for obj in frame.obj_meta_list:
            (info,) = user_metas(obj.obj_user_meta_list, OBJ_TYPE, pyds.NvDsAnalyticsObjInfo.cast)
            x, y = bottom_centre(obj)
            expected_in = in_default_roi(x, y)
            inside += expected_in
            assert info.roiStatus == (["RF"] if expected_in else [])
            assert bool(info.roiStatus) == expected_in  # the sample prints it when truthy
            assert info.objStatus == ""
            previous = last.get(obj.object_id)
            if previous is None:
                assert info.dirStatus == "" and info.lcStatus == []
            else:
                assert info.dirStatus in {"DIR:North", "DIR:South", "DIR:East", "DIR:West"}
                vertical_cross = (previous[1] - H / 2) * (y - H / 2) < 0
                assert info.lcStatus == (["Exit"] if vertical_cross else [])
                crossed += vertical_cross
                totals["moving"] += 1
            last[obj.object_id] = (x, y)
            assert info.unique_id == 7
        (meta,) = user_metas(frame.frame_user_meta_list, FRAME_TYPE, pyds.NvDsAnalyticsFrameMeta.cast)
        assert meta.objInROIcnt == {"RF": inside}
        assert meta.ocStatus == {"RF": inside >= 2}
        assert all(type(v) is bool for v in meta.ocStatus.values())
        assert meta.objLCCurrCnt == {"Exit": crossed}
        totals["crossed"] += crossed
        assert meta.objLCCumCnt == {"Exit": totals["crossed"]}
        assert sum(meta.objCnt.values()) == len(list(frame.obj_meta_list))
        assert all(isinstance(k, int) for k in meta.objCnt)
        assert meta.unique_id == 7
        totals["in_roi"] += inside
        totals["frames"] += 1

    description = chain("nvinfersim objects=6", "nvdsanalyticssim name=analytics overcrowding-threshold=2 unique-id=7", buffers=40)
    assert run_pipeline(description, probes={"analytics": probe}) == 40
    assert totals["moving"] == 39 * 6
    assert totals["crossed"] > 0 and totals["in_roi"] > 0


def test_configured_roi_and_line():
    """A polygon ROI covering the left half and a vertical line at x = 160."""
    seen = []

    def probe(buffer):
        frame = pyds.NvDsFrameMeta.cast(pyds.gst_buffer_get_nvds_batch_meta(hash(buffer)).frame_meta_list.data)
        left_half = sum(bottom_centre(obj)[0] < W / 2 for obj in frame.obj_meta_list)
        (meta,) = user_metas(frame.frame_user_meta_list, FRAME_TYPE, pyds.NvDsAnalyticsFrameMeta.cast)
        assert meta.objInROIcnt == {"Left": left_half}
        assert list(meta.objLCCumCnt) == ["Middle"]
        assert meta.ocStatus == {}  # overcrowding off
        seen.append(meta.objLCCumCnt["Middle"])

    analytics = (
        'nvdsanalyticssim name=analytics roi="0;0;160;0;160;240;0;240" roi-label=Left '
        'line="160;0;160;240" line-label=Middle overcrowding-threshold=0'
    )
    run_pipeline(chain("nvinfersim objects=5", analytics, buffers=60), probes={"analytics": probe})
    assert len(seen) == 60
    assert seen == sorted(seen) and seen[-1] > 0
