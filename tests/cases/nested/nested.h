/** Nested structs by value and by pointer. */

/** A 2-D point. */
typedef struct {
  float x; /**< Horizontal coordinate. */
  float y; /**< Vertical coordinate. */
} NsPoint;

/** A segment between two points (embedded by value). */
typedef struct {
  NsPoint from; /**< Start point; `from` is a Python keyword, so the attribute is `from_`. */
  NsPoint to;   /**< End point. */
} NsSegment;

struct NsNode;

/** A node of a singly linked chain, with a pointer to an optional next node. */
typedef struct NsNode {
  int value;            /**< Payload. */
  NsSegment segment;    /**< Two levels of nesting. */
  struct NsNode *next;  /**< Next node, or NULL (reads as None). */
  const NsPoint *anchor; /**< Pointer to a const point, read-only by the spec, or NULL. */
  const NsPoint *hint;   /**< Pointer to a const point that Python may re-point. */
} NsNode;

/** A struct the spec hides from Python construction. */
typedef struct {
  unsigned int id; /**< Identifier assigned by C. */
} NsHandle;
