/*
 * markers.h: the catalog's models as map markers, for the explorer's map and
 * `isoflop plot contour --model`. It lives here, not in tui/plot/, because
 * the map knows markers but not presets.
 */
#ifndef ISOFLOP_MARKERS_H
#define ISOFLOP_MARKERS_H

#include "../../presets/catalog.h"
#include "../plot/compute.h"
#include "../plot/map.h"

/* Why markers_collect stopped. */
enum markers_status {
	MARKERS_OK,
	MARKERS_TOO_MANY, /* more than max */
	MARKERS_UNKNOWN,  /* an id names no model: *bad gets it */
};

/*
 * Markers into out[0..max), *count of them. With ids == NULL, every model
 * of the catalog in its order, so that a marker's index is its model's (a
 * click finds the model by it), all of priority 0. Otherwise one per id in
 * the order given, "all" standing for the catalog: a named model is marked
 * (MAP_MARKED: labelled whole, drawn first when not all fit), then a
 * shipped one (installed or beside the binary) comes before the user's.
 * A mixture of experts sits at its active parameters.
 */
enum markers_status markers_collect(const struct catalog *cat, const char *const *ids, int nids,
                                    struct map_marker *out, int max, int *count, const char **bad);

/*
 * The same models for the loss-against-compute picture (`isoflop plot
 * compute --model` and the explorer's C view): one per id in the order
 * given, "all" standing for the catalog, ids == NULL for the catalog in
 * its order; each at its compute parameters (active ones for a mixture of
 * experts), tokens and published compute. Statuses as markers_collect's.
 */
enum markers_status markers_compute_models(const struct catalog *cat, const char *const *ids,
                                           int nids, struct compute_model *out, int max, int *count,
                                           const char **bad);

#endif
