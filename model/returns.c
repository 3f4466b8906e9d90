/*
 * returns.c: the loss along the compute-optimal frontier and what one more
 * decade of compute buys. Every optimum comes from optimum_at_compute (the
 * closed form for additive laws, the search otherwise): this file only
 * subtracts and divides.
 */
#include <math.h>
#include <string.h>

#include "returns.h"

double returns_floor(const struct law *law)
{
	switch (law->family) {
	case LAW_ADDITIVE:
	case LAW_DATA_CONSTRAINED:
		return law->E;
	default:
		return 0;
	}
}

/* The compute-optimal run at c, with its loss; ENOSURFACE when the law gives none. */
static enum model_status optimum_with_loss(const struct law *law, double c, double u,
                                           struct allocation *a)
{
	if (!law_has_surface(law))
		return MODEL_ENOSURFACE;
	enum model_status st = optimum_at_compute(law, c, u, a);
	if (st != MODEL_OK)
		return st;
	return a->has_loss && isfinite(a->loss) ? MODEL_OK : MODEL_EDOM;
}

enum model_status returns_loss(const struct law *law, double c, double u, double *loss)
{
	struct allocation a;
	enum model_status st = optimum_with_loss(law, c, u, &a);

	if (st == MODEL_OK)
		*loss = a.loss;
	return st;
}

enum model_status returns_at_compute(const struct law *law, double c, double u, struct returns *out)
{
	enum model_status st;

	memset(out, 0, sizeof *out);
	out->compute = c;
	if (!law_has_surface(law))
		return MODEL_ENOSURFACE;
	if (!(c * RETURNS_STEP <= LAW_COMPUTE_MAX))
		return MODEL_EDOM;
	if ((st = optimum_with_loss(law, c, u, &out->at)) != MODEL_OK ||
	    (st = optimum_with_loss(law, c * RETURNS_STEP, u, &out->next)) != MODEL_OK)
		return st;
	out->floor = returns_floor(law);
	out->gain = out->at.loss - out->next.loss;
	double left = out->at.loss - out->floor;
	/* at the floor nothing is left to buy: a share of nothing is no number */
	out->share = left > 0 ? out->gain / left : NAN;
	return MODEL_OK;
}
