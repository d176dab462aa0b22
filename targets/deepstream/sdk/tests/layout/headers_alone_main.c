/*
 * Entry point of the headers-compile-alone test. The real check happens at
 * build time: one translation unit per header includes only that header
 * (twice). This program only confirms the executable was linked and that
 * a few values the SDK fixes are what the headers say, including the
 * offset of the anonymous union in NvDsInferLayerInfo, which the layout
 * table cannot express (it sits between dataType at 0 and bindingIndex at
 * 44 bytes, so it starts at byte 4).
 */
#include <stddef.h>
#include <stdio.h>

#include "nvdsmeta.h"
#include "nvbufsurface.h"
#include "gstnvdsmeta.h"
#include "nvdsinfer.h"

/** Compares one constant with its expected value; returns 1 when it differs. */
static int expect (const char *what, long long actual, long long expected)
{
  if (actual == expected)
    return 0;
  printf ("MISMATCH %s: expected %lld, got %lld\n", what, expected, actual);
  return 1;
}

int main (void)
{
  int bad = 0;
  bad += expect ("NVDS_TRACKER_OBJ_REID_META", NVDS_TRACKER_OBJ_REID_META, 17);
  bad += expect ("NVDS_AUDIO_BATCH_META", NVDS_AUDIO_BATCH_META, 25);
  bad += expect ("NVDS_CUSTOM_MSG_BLOB", NVDS_CUSTOM_MSG_BLOB, 29);
  bad += expect ("NVDS_OBJ_META_NVDSANALYTICS", NVDS_OBJ_META_NVDSANALYTICS, 33);
  bad += expect ("NVDS_START_USER_META", NVDS_START_USER_META, 8193);
  bad += expect ("NVDS_BATCH_GST_META", NVDS_BATCH_GST_META, 4097);
  bad += expect ("NVBUF_COLOR_FORMAT_RGBA", NVBUF_COLOR_FORMAT_RGBA, 19);
  bad += expect ("NVBUF_COLOR_FORMAT_SIGNED_R16G16", NVBUF_COLOR_FORMAT_SIGNED_R16G16, 41);
  bad += expect ("NVBUF_COLOR_FORMAT_LAST", NVBUF_COLOR_FORMAT_LAST, 113);
  bad += expect ("NVBUF_MEM_CUDA_ARRAY", NVBUF_MEM_CUDA_ARRAY, 7);
  bad += expect ("offsetof(NvDsInferLayerInfo, inferDims)",
      (long long) offsetof (NvDsInferLayerInfo, inferDims), 4);
  printf ("headers: %d constant mismatches\n", bad);
  return bad ? 1 : 0;
}
