/*
 * bindery DeepStream SDK stand-in.
 * Written for the bindery project; layouts match DeepStream 9.1 (x86_64).
 */

/**
 * @file
 * NvBufSurface: a batch of video buffers (surfaces) and the functions that
 * create, destroy, map, synchronise and copy them.
 *
 * The stand-in implementation keeps every surface in system memory, so
 * mapping returns host pointers and the sync functions have nothing to do.
 */

#ifndef BINDERY_NVBUFSURFACE_H
#define BINDERY_NVBUFSURFACE_H

#include <stdint.h>
#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Number of pointer-sized reserved slots per plane / per struct. */
#define STRUCTURE_PADDING 4
/** Maximum number of planes in one surface. */
#define NVBUF_MAX_PLANES 4

/** Default horizontal chroma siting (left). */
#define NVBUFSURFACE_CHROMA_SUBSAMPLING_HORIZ_DEFAULT 0
/** Default vertical chroma siting (centre). */
#define NVBUFSURFACE_CHROMA_SUBSAMPLING_VERT_DEFAULT 1
/** Initialiser for NvBufSurfaceChromaSubsamplingParams with the default siting. */
#define NVBUFSURFACE_CHROMA_SUBSAMPLING_PARAMS_DEFAULT \
  { NVBUFSURFACE_CHROMA_SUBSAMPLING_HORIZ_DEFAULT, NVBUFSURFACE_CHROMA_SUBSAMPLING_VERT_DEFAULT }

/** Access requested when mapping a surface for the CPU. */
typedef enum {
  NVBUF_MAP_READ,       /**< Read-only access. */
  NVBUF_MAP_WRITE,      /**< Write-only access. */
  NVBUF_MAP_READ_WRITE, /**< Read and write access. */
} NvBufSurfaceMemMapFlags;

/** Label of the component an allocation is made for (bookkeeping only). */
typedef enum {
  NvBufSurfaceTag_NONE = 0x0,            /**< No tag. */
  NvBufSurfaceTag_CAMERA = 0x200,        /**< Camera capture. */
  NvBufSurfaceTag_JPEG = 0x1500,         /**< JPEG encoder or decoder. */
  NvBufSurfaceTag_PROTECTED = 0x1504,    /**< Protected (VPR) memory. */
  NvBufSurfaceTag_VIDEO_ENC = 0x1200,    /**< Video encoder. */
  NvBufSurfaceTag_VIDEO_DEC = 0x1400,    /**< Video decoder. */
  NvBufSurfaceTag_VIDEO_CONVERT = 0xf01, /**< Scaling, conversion or compositing. */
} NvBufSurfaceTag;

