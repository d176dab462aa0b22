/*
 * bindery DeepStream SDK stand-in: nvds_version.h.
 *
 * Owns reporting of the DeepStream API version this stand-in reproduces
 * and of the library versions it runs on.
 */
#include <stdio.h>

#include <glib.h>

#include "nvds_version.h"

/** Stores the reproduced API version in @major and @minor (either may be NULL). */
void
nvds_version (unsigned int *major, unsigned int *minor)
{
  if (major != NULL)
    *major = NVDS_VERSION_MAJOR;
  if (minor != NULL)
    *minor = NVDS_VERSION_MINOR;
}

/** Prints "DeepStreamSDK major.minor.micro (bindery stand-in)". */
void
nvds_version_print (void)
{
  printf ("DeepStreamSDK %d.%d.%d (bindery stand-in)\n", NVDS_VERSION_MAJOR,
      NVDS_VERSION_MINOR, NVDS_VERSION_MICRO);
}

/** Prints the GLib version the library runs against. */
void
nvds_dependencies_version_print (void)
{
  printf ("GLib %u.%u.%u\n", glib_major_version, glib_minor_version,
      glib_micro_version);
}
