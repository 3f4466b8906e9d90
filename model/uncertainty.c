/*
 * uncertainty.c: bootstrap laws from a parametric fit, and the spread of
 * the compute-optimal allocation across them.
 */
#include <math.h>
#include <stdlib.h>

#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>

#include "optimum.h"
#include "uncertainty.h"

/* The five constants a bootstrap refit reports: E A B alpha beta. */
enum { LAW_VALUES = 5 };

/* One refit (fit_bootstrap runs them on several threads: best is only read). */
static int refit_constants(const struct fit_run *sample, size_t n, double *v, const void *ctx)
{
	const struct fit_parametric *best = ctx;
	struct fit_parametric p;

	/* no more distinct runs than constants: the refit would interpolate them */
	if (fit_distinct_runs(sample, n) <= FIT_CONSTANTS)
		return -1;
	if (fit_parametric_from(sample, n, best->theta, &p) != MODEL_OK || p.one_d)
		return -1;
	const double got[LAW_VALUES] = {p.E, p.A, p.B, p.alpha, p.beta};
	for (int i = 0; i < LAW_VALUES; i++) {
		/* a refit that left the law's domain is a failed refit */
		if (!isfinite(got[i]) || got[i] < 0)
			return -1;
		v[i] = got[i];
	}
	return p.alpha > 0 && p.beta > 0 ? 0 : -1;
}

int fit_bootstrap_laws(const struct fit_run *runs, size_t n, double k, int samples,
                       unsigned long seed, const struct fit_parametric *best, struct law *laws)
{
	double *draws[LAW_VALUES] = {0};
	int got = -1;

	if (samples <= 0 || best->one_d)
		return 0;
	for (int i = 0; i < LAW_VALUES; i++)
		if ((draws[i] = malloc(sizeof *draws[i] * (size_t)samples)) == NULL)
			goto out;
	got = fit_bootstrap(runs, n, samples, seed, LAW_VALUES, refit_constants, best, draws);
	for (int s = 0; s < got; s++) {
		struct fit_parametric p = {.E = draws[0][s],
		                           .A = draws[1][s],
		                           .B = draws[2][s],
		                           .alpha = draws[3][s],
		                           .beta = draws[4][s]};
		laws[s] = fit_parametric_law(&p, k);
	}
out:
	for (int i = 0; i < LAW_VALUES; i++)
		free(draws[i]);
	return got;
}

/* p10, p50 and p90 of v[0..n) (sorted in place); NaN when n is 0. */
static struct fit_spread spread_of(double *v, size_t n)
{
	if (n == 0)
		return (struct fit_spread){NAN, NAN, NAN};
	gsl_sort(v, 1, n);
	return (struct fit_spread){gsl_stats_quantile_from_sorted_data(v, 1, n, 0.10),
	                           gsl_stats_quantile_from_sorted_data(v, 1, n, 0.50),
	                           gsl_stats_quantile_from_sorted_data(v, 1, n, 0.90)};
}

void optimum_spread(const struct law *laws, int n, double compute, struct fit_spread *params,
                    struct fit_spread *tokens, struct fit_spread *loss)
{
	double *v = n > 0 ? malloc(sizeof *v * 3 * (size_t)n) : NULL;
	size_t m = 0;

	for (int i = 0; v != NULL && i < n; i++) {
		struct allocation at;
		if (optimum_at_compute(&laws[i], compute, 0, &at) != MODEL_OK || !at.has_loss)
			continue;
		v[m] = at.params;
		v[n + m] = at.tokens;
		v[2 * n + m] = at.loss;
		m++;
	}
	/* no laws, or no memory for their values: nothing known */
	if (params != NULL)
		*params = spread_of(v, v != NULL ? m : 0);
	if (tokens != NULL)
		*tokens = spread_of(v != NULL ? v + n : NULL, v != NULL ? m : 0);
	if (loss != NULL)
		*loss = spread_of(v != NULL ? v + 2 * n : NULL, v != NULL ? m : 0);
	free(v);
}