/** Pixel format of a surface. */
typedef enum {
  NVBUF_COLOR_FORMAT_INVALID, /**< Invalid format (0). */
  NVBUF_COLOR_FORMAT_GRAY8, /**< 8-bit grey, one plane (1). */
  NVBUF_COLOR_FORMAT_YUV420, /**< BT.601 YUV 4:2:0, three planes (2). */
  NVBUF_COLOR_FORMAT_YVU420, /**< BT.601 YVU 4:2:0, three planes (3). */
  NVBUF_COLOR_FORMAT_YUV420_ER, /**< BT.601 full-range YUV 4:2:0, three planes (4). */
  NVBUF_COLOR_FORMAT_YVU420_ER, /**< BT.601 full-range YVU 4:2:0, three planes (5). */
  NVBUF_COLOR_FORMAT_NV12, /**< BT.601 Y + interleaved CbCr 4:2:0 (6). */
  NVBUF_COLOR_FORMAT_NV12_ER, /**< BT.601 full-range Y + CbCr 4:2:0 (7). */
  NVBUF_COLOR_FORMAT_NV21, /**< BT.601 Y + interleaved CrCb 4:2:0 (8). */
  NVBUF_COLOR_FORMAT_NV21_ER, /**< BT.601 full-range Y + CrCb 4:2:0 (9). */
  NVBUF_COLOR_FORMAT_UYVY, /**< BT.601 packed 4:2:2 (U Y V Y) (10). */
  NVBUF_COLOR_FORMAT_UYVY_ER, /**< BT.601 full-range packed 4:2:2 (U Y V Y) (11). */
  NVBUF_COLOR_FORMAT_VYUY, /**< BT.601 packed 4:2:2 (V Y U Y) (12). */
  NVBUF_COLOR_FORMAT_VYUY_ER, /**< BT.601 full-range packed 4:2:2 (V Y U Y) (13). */
  NVBUF_COLOR_FORMAT_YUYV, /**< BT.601 packed 4:2:2 (Y U Y V) (14). */
  NVBUF_COLOR_FORMAT_YUYV_ER, /**< BT.601 full-range packed 4:2:2 (Y U Y V) (15). */
  NVBUF_COLOR_FORMAT_YVYU, /**< BT.601 packed 4:2:2 (Y V Y U) (16). */
  NVBUF_COLOR_FORMAT_YVYU_ER, /**< BT.601 full-range packed 4:2:2 (Y V Y U) (17). */
  NVBUF_COLOR_FORMAT_YUV444, /**< BT.601 YUV 4:4:4, three planes (18). */
  NVBUF_COLOR_FORMAT_RGBA, /**< Packed 8-bit R G B A (19). */
  NVBUF_COLOR_FORMAT_BGRA, /**< Packed 8-bit B G R A (20). */
  NVBUF_COLOR_FORMAT_ARGB, /**< Packed 8-bit A R G B (21). */
  NVBUF_COLOR_FORMAT_ABGR, /**< Packed 8-bit A B G R (22). */
  NVBUF_COLOR_FORMAT_RGBx, /**< Packed 8-bit R G B, padding byte (23). */
  NVBUF_COLOR_FORMAT_BGRx, /**< Packed 8-bit B G R, padding byte (24). */
  NVBUF_COLOR_FORMAT_xRGB, /**< Packed 8-bit padding byte, R G B (25). */
  NVBUF_COLOR_FORMAT_xBGR, /**< Packed 8-bit padding byte, B G R (26). */
  NVBUF_COLOR_FORMAT_RGB, /**< Packed 8-bit R G B (27). */
  NVBUF_COLOR_FORMAT_BGR, /**< Packed 8-bit B G R (28). */
  NVBUF_COLOR_FORMAT_NV12_10LE, /**< BT.601 NV12, 10-bit little-endian (29). */
  NVBUF_COLOR_FORMAT_NV12_12LE, /**< BT.601 NV12, 12-bit little-endian (30). */
  NVBUF_COLOR_FORMAT_YUV420_709, /**< BT.709 YUV 4:2:0, three planes (31). */
  NVBUF_COLOR_FORMAT_YUV420_709_ER, /**< BT.709 full-range YUV 4:2:0, three planes (32). */
  NVBUF_COLOR_FORMAT_NV12_709, /**< BT.709 NV12 (33). */
  NVBUF_COLOR_FORMAT_NV12_709_ER, /**< BT.709 full-range NV12 (34). */
  NVBUF_COLOR_FORMAT_YUV420_2020, /**< BT.2020 YUV 4:2:0, three planes (35). */
  NVBUF_COLOR_FORMAT_NV12_2020, /**< BT.2020 NV12 (36). */
  NVBUF_COLOR_FORMAT_NV12_10LE_ER, /**< BT.601 full-range NV12, 10-bit (37). */
  NVBUF_COLOR_FORMAT_NV12_10LE_709, /**< BT.709 NV12, 10-bit (38). */
  NVBUF_COLOR_FORMAT_NV12_10LE_709_ER, /**< BT.709 full-range NV12, 10-bit (39). */
  NVBUF_COLOR_FORMAT_NV12_10LE_2020, /**< BT.2020 NV12, 10-bit (40). */
  NVBUF_COLOR_FORMAT_SIGNED_R16G16, /**< Two signed 16-bit values per pixel (41). */
  NVBUF_COLOR_FORMAT_R8_G8_B8, /**< 8-bit R, G, B in separate planes (42). */
  NVBUF_COLOR_FORMAT_B8_G8_R8, /**< 8-bit B, G, R in separate planes (43). */
  NVBUF_COLOR_FORMAT_R32F_G32F_B32F, /**< 32-bit float R, G, B in separate planes (44). */
  NVBUF_COLOR_FORMAT_B32F_G32F_R32F, /**< 32-bit float B, G, R in separate planes (45). */
  NVBUF_COLOR_FORMAT_YUV422, /**< BT.601 YUV 4:2:2, three planes (46). */
  NVBUF_COLOR_FORMAT_NV21_10LE, /**< BT.601 NV21, 10-bit (47). */
  NVBUF_COLOR_FORMAT_NV21_12LE, /**< BT.601 NV21, 12-bit (48). */
  NVBUF_COLOR_FORMAT_NV12_12LE_2020, /**< BT.2020 NV12, 12-bit (49). */
  NVBUF_COLOR_FORMAT_NV16, /**< BT.601 Y + CbCr 4:2:2 (50). */
  NVBUF_COLOR_FORMAT_NV16_10LE, /**< BT.601 NV16, 10-bit (51). */
  NVBUF_COLOR_FORMAT_NV24, /**< BT.601 Y + CbCr 4:4:4 (52). */
  NVBUF_COLOR_FORMAT_NV24_10LE, /**< BT.601 NV24, 10-bit (53). */
  NVBUF_COLOR_FORMAT_NV16_ER, /**< BT.601 full-range NV16 (54). */
  NVBUF_COLOR_FORMAT_NV24_ER, /**< BT.601 full-range NV24 (55). */
  NVBUF_COLOR_FORMAT_NV16_709, /**< BT.709 NV16 (56). */
  NVBUF_COLOR_FORMAT_NV24_709, /**< BT.709 NV24 (57). */
  NVBUF_COLOR_FORMAT_NV16_709_ER, /**< BT.709 full-range NV16 (58). */
  NVBUF_COLOR_FORMAT_NV24_709_ER, /**< BT.709 full-range NV24 (59). */
  NVBUF_COLOR_FORMAT_NV24_10LE_709, /**< BT.709 NV24, 10-bit (60). */
  NVBUF_COLOR_FORMAT_NV24_10LE_709_ER, /**< BT.709 full-range NV24, 10-bit (61). */
  NVBUF_COLOR_FORMAT_NV24_10LE_2020, /**< BT.2020 NV24, 10-bit (62). */
  NVBUF_COLOR_FORMAT_NV24_12LE_2020, /**< BT.2020 NV24, 12-bit (63). */
  NVBUF_COLOR_FORMAT_RGBA_10_10_10_2_709, /**< BT.709 RGBA 10-10-10-2 (64). */
  NVBUF_COLOR_FORMAT_RGBA_10_10_10_2_2020, /**< BT.2020 RGBA 10-10-10-2 (65). */
  NVBUF_COLOR_FORMAT_BGRA_10_10_10_2_709, /**< BT.709 BGRA 10-10-10-2 (66). */
  NVBUF_COLOR_FORMAT_BGRA_10_10_10_2_2020, /**< BT.2020 BGRA 10-10-10-2 (67). */
  NVBUF_COLOR_FORMAT_A32, /**< Optical-flow cost buffer (68). */
  NVBUF_COLOR_FORMAT_UYVP, /**< BT.601 packed 10-bit 4:2:2 (69). */
  NVBUF_COLOR_FORMAT_UYVP_ER, /**< BT.601 full-range packed 10-bit 4:2:2 (70). */
  NVBUF_COLOR_FORMAT_YUV444_ER, /**< BT.601 full-range YUV 4:4:4 (71). */
  NVBUF_COLOR_FORMAT_YUV444_709, /**< BT.709 YUV 4:4:4 (72). */
  NVBUF_COLOR_FORMAT_YUV444_709_ER, /**< BT.709 full-range YUV 4:4:4 (73). */
  NVBUF_COLOR_FORMAT_YUV444_2020, /**< BT.2020 YUV 4:4:4 (74). */
  NVBUF_COLOR_FORMAT_YUV444_10LE, /**< BT.601 YUV 4:4:4, 10-bit (75). */
  NVBUF_COLOR_FORMAT_YUV444_10LE_ER, /**< BT.601 full-range YUV 4:4:4, 10-bit (76). */
  NVBUF_COLOR_FORMAT_YUV444_10LE_709, /**< BT.709 YUV 4:4:4, 10-bit (77). */
  NVBUF_COLOR_FORMAT_YUV444_10LE_709_ER, /**< BT.709 full-range YUV 4:4:4, 10-bit (78). */
  NVBUF_COLOR_FORMAT_YUV444_10LE_2020, /**< BT.2020 YUV 4:4:4, 10-bit (79). */
  NVBUF_COLOR_FORMAT_YUV444_12LE, /**< BT.601 YUV 4:4:4, 12-bit (80). */
  NVBUF_COLOR_FORMAT_YUV444_12LE_ER, /**< BT.601 full-range YUV 4:4:4, 12-bit (81). */
  NVBUF_COLOR_FORMAT_YUV444_12LE_709, /**< BT.709 YUV 4:4:4, 12-bit (82). */
  NVBUF_COLOR_FORMAT_YUV444_12LE_709_ER, /**< BT.709 full-range YUV 4:4:4, 12-bit (83). */
  NVBUF_COLOR_FORMAT_YUV444_12LE_2020, /**< BT.2020 YUV 4:4:4, 12-bit (84). */
  NVBUF_COLOR_FORMAT_NV12_12LE_ER, /**< BT.601 full-range NV12, 12-bit (85). */
  NVBUF_COLOR_FORMAT_NV12_12LE_709, /**< BT.709 NV12, 12-bit (86). */
  NVBUF_COLOR_FORMAT_NV12_12LE_709_ER, /**< BT.709 full-range NV12, 12-bit (87). */
  NVBUF_COLOR_FORMAT_GRAY8_ER, /**< 8-bit full-range grey, one plane (88). */
  NVBUF_COLOR_FORMAT_UYVY_709, /**< BT.709 packed 4:2:2 (U Y V Y) (89). */
  NVBUF_COLOR_FORMAT_UYVY_709_ER, /**< BT.709 full-range packed 4:2:2 (U Y V Y) (90). */
  NVBUF_COLOR_FORMAT_UYVY_2020, /**< BT.2020 packed 4:2:2 (U Y V Y) (91). */
  NVBUF_COLOR_FORMAT_GRAY16_LE, /**< 16-bit grey, one plane (92). */
  NVBUF_COLOR_FORMAT_BGRA64_LE, /**< Packed 16-bit B G R A (93). */
  NVBUF_COLOR_FORMAT_NV16_2020, /**< BT.2020 NV16 (94). */
  NVBUF_COLOR_FORMAT_NV16_10LE_ER, /**< BT.601 full-range NV16, 10-bit (95). */
  NVBUF_COLOR_FORMAT_NV16_10LE_709, /**< BT.709 NV16, 10-bit (96). */
  NVBUF_COLOR_FORMAT_NV16_10LE_709_ER, /**< BT.709 full-range NV16, 10-bit (97). */
  NVBUF_COLOR_FORMAT_NV16_10LE_2020, /**< BT.2020 NV16, 10-bit (98). */
  NVBUF_COLOR_FORMAT_NV16_12LE, /**< BT.601 NV16, 12-bit (99). */
  NVBUF_COLOR_FORMAT_NV16_12LE_ER, /**< BT.601 full-range NV16, 12-bit (100). */
  NVBUF_COLOR_FORMAT_NV16_12LE_709, /**< BT.709 NV16, 12-bit (101). */
  NVBUF_COLOR_FORMAT_NV16_12LE_709_ER, /**< BT.709 full-range NV16, 12-bit (102). */
  NVBUF_COLOR_FORMAT_NV16_12LE_2020, /**< BT.2020 NV16, 12-bit (103). */
  NVBUF_COLOR_FORMAT_NV24_2020, /**< BT.2020 NV24 (104). */
  NVBUF_COLOR_FORMAT_NV24_10LE_ER, /**< BT.601 full-range NV24, 10-bit (105). */
  NVBUF_COLOR_FORMAT_NV24_12LE, /**< BT.601 NV24, 12-bit (106). */
  NVBUF_COLOR_FORMAT_NV24_12LE_ER, /**< BT.601 full-range NV24, 12-bit (107). */
  NVBUF_COLOR_FORMAT_NV24_12LE_709, /**< BT.709 NV24, 12-bit (108). */
  NVBUF_COLOR_FORMAT_NV24_12LE_709_ER, /**< BT.709 full-range NV24, 12-bit (109). */
  NVBUF_COLOR_FORMAT_UYVP_709, /**< BT.709 packed 10-bit 4:2:2 (110). */
  NVBUF_COLOR_FORMAT_UYVP_709_ER, /**< BT.709 full-range packed 10-bit 4:2:2 (111). */
  NVBUF_COLOR_FORMAT_UYVP_2020, /**< BT.2020 packed 10-bit 4:2:2 (112). */
  NVBUF_COLOR_FORMAT_LAST, /**< Number of formats; not a format (113). */
} NvBufSurfaceColorFormat;

