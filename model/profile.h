/*
 * profile.h: the two one-dimensional cuts through a loss surface that the
 * explorer draws: the iso-FLOP profile (loss against N at fixed compute, the
 * U-curves of Chinchilla Fig. 3) and the iso-loss curve (tokens against N at
 * fixed loss, a contour line).
 */
#ifndef ISOFLOP_PROFILE_H
#define ISOFLOP_PROFILE_H

#include "law.h"

/* Loss of an N-parameter model trained with compute c (D = c / (k N)). */
enum model_status profile_loss(const struct law *law, double c, double n, double u, double *loss);

/*
 * Slope dL/d(ln N) along the iso-FLOP line: in closed form for additive and
 * Kaplan laws, by a central difference in ln N (step 1e-5) for the
 * data-constrained one. Zero at the compute-optimal N.
 */
enum model_status profile_slope(const struct law *law, double c, double n, double u, double *slope);

/*
 * Tokens an N-parameter model needs to reach `loss`: the iso-loss curve D(N).
 * MODEL_EDOM where no amount of data reaches it (the curve's asymptote).
 */
enum model_status profile_isoloss_tokens(const struct law *law, double loss, double n, double u,
                                         double *d);

#endif
