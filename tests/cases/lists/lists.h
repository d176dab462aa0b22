/** GLib lists, typed and untyped. */
#include <glib.h>

/** A list element. */
typedef struct {
  gint id;       /**< Element id. */
  gdouble score; /**< Element score. */
} LsItem;

/** Holds lists. */
typedef struct {
  GList *items;   /**< LsItem* entries: typed iteration. */
  GList *misc;    /**< Unknown entries: iteration yields capsules. */
  guint n_items;  /**< Number of items. */
} LsBag;
