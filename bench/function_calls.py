"""Function-call micro-benchmark: median ns per call of a few generated
`bindery_fixture` module functions (a view argument with a derived view
result, two ints, out-parameters, and the TypeError path of a wrong
argument). Compare two builds by installing each release wheel into its own
directory and running this script with PYTHONPATH pointing at it.
"""
import sys, time, statistics
import bindery_fixture as bf

frame = bf.fx_frame_new(8, 4, 4)
def get_object():
    return bf.fx_frame_get_object(frame, 3)
def add():
    return bf.fx_add(2, 3)
def object_class():
    return bf.fx_frame_object_class(frame, 2)
def bad_type():
    try:
        bf.fx_frame_get_object(5, 3)
    except TypeError:
        pass

def median_ns(fn, n=20000, repeats=9):
    out = []
    for _ in range(repeats):
        t = time.perf_counter_ns()
        for _ in range(n):
            fn()
        out.append((time.perf_counter_ns() - t) / n)
    return statistics.median(out)

for name, fn in [("fx_frame_get_object (view arg + derived view)", get_object), ("fx_add (two ints)", add),
                 ("fx_frame_object_class", object_class), ("fx_frame_get_object(5) TypeError", bad_type)]:
    print(f"{name}: {median_ns(fn):.0f} ns")
