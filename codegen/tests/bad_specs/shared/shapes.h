/* Header shared by the bad-spec cases: one item of each kind the spec can name. */

/* A minimal GList so the cases need no GLib. */
typedef struct _GList {
  void *data;
  struct _GList *next;
  struct _GList *prev;
} GList;

/** Kinds of item. */
typedef enum { BS_SMALL = 0, BS_LARGE = 1 } BsKind;

/** A box. */
typedef struct {
  float left;  /**< Left edge. */
  float top;   /**< Top edge. */
} BsBox;

/** A list element. */
typedef struct {
  int id;      /**< Id. */
  BsBox box;   /**< Box. */
  BsKind kind; /**< Kind. */
} BsItem;

/** A frame. */
typedef struct {
  int width;        /**< Columns. */
  int height;       /**< Rows. */
  unsigned char *pixels; /**< Pixel data. */
  char *label;      /**< A C string. */
  GList *items;     /**< BsItem* entries. */
} BsFrame;

/** Creates a frame. */
BsFrame *bs_frame_new(int width, int height);

/** Frees a frame. */
void bs_frame_free(BsFrame *frame);

/** Adds an item to a frame. */
int bs_frame_add(BsFrame *frame, BsItem *item);
