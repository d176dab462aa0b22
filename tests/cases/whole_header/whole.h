/** A whole header bound by default rules: what binds, and what is skipped
 * with a reason. */
#ifndef WH_WHOLE_H
#define WH_WHOLE_H

#include <stdarg.h>

#include "whole_parts.h"

#define WH_VERSION 3
#define WH_NAME "whole"
#define WH_MAX(a, b) ((a) > (b) ? (a) : (b))
#define WH_FLAG

enum { WH_ANON_A = 1, WH_ANON_B = 2 };

/** Opens a handle. */
WhHandle *wh_open(const char *path);

/** Closes a handle. */
void wh_close(WhHandle *handle);

/** The packet's mode (an enum of an unbound header: an int). */
ExtMode wh_mode(const WhPacket *packet);

/** Sets the packet's mode. */
void wh_set_mode(WhPacket *packet, ExtMode mode);

/** A 64-bit enum result. */
ExtWide wh_wide(void);

/** The first packet, read-only for C (a `const` result). */
const WhPacket *wh_first(WhHandle *handle);

/** A static name. */
const char *wh_name(void);

/** A struct returned by value: no conversion. */
ExtPoint wh_origin(const WhPacket *packet);

/** Structs passed by value: no conversion. */
int wh_distance(ExtPoint a, ExtPoint b);

/** A callback parameter. */
void wh_watch(WhHandle *handle, ExtCallback callback, void *user_data);

/** `long double` has no conversion. */
long double wh_precise(void);

/** An opaque struct by value. */
WhHandle wh_copy(WhHandle *handle);

/** Variadic. */
int wh_log(const char *format, ...);

/** Takes a `va_list`. */
int wh_vlog(const char *format, va_list args);

/** Never returns. */
_Noreturn void wh_abort(void);

/** Parameters named like Python and Rust keywords, wrapper locals and each other. */
int wh_names(int from, int lambda, int self, int py, int type, int value, int arg1, int);

/** An array parameter (passed as a pointer). */
void wh_fill(int values[4], const char *names[]);

#endif
