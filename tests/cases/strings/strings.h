/** Strings: fixed char arrays and char pointers with different owners. */

/** Longest name, NUL included. */
#define ST_NAME_LEN 16

/** A record with every string policy. */
typedef struct {
  char name[ST_NAME_LEN]; /**< Fixed-size name; longer values are rejected. */
  char *label;            /**< Owned by the struct, allocated with GLib. */
  char *path;             /**< Owned by the struct, allocated with the C library. */
  const char *origin;     /**< Borrowed: C owns it, Python only reads it. */
  char *comment;          /**< No policy in the spec: read-only like a borrowed string. */
} StRecord;

/** Strings owned by default (`[struct.StTags] strings = "owned"`). */
typedef struct {
  char *first;        /**< Owned: the struct's default policy. */
  char *second;       /**< Owned: the struct's default policy. */
  const char *source; /**< Borrowed: its own `string` wins over the default. */
} StTags;
