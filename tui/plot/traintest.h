/*
 * traintest.h: the train x test plane of a log-linear test-time law
 * (model/traintest.h): training compute across, test-time compute per
 * problem up, both log10 FLOPs. Contours of the law's performance at round
 * levels ('\' or '-' or '|', the slope the window gives them, labelled
 * "-500 Elo" at their upper-left end), iso-total-cost lines for Q problems
 * (train + Q test: an L in log-log, dotted '.' as the map's iso-FLOP lines
 * and labelled with their total), the fitted range's edge in '`', the
 * cheapest pair that reaches the point's performance '*', and the point '@'.
 * Drawn from a plain spec into a canvas rectangle for the explorer's view X
 * and `isoflop plot testtime` alike; what landed where is reported back.
 * No curses.
 */
#ifndef ISOFLOP_PLOT_TRAINTEST_H
#define ISOFLOP_PLOT_TRAINTEST_H

#include <stdbool.h>
#include <stddef.h>

#include "../../model/traintest.h"
#include "canvas.h"
#include "frame.h"

/* The law the plane shows when none is named: the story's (Jones 2021, Hex). */
#define TRAINTEST_DEFAULT_LAW "jones2021-hex9"

/* Iso-total lines at most (more would be a texture at 80x24). */
#define TRAINTEST_MAX_TOTALS 4
/* Contour levels at most. */
#define TRAINTEST_MAX_LEVELS 12

/* The glyphs of the marks; contours take the slope's character. */
#define TRAINTEST_POINT_GLYPH    '@'
#define TRAINTEST_CHEAPEST_GLYPH '*'
#define TRAINTEST_TOTAL_GLYPH    '.'
#define TRAINTEST_BEYOND_GLYPH   '`'

/* What the picture shows; the window and the totals are the caller's choice. */
struct traintest_spec {
	const struct tt_law *law;  /* TT_LOG_LINEAR */
	const char *law_id;        /* the title's name for it */
	double train_lo, train_hi; /* window across, FLOPs */
	double test_lo, test_hi;   /* window up, FLOPs per problem */
	bool has_point;     /* '@' at (train, test), '*' the cheapest pair for its performance */
	double train, test; /* FLOPs; FLOPs per problem */
	double problems;    /* Q: problems served; <= 0: no totals, no cheapest */
	int ntotals;        /* 0: round decades about the point's and the cheapest's totals */
	double totals[TRAINTEST_MAX_TOTALS]; /* train + Q test, FLOPs */
};

/* A mark's place: its cell, or why it has none. */
struct traintest_mark {
	bool drawn;   /* its glyph is at (x, y) */
	bool outside; /* it exists but lies outside the window: reported, not drawn */
	int x, y;
};

/* What was drawn where: for the explorer's readout and the tests. */
struct traintest_plot {
	struct frame frame;
	double performance;          /* at the point; NaN without one */
	struct traintest_mark point; /* '@' */
	double cheap_train,
	        cheap_test; /* the cheapest pair for the point's performance; NaN: none */
	struct traintest_mark cheapest; /* '*' ('@' wins a shared cell: drawn false, x, y set) */
	int nlevels;
	double levels[TRAINTEST_MAX_LEVELS]; /* performance of each contour, ascending */
	bool level_labelled[TRAINTEST_MAX_LEVELS];
	int ntotals;
	double totals[TRAINTEST_MAX_TOTALS]; /* FLOPs, ascending */
	bool total_drawn[TRAINTEST_MAX_TOTALS];
	bool total_labelled[TRAINTEST_MAX_TOTALS];
	int legend_y, legend_rows;
};

/* Smallest rectangle the picture fits in (the explorer's panel at 80x24 is about 78x16). */
#define TRAINTEST_MIN_W 40
#define TRAINTEST_MIN_H 10

/*
 * Draw the plane into r of c and fill *p. Returns 0, or -1 when r is too
 * small, the law has no plane, or the window is not 0 < lo < hi on both axes.
 */
int traintest_draw(struct canvas *c, struct rect r, const struct traintest_spec *s,
                   struct traintest_plot *p);

/*
 * A window for s (its law, point and problems): the fitted training range
 * a decade wider each way (else three decades about the point), and up the
 * test compute the fitted performance range needs at its middle, a decade
 * wider; the point and its cheapest pair always inside. Sets s->train_lo,
 * train_hi, test_lo, test_hi; false (and nothing set) when the law has no plane.
 */
bool traintest_window(struct traintest_spec *s);

/*
 * The problems served by default at (train, test): a round decade,
 * 10^round(log10(train / test)), at least 1, so that serving costs about
 * what training does and a step of either moves the total. One rule for
 * the explorer, plot testtime and test-time --tt-law.
 */
double traintest_default_problems(double train, double test);

/*
 * Whether (train, test) lies where the law was fitted: train and test
 * within their fitted ranges (true where a range is not given) and the
 * performance there within its range.
 */
bool traintest_point_fitted(const struct tt_law *law, double train, double test);

/* A performance in the law's units, as the contours' labels write it: "-500 Elo". */
void traintest_performance_text(const struct tt_law *law, double p, char *buf, size_t size);

/* What test-time compute is counted per: the law's `per` ("move"), else "problem". */
const char *traintest_per(const struct tt_law *law);

/*
 * Whether the law gives no fitted train or test compute range (Jones 2021's
 * Fig. 9 axes could not be read): its compute is not checked, and readouts
 * say so once rather than call every point in range.
 */
bool traintest_compute_unchecked(const struct tt_law *law);

/*
 * The exchange rate at (train, performance p), derived from the fitted
 * slope: "10x training saves 15.8x test compute (derived)" (tt_exchange_10x;
 * the paper says "about 15x").
 */
void traintest_exchange_text(const struct tt_law *law, double train, double p, char *buf,
                             size_t size);

/*
 * The cheapest pair for p over `problems` problems (tt_cheapest, isoflop's
 * closed-form minimum, not the paper's): "cheapest for 10M moves: train
 * 1.09e15, test 9.05e7, total 1.99e15 (derived)", "(extrapolated)" when the
 * pair lies outside the law's fitted ranges; a sentence saying why when
 * there is none.
 */
void traintest_cheapest_text(const struct tt_law *law, double p, double problems, char *buf,
                             size_t size);

#endif
