/* Header shared by the bad-spec cases about functions and callbacks. */
#include <stdarg.h>

/** Nested key holder. */
typedef struct {
  int code;     /**< An integer. */
  float weight; /**< Not an integer. */
} CsInner;

/** User meta with callbacks. */
typedef struct CsUserMeta {
  int meta_type;  /**< Registry key. */
  CsInner inner;  /**< Embedded struct. */
  void *(*copy_func)(void *data, void *user_data);   /**< Copies. */
  void (*release_func)(struct CsUserMeta *meta);     /**< Releases. */
} CsUserMeta;

/** A box. */
typedef struct {
  int count; /**< Items. */
} CsBox;

/** Creates a box. */
CsBox *cs_box_new(void);

/** Frees a box (with flags: not a plain free function). */
void cs_box_free(CsBox *box, int flags);

/** A child box. */
CsBox *cs_box_child(CsBox *box, int index);

/** Adds an item. */
int cs_box_add(CsBox *box, CsBox *item, int index);

/** A float result. */
float cs_box_weight(CsBox *box);

/** Variadic. */
int cs_printf(const char *format, ...);
