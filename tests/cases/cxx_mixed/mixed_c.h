/* Golden case: the C header of a set with a C++ header. bindgen parses it
 * alone, as C; its `#ifdef __cplusplus` block only C++ sees. */
#ifndef MIXED_C_H
#define MIXED_C_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** A plain C struct. */
typedef struct {
  int32_t x; /**< Horizontal position. */
  int32_t y; /**< Vertical position. */
} MxPoint;

/** Kinds of shapes. */
typedef enum { MX_KIND_A = 0, MX_KIND_B = 1 } MxKind;

/** A C function. @return The point's x. */
int32_t mx_point_x(const MxPoint *point);

/** A header-defined helper, parsed as C: wrapped in bindgen's C shim. @return x + y. */
static inline int32_t mx_point_sum(const MxPoint *point) { return point->x + point->y; }

#ifdef __cplusplus
}

/* Declared only for C++ (as in NVIDIA's nvdsinfer.h): written from bindery's C++ parse. */

/** Levels only C++ sees. */
typedef enum { MX_LEVEL_LOW = 0, MX_LEVEL_HIGH = 2 } MxLevel;

/** A struct only C++ sees. */
typedef struct {
  MxPoint origin; /**< An embedded C struct. */
  MxLevel level;  /**< An enum only C++ sees. */
} MxCxxOnly;

/** A derived struct: its base is opaque bytes in Rust. */
struct MxDerived : MxPoint {
  double scale; /**< A member after the base. */
};
#endif

#endif
