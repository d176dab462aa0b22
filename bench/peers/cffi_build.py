"""Builds the cffi API-mode (out-of-line) peer ``_fixture_cffi``.

Owns the cdef of fixture.h as cffi sees it. The module is compiled against
the real header and linked to build/fixture/libfixture.so (rpath set), so
cffi checks every declaration against the C compiler's view of the struct.

Usage: python bench/peers/cffi_build.py [OUT_DIR]   (default build/bench)
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from cffi import FFI

REPO_ROOT = Path(__file__).resolve().parents[2]
LIB_DIR = REPO_ROOT / "build" / "fixture"
INCLUDE_DIR = REPO_ROOT / "tests" / "fixture" / "include"

CDEF = """
typedef int gint;
typedef unsigned int guint;
typedef int gboolean;
typedef void *gpointer;
typedef int32_t gint32;
typedef int64_t gint64;
typedef uint64_t guint64;

typedef struct _GList GList;
struct _GList { gpointer data; GList *next; GList *prev; };

#define FX_MAX_LABEL 32
#define FX_SOURCE_NAME_LEN 16
#define FX_MISC_COUNT 4
#define FX_EMBEDDING_LEN 8

typedef enum {
  FX_CLASS_CAR = 0, FX_CLASS_PERSON = 1, FX_CLASS_BICYCLE = 2, FX_CLASS_SIGN = 7
} FxObjectClass;

typedef struct { double red; double green; double blue; double alpha; } FxColor;

typedef struct {
  float left; float top; float width; float height;
  FxColor border_color; unsigned int border_width;
} FxRect;

typedef struct { char *text; FxColor color; } FxCaption;

struct _FxFrameMeta;

typedef struct _FxObjectMeta {
  gint class_id; guint64 object_id; float confidence; FxRect rect;
  char obj_label[32]; char *note; FxObjectClass kind;
  struct _FxFrameMeta *parent; gint64 misc[4]; float embedding[8];
  int8_t i8; uint16_t u16; uint32_t u32; int64_t i64; double score;
  gboolean visible; void *user_data; FxCaption caption;
} FxObjectMeta;

typedef struct { gint width; gint height; gint32 *data; } FxMask;

struct _FxUserMeta;
typedef gpointer (*FxCopyFunc)(struct _FxUserMeta *meta, gpointer user_data);
typedef void (*FxReleaseFunc)(struct _FxUserMeta *meta, gpointer user_data);

typedef struct _FxUserMeta {
  gint meta_type; gpointer user_data; FxCopyFunc copy_func; FxReleaseFunc release_func;
} FxUserMeta;

typedef struct _FxFrameMeta {
  guint frame_num; gint source_id; guint64 pts; guint num_objects;
  GList *obj_list; GList *user_list; FxMask *mask; char source_name[16];
  FxCaption captions[2]; GList *spare_list;
} FxFrameMeta;

FxFrameMeta *fx_frame_new(guint num_objects, guint mask_width, guint mask_height);
void fx_frame_free(FxFrameMeta *frame);
FxObjectMeta *fx_object_new(void);
void fx_object_free(FxObjectMeta *obj);
int fx_frame_add_object(FxFrameMeta *frame, FxObjectMeta *obj);
FxObjectMeta *fx_frame_get_object(FxFrameMeta *frame, guint index);
FxUserMeta *fx_user_meta_new(gint meta_type, gpointer user_data);
void fx_frame_add_user_meta(FxFrameMeta *frame, FxUserMeta *meta);
FxUserMeta *fx_user_meta_copy(FxUserMeta *meta);
void fx_user_meta_release(FxUserMeta *meta);
double fx_frame_confidence_sum(const FxFrameMeta *frame, gint class_id);
gint64 fx_add(gint32 a, gint32 b);
int fx_frame_scale(FxFrameMeta *frame, float factor);
"""


def glib_cflags() -> list[str]:
    """Include flags for GLib from pkg-config."""
    out = subprocess.run(
        ["pkg-config", "--cflags-only-I", "glib-2.0"], check=True, capture_output=True, text=True
    ).stdout
    return [flag[2:] for flag in out.split()]


def make_ffibuilder() -> FFI:
    """The configured FFI builder for ``_fixture_cffi``."""
    ffibuilder = FFI()
    ffibuilder.cdef(CDEF)
    ffibuilder.set_source(
        "_fixture_cffi",
        '#include "fixture.h"',
        include_dirs=[str(INCLUDE_DIR), *glib_cflags()],
        library_dirs=[str(LIB_DIR)],
        libraries=["fixture", "glib-2.0"],
        extra_compile_args=["-O2"],
        extra_link_args=[f"-Wl,-rpath,{LIB_DIR}"],
    )
    return ffibuilder


def main() -> int:
    out_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO_ROOT / "build" / "bench"
    out_dir.mkdir(parents=True, exist_ok=True)
    path = make_ffibuilder().compile(tmpdir=str(out_dir / "cffi_tmp"), verbose=False)
    target = out_dir / Path(path).name
    Path(path).replace(target)
    print(f"built {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
