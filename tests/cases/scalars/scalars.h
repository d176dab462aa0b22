/** Every scalar width bindery converts exactly. */
#include <glib.h>
#include <stdint.h>
#include <stdbool.h>

/** One field per scalar type. */
typedef struct {
  int8_t i8;             /**< Signed 8-bit. */
  uint8_t u8;            /**< Unsigned 8-bit. */
  int16_t i16;           /**< Signed 16-bit. */
  uint16_t u16;          /**< Unsigned 16-bit. */
  int32_t i32;           /**< Signed 32-bit. */
  uint32_t u32;          /**< Unsigned 32-bit. */
  int64_t i64;           /**< Signed 64-bit. */
  uint64_t u64;          /**< Unsigned 64-bit. */
  char c;                /**< Plain char (converted as a signed 8-bit integer). */
  signed char sc;        /**< signed char. */
  unsigned char uc;      /**< unsigned char. */
  short s;               /**< short. */
  unsigned short us;     /**< unsigned short. */
  int i;                 /**< int. */
  unsigned int ui;       /**< unsigned int. */
  long l;                /**< long (64-bit on LP64). */
  unsigned long ul;      /**< unsigned long. */
  long long ll;          /**< long long. */
  unsigned long long ull; /**< unsigned long long. */
  gint gi;               /**< GLib gint. */
  guint64 gu64;          /**< GLib guint64. */
  float f;               /**< float. */
  double d;              /**< double. */
  bool b;                /**< C99 bool. */
  _Bool b2;              /**< _Bool spelled out. */
  gboolean gb;           /**< GLib boolean (an int). */
} ScAll;
