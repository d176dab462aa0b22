/* Golden case: link settings. One function from a library that would live
 * next to the module in a wheel (`$ORIGIN`) and in a local build dir. */
#ifndef LINK_PATHS_H
#define LINK_PATHS_H

/** Adds two numbers. */
int lp_add(int a, int b);

#endif
