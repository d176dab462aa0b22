/*
 * Helpers shared by the simulator element tests (test_sim_*.c): running a
 * gst_parse_launch pipeline to EOS with a buffer probe, and building
 * batches by hand for the producers' unit tests.
 */
#ifndef BINDERY_SIM_UTIL_H
#define BINDERY_SIM_UTIL_H

#include "gstnvdsmeta.h"

G_BEGIN_DECLS

/**
 * Runs @desc to EOS (asserting no error) with @cb on the sink pad of the
 * element named "probe". Returns the number of buffers the probe saw.
 */
guint sim_run (const gchar * desc, GstPadProbeCallback cb, gpointer data);

/** The frame of a @buffer's batch (asserts there is exactly one). */
NvDsFrameMeta *sim_only_frame (GstBuffer * buffer);

/** A new batch of @frames frames (pad_index = source_id = index). */
NvDsBatchMeta *sim_batch_new (guint frames, gint frame_num);

/** Adds an object with tracker id @id and box (@left, @top, @w, @h). */
NvDsObjectMeta *sim_add_object (NvDsBatchMeta * batch, NvDsFrameMeta * frame,
    guint64 id, gint class_id, gfloat left, gfloat top, gfloat w, gfloat h);

/** The first user meta of type @type in @list, or NULL. */
NvDsUserMeta *sim_find_user (GList * list, NvDsMetaType type);

/** How many user metas of type @type @list holds. */
guint sim_count_user (GList * list, NvDsMetaType type);

G_END_DECLS

#endif /* BINDERY_SIM_UTIL_H */
