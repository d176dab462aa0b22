/*
 * Written for the bindery project. Not part of the DeepStream 9.1 SDK:
 * pyds ships these types with its bindings, so they live with the target
 * (helpers/) and are bound from here whether pyds is generated against the
 * stand-in or an installed SDK.
 */

/**
 * @file
 * 360-degree camera (aisle / spot) metadata: a box with its ROI status.
 */

#ifndef BINDERY_NVDS_360D_META_H
#define BINDERY_NVDS_360D_META_H

#ifdef __cplusplus
extern "C" {
#endif

/** Bit flags describing an object relative to an aisle ROI. */
typedef enum {
  ROI_ENTRY_360D = 0x01,   /**< The object entered the ROI. */
  ROI_EXIT_360D = 0x02,    /**< The object left the ROI. */
  INSIDE_AISLE_360D = 0x04 /**< The object is inside the aisle. */
} ROI_STATUS_360D;

/** A detected box with tracking and ROI information. */
typedef struct _RectDim {
  float left;        /**< X of the left edge, in pixels. */
  float top;         /**< Y of the top edge, in pixels. */
  float width;       /**< Width, in pixels. */
  float height;      /**< Height, in pixels. */
  int class_id;      /**< Class id. */
  int tracking_id;   /**< Tracking id. */
  int gie_unique_id; /**< Id of the inference element that found the box. */
  int roi_status;    /**< ROI_STATUS_360D flags. */
  void *text;        /**< Label text or other user data; not owned. */
} RectDim;

#ifdef __cplusplus
}
#endif

#endif /* BINDERY_NVDS_360D_META_H */
