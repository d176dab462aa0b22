/*
 * The example user-meta payload that pyds ships with its bindings (pyds's
 * "custom binding"): bindery binds it like any SDK struct so scripts using
 * `pyds.CustomDataStruct` / `pyds.alloc_custom_struct` keep working.
 */
#ifndef BINDERY_PYDS_CUSTOM_DATA_H
#define BINDERY_PYDS_CUSTOM_DATA_H

/** Example user payload: an id, an owned message and a sample value. */
typedef struct {
  int structId;   /**< Caller-chosen id. */
  char *message;  /**< Owned message (g_malloc'd; freed with the payload). */
  int sampleInt;  /**< Caller-chosen value. */
} CustomDataStruct;

#endif /* BINDERY_PYDS_CUSTOM_DATA_H */
