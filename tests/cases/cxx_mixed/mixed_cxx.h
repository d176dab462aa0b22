/* Golden case: the C++ header of a mixed set. */
#ifndef MIXED_CXX_H
#define MIXED_CXX_H

#include <string>
#include <vector>

#include "mixed_c.h"

#ifdef __cplusplus
extern "C" {
#endif

/** std:: members between plain ones (padding before the string). */
typedef struct {
  uint8_t tag;                 /**< A byte: padding follows. */
  std::string name;            /**< A string. */
  std::vector<MxPoint> points; /**< C structs: views into the vector. */
  MxKind kind;                 /**< An enum of the C header. */
  MxPoint *first;              /**< A pointer to a C struct. */
} MxShape;

#ifdef __cplusplus
}
#endif

#endif
