/*
 * markers.c: the catalog's models as map markers: where each sits (compute
 * parameters, tokens), its tag and its claim to a place on a crowded map;
 * and as the loss-against-compute picture's models.
 */
#include <string.h>

#include "markers.h"

/* The marker of one model: its tag, else its id. */
static struct map_marker marker_of(const struct preset *p, int priority)
{
	return (struct map_marker){
	        .tag = p->tag[0] ? p->tag : p->id,
	        .name = p->name,
	        .n = preset_compute_params(p),
	        .d = p->tokens,
	        .priority = priority,
	};
}

/* The markers for one id, or for every model when it is "all". */
static enum markers_status collect_id(const struct catalog *cat, const char *id,
                                      struct map_marker *out, int max, int *n)
{
	bool all = strcmp(id, "all") == 0;

	for (size_t j = 0; j < cat->nmodels; j++) {
		const struct preset *p = &cat->models[j].preset;
		if (!all && strcmp(p->id, id) != 0)
			continue;
		if (*n == max)
			return MARKERS_TOO_MANY;
		/* named ones are marked (labelled whole); when the map cannot draw them all,
		 * shipped ones before the user's */
		int tier = cat->models[j].tier;
		out[(*n)++] =
		        marker_of(p, !all ? MAP_MARKED : tier == TIER_SHARE || tier == TIER_BESIDE);
		if (!all)
			return MARKERS_OK;
	}
	return all ? MARKERS_OK : MARKERS_UNKNOWN;
}

enum markers_status markers_collect(const struct catalog *cat, const char *const *ids, int nids,
                                    struct map_marker *out, int max, int *count, const char **bad)
{
	int n = 0;

	*count = 0;
	if (ids == NULL) {
		for (size_t i = 0; i < cat->nmodels; i++) {
			if (n == max)
				return MARKERS_TOO_MANY;
			out[n++] = marker_of(&cat->models[i].preset, 0);
		}
	}
	for (int i = 0; ids != NULL && i < nids; i++) {
		enum markers_status st = collect_id(cat, ids[i], out, max, &n);
		if (st != MARKERS_OK) {
			if (bad != NULL)
				*bad = ids[i];
			return st;
		}
	}
	*count = n;
	return MARKERS_OK;
}

/* The picture's model of one preset: its tag, else its id. */
static struct compute_model compute_model_of(const struct preset *p)
{
	return (struct compute_model){
	        .tag = p->tag[0] ? p->tag : p->id,
	        .name = p->name,
	        .n = preset_compute_params(p),
	        .d = p->tokens,
	        .compute = p->compute,
	};
}

/* The models of one id, or every model when it is "all" (or NULL). */
static enum markers_status compute_id(const struct catalog *cat, const char *id,
                                      struct compute_model *out, int max, int *n)
{
	bool all = id == NULL || strcmp(id, "all") == 0;

	for (size_t j = 0; j < cat->nmodels; j++) {
		const struct preset *p = &cat->models[j].preset;
		if (!all && strcmp(p->id, id) != 0)
			continue;
		if (*n == max)
			return MARKERS_TOO_MANY;
		out[(*n)++] = compute_model_of(p);
		if (!all)
			return MARKERS_OK;
	}
	return all ? MARKERS_OK : MARKERS_UNKNOWN;
}

enum markers_status markers_compute_models(const struct catalog *cat, const char *const *ids,
                                           int nids, struct compute_model *out, int max, int *count,
                                           const char **bad)
{
	int n = 0;

	*count = 0;
	for (int i = 0; i < (ids == NULL ? 1 : nids); i++) {
		enum markers_status st = compute_id(cat, ids == NULL ? NULL : ids[i], out, max, &n);
		if (st != MARKERS_OK) {
			if (bad != NULL)
				*bad = ids == NULL ? "all" : ids[i];
			*count = n;
			return st;
		}
	}
	*count = n;
	return MARKERS_OK;
}
