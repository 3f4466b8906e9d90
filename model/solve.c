/*
 * solve.c: one Brent root solve with every GSL status checked.
 */
#include <gsl/gsl_errno.h>
#include <gsl/gsl_roots.h>

#include "solve.h"

enum model_status solve_root(double (*f)(double x, void *params), void *params, double lo,
                             double hi, double epsabs, double epsrel, double *root)
{
	gsl_function fn = {f, params};
	gsl_root_fsolver *s = gsl_root_fsolver_alloc(gsl_root_fsolver_brent);
	enum model_status st = MODEL_ENOCONV;

	if (s == NULL)
		return MODEL_ENOCONV;
	if (gsl_root_fsolver_set(s, &fn, lo, hi) == GSL_SUCCESS) {
		for (int i = 0; i < 200; i++) {
			if (gsl_root_fsolver_iterate(s) != GSL_SUCCESS)
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
