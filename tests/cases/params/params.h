/** Parameter kinds for real C APIs: out-parameters, byte buffers in and
 *  out, output strings, lists, nullable and raw pointers, overlapping
 *  arguments and free functions consumed by default. */
#include <stddef.h>
#include <stdint.h>

/** A list node as GLib lays it out. */
typedef struct _GList GList;
struct _GList {
  void *data;
  GList *next;
  GList *prev;
};

/** A 2-D point. */
typedef struct {
  double x; /**< Horizontal. */
  double y; /**< Vertical. */
} PkPoint;

/** A shape holding a list of points. */
typedef struct {
  GList *points; /**< PkPoint elements. */
  int id;        /**< Identifier. */
} PkShape;

/** Severity of a message. */
typedef enum { PK_INFO = 0, PK_WARN = 1 } PkLevel;

/** Splits a value: quotient and remainder through out-parameters. */
void pk_divmod(int a, int b, int *quot, int *rem);

/** Parses a level; returns 0 on success, -1 for an unknown name. */
int pk_parse_level(const char *name, PkLevel *level);

/** Fills a point; returns how many fields were set. */
int pk_make_point(double x, double y, PkPoint *out);

/** Checksum of a byte buffer. */
uint32_t pk_checksum(const void *data, size_t size);

/** Writes `size` bytes of a pattern; the caller provides the buffer. */
void pk_fill(uint8_t *buf, size_t size, uint8_t seed);

/** Copies a name into a caller buffer, NUL-terminated. */
int pk_name(int id, char *out, size_t cap);

/** Compresses-like API: writes at most *out_len bytes, stores the count in *out_len. */
int pk_encode(const uint8_t *in, size_t in_len, uint8_t *out, size_t *out_len);

/** Upper bound of pk_encode's output. */
size_t pk_encode_bound(size_t in_len);

/** Appends the points of a list to a shape. */
int pk_shape_extend(PkShape *shape, GList *points);

/** First point of a list (lives as long as the list). */
PkPoint *pk_first_point(GList *points);

/** A point owned by a static table. */
PkPoint *pk_origin(void);

/** Finds a shape's point by index; `shape` may be NULL. */
PkPoint *pk_shape_point(PkShape * _Nullable shape, int index);

/** Opaque user data in and out. */
void *pk_tag(void *user_data, int level);

/** Stores user data, which may also be given as an int address. */
void pk_store(void *anything);

/** Copies a shape given as untyped user data (a copy callback's form). */
void *pk_shape_copy_func(void *data, void *user_data);

/** Frees a shape given as untyped user data (a release callback's form). */
void pk_shape_release_func(void *data, void *user_data);

/** Creates a shape. */
PkShape *pk_shape_new(int id);

/** Frees a shape (consumed by default: its name ends in `_free`). */
void pk_shape_free(PkShape *shape);

/** Unreferences a point but is documented to keep it (spec turns the default off). */
void pk_point_unref(PkPoint *point);

/** Returns a Python-constructed point to C, which accepts any memory. */
void pk_point_release(PkPoint *point);

/** Visitor of pk_visit(); the last `void*` argument receives user_data. */
typedef int (*PkVisit)(const PkPoint *point, const char *label, void *user_data);

/** Calls @a visit for each point of @a shape; a Python callable in Python. */
int pk_visit(PkShape *shape, PkVisit visit, void *user_data);

/** An opaque context: a typed handle class in Python. */
typedef struct _PkContext *PkContextHandle;

/** Opens a context. */
PkContextHandle pk_context_open(int flags);

/** Closes a context (consumed by default: its name ends in `_unref`). */
void pk_context_unref(PkContextHandle ctx);

/** Field names that are also names of locals in generated accessors. */
typedef struct {
  int py;     /**< Named like the GIL token. */
  int value;  /**< Named like a setter's argument. */
  int p;      /**< Named like the struct pointer. */
  int slf;    /**< Named like the bound receiver. */
  int this;   /**< Named like the borrowed receiver. */
  int source; /**< Named like an assigned struct. */
  int src;    /**< Named like its pointer. */
} PkLocals;

/** Parameter names that are also names of generated locals: the generated
 *  function must keep them apart (its own locals use the `__bindery_` prefix). */
int pk_locals(int py, int value, int p, const char *src, PkLocals *source, int *slf);
