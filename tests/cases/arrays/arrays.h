/** Fixed-size arrays: numbers become numpy views, chars become strings. */
#include <stdint.h>

/** A pair used as an array element. */
typedef struct {
  int a; /**< First. */
  int b; /**< Second. */
} ArPair;

/** Arrays of every numeric element type. */
typedef struct {
  int64_t misc[4];      /**< Four 64-bit values. */
  float embedding[8];   /**< Feature vector. */
  double weights[3];    /**< Weights. */
  uint8_t bytes[16];    /**< Raw bytes. */
  int16_t samples[2];   /**< Read-only samples. */
  ArPair pairs[2];      /**< Array of structs: a list of views into the array. */
  char tag[8];          /**< A char array is a string, not numbers. */
} ArData;
