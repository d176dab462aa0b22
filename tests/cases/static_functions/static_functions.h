/** Functions the header defines (`static`, `static inline`): bound through
 * the C shim the generated build.rs compiles, or skipped with a reason. */
#ifndef SF_STATIC_FUNCTIONS_H
#define SF_STATIC_FUNCTIONS_H

#include <stdarg.h>
#include <stdint.h>

/** A counter. */
typedef struct {
  int32_t value; /**< Current value. */
} SfCounter;

/** Adds two numbers (`static inline`: the shim exports a wrapper). */
static inline int32_t sf_add(int32_t a, int32_t b) { return a + b; }

/** Increments the counter and returns the new value (`static`, not inline). */
static int32_t sf_bump(SfCounter *counter) { return ++counter->value; }

/** Returns its argument as a `const` pointer. */
static inline const SfCounter *sf_peek(const SfCounter *counter) { return counter; }

/** Doubles a number; a same-named function-like macro shadows it, as GLib's
 * `g_steal_pointer` does, and must not expand in the shim. */
static inline int32_t sf_twice(int32_t x) { return 2 * x; }
#define sf_twice(x) ((x) + sf_no_such_symbol)

/** Formats from a `va_list`: Python cannot build one. */
static inline int sf_vformat(char *out, const char *format, va_list args) {
  (void)out; (void)format; (void)args;
  return 0;
}

/** Sums its variable arguments: variadic. */
static inline int sf_sum(int count, ...) { return count; }

/** `inline` without `static`: the header defines no symbol. */
inline int sf_no_symbol(void) { return 1; }

/** A 128-bit result: the shim cannot declare it. */
static inline __int128 sf_wide(void) { return 0; }

/** An exported function beside them (a library symbol, no shim). */
int32_t sf_exported(SfCounter *counter);

#endif
