/*
 * timeline.c: the growth of training compute per year (a least-squares line
 * in log10 C against the year) and the year of the data wall.
 *
 * Why a line in log10 C: compute has grown by a roughly constant factor a
 * year (Epoch AI's frontier trend is one such factor), so its logarithm is
 * linear in time and ordinary least squares gives the factor and, from the
 * slope's variance, its interval.
 */
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_fit.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "optimum.h"
#include "timeline.h"

double timeline_year(const char *released)
{
	int y, m, d, used = 0;

	if (released == NULL)
		return NAN;
	if (sscanf(released, "%4d-%2d-%2d%n", &y, &m, &d, &used) == 3 && released[used] == '\0' &&
	    m >= 1 && m <= 12 && d >= 1 && d <= 31)
		return y + (m - 1) / 12.0;
	if (sscanf(released, "%4d-%2d%n", &y, &m, &used) == 2 && released[used] == '\0' && m >= 1 &&
	    m <= 12)
		return y + (m - 1) / 12.0;
	if (sscanf(released, "%4d%n", &y, &used) == 1 && released[used] == '\0' && used == 4)
		return y + 0.5;
	return NAN;
}

/* Whether the points can be fitted: enough of them, positive compute, two distinct years. */
static bool fit_input_ok(const double *year, const double *compute, int n)
{
	bool distinct = false;

	if (n < TIMELINE_MIN_POINTS)
		return false;
	for (int i = 0; i < n; i++) {
		if (!isfinite(year[i]) || !(compute[i] > 0) || !isfinite(compute[i]))
			return false;
		if (year[i] != year[0])
			distinct = true;
	}
	return distinct;
}

enum model_status timeline_fit(const double *year, const double *compute, int n, double level,
                               struct timeline_fit *out)
{
	if (!fit_input_ok(year, compute, n) || !(level > 0 && level < 1))
		return MODEL_EDOM;
	double *logc = malloc((size_t)n * sizeof *logc);
	if (logc == NULL)
		return MODEL_ENOCONV;
	for (int i = 0; i < n; i++)
		logc[i] = log10(compute[i]);
	out->n = n;
	out->level = level;
	int rc = gsl_fit_linear(year, 1, logc, 1, (size_t)n, &out->intercept, &out->slope,
	                        &out->cov00, &out->cov01, &out->cov11, &out->sumsq);
	free(logc);
	if (rc != 0)
		return MODEL_ENOCONV;
	/* two-sided: the slope lies within t sd of its estimate with probability `level` */
	double t = gsl_cdf_tdist_Pinv(0.5 + level / 2, n - 2);
	double half = t * sqrt(out->cov11);
	out->growth = pow(10, out->slope);
	out->growth_low = pow(10, out->slope - half);
	out->growth_high = pow(10, out->slope + half);
	return isfinite(out->growth_low) && isfinite(out->growth_high) ? MODEL_OK : MODEL_EDOM;
}

enum model_status timeline_wall_compute(const struct law *law, double tokens, double *compute)
{
	struct allocation a;
	enum model_status st = optimum_for_size(law, OPTIMUM_TOKENS, tokens, 0, &a);

	if (st == MODEL_OK)
		*compute = a.compute;
	return st;
}

double timeline_year_reaching(struct timeline_origin from, double growth, double c)
{
	if (!(growth > 1) || !(c > 0) || !(from.compute > 0))
		return NAN;
	return from.year + log(c / from.compute) / log(growth);
}

enum model_status timeline_wall(const struct law *law, const double stock[3],
                                struct timeline_origin from, const double growth[3],
                                struct timeline_wall *out)
{
	enum model_status st;

	if (!(stock[1] > 0 && stock[1] <= stock[0] && stock[0] <= stock[2]) ||
	    !(growth[1] > 0 && growth[1] <= growth[0] && growth[0] <= growth[2]))
		return MODEL_EDOM;
	if ((st = timeline_wall_compute(law, stock[0], &out->compute)) != MODEL_OK ||
	    (st = timeline_wall_compute(law, stock[1], &out->compute_low)) != MODEL_OK ||
	    (st = timeline_wall_compute(law, stock[2], &out->compute_high)) != MODEL_OK)
		return st;
	out->year = timeline_year_reaching(from, growth[0], out->compute);
	/* earliest: the smallest stock met by the fastest growth; latest, the reverse */
	out->year_early = timeline_year_reaching(from, growth[2], out->compute_low);
	out->year_late = timeline_year_reaching(from, growth[1], out->compute_high);
	return MODEL_OK;
}
