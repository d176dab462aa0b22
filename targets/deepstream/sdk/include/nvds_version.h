/*
 * bindery DeepStream SDK stand-in.
 * Written for the bindery project; layouts match DeepStream 9.1 (x86_64).
 */

/**
 * @file
 * Version of the DeepStream API these headers reproduce, and functions
 * that report it at run time.
 */

#ifndef BINDERY_NVDS_VERSION_H
#define BINDERY_NVDS_VERSION_H

/** Major version of the reproduced DeepStream API. */
#define NVDS_VERSION_MAJOR 9
/** Minor version of the reproduced DeepStream API. */
#define NVDS_VERSION_MINOR 1
/** Micro version of the reproduced DeepStream API. */
#define NVDS_VERSION_MICRO 0

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Reports the API version.
 * @param major Receives NVDS_VERSION_MAJOR (ignored when NULL).
 * @param minor Receives NVDS_VERSION_MINOR (ignored when NULL).
 */
void nvds_version (unsigned int *major, unsigned int *minor);

/** Prints the API version as "major.minor" to stdout. */
void nvds_version_print (void);

/** Prints the versions of the libraries the implementation depends on to stdout. */
void nvds_dependencies_version_print (void);

#ifdef __cplusplus
}
#endif

#endif /* BINDERY_NVDS_VERSION_H */
