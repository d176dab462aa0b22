/* Golden case: structs allocated for C to free, with generated copy and
 * release functions installed on an owner (`[allocator.NAME]`). */
#ifndef GOLDEN_C_OWNED_H
#define GOLDEN_C_OWNED_H

typedef void *(*CoCopyFunc)(void *owner, void *user_data);
typedef void (*CoReleaseFunc)(void *owner, void *user_data);

/** Callbacks of an owner. */
typedef struct {
  int meta_type;             /**< Payload type. */
  CoCopyFunc copy_func;      /**< Copies the payload. */
  CoReleaseFunc release_func; /**< Frees the payload. */
} CoBase;

/** Holds a payload C copies and frees. */
typedef struct {
  CoBase base;   /**< Callbacks. */
  void *payload; /**< The payload. */
} CoOwner;

/** What an extension is. */
typedef enum { CO_EXT_CAR, CO_EXT_BIKE, CO_EXT_OTHER } CoExtKind;

/** A car extension. */
typedef struct {
  int wheels;   /**< Wheels. */
  char *plate;  /**< Owned plate. */
} CoCar;

/** A bike extension. */
typedef struct {
  char *brand;  /**< Owned brand. */
} CoBike;

/** An event: owned strings, a raw buffer and an extension. */
typedef struct {
  unsigned int id;   /**< Id. */
  char *name;        /**< Owned name. */
  char *stamp;       /**< Raw buffer (alloc_buffer). */
  CoExtKind ext_kind; /**< What `ext` points to. */
  void *ext;         /**< Extension. */
  unsigned int ext_size; /**< Size the writer claims. */
} CoEvent;

#endif
