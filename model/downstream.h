/*
 * downstream.h: a model's loss mapped to its average downstream top-1 error,
 * the form of Gadre et al. 2024 (arXiv:2403.08540), as the authors' code
 * fits it (mlfoundations/scaling, scaling/shared.py fit_ds: E - a exp(-b L)):
 *
 *     Err(L) = epsilon - k * exp(-gamma * L)
 *
 * epsilon is the error the curve tends to at high loss (chance), k and
 * gamma how fast the error falls as the loss does. The map holds only for
 * the loss it was fitted on (its eval set and tokenizer): applying it to a
 * loss another law predicts on other data is a cross-dataset extrapolation,
 * which callers label "(derived)". Pure functions, no I/O.
 */
#ifndef ISOFLOP_DOWNSTREAM_H
#define ISOFLOP_DOWNSTREAM_H

#include <stddef.h>

#include "law.h"

struct downstream {
	double epsilon;        /* error as the loss grows: the curve's ceiling, in (0, 1] */
	double k;              /* scale of the fall, > 0 */
	double gamma;          /* rate of the fall per nat of loss, > 0 */
	struct law_range loss; /* the losses it was fitted over; 0, 0 when unknown */
};

/* Fewest (loss, error) pairs a fit of the three constants accepts. */
#define DOWNSTREAM_FIT_MIN 4

/* Err(L) = epsilon - k exp(-gamma L); may fall below 0 far outside the fit. */
double downstream_error(const struct downstream *d, double loss);

/*
 * The loss at which the error is `error`: L = -ln((epsilon - error) / k) / gamma.
 * MODEL_EDOM when error >= epsilon or the constants are not positive.
 */
enum model_status downstream_loss(const struct downstream *d, double error, double *loss);

/* Whether loss lies outside the fitted range (false when the range is unknown). */
int downstream_outside(const struct downstream *d, double loss);

/*
 * Least-squares fit of epsilon, k, gamma to n pairs (loss[i], error[i]).
 * For a fixed gamma the error is linear in (epsilon, k), so the fit solves
 * those exactly (gsl_fit_linear) and searches gamma alone with Brent's
 * method on the profiled residual: one dimension, no starting guesses for
 * the other two. The fitted range is the losses' span. *rms: the root mean
 * square residual. MODEL_EDOM for fewer than DOWNSTREAM_FIT_MIN pairs or
 * losses that do not vary; MODEL_ENOFIT when the error does not fall with
 * the loss (no k > 0, gamma > 0 fits), or falls without the curve's shape:
 * the best gamma at its search range's end (1e-3 or 30 per nat), or an
 * epsilon outside (0, 1].
 */
enum model_status downstream_fit(const double *loss, const double *error, size_t n,
                                 struct downstream *out, double *rms);

#endif
