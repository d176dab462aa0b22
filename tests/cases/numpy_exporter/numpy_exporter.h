/** Memory behind pointers exported as zero-copy numpy arrays. */
#include <stdint.h>

/** A row-major image of 8-bit pixels with three channels. */
typedef struct {
  int32_t width;    /**< Columns. */
  int32_t height;   /**< Rows. */
  uint8_t *pixels;  /**< height * width * 3 bytes. */
  float *histogram; /**< 256 bins. */
} NpImage;

/** A mask whose length is a byte count; the struct owns `data`. */
typedef struct {
  float *data;     /**< `size` bytes of width * height floats (or NULL). */
  uint32_t size;   /**< Bytes at `data`. */
  uint32_t width;  /**< Columns. */
  uint32_t height; /**< Rows. */
} NpMask;

/** A grid of motion vectors stored as int16 (x, y) pairs behind a `void*`. */
typedef struct {
  uint32_t rows; /**< Grid rows. */
  uint32_t cols; /**< Grid columns. */
  void *vectors; /**< rows * cols pairs of int16 (or NULL). */
} NpFlow;
