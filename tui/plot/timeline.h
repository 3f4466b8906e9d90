/*
 * timeline.h: the timeline picture: release year across, training compute up
 * (log); the models with a published compute as their tags, the growth line
 * fitted to them (derived, '.'), a cited trend projected from the frontier
 * ('~'), and the compute of the data wall as a horizontal line ('=') with its
 * year and interval marked; in the explorer, the point's compute as a line
 * ('-') with '@' at the year the trend reaches it. Drawn from a plain spec into a canvas rectangle,
 * like the map and the profiles, for `isoflop timeline` and the explorer's
 * view alike. No curses.
 */
#ifndef ISOFLOP_PLOT_TIMELINE_H
#define ISOFLOP_PLOT_TIMELINE_H

#include <stdbool.h>

#include "../../model/timeline.h"
#include "canvas.h"
#include "frame.h"

/* One model on the timeline. */
struct timeline_mark {
	const char *tag; /* 1-3 characters */
	double year;     /* decimal year of release */
	double compute;  /* published training FLOPs */
};

/* What the picture shows; the drawing computes nothing the caller has not decided. */
struct timeline_spec {
	const struct timeline_mark *marks;
	int nmarks;
	bool has_fit; /* the fitted line log10 C = intercept + slope * year (derived) */
	double fit_intercept, fit_slope;
	double fit_growth; /* 10^slope, for the legend */
	bool has_trend;    /* the cited trend, growing from trend_from */
	struct timeline_origin trend_from;
	double trend_growth;          /* factor a year */
	const char *trend_name;       /* who published it: "Epoch AI" */
	bool has_wall;                /* the data wall (derived from a law and a cited stock) */
	double wall_compute;          /* C_wall, FLOPs */
	double wall_year;             /* central year; NaN when never reached */
	double wall_early, wall_late; /* its interval; NaN ends are left unmarked */
	const char *title;            /* first row; NULL: a default */
	/* the explorer's point: its compute as a line ('-'), '@' where the trend reaches it */
	bool has_point;
	double point_compute; /* FLOPs */
	double point_year;    /* the year the cited trend reaches it; NaN: unmarked */
};

/* Smallest rectangle the picture fits in. */
#define TIMELINE_MIN_W 40
#define TIMELINE_MIN_H 12

/*
 * Draw the timeline into r of c: a title row, the plot, its axes, two legend
 * rows. The window spans the models' years to a year past the wall (at most
 * TIMELINE_MAX_YEARS in all) and their compute to the wall's. Returns 0, or
 * -1 when r is smaller than TIMELINE_MIN_W x TIMELINE_MIN_H or there is no
 * model to place.
 */
int timeline_draw(struct canvas *c, struct rect r, const struct timeline_spec *s);

/* The widest span of years the window shows: a wall decades away is named, not drawn. */
#define TIMELINE_MAX_YEARS 30

#endif
