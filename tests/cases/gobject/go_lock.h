/* A GLib-style lock declared outside the bound headers: its struct has no
 * class (like GRecMutex, which gobject.h's structs embed). */
#ifndef GOLDEN_GO_LOCK_H
#define GOLDEN_GO_LOCK_H

typedef struct {
    void *p;
    unsigned int i[2];
} GoRecMutex;

#endif
