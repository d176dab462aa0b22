/** Module functions: conversions, ownership and status codes. */
#include <stdint.h>

/** A container that can own items. */
typedef struct FnItem FnItem;

typedef struct {
  int count; /**< Items held. */
  FnItem *label; /**< The box's label item, or NULL: freed with the box. */
} FnBox;

/** An item. */
struct FnItem {
  int64_t value; /**< Payload. */
};

/** Direction of a scan. */
typedef enum {
  FN_FORWARD = 0,  /**< First to last. */
  FN_BACKWARD = 1  /**< Last to first. */
} FnDirection;

/** Adds two numbers (keyword arguments `a` and `b`). */
int64_t fn_add(int32_t a, int32_t b);

/** Scales by a factor; an unnamed second parameter becomes `arg1`. */
double fn_scale(double value, float);

/** Whether the box is empty. */
_Bool fn_is_empty(const FnBox *box);

/** Creates a box; Python owns it and frees it with fn_box_free(). */
FnBox *fn_box_new(void);

/** Frees a box; the Python object becomes unusable. */
void fn_box_free(FnBox *box);

/** Creates an item owned by Python until it is added to a box. */
FnItem *fn_item_new(int64_t value);

/** Frees an item. */
void fn_item_free(FnItem *item);

/** Moves @a item into @a box. Returns 0, -1 when a pointer is NULL, -2 when the box is full. */
int fn_box_add(FnBox *box, FnItem *item);

/** Takes @a item out of @a box and back to the box's pool (only items C made). */
void fn_box_remove(FnBox *box, FnItem *item);

/** The @a index-th item of @a box (borrowed: valid while the box is). */
FnItem *fn_box_get(FnBox *box, int index);

/** A process-wide default box owned by C. */
FnBox *fn_default_box(void);

/** Sums the box's items; slow, so the GIL is released. */
int64_t fn_box_sum(const FnBox *box);

/** Looks an item up by name (a `const char*` argument). */
FnItem *fn_find(FnBox *box, const char *name);

/** Returns a static description string. */
const char *fn_describe(const FnBox *box);

/** Hands an item back to a C-side pool (Python never owned it). */
void fn_item_recycle(FnItem *item);

/** Raw pointer in and out. */
void *fn_identity(void *p);

/** Enum in and out. */
FnDirection fn_reverse(FnDirection d);

/** Internal helper the spec hides. */
int fn_internal(void);

/** Variadic functions are not bound. */
int fn_printf(const char *format, ...);
