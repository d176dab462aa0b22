/** Included by whole.h and bound through `[expose].headers`. */
#ifndef WH_WHOLE_PARTS_H
#define WH_WHOLE_PARTS_H

#include <stdint.h>

#include "ext/ext.h"

/** A packet: bit-fields, an enum and a struct from outside the bound
 * headers, a 2-D array and a flexible array member. */
typedef struct {
  uint32_t len;      /**< Bytes in `data`. */
  uint8_t flags : 4; /**< Bit-field. */
  uint8_t kind : 4;  /**< Bit-field. */
  ExtMode mode;      /**< Enum declared outside the bound headers. */
  ExtPoint origin;   /**< Struct declared outside the bound headers. */
  ExtPoint *target;  /**< Pointer to such a struct. */
  int grid[3][4];    /**< Array of arrays. */
  uint8_t data[];    /**< Flexible array member. */
} WhPacket;

/** Number types without a Python conversion beside one with. */
typedef struct {
  long double precise; /**< `long double`. */
  __int128 big;        /**< 128-bit integer. */
  int ok;              /**< Bound. */
} WhWide;

/** An opaque handle. */
typedef struct _WhHandle WhHandle;

#endif
