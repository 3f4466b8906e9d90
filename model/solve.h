/*
 * solve.h: GSL's Brent root finder behind one call, for the model's own use
 * (iso-loss curves, slope zeros, the compute a loss needs). Internal to
 * model/: the other layers never see it.
 */
#ifndef ISOFLOP_SOLVE_H
#define ISOFLOP_SOLVE_H

#include "law.h"

#include <stdbool.h>

/*
 * A function GSL calls, behind a check: a NaN or infinity, which GSL would
 * report through its error handler (abort() by default), sets `bad` and
 * reaches GSL as 0. A solve stops with MODEL_ENOCONV once `bad` is set.
 */
struct solve_guard {
	double (*f)(double x, void *params);
	void *params;
	bool bad; /* f gave a value that is not finite */
};

/* f(x) of the solve_guard at `guard`, or 0 with guard->bad set. A gsl_function's body. */
double solve_guarded(double x, void *guard);

/*
 * The root of f in [lo, hi], where f(lo) and f(hi) have opposite signs, to
 * |hi - lo| < epsabs + epsrel * |root|. MODEL_ENOCONV when the bracket does
 * not hold a sign change, f is not finite somewhere GSL looks, or 200
 * iterations do not get there; never a call of GSL's error handler.
 */
enum model_status solve_root(double (*f)(double x, void *params), void *params, double lo,
                             double hi, double epsabs, double epsrel, double *root);

#endif
