/*
 * timeline_view.h: the explorer's timeline view (T): the timeline of
 * `isoflop timeline` in the whole panel area, following the explorer's
 * state: its law gives the data wall (D*(C) = the stock), its stock is the
 * data view's, and the point's compute C is a line across the picture with
 * '@' at the year the cited trend reaches it.
 */
#ifndef ISOFLOP_TIMELINE_VIEW_H
#define ISOFLOP_TIMELINE_VIEW_H

#include "app.h"
#include "timeline_spec.h"

/* What the view and its readout show, derived from the state. */
struct timeline_view {
	struct timeline_numbers t;
	const struct preset *trend; /* the cited trend, or NULL when the catalog has none */
	enum timeline_outcome outcome;
	double point_year; /* the year the trend reaches the point's C; NaN: none */
};

/* Derive v from a's law, stock and point; free it with timeline_view_free. */
void timeline_view_derive(const struct app *a, struct timeline_view *v);

void timeline_view_free(struct timeline_view *v);

/* What the derivation depends on: the point's C only moves point_year, which costs no solve. */
struct timeline_view_key {
	const struct catalog *catalog; /* its models and trends */
	struct law law;                /* as used, edited or not */
	double stock[3];               /* median, low, high */
};

/*
 * The derivation kept while its key holds (the explorer keeps one for the
 * panel and the readout): a fit and six optimum solves, milliseconds under
 * a data-constrained law, are too much for every frame of a slider's step.
 */
struct timeline_cache {
	bool ok;
	struct timeline_view_key key;
	struct timeline_view v;
	unsigned long derivations; /* how many were made: tests see a frame reuse one */
};

/* The derivation for a's state: c's, with point_year for a's C, unless the key changed. */
const struct timeline_view *timeline_cache_get(struct timeline_cache *c, const struct app *a);

void timeline_cache_free(struct timeline_cache *c);

/* The view's panel for a, with v derived from it, into r of c. */
void timeline_view_draw(struct canvas *c, const struct app *a, const struct timeline_view *v,
                        struct rect r);

#endif
