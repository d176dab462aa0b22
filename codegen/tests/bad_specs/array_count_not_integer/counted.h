/* A struct pointer whose count is named by a field that is not an integer. */
typedef struct { int id; } BcItem;
typedef struct {
  BcItem *items; /**< Items. */
  char *count;   /**< Not a number. */
} BcList;
