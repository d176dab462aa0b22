/** Unions, anonymous members and bit-fields. */
#include <stdint.h>

/** A value that is either an integer or a float. */
typedef union {
  int32_t i; /**< As an integer. */
  float f;   /**< As a float. */
} UnValue;

/** A tagged value with anonymous members and bit-fields. */
typedef struct {
  int tag;           /**< Which member is valid. */
  UnValue value;     /**< Named union member. */
  union {
    int64_t big;     /**< Anonymous union member. */
    double real;     /**< Anonymous union member. */
  };
  struct {
    int x;           /**< Anonymous struct member. */
    int y;           /**< Anonymous struct member. */
  } point;           /**< Named field of an anonymous struct type. */
  unsigned int ready : 1;  /**< Bit-field. */
  unsigned int spare : 31; /**< Bit-field. */
} UnTagged;
