/*
 * timeline_spec.h: from the catalog, a law, a stock of text and a cited
 * trend, the numbers a timeline shows (the dated models with a published
 * compute, the growth fitted to them, the data wall at both growths) and
 * the picture's spec. One derivation for `isoflop timeline` and the
 * explorer's timeline view (T), so that the two never disagree.
 */
#ifndef ISOFLOP_TIMELINE_SPEC_H
#define ISOFLOP_TIMELINE_SPEC_H

#include <stdbool.h>

#include "../../model/timeline.h"
#include "../../presets/catalog.h"
#include "../plot/timeline.h"

/* The trend a timeline is drawn with when none is named: Epoch AI's. */
#define TIMELINE_DEFAULT_TREND "epoch2024"

/* How far a derivation got; each names the first thing that failed. */
enum timeline_outcome {
	TIMELINE_OK,
	TIMELINE_NOMEM,
	TIMELINE_FEW,     /* fewer than TIMELINE_MIN_POINTS dated models with a compute */
	TIMELINE_NO_FIT,  /* their release years are all the same */
	TIMELINE_NO_WALL, /* no compute-optimal run under the law trains on the stock */
};

/* What is derived; every array in catalog order, n long. */
struct timeline_numbers {
	const struct preset **models; /* dated, with a published compute */
	struct timeline_mark *marks;
	double *years, *compute;
	int n;
	int frontier; /* index of the largest compute */
	bool has_fit;
	struct timeline_fit fit;
	bool has_wall;                             /* the walls below are set */
	struct timeline_wall wall_fit, wall_trend; /* at the fitted growth, at the trend */
	enum model_status wall_status;             /* why there is no wall, when none */
};

/*
 * Derive the numbers for law with stock = {median, low, high} tokens and
 * the cited trend's growth. Everything that can be derived is, whatever
 * fails later: models without a fit, a fit without a wall, so that a
 * picture still shows what is known. Free with timeline_numbers_free, whatever
 * the outcome.
 */
enum timeline_outcome timeline_numbers_derive(const struct catalog *cat, const struct law *law,
                                              const double stock[3], const struct preset *trend,
                                              struct timeline_numbers *out);

void timeline_numbers_free(struct timeline_numbers *t);

/*
 * The picture of t: the models, the fit, the trend from the frontier and
 * the wall on it, each only where derived. The trend's legend names
 * Epoch AI for the default trend, the preset's id for another.
 */
struct timeline_spec timeline_numbers_spec(const struct timeline_numbers *t,
                                           const struct preset *trend);

/* The trend's name for people: "Epoch AI" for the default, else its id. */
const char *timeline_trend_name(const struct preset *trend);

#endif