/** Memory layout of the planes of a surface. */
typedef enum {
  NVBUF_LAYOUT_PITCH,        /**< Row-major rows separated by a pitch. */
  NVBUF_LAYOUT_BLOCK_LINEAR, /**< Tiled block-linear layout. */
} NvBufSurfaceLayout;

/** Kind of memory a surface lives in. */
typedef enum {
  NVBUF_MEM_DEFAULT,       /**< Platform default (CUDA device memory on dGPU). */
  NVBUF_MEM_CUDA_PINNED,   /**< Page-locked host memory. */
  NVBUF_MEM_CUDA_DEVICE,   /**< Device memory. */
  NVBUF_MEM_CUDA_UNIFIED,  /**< Unified (managed) memory, visible to host and device. */
  NVBUF_MEM_SURFACE_ARRAY, /**< Surface array (embedded platforms). */
  NVBUF_MEM_HANDLE,        /**< Memory handle (embedded platforms). */
  NVBUF_MEM_SYSTEM,        /**< Plain malloc() memory. */
  NVBUF_MEM_CUDA_ARRAY,    /**< CUDA array (embedded platforms). */
} NvBufSurfaceMemType;

/** Progressive or interlaced scan. */
typedef enum {
  NVBUF_DISPLAYSCANFORMAT_PROGRESSIVE, /**< Progressive frames. */
  NVBUF_DISPLAYSCANFORMAT_INTERLACED,  /**< Interlaced fields. */
} NvBufSurfaceDisplayScanFormat;

