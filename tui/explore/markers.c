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

/*
 * Model presets of one id, or every model when it is "all" (or NULL), in the
 * catalog's order: put(ctx, entry, named) appends each to the caller's list,
 * whose length *n must stay under max.
 */
static enum markers_status
each_model(const struct catalog *cat, const char *id, int max, int *n,
           void (*put)(void *ctx, const struct catalog_entry *e, bool named), void *ctx)
{
	bool all = id == NULL || strcmp(id, "all") == 0;

	for (size_t j = 0; j < cat->nmodels; j++) {
		if (!all && strcmp(cat->models[j].preset.id, id) != 0)
			continue;
		if (*n == max)
			return MARKERS_TOO_MANY;
		put(ctx, &cat->models[j], !all);
		(*n)++;
		if (!all)
			return MARKERS_OK;
	}
	return all ? MARKERS_OK : MARKERS_UNKNOWN;
}

/* Where each_model appends: a list and how long it is so far. */
struct marker_list {
	struct map_marker *out;
	int *n;
};

/*
 * A map marker: named ones are marked (labelled whole); when the map cannot
 * draw them all, shipped ones before the user's.
 */
static void put_marker(void *ctx, const struct catalog_entry *e, bool named)
{
	struct marker_list *l = ctx;
	int tier = e->tier;

	l->out[*l->n] = marker_of(&e->preset,
	                          named ? MAP_MARKED : tier == TIER_SHARE || tier == TIER_BESIDE);
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
		struct marker_list l = {out, &n};
		enum markers_status st = each_model(cat, ids[i], max, &n, put_marker, &l);
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

/* Where each_model appends the picture's models. */
struct compute_list {
	struct compute_model *out;
	int *n;
};

static void put_compute_model(void *ctx, const struct catalog_entry *e, bool named)
{
	struct compute_list *l = ctx;

	(void)named;
	l->out[*l->n] = compute_model_of(&e->preset);
}

enum markers_status markers_compute_models(const struct catalog *cat, const char *const *ids,
                                           int nids, struct compute_model *out, int max, int *count,
                                           const char **bad)
{
	int n = 0;

	*count = 0;
	for (int i = 0; i < (ids == NULL ? 1 : nids); i++) {
		struct compute_list l = {out, &n};
		enum markers_status st = each_model(cat, ids == NULL ? NULL : ids[i], max, &n,
		                                    put_compute_model, &l);
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
