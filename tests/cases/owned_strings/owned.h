/** Structs owning strings through nested structs and struct arrays, and pointer fields. */
#include <glib.h>

/** A label owning its text. */
typedef struct {
  char *text;   /**< Owned (g_malloc). */
  char *font;   /**< Owned with libc malloc. */
  gint size;    /**< Point size. */
  float *glyphs; /**< Owned buffer (pointer = "owned"): read-only, never copied. */
} OwLabel;

/** Nests labels by value and in an array. */
typedef struct {
  OwLabel title;       /**< Nested: its strings are this struct's too. */
  OwLabel lines[2];    /**< Struct array: each element's strings. */
  char *note;          /**< Owned directly. */
  char *borrowed;      /**< Not owned (no policy): not copied, not freed. */
} OwCard;

/** Holds a pointer to a card (anchors Python-owned targets). */
typedef struct {
  OwCard *card;        /**< Pointer field. */
  OwCard copy;         /**< Nested card: deep-copied on assignment. */
} OwHolder;

/** A union with an owned-looking member: never walked. */
typedef union {
  char *text;  /**< Owned policy, but inside a union. */
  gint64 id;   /**< Alternative. */
} OwChoice;
