/** A module that opts into raw int addresses (pyds compatibility). */
#include <stdint.h>

/** A plain struct: `cast(int)` probes sizeof(CmPoint) bytes first. */
typedef struct {
  int32_t x;       /**< X. */
  int32_t y;       /**< Y. */
  void *user_data; /**< void*: accepts ints too in this module. */
} CmPoint;