/** Extra per-plane parameters of a surface. */
typedef struct NvBufSurfacePlaneParamsEx {
  NvBufSurfaceDisplayScanFormat scanformat[NVBUF_MAX_PLANES]; /**< Scan format of each plane. */
  uint32_t secondfieldoffset[NVBUF_MAX_PLANES]; /**< Byte offset of the second field, interlaced only. */
  uint32_t blockheightlog2[NVBUF_MAX_PLANES];   /**< log2 of the block height, block-linear only. */
  uint32_t physicaladdress[NVBUF_MAX_PLANES];   /**< Physical address of each plane. */
  uint64_t flags[NVBUF_MAX_PLANES];             /**< Per-plane flags. */
  uint64_t drmModifier[NVBUF_MAX_PLANES];       /**< DRM format modifier of each plane. */
  void *_reserved[STRUCTURE_PADDING * NVBUF_MAX_PLANES]; /**< Reserved. */
} NvBufSurfacePlaneParamsEx;

/** Geometry of the planes of one surface. */
typedef struct NvBufSurfacePlaneParams {
  uint32_t num_planes;                    /**< Number of planes in use. */
  uint32_t width[NVBUF_MAX_PLANES];       /**< Width of each plane, in pixels. */
  uint32_t height[NVBUF_MAX_PLANES];      /**< Height of each plane, in rows. */
  uint32_t pitch[NVBUF_MAX_PLANES];       /**< Bytes from one row to the next. */
  uint32_t offset[NVBUF_MAX_PLANES];      /**< Byte offset of each plane from the buffer start. */
  uint32_t psize[NVBUF_MAX_PLANES];       /**< Size of each plane, in bytes. */
  uint32_t bytesPerPix[NVBUF_MAX_PLANES]; /**< Bytes per pixel of each plane. */
  void *_reserved[STRUCTURE_PADDING * NVBUF_MAX_PLANES]; /**< Reserved. */
} NvBufSurfacePlaneParams;

