/*
 * profile.c: iso-FLOP profiles and iso-loss curves.
 *
 * Closed forms for the additive and Kaplan families; the data-constrained
 * family's effective data saturates, so its iso-loss curve is found with GSL's
 * Brent root finder in ln D (the loss falls monotonically in D).
 */
#include <math.h>

#include <gsl/gsl_math.h>

#include "profile.h"
#include "solve.h"

enum model_status profile_loss(const struct law *law, double c, double n, double u, double *loss)
{
	if (!isfinite(c) || c <= 0 || !isfinite(n) || n <= 0)
		return MODEL_EDOM;
	return law_loss(law, n, c / (law->k * n), u, loss);
}

/*
 * The slope in closed form where the loss has one: along C = k N D,
 * d(ln D)/d(ln N) = -1. Differences of losses lose the digits that make the
 * slope's zero (the compute-optimal N) exact to 1e-12; these formulas keep them.
 */
static bool closed_form_slope(const struct law *law, double n, double d, double *slope)
{
	double p, s;

	switch (law->family) {
	case LAW_ADDITIVE:
		*slope = -law->alpha * law->A / pow(n, law->alpha) +
		         law->beta * law->B / pow(d, law->beta);
		return true;
	case LAW_KAPLAN:
		p = law->alpha_n / law->alpha_d;
		s = pow(law->nc / n, p) + law->dc / d;
		*slope = law->alpha_d * pow(s, law->alpha_d - 1) *
		         (-p * pow(law->nc / n, p) + law->dc / d);
		return true;
	default:
		return false;
	}
}

enum model_status profile_slope(const struct law *law, double c, double n, double u, double *slope)
{
	const double h = 1e-5;
	double lo, hi;
	enum model_status st;

	if (!isfinite(c) || c <= 0 || !isfinite(n) || n <= 0)
		return MODEL_EDOM;
	if (closed_form_slope(law, n, c / (law->k * n), slope))
		return isfinite(*slope) ? MODEL_OK : MODEL_EDOM;
	if ((st = profile_loss(law, c, n * exp(-h), u, &lo)) != MODEL_OK)
		return st;
	if ((st = profile_loss(law, c, n * exp(h), u, &hi)) != MODEL_OK)
		return st;
	*slope = (hi - lo) / (2 * h);
	return MODEL_OK;
}

struct isoloss_args {
	const struct law *law;
	double loss;
	double n;
	double u;
};

/* L(N, e^x) - loss; a NaN never escapes (law_loss checks its input). */
static double isoloss_residual(double x, void *p)
{
	const struct isoloss_args *a = p;
	double l;

	if (law_loss(a->law, a->n, exp(x), a->u, &l) != MODEL_OK)
		return GSL_NAN;
	return l - a->loss;
}

/* Smallest and largest ln D the root finder brackets: 1 token to 1e40. */
#define ISOLOSS_LN_D_MIN 0.0
#define ISOLOSS_LN_D_MAX 92.1

static enum model_status isoloss_search(const struct law *law, double loss, double n, double u,
                                        double *d)
{
	struct isoloss_args args = {law, loss, n, u};
	double flo = isoloss_residual(ISOLOSS_LN_D_MIN, &args);
	double fhi = isoloss_residual(ISOLOSS_LN_D_MAX, &args);
	double x;

	if (!isfinite(flo) || !isfinite(fhi) || flo < 0 || fhi > 0)
		return MODEL_EDOM;
	enum model_status st = solve_root(isoloss_residual, &args, ISOLOSS_LN_D_MIN,
	                                  ISOLOSS_LN_D_MAX, 1e-13, 1e-13, &x);
	if (st == MODEL_OK)
		*d = exp(x);
	return st;
}

enum model_status profile_isoloss_tokens(const struct law *law, double loss, double n, double u,
                                         double *d)
{
	double rem, x;

	if (!isfinite(loss) || loss <= 0 || !isfinite(n) || n <= 0)
		return MODEL_EDOM;
	switch (law->family) {
	case LAW_ADDITIVE:
		rem = loss - law->E - law->A / pow(n, law->alpha);
		if (rem <= 0)
			return MODEL_EDOM;
		x = pow(law->B / rem, 1 / law->beta);
		break;
	case LAW_KAPLAN:
		rem = pow(loss, 1 / law->alpha_d) - pow(law->nc / n, law->alpha_n / law->alpha_d);
		if (rem <= 0)
			return MODEL_EDOM;
		x = law->dc / rem;
		break;
	case LAW_DATA_CONSTRAINED:
		return isoloss_search(law, loss, n, u, d);
	case LAW_FRONTIER:
	default:
		return MODEL_ENOSURFACE;
	}
	if (!isfinite(x))
		return MODEL_EDOM;
	*d = x;
	return MODEL_OK;
}
