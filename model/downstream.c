/*
 * downstream.c: Gadre et al.'s loss-to-error map, its inverse and its fit
 * (downstream.h says what the constants mean).
 */
#include "downstream.h"

#include <math.h>
#include <stdlib.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_fit.h>
#include <gsl/gsl_min.h>

double downstream_error(const struct downstream *d, double loss)
{
	return d->epsilon - d->k * exp(-d->gamma * loss);
}

enum model_status downstream_loss(const struct downstream *d, double error, double *loss)
{
	if (!(d->k > 0) || !(d->gamma > 0) || !(error < d->epsilon))
		return MODEL_EDOM;
	*loss = -log((d->epsilon - error) / d->k) / d->gamma;
	return isfinite(*loss) ? MODEL_OK : MODEL_EDOM;
}

int downstream_outside(const struct downstream *d, double loss)
{
	if (!(d->loss.hi > d->loss.lo))
		return 0;
	return loss < d->loss.lo || loss > d->loss.hi;
}

/* The pairs a fit works on, and the (epsilon, k) the last profile solved. */
struct profile {
	const double *loss, *error;
	size_t n;
	double *x; /* exp(-gamma L_i), scratch */
	double epsilon, k, ssr;
};

/*
 * Residual sum of squares at gamma with epsilon and k solved exactly:
 * Err = epsilon + slope x with x = exp(-gamma L), k = -slope.
 */
static double profile_ssr(double gamma, void *arg)
{
	struct profile *p = arg;
	double c0, c1, cov00, cov01, cov11, ssr;

	for (size_t i = 0; i < p->n; i++)
		p->x[i] = exp(-gamma * p->loss[i]);
	if (gsl_fit_linear(p->x, 1, p->error, 1, p->n, &c0, &c1, &cov00, &cov01, &cov11, &ssr) !=
	            GSL_SUCCESS ||
	    !isfinite(ssr))
		return HUGE_VAL;
	p->epsilon = c0, p->k = -c1, p->ssr = ssr;
	return ssr;
}

/*
 * gamma's search range, per nat of loss: below 1e-3 the curve is a straight
 * line over any losses a model has; above 30 it is a step.
 */
#define GAMMA_LO   1e-3
#define GAMMA_HI   30.0
#define GAMMA_GRID 240

/* The grid point (log-spaced) with the least residual: Brent's bracket is around it. */
static int best_on_grid(struct profile *p, double *g)
{
	int best = -1;
	double best_ssr = HUGE_VAL;

	for (int i = 0; i <= GAMMA_GRID; i++) {
		double s = profile_ssr(g[i], p);

		if (s < best_ssr)
			best_ssr = s, best = i;
	}
	return best;
}

/* Brent's method between the grid neighbours of the best point; the grid point if it is an end. */
static double refine_gamma(struct profile *p, const double *g, int best)
{
	if (best == 0 || best == GAMMA_GRID)
		return g[best];
	gsl_function fn = {profile_ssr, p};
	gsl_min_fminimizer *s = gsl_min_fminimizer_alloc(gsl_min_fminimizer_brent);
	double gamma = g[best];

	if (s == NULL)
		return gamma;
	if (gsl_min_fminimizer_set(s, &fn, g[best], g[best - 1], g[best + 1]) == GSL_SUCCESS) {
		for (int it = 0; it < 200; it++) {
			if (gsl_min_fminimizer_iterate(s) != GSL_SUCCESS)
				break;
			gamma = gsl_min_fminimizer_x_minimum(s);
			if (gsl_min_test_interval(gsl_min_fminimizer_x_lower(s),
			                          gsl_min_fminimizer_x_upper(s), 0,
			                          1e-12) == GSL_SUCCESS)
				break;
		}
	}
	gsl_min_fminimizer_free(s);
	return gamma;
}

/* The span of the losses; false when they do not vary (nothing to fit a curve to). */
static int loss_span(const double *loss, size_t n, double *lo, double *hi)
{
	*lo = *hi = loss[0];
	for (size_t i = 1; i < n; i++) {
		*lo = fmin(*lo, loss[i]);
		*hi = fmax(*hi, loss[i]);
	}
	return *hi > *lo;
}

enum model_status downstream_fit(const double *loss, const double *error, size_t n,
                                 struct downstream *out, double *rms)
{
	double lo, hi, g[GAMMA_GRID + 1];

	if (n < DOWNSTREAM_FIT_MIN || !loss_span(loss, n, &lo, &hi))
		return MODEL_EDOM;
	struct profile p = {loss, error, n, malloc(n * sizeof(double)), 0, 0, 0};
	if (p.x == NULL)
		return MODEL_ENOCONV;
	for (int i = 0; i <= GAMMA_GRID; i++)
		g[i] = GAMMA_LO * pow(GAMMA_HI / GAMMA_LO, (double)i / GAMMA_GRID);
	int best = best_on_grid(&p, g);
	double gamma = best < 0 ? 0 : refine_gamma(&p, g, best);

	if (best >= 0)
		profile_ssr(gamma, &p); /* epsilon and k at the gamma returned */
	free(p.x);
	/*
	 * A gamma at the grid's end is no minimum but the search running out: a
	 * straight line (gamma -> 0, epsilon and k growing without bound) or a
	 * step; and an epsilon, the error of an infinite loss, outside (0, 1]
	 * is no error rate. Either way the pairs do not have this curve's shape.
	 */
	if (best < 0 || best == 0 || best == GAMMA_GRID || !(p.k > 0) || !(p.epsilon > 0) ||
	    p.epsilon > 1)
		return MODEL_ENOFIT;
	*out = (struct downstream){p.epsilon, p.k, gamma, {lo, hi}};
	*rms = sqrt(p.ssr / (double)n);
	return MODEL_OK;
}
