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

/* What the view and its readout show, derived afresh from the state. */
struct timeline_view {
	struct timeline_numbers t;
	const struct preset *trend; /* the cited trend, or NULL when the catalog has none */
	enum timeline_outcome outcome;
	double point_year; /* the year the trend reaches the point's C; NaN: none */
};

/* Derive v from a's law, stock and point; free it with timeline_view_free. */
void timeline_view_derive(const struct app *a, struct timeline_view *v);

void timeline_view_free(struct timeline_view *v);

/* The view's panel, into r of c. */
void timeline_view_draw(struct canvas *c, const struct app *a, struct rect r);

#endif
