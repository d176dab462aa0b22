/* A header with a syntax error on line 5. */
typedef struct {
  int width;
  int height;
  unsigned banana count; /* two type names in a row */
} BrokenFrame;
