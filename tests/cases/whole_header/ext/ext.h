/** Types declared outside the bound headers, used by bound items. */
#ifndef EXT_EXT_H
#define EXT_EXT_H

/** A mode (bound items see it as its integer type). */
typedef enum { EXT_OFF = 0, EXT_ON = 1 } ExtMode;

/** An enum whose values need 64 bits. */
typedef enum { EXT_SMALL = 1, EXT_BIG = 0x100000000 } ExtWide;

/** A point passed by value. */
typedef struct {
  int x;
  int y;
} ExtPoint;

/** A callback with user data. */
typedef void (*ExtCallback)(void *user_data);

#endif
