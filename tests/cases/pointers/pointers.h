/** Raw pointers: void* and pointers to types the module does not bind. */

struct PtOpaque; /* declared, never defined: not bound */

/** Carries raw addresses. */
typedef struct {
  void *user_data;          /**< Untyped pointer: a capsule in Python. */
  const void *cookie;       /**< Const untyped pointer. */
  struct PtOpaque *handle;  /**< Pointer to an opaque type: also a capsule. */
  int *counter;             /**< Pointer to a number: a capsule (use numpy exporters for arrays). */
} PtBox;