/** Chroma siting: 0 = left/top, 1 = centre, 2 = right/bottom. */
typedef struct NvBufSurfaceChromaSubsamplingParams {
  uint8_t chromaLocHoriz; /**< Horizontal siting. */
  uint8_t chromaLocVert;  /**< Vertical siting. */
  uint8_t _reserved[6];   /**< Reserved; pads to 8 bytes. */
} NvBufSurfaceChromaSubsamplingParams;

/** What to allocate for each buffer of a new batch (NvBufSurfaceCreate()). */
typedef struct NvBufSurfaceCreateParams {
  uint32_t gpuId;                      /**< GPU to allocate on. */
  uint32_t width;                      /**< Width in pixels. */
  uint32_t height;                     /**< Height in pixels. */
  uint32_t size;                       /**< If non-zero, allocate this many bytes and ignore the geometry. */
  bool isContiguous;                   /**< Allocate the whole batch as one block. */
  NvBufSurfaceColorFormat colorFormat; /**< Pixel format. */
  NvBufSurfaceLayout layout;           /**< Plane layout. */
  NvBufSurfaceMemType memType;         /**< Memory kind. */
  void *_reserved[STRUCTURE_PADDING];  /**< Reserved. */
} NvBufSurfaceCreateParams;

/** Extended allocation parameters (NvBufSurfaceAllocate()). */
typedef struct NvBufSurfaceAllocateParams {
  NvBufSurfaceCreateParams params;                       /**< Basic parameters. */
  NvBufSurfaceDisplayScanFormat displayscanformat;       /**< Scan format. */
  NvBufSurfaceChromaSubsamplingParams chromaSubsampling; /**< Chroma siting. */
  NvBufSurfaceTag memtag;                                /**< Allocation tag. */
  bool disablePitchPadding;  /**< Use pitch = width x bytes per pixel (rounded to even) instead of padded rows. */
  uint32_t _reservedParam;   /**< Reserved. */
  void *_reserved[STRUCTURE_PADDING]; /**< Reserved. */
} NvBufSurfaceAllocateParams;

/** CPU (and other) mappings of one surface. */
typedef struct NvBufSurfaceMappedAddr {
  void *addr[NVBUF_MAX_PLANES]; /**< Host address of each mapped plane, or NULL. */
  void *eglImage;               /**< EGL image made by NvBufSurfaceMapEglImage(), or NULL. */
  void *nvmmPtr;                /**< NVMM mapping, or NULL. */
  void *cudaPtr;                /**< CUDA mapping (NvBufSurfaceCudaBuffer), or NULL. */
  void *_reserved[STRUCTURE_PADDING]; /**< Reserved. */
} NvBufSurfaceMappedAddr;

