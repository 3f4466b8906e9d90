/*
 * coverage.h: coverage against samples per problem for a coverage law
 * (model/traintest.h, TT_COVERAGE: c(k) = exp(a k^b)): samples k across
 * (log, from 1), coverage up (0 to 1, linear, dotted gridlines every 0.2).
 * The curve is 'o' over the samples the paper fitted and ':' beyond them
 * (extrapolation); the point's k is '@' on it; a target coverage is a
 * row of '-' with '#' where the curve reaches it and "k = 190 for 0.9"
 * beside. Drawn from a plain spec into a canvas rectangle for the
 * explorer's view K and `isoflop plot coverage` alike. No curses.
 */
#ifndef ISOFLOP_PLOT_COVERAGE_H
#define ISOFLOP_PLOT_COVERAGE_H

#include <stdbool.h>
#include <stddef.h>

#include "../../model/traintest.h"
#include "canvas.h"
#include "frame.h"

/* The coverage law shown when none is named: Brown et al. 2024's headline (Sec. 1). */
#define COVERAGE_DEFAULT_LAW "brown2024-llama3-8b-math"

#define COVERAGE_CURVE_GLYPH  'o' /* within the fitted samples */
#define COVERAGE_BEYOND_GLYPH ':' /* beyond them: extrapolation */
#define COVERAGE_GRID_GLYPH   '.' /* gridlines, every fourth cell */
#define COVERAGE_POINT_GLYPH  '@'
#define COVERAGE_TARGET_GLYPH '-' /* the target's row */
#define COVERAGE_MEET_GLYPH   '#' /* where the curve reaches the target */

/* The samples axis ends here when the law gives no fitted samples range. */
#define COVERAGE_K_MAX 1e4

/* The samples axis never widens past this for a point or a target (six decades of k). */
#define COVERAGE_K_CAP 1e6

/*
 * The k axis' end for a point at k and (has_target) a target coverage: the
 * fitted samples' end (else COVERAGE_K_MAX), widened to the round decade
 * at or past k and past the samples the target needs, so that neither is
 * off the axis when it is just past the fit; the widening stops at
 * COVERAGE_K_CAP. The explorer's view K and plot coverage share it.
 */
double coverage_k_hi(const struct tt_law *law, double k, bool has_target, double target);

/* What the picture shows. */
struct coverage_spec {
	const struct tt_law *law; /* TT_COVERAGE */
	const char *law_id;       /* the title's name for it */
	double k_hi;              /* the axis' end; 0: the law's samples.hi, else COVERAGE_K_MAX */
	bool has_point;           /* '@' at k on the curve */
	double k;                 /* samples per problem, >= 1 */
	bool has_target;          /* the target's row and the samples it needs */
	double target;            /* coverage, 0 < target < 1 */
};

/* A mark's place: its cell, or why it has none. */
struct coverage_mark {
	bool drawn;   /* its glyph is at (x, y) */
	bool outside; /* it exists but lies outside the window: reported, not drawn */
	int x, y;
};

/* What was drawn where: for the explorer's readout and the tests. */
struct coverage_plot {
	struct frame frame;
	double k_hi;                /* the axis' end used */
	double coverage;            /* c(k) at the point; NaN without one */
	struct coverage_mark point; /* '@' */
	double target_k;            /* tt_samples_for(target); NaN: no target, or unreachable */
	struct coverage_mark meet;  /* '#' where the curve reaches the target */
	bool target_labelled;       /* "k = 190 for 0.9" is on the plot */
	int beyond_x;               /* first column beyond the fitted samples, or -1 */
	int legend_y, legend_rows;
};

/* Smallest rectangle the picture fits in. */
#define COVERAGE_MIN_W 30
#define COVERAGE_MIN_H 10

/*
 * Draw coverage against samples into r of c and fill *p. Returns 0, or -1
 * when r is too small, the law is not a coverage law, or k_hi <= 1.
 */
int coverage_draw(struct canvas *c, struct rect r, const struct coverage_spec *s,
                  struct coverage_plot *p);

/*
 * The whole samples a target coverage needs: the fit inverted
 * (tt_samples_for) rounded up, at least 1 (one sample may already do);
 * NaN or infinity when no k reaches it.
 */
double coverage_samples_needed(const struct tt_law *law, double target);

/*
 * The samples a target needs, as the picture labels it: "k = 190 for 0.9",
 * k rounded up to a whole sample (at least 1: one sample may already do).
 */
void coverage_target_text(double k, double target, char *buf, size_t size);

/* A number of samples as people say it: 190, 1.9K, 2.5e6 (3 significant digits). */
void coverage_samples_text(double k, char *buf, size_t size);

#endif
