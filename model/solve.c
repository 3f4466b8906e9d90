/*
 * solve.c: one Brent root solve with every GSL status checked, and the
 * guard that keeps GSL's error handler out of model/'s solves.
 *
 * GSL reports a bad bracket or a NaN from the function through its error
 * handler, whose default calls abort(). model/ must not depend on its caller
 * having turned that handler off, and setting it here would race with the
 * fit's threads (the handler is one global). So every such case is checked
 * before GSL sees it: the bracket before gsl_root_fsolver_set, the values
 * through solve_guarded.
 */
#include <math.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_roots.h>

#include "solve.h"

double solve_guarded(double x, void *guard)
{
	struct solve_guard *g = guard;
	double y = g->f(x, g->params);

	if (isfinite(y))
		return y;
	g->bad = true;
	return 0; /* finite, so GSL raises nothing; the caller stops on `bad` */
}

enum model_status solve_root(double (*f)(double x, void *params), void *params, double lo,
                             double hi, double epsabs, double epsrel, double *root)
{
	struct solve_guard guard = {f, params, false};
	gsl_function fn = {solve_guarded, &guard};
	enum model_status st = MODEL_ENOCONV;

	/* what gsl_root_fsolver_set and gsl_root_test_interval would raise an error for */
	if (!(lo < hi) || !isfinite(lo) || !isfinite(hi) || !(epsabs >= 0) || !(epsrel >= 0))
		return MODEL_ENOCONV;
	double flo = solve_guarded(lo, &guard), fhi = solve_guarded(hi, &guard);
	if (guard.bad || (flo < 0 && fhi < 0) || (flo > 0 && fhi > 0))
		return MODEL_ENOCONV;
	gsl_root_fsolver *s = gsl_root_fsolver_alloc(gsl_root_fsolver_brent);
	if (s == NULL)
		return MODEL_ENOCONV;
	if (gsl_root_fsolver_set(s, &fn, lo, hi) == GSL_SUCCESS) {
		for (int i = 0; i < 200; i++) {
			if (gsl_root_fsolver_iterate(s) != GSL_SUCCESS || guard.bad)
				break;
			double a = gsl_root_fsolver_x_lower(s), b = gsl_root_fsolver_x_upper(s);
			if (gsl_root_test_interval(a, b, epsabs, epsrel) == GSL_SUCCESS) {
				*root = gsl_root_fsolver_root(s);
				st = MODEL_OK;
				break;
			}
		}
	}
	gsl_root_fsolver_free(s);
	return st;
}
