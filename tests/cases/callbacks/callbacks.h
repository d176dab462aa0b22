/** Function-pointer fields called back from C. */

struct _CbMeta;

/** Copies a meta's payload; returns the new payload. */
typedef void *(*CbCopyFunc)(struct _CbMeta *meta, void *user_data);
/** Releases a meta's payload. */
typedef void (*CbReleaseFunc)(void *user_data, struct _CbMeta *meta);
/** Reports progress; not bound (no callback policy). */
typedef int (*CbProgressFunc)(int percent);

/** Caller-defined metadata with per-type callbacks. */
typedef struct _CbMeta {
  int meta_type;              /**< Registry key: callbacks are per type. */
  void *user_data;            /**< Payload. */
  CbCopyFunc copy_func;       /**< Copies the payload (meta is argument 0). */
  CbReleaseFunc release_func; /**< Releases the payload (meta is argument 1). */
  CbProgressFunc progress;    /**< Skipped: no `callback` in the spec. */
} CbMeta;
