/*
 * bindery DeepStream SDK stand-in: libnvds_infer.
 *
 * Owns the one nvdsinfer.h function that needs no inference engine:
 * naming NvDsInferStatus codes. Real inference is out of scope.
 */
#include "nvdsinfer.h"

/** The enumerator name of @status, or "NVDSINFER_UNKNOWN_STATUS". */
const char *
NvDsInferStatus2Str (NvDsInferStatus status)
{
  switch (status) {
    case NVDSINFER_SUCCESS:
      return "NVDSINFER_SUCCESS";
    case NVDSINFER_CONFIG_FAILED:
      return "NVDSINFER_CONFIG_FAILED";
    case NVDSINFER_CUSTOM_LIB_FAILED:
      return "NVDSINFER_CUSTOM_LIB_FAILED";
    case NVDSINFER_INVALID_PARAMS:
      return "NVDSINFER_INVALID_PARAMS";
    case NVDSINFER_OUTPUT_PARSING_FAILED:
      return "NVDSINFER_OUTPUT_PARSING_FAILED";
    case NVDSINFER_CUDA_ERROR:
      return "NVDSINFER_CUDA_ERROR";
    case NVDSINFER_TENSORRT_ERROR:
      return "NVDSINFER_TENSORRT_ERROR";
    case NVDSINFER_RESOURCE_ERROR:
      return "NVDSINFER_RESOURCE_ERROR";
    case NVDSINFER_TRITON_ERROR:
      return "NVDSINFER_TRITON_ERROR";
    case NVDSINFER_MEM_ERROR:
      return "NVDSINFER_MEM_ERROR";
    case NVDSINFER_UNKNOWN_ERROR:
      return "NVDSINFER_UNKNOWN_ERROR";
  }
  return "NVDSINFER_UNKNOWN_STATUS";
}
