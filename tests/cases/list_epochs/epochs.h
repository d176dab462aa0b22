/** Lists whose nodes functions free: explicit and inferred list edits. */
#include <glib.h>

/** A list element. */
typedef struct {
  gint id; /**< Element id. */
} LeItem;

/** Another element type. */
typedef struct {
  gint tag; /**< Tag. */
} LeNote;

/** Holds two typed lists. */
typedef struct {
  GList *items; /**< LeItem* entries. */
  GList *notes; /**< LeNote* entries. */
} LeBag;

/** Removes @a item from @a bag (inferred: invalidates an LeItem, bag lists LeItem). */
void le_bag_remove_item (LeBag *bag, LeItem *item);

/** Empties every list of @a bag (explicit `edits_lists`). */
void le_bag_clear (LeBag *bag);

/** Appends @a item: adding never invalidates node views. */
void le_bag_add_item (LeBag *bag, LeItem *item);