/** Extra parameters of one surface. */
typedef struct NvBufSurfaceParamsEx {
  int32_t startofvaliddata;        /**< Offset of the first valid byte. */
  int32_t sizeofvaliddatainbytes;  /**< Number of valid bytes. */
  NvBufSurfaceChromaSubsamplingParams chromaSubsampling; /**< Chroma siting. */
  bool is_protected;               /**< Buffer is in protected memory. */
  NvBufSurfacePlaneParamsEx planeParamsex; /**< Extra per-plane parameters. */
  void *_reserved[STRUCTURE_PADDING];      /**< Reserved. */
} NvBufSurfaceParamsEx;

/** CUDA view of a surface (embedded platforms). */
typedef struct NvBufSurfaceCudaBuffer {
  void *basePtr;        /**< Start of the CUDA allocation. */
  void *dataPtr;        /**< Page-aligned start of the image data. */
  void *extMem;         /**< External-memory handle of an imported buffer. */
  void *mipmap;         /**< Mipmapped array of an imported buffer. */
  uint8_t reserved[64]; /**< Reserved. */
} NvBufSurfaceCudaBuffer;

/** One buffer (surface) of a batch. */
typedef struct NvBufSurfaceParams {
  uint32_t width;                      /**< Width in pixels. */
  uint32_t height;                     /**< Height in pixels. */
  uint32_t pitch;                      /**< Bytes per row of the first plane. */
  NvBufSurfaceColorFormat colorFormat; /**< Pixel format. */
  NvBufSurfaceLayout layout;           /**< Plane layout. */
  uint64_t bufferDesc;                 /**< DMABUF file descriptor, for handle-based memory. */
  uint32_t dataSize;                   /**< Bytes allocated for the buffer. */
  void *dataPtr;                       /**< Start of the buffer memory (not for surface-array memory). */
  NvBufSurfacePlaneParams planeParams; /**< Plane geometry. */
  NvBufSurfaceMappedAddr mappedAddr;   /**< Current mappings. */
  NvBufSurfaceParamsEx *paramex;       /**< Extra parameters, or NULL. */
  NvBufSurfaceCudaBuffer *cudaBuffer;  /**< CUDA view, or NULL. */
  void *_reserved[STRUCTURE_PADDING];  /**< Reserved. */
} NvBufSurfaceParams;

/** A batch of surfaces. */
typedef struct NvBufSurface {
  uint32_t gpuId;                  /**< GPU holding the batch. */
  uint32_t batchSize;              /**< Number of entries in @a surfaceList. */
  uint32_t numFilled;              /**< Entries holding valid frames. */
  bool isContiguous;               /**< The batch is one memory block. */
  NvBufSurfaceMemType memType;     /**< Memory kind of every surface. */
  NvBufSurfaceParams *surfaceList; /**< Array of @a batchSize surfaces. */
  bool isImportedBuf;              /**< The batch was imported from another process. */
  void *_reserved[STRUCTURE_PADDING]; /**< Reserved. */
} NvBufSurface;

/** Plane description used to import a buffer from another process. */
typedef struct NvBufSurfaceMapPlaneParams {
  uint32_t width;             /**< Plane width in pixels. */
  uint32_t height;            /**< Plane height in rows. */
  uint32_t pitch;             /**< Bytes per row. */
  uint32_t offset;            /**< Byte offset of the plane. */
  uint32_t psize;             /**< Plane size in bytes. */
  uint32_t secondfieldoffset; /**< Offset of the second field, interlaced only. */
  uint32_t blockheightlog2;   /**< log2 block height, block-linear only. */
  uint64_t flags;             /**< Plane flags. */
  uint8_t reserved[64];       /**< Reserved. */
} NvBufSurfaceMapPlaneParams;

/** CUDA IPC memory handle (opaque 64 bytes). */
typedef struct NvBufSurfaceCudaIpcMemHandle_t {
  char reserved[64]; /**< Opaque handle bytes. */
} NvBufSurfaceCudaIpcMemHandle;

/** Extra parameters used to import a buffer. */
typedef struct NvBufSurfaceExtendedMapParams_t {
  NvBufSurfaceCudaIpcMemHandle memHandle; /**< CUDA IPC handle. */
  void *reserved[64];                     /**< Reserved. */
} NvBufSurfaceExtendedMapParams;

/** Everything needed to import a buffer from another process. */
typedef struct NvBufSurfaceMapParams {
  uint32_t num_planes;                   /**< Number of planes. */
  uint32_t gpuId;                        /**< GPU id. */
  uint64_t fd;                           /**< DMABUF file descriptor. */
  uint32_t totalSize;                    /**< Total bytes. */
  NvBufSurfaceMemType memType;           /**< Memory kind. */
  NvBufSurfaceLayout layout;             /**< Plane layout. */
  NvBufSurfaceDisplayScanFormat scanformat; /**< Scan format. */
  NvBufSurfaceColorFormat colorFormat;   /**< Pixel format. */
  NvBufSurfaceChromaSubsamplingParams chromaSubsampling; /**< Chroma siting. */
  NvBufSurfaceMapPlaneParams planes[NVBUF_MAX_PLANES];   /**< Plane descriptions. */
  void *extendedMapParams;               /**< NvBufSurfaceExtendedMapParams, or NULL. */
  void *_reserved[STRUCTURE_PADDING];    /**< Reserved. */
} NvBufSurfaceMapParams;

