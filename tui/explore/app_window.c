/*
 * app_window.c: the map's window in the explorer's state: zoom, centre,
 * the default, and the window shown grown to hold the point (a part of
 * the state module: see app.h).
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <strings.h>
#include <stdlib.h>
#include <string.h>

#include "../../model/optimum.h"
#include "../../model/units.h"
#include "app.h"
#include "app_parts.h"
#include "save.h"

/* ---- the map's window ---- */

/* The units' limits of the window (units.h), as log10: [axis][0 lo, 1 hi], N then D. */
#define WINDOW_LIMIT(axis, hi)                                                                     \
	log10((axis) == 0 ? ((hi) ? UNITS_PARAMS_MAX : UNITS_PARAMS_MIN)                           \
	                  : ((hi) ? UNITS_TOKENS_MAX : UNITS_TOKENS_MIN))

/* The window as log10 edges: [axis][0 lo, 1 hi], axis 0 N and 1 D. */
static void window_logs(const struct app_window *w, double e[2][2])
{
	e[0][0] = log10(w->n_lo);
	e[0][1] = log10(w->n_hi);
	e[1][0] = log10(w->d_lo);
	e[1][1] = log10(w->d_hi);
}

/* Back from log10 edges, each clamped into the units' limits. */
static void window_from_logs(double e[2][2], struct app_window *w)
{
	for (int i = 0; i < 2; i++)
		for (int j = 0; j < 2; j++)
			e[i][j] = fmin(fmax(e[i][j], WINDOW_LIMIT(i, 0)), WINDOW_LIMIT(i, 1));
	*w = (struct app_window){pow(10, e[0][0]), pow(10, e[0][1]), pow(10, e[1][0]),
	                         pow(10, e[1][1])};
}

/* Widen edges e[axis] to hold log10 value v with half a decade to spare, when it is outside. */
static void window_hold(double e[2][2], int axis, double v)
{
	if (!isfinite(v))
		return;
	if (v < e[axis][0])
		e[axis][0] = v - 0.5;
	if (v > e[axis][1])
		e[axis][1] = v + 0.5;
}

void app_map_window(const struct app *a, struct app_window *w)
{
	double e[2][2];

	window_logs(&a->scene.window, e);
	window_hold(e, 0, log10(a->scene.n));
	window_hold(e, 1, log10(a->scene.d));
	/* the data view's story is the row of four epochs: 30T of data puts it at 120T */
	if (app_view_on(a, TOUR_VIEW_DATA) && a->scene.u > 0)
		window_hold(e, 1, log10(4 * a->scene.u));
	/* and the stock of text, its interval whole: the data wall the point walks towards */
	if (app_view_on(a, TOUR_VIEW_DATA) && a->stock.stock > 0)
		window_hold(e, 1, log10(a->stock.stock_high));
	window_from_logs(e, w);
}

bool app_set_window(struct app *a, const struct app_window *w)
{
	double e[2][2];

	window_logs(w, e);
	for (int i = 0; i < 2; i++)
		if (!(e[i][0] >= WINDOW_LIMIT(i, 0) && e[i][1] <= WINDOW_LIMIT(i, 1) &&
		      e[i][0] < e[i][1])) {
			app_status(a, "the map's window: %s from 1e%g to 1e%g, low below high",
			           i == 0 ? "parameters" : "tokens", WINDOW_LIMIT(i, 0),
			           WINDOW_LIMIT(i, 1));
			return false;
		}
	a->scene.window = *w;
	return true;
}

bool app_zoom(struct app *a, int in)
{
	struct app_window w;
	double e[2][2], p[2] = {log10(a->scene.n), log10(a->scene.d)};

	app_map_window(a, &w);
	window_logs(&w, e);
	double was[2][2] = {{e[0][0], e[0][1]}, {e[1][0], e[1][1]}}; /* as shown */
	for (int i = 0; i < 2; i++) {
		double span = e[i][1] - e[i][0];
		double want = in > 0 ? fmax(span - 2 * APP_ZOOM_DECADES, APP_ZOOM_MIN_SPAN)
		                     : span + 2 * APP_ZOOM_DECADES;
		double f = want / span; /* about the point: it keeps its place on the map */
		if (in > 0 && span <= APP_ZOOM_MIN_SPAN)
			f = 1;
		e[i][0] = p[i] - (p[i] - e[i][0]) * f;
		e[i][1] = p[i] + (e[i][1] - p[i]) * f;
	}
	window_from_logs(e, &a->scene.window);
	/* moved by more than log10's round trip: a zoom at its limit leaves it */
	for (int i = 0; i < 2; i++)
		if (fabs(was[i][0] - e[i][0]) > 1e-9 || fabs(was[i][1] - e[i][1]) > 1e-9)
			return true;
	return false;
}

void app_centre_window(struct app *a)
{
	struct app_window w;
	double e[2][2], p[2] = {log10(a->scene.n), log10(a->scene.d)};

	app_map_window(a, &w);
	window_logs(&w, e);
	for (int i = 0; i < 2; i++) {
		double half = (e[i][1] - e[i][0]) / 2;
		/* at a limit the window stops there, whole, rather than shrink */
		double mid = fmin(fmax(p[i], WINDOW_LIMIT(i, 0) + half), WINDOW_LIMIT(i, 1) - half);
		e[i][0] = mid - half;
		e[i][1] = mid + half;
	}
	window_from_logs(e, &a->scene.window);
}

void app_default_window(struct app *a)
{
	a->scene.window = (struct app_window){TOUR_WINDOW_PARAMS_LO, TOUR_WINDOW_PARAMS_HI,
	                                      TOUR_WINDOW_TOKENS_LO, TOUR_WINDOW_TOKENS_HI};
}
