/*
 * params.h: a power law's loss against its parameters, L(N) = floor +
 * (scale / N)^exponent (model/law.h, LAW_POWER's by_params): N across
 * (log), loss up (linear). The curve is 'o' over the parameters the paper
 * fitted and ':' beyond them (extrapolation), the irreducible loss L_inf a
 * labelled row of '_' when it is above zero, and '@' at a given N. Drawn
 * from a plain spec into a canvas rectangle, for `isoflop plot params` and
 * the explorer alike. No curses.
 */
#ifndef ISOFLOP_PLOT_PARAMS_H
#define ISOFLOP_PLOT_PARAMS_H

#include <stdbool.h>
#include <stddef.h>

#include "../../model/law.h"
#include "canvas.h"
#include "frame.h"

#define PARAMS_CURVE_GLYPH  'o' /* within the fitted parameters */
#define PARAMS_BEYOND_GLYPH ':' /* beyond them: extrapolation */
#define PARAMS_FLOOR_GLYPH  '_' /* L_inf */
#define PARAMS_POINT_GLYPH  '@'

/* Decades the default window reaches past the fitted parameters on each side. */
#define PARAMS_MARGIN_DECADES 1.0

/* The window when the law gives no fitted parameters: 1M to 1T. */
#define PARAMS_N_LO 1e6
#define PARAMS_N_HI 1e12

/* What the picture shows. */
struct params_spec {
	const struct law *law; /* LAW_POWER with by_params.scale > 0 */
	const char *law_id;    /* the title's name for it */
	const char *units;     /* the loss's units for the legend; NULL or "": nats per token */
	double n_lo, n_hi;     /* window in parameters; 0: params_window's */
	bool has_point;        /* '@' at n on the curve */
	double n;              /* parameters */
};

/* A mark's place: its cell, or why it has none. */
struct params_mark {
	bool drawn;   /* its glyph is at (x, y) */
	bool outside; /* it exists but lies outside the window: reported, not drawn */
	int x, y;
};

/* What was drawn where: for the explorer's readout and the tests. */
struct params_plot {
	struct frame frame;
	double n_lo, n_hi;        /* the window used */
	double loss;              /* L(n) at the point; NaN without one */
	struct params_mark point; /* '@' */
	int floor_y;              /* the floor's row, or -1 */
	int beyond_lo_x;          /* last column below the fitted N, or -1 */
	int beyond_hi_x;          /* first column above the fitted N, or -1 */
	int legend_y, legend_rows;
};

/* Smallest rectangle the picture fits in. */
#define PARAMS_MIN_W 30
#define PARAMS_MIN_H 10

/* Whether the law fits a loss over parameters (what params_draw needs). */
bool params_has_curve(const struct law *law);

/*
 * The default window: the fitted parameters widened PARAMS_MARGIN_DECADES
 * on each side (else PARAMS_N_LO to PARAMS_N_HI), then to the decades
 * around n when has_point puts it outside.
 */
void params_window(const struct law *law, bool has_point, double n, double *lo, double *hi);

/*
 * Draw L(N) into r of c and fill *p. Returns 0, or -1 when r is too small,
 * the law has no L(N), or the window is not 0 < n_lo < n_hi.
 */
int params_draw(struct canvas *c, struct rect r, const struct params_spec *s,
                struct params_plot *p);

/* The law as a formula: "L(N) = 3.12 + (80/N)^0.24"; floor 0 is left out. */
void params_formula(const struct law_single *s, char x, char *buf, size_t size);

#endif