/** A mapped NVMM buffer. */
typedef struct NvBufSurfaceNvmmBuffer {
  void *dataPtr;        /**< Mapped address. */
  uint64_t bufferDesc;  /**< DMABUF file descriptor. */
  uint8_t reserved[64]; /**< Reserved. */
} NvBufSurfaceNvmmBuffer;

/** GPU kernel driver family. */
typedef enum {
  NVBUF_DRIVER_TYPE_UNKNOWN = 0, /**< Not detected. */
  NVBUF_DRIVER_TYPE_NVGPU,       /**< nvgpu driver. */
  NVBUF_DRIVER_TYPE_RM           /**< OpenRM driver. */
} NvBufSurfaceDriverType;

/** Embedded platform generation. */
typedef enum {
  NVBUF_PLATFORM_TYPE_UNKNOWN = 0, /**< Not an embedded platform, or not detected. */
  NVBUF_PLATFORM_TYPE_T186 = 1,    /**< T186. */
  NVBUF_PLATFORM_TYPE_T194 = 2,    /**< T194. */
  NVBUF_PLATFORM_TYPE_T210 = 3,    /**< T210. */
  NVBUF_PLATFORM_TYPE_T234 = 4,    /**< T234. */
  NVBUF_PLATFORM_TYPE_T256 = 5,    /**< T256. */
  NVBUF_PLATFORM_TYPE_T264 = 6,    /**< T264. */
} NvBufSurfacePlatformType;

/** Facts about the device, filled by NvBufSurfaceGetDeviceInfo(). */
typedef struct NvBufSurfaceDeviceInfo {
  NvBufSurfaceDriverType driverType;     /**< Driver family. */
  bool isVicPresent;                     /**< A VIC engine is present. */
  bool isIntegratedGpu;                  /**< The GPU is integrated. */
  bool reserved1;                        /**< Reserved. */
  bool reserved2;                        /**< Reserved. */
  NvBufSurfacePlatformType platformType; /**< Platform generation. */
  uint8_t reserved[60];                  /**< Reserved. */
} NvBufSurfaceDeviceInfo;

/** GPU L2 cache maintenance operations. */
typedef enum NvBufSurfaceGPUL2SyncCacheOps {
  NVBUF_GPU_L2_CACHE_INVALIDATE = 1,       /**< Invalidate. */
  NVBUF_GPU_L2_CACHE_FLUSH = 2,            /**< Flush. */
  NVBUF_GPU_L2_CACHE_FLUSH_INVALIDATE =
      NVBUF_GPU_L2_CACHE_FLUSH | NVBUF_GPU_L2_CACHE_INVALIDATE /**< Flush then invalidate. */
} NvBufSurfaceGPUL2SyncCacheOps;

/** Parameters of NvBufSurfaceSyncGpuL2CacheForDevice(). */
typedef struct NvBufSurfaceGPUL2SyncParams {
  NvBufSurfaceGPUL2SyncCacheOps type; /**< Operation. */
  void *reserved[STRUCTURE_PADDING];  /**< Reserved. */
} NvBufSurfaceGPUL2SyncParams;

/*
 * Functions. Unless stated otherwise they return 0 on success and -1 on
 * failure (bad argument or unsupported operation). An @a index or @a plane
 * of -1 means "all buffers" / "all planes".
 */

/**
 * Allocates a batch of @a batchSize surfaces described by @a params.
 * @param surf      Receives the new batch (free with NvBufSurfaceDestroy()).
 * @param batchSize Number of surfaces.
 * @param params    Geometry, format and memory kind of each surface.
 */
int NvBufSurfaceCreate (NvBufSurface **surf, uint32_t batchSize, NvBufSurfaceCreateParams *params);

/** Like NvBufSurfaceCreate() with extended parameters. @param surf Receives the batch. @param batchSize Number of surfaces. @param paramsext Parameters. */
int NvBufSurfaceAllocate (NvBufSurface **surf, uint32_t batchSize, NvBufSurfaceAllocateParams *paramsext);

/** Frees a batch made by NvBufSurfaceCreate() or NvBufSurfaceAllocate(). @param surf The batch. */
int NvBufSurfaceDestroy (NvBufSurface *surf);

