/*
 * solve.h: GSL's Brent root finder behind one call, for the model's own use
 * (iso-loss curves, slope zeros, the compute a loss needs). Internal to
 * model/: the other layers never see it.
 */
#ifndef ISOFLOP_SOLVE_H
#define ISOFLOP_SOLVE_H

#include "law.h"

/*
 * The root of f in [lo, hi], where f(lo) and f(hi) have opposite signs, to
 * |hi - lo| < epsabs + epsrel * |root|. MODEL_ENOCONV when GSL refuses the
 * bracket or 200 iterations do not get there.
 */
enum model_status solve_root(double (*f)(double x, void *params), void *params, double lo,
                             double hi, double epsabs, double epsrel, double *root);

#endif
