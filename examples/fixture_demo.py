"""Walk a frame of the bindery fixture through its generated module.

Run after `bash scripts/main.sh` (or `bash scripts/setup.sh`) with
`.venv/bin/python examples/fixture_demo.py`.
"""

import bindery_fixture as fx

frame = fx.fx_frame_new(num_objects=6, mask_width=8, mask_height=4)
print(f"frame {frame.frame_num} from {frame.source_name!r}: {len(frame.obj_list)} objects")
for obj in frame.obj_list:
    r = obj.rect
    print(f"  #{obj.object_id} {obj.obj_label:<8} {obj.kind.name:<16} conf={obj.confidence:.2f} "
          f"box=({r.left:.0f},{r.top:.0f},{r.width:.0f}x{r.height:.0f})")
columns = frame.export_objects()
print("bulk export:", {k: v.tolist() for k, v in columns.items() if k in ("class_id", "confidence")})
mask = frame.mask.as_array()
print(f"mask {mask.shape} {mask.dtype}, zero-copy over C memory (base={type(mask.base).__name__}):")
print(mask)
try:
    obj.i8 = 300
except OverflowError as err:
    print("bad input is an exception, not a crash:", err)
fx.fx_frame_free(frame)
try:
    obj.class_id
except ReferenceError as err:
    print("a view outliving its frame:", err)