/**
 * Maps surfaces for CPU access; fills surfaceList[i].mappedAddr.addr[].
 * @param surf  The batch.
 * @param index Buffer index, or -1 for all.
 * @param plane Plane index, or -1 for all.
 * @param type  Requested access.
 */
int NvBufSurfaceMap (NvBufSurface *surf, int index, int plane, NvBufSurfaceMemMapFlags type);

/** Undoes NvBufSurfaceMap(). @param surf The batch. @param index Buffer or -1. @param plane Plane or -1. */
int NvBufSurfaceUnMap (NvBufSurface *surf, int index, int plane);

/** Copies every surface of @a srcSurf into @a dstSurf (same batch size and geometry). @param srcSurf Source. @param dstSurf Destination. */
int NvBufSurfaceCopy (NvBufSurface *srcSurf, NvBufSurface *dstSurf);

/**
 * Copies one plane of one surface into a raw buffer.
 * @param Surf The batch. @param index Buffer. @param plane Plane.
 * @param out_width Row width of @a ptr in bytes-per-pixel units. @param out_height Rows of @a ptr.
 * @param ptr Destination memory.
 */
int NvBufSurface2Raw (NvBufSurface *Surf, unsigned int index, unsigned int plane,
    unsigned int out_width, unsigned int out_height, unsigned char *ptr);

/**
 * Copies a raw buffer into one plane of one surface.
 * @param ptr Source memory. @param index Buffer. @param plane Plane.
 * @param in_width Row width of @a ptr. @param in_height Rows of @a ptr. @param Surf The batch.
 */
int Raw2NvBufSurface (unsigned char *ptr, unsigned int index, unsigned int plane,
    unsigned int in_width, unsigned int in_height, NvBufSurface *Surf);

/** Makes device writes visible to the CPU. @param surf The batch. @param index Buffer or -1. @param plane Plane or -1. */
int NvBufSurfaceSyncForCpu (NvBufSurface *surf, int index, int plane);

/** Makes CPU writes visible to the device. @param surf The batch. @param index Buffer or -1. @param plane Plane or -1. */
int NvBufSurfaceSyncForDevice (NvBufSurface *surf, int index, int plane);

/** Finds the batch behind a DMABUF file descriptor. @param dmabuf_fd Descriptor. @param buffer Receives the NvBufSurface pointer. */
int NvBufSurfaceFromFd (int dmabuf_fd, void **buffer);

/** Fills planes with a byte value. @param surf The batch. @param index Buffer or -1. @param plane Plane or -1. @param value Fill byte. */
int NvBufSurfaceMemSet (NvBufSurface *surf, int index, int plane, uint8_t value);

/** Creates EGL images for surfaces (surface-array memory only). @param surf The batch. @param index Buffer or -1. */
int NvBufSurfaceMapEglImage (NvBufSurface *surf, int index);

/** Destroys EGL images made by NvBufSurfaceMapEglImage(). @param surf The batch. @param index Buffer or -1. */
int NvBufSurfaceUnMapEglImage (NvBufSurface *surf, int index);

/** Imports a buffer described by another process. @param out_nvbuf_surf Receives the batch. @param in_params Description. */
int NvBufSurfaceImport (NvBufSurface **out_nvbuf_surf, const NvBufSurfaceMapParams *in_params);

/** Describes one buffer for import elsewhere. @param surf The batch. @param index Buffer. @param params Receives the description. */
int NvBufSurfaceGetMapParams (const NvBufSurface *surf, int index, NvBufSurfaceMapParams *params);

/** Creates CUDA views of surfaces. @param surf The batch. @param index Buffer or -1. */
int NvBufSurfaceMapCudaBuffer (NvBufSurface *surf, int index);

/** Destroys CUDA views made by NvBufSurfaceMapCudaBuffer(). @param surf The batch. @param index Buffer or -1. */
int NvBufSurfaceUnMapCudaBuffer (NvBufSurface *surf, int index);

/** Creates NVMM views of surfaces. @param surf The batch. @param index Buffer or -1. */
int NvBufSurfaceMapNvmmBuffer (NvBufSurface *surf, int index);

/** Destroys NVMM views made by NvBufSurfaceMapNvmmBuffer(). @param surf The batch. @param index Buffer or -1. */
int NvBufSurfaceUnMapNvmmBuffer (NvBufSurface *surf, int index);

/** Reports facts about the device. @param info Receives the facts. */
int NvBufSurfaceGetDeviceInfo (NvBufSurfaceDeviceInfo *info);

/** Performs GPU L2 cache maintenance. @param surf The batch. @param index Buffer or -1. @param params Operation. */
int NvBufSurfaceSyncGpuL2CacheForDevice (NvBufSurface *surf, int index, NvBufSurfaceGPUL2SyncParams *params);

#ifdef __cplusplus
}
#endif

#endif /* BINDERY_NVBUFSURFACE_H */
