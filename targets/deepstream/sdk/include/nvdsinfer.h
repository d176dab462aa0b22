/*
 * bindery DeepStream SDK stand-in.
 * Written for the bindery project; layouts match DeepStream 9.1 (x86_64).
 */

/**
 * @file
 * Inference value types shared by the inference element and its output
 * metadata: tensor dimensions, layer descriptions, network input size,
 * parsed detections and attributes, status and log-level codes.
 */

#ifndef BINDERY_NVDSINFER_H
#define BINDERY_NVDSINFER_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Maximum number of dimensions of a layer. */
#define NVDSINFER_MAX_DIMS 8

/** Marks a declaration as deprecated with the message @a STR. */
#define _DS_DEPRECATED_(STR) __attribute__ ((deprecated (STR)))

/** Shape of a tensor. */
typedef struct {
  unsigned int numDims;                /**< Number of dimensions used in @a d. */
  unsigned int d[NVDSINFER_MAX_DIMS];  /**< Extent of each dimension. */
  unsigned int numElements;            /**< Product of the used extents. */
} NvDsInferDims;

/** Shape of a three-dimensional (channels, height, width) tensor. */
typedef struct {
  unsigned int c; /**< Channels. */
  unsigned int h; /**< Height. */
  unsigned int w; /**< Width. */
} NvDsInferDimsCHW;

/** Element type of a tensor. */
typedef enum {
  FLOAT = 0, /**< 32-bit float. */
  HALF = 1,  /**< 16-bit float. */
  INT8 = 2,  /**< Signed 8-bit integer. */
  INT32 = 3, /**< Signed 32-bit integer. */
  INT64 = 4, /**< Signed 64-bit integer. */
  UINT8 = 5  /**< Unsigned 8-bit integer. */
} NvDsInferDataType;

/** Description of one input or output layer of a model. */
typedef struct {
  NvDsInferDataType dataType; /**< Element type. */
  union {
    NvDsInferDims inferDims;  /**< Shape of the layer. */
    NvDsInferDims dims _DS_DEPRECATED_("dims is deprecated. Use inferDims instead"); /**< Old name of @a inferDims. */
  };
  int bindingIndex;           /**< Engine binding index of the layer. */
  const char *layerName;      /**< Layer name; not owned. */
  void *buffer;               /**< Host memory holding the layer data, or NULL. */
  int isInput;                /**< Non-zero for an input layer, zero for an output layer. */
} NvDsInferLayerInfo;

/** Input resolution of a model. */
typedef struct {
  unsigned int width;    /**< Input width in pixels. */
  unsigned int height;   /**< Input height in pixels. */
  unsigned int channels; /**< Input channels. */
} NvDsInferNetworkInfo;

/** Copies d[0..2] of an NvDsInferDims into an NvDsInferDimsCHW as (c, h, w). */
#define getDimsCHWFromDims(dimsCHW, dims) \
  do { (dimsCHW).c = (dims).d[0]; (dimsCHW).h = (dims).d[1]; (dimsCHW).w = (dims).d[2]; } while (0)

/** Copies d[0..2] of an NvDsInferDims into an NvDsInferDimsCHW read as (h, w, c). */
#define getDimsHWCFromDims(dimsCHW, dims) \
  do { (dimsCHW).h = (dims).d[0]; (dimsCHW).w = (dims).d[1]; (dimsCHW).c = (dims).d[2]; } while (0)

/** One object parsed from a detector's output. */
typedef struct {
  unsigned int classId;      /**< Class index. */
  float left;                /**< X of the box's left edge, in network pixels. */
  float top;                 /**< Y of the box's top edge, in network pixels. */
  float width;               /**< Box width. */
  float height;              /**< Box height. */
  float detectionConfidence; /**< Confidence, 0.0 to 1.0. */
  float rotation_angle;      /**< Rotation in radians for oriented boxes; 0 for axis-aligned. */
} NvDsInferObjectDetectionInfo;

/** Older name of NvDsInferObjectDetectionInfo. */
typedef NvDsInferObjectDetectionInfo NvDsInferParseObjectInfo;

/** One object with an instance mask parsed from a detector's output. */
typedef struct {
  unsigned int classId;      /**< Class index. */
  float left;                /**< X of the box's left edge. */
  float top;                 /**< Y of the box's top edge. */
  float width;               /**< Box width. */
  float height;              /**< Box height. */
  float detectionConfidence; /**< Confidence, 0.0 to 1.0. */
  float *mask;               /**< Mask values, @a mask_width x @a mask_height. */
  unsigned int mask_width;   /**< Mask width. */
  unsigned int mask_height;  /**< Mask height. */
  unsigned int mask_size;    /**< Size of @a mask in bytes. */
} NvDsInferInstanceMaskInfo;

/** One attribute produced by a classifier. */
typedef struct {
  unsigned int attributeIndex; /**< Index of the output layer that produced the attribute. */
  unsigned int attributeValue; /**< Value (class index) of the attribute. */
  float attributeConfidence;   /**< Confidence of the value. */
  char *attributeLabel;        /**< Label text (heap string), or NULL. */
} NvDsInferAttribute;

/** Result codes of inference operations. */
typedef enum {
  NVDSINFER_SUCCESS = 0,            /**< Success. */
  NVDSINFER_CONFIG_FAILED,          /**< Bad configuration. */
  NVDSINFER_CUSTOM_LIB_FAILED,      /**< The custom library failed. */
  NVDSINFER_INVALID_PARAMS,         /**< Invalid parameters. */
  NVDSINFER_OUTPUT_PARSING_FAILED,  /**< Output parsing failed. */
  NVDSINFER_CUDA_ERROR,             /**< CUDA error. */
  NVDSINFER_TENSORRT_ERROR,         /**< TensorRT error. */
  NVDSINFER_RESOURCE_ERROR,         /**< Out of a resource. */
  NVDSINFER_TRITON_ERROR,           /**< Triton error. */
  NVDSINFER_TRTIS_ERROR = NVDSINFER_TRITON_ERROR, /**< Old name of NVDSINFER_TRITON_ERROR. */
  NVDSINFER_MEM_ERROR,              /**< Memory error. */
  NVDSINFER_UNKNOWN_ERROR           /**< Unknown error. */
} NvDsInferStatus;

/** Severity of inference log messages. */
typedef enum {
  NVDSINFER_LOG_ERROR = 0, /**< Errors. */
  NVDSINFER_LOG_WARNING,   /**< Warnings. */
  NVDSINFER_LOG_INFO,      /**< Information. */
  NVDSINFER_LOG_DEBUG,     /**< Debug output. */
} NvDsInferLogLevel;

/**
 * Names a status code.
 * @param status A status code.
 * @return A static string such as "NVDSINFER_SUCCESS" (never NULL; unknown
 *         codes give a generic name). Do not free.
 */
const char *NvDsInferStatus2Str (NvDsInferStatus status);

#ifdef __cplusplus
}
#endif

#endif /* BINDERY_NVDSINFER_H */
