/*
 * uncertainty.h: what a fit to a researcher's runs does not pin down, as
 * bootstrap laws (each a refit of a resample of the runs) and the spread
 * of the compute-optimal allocation across them at a budget. Pure
 * functions over arrays; no I/O.
 */
#ifndef ISOFLOP_UNCERTAINTY_H
#define ISOFLOP_UNCERTAINTY_H

#include <stddef.h>

#include "fit.h"
#include "law.h"

/*
 * Resample the n runs `samples` times (fit_bootstrap: GSL's MT19937 from
 * seed, refits on the machine's cores) and refit each from best->theta
 * (fit_parametric_from), with k FLOPs per parameter-token. A resample of
 * no more than FIT_CONSTANTS distinct runs is not refitted: it fails. The
 * refits that succeed with a finite additive law (fit_parametric_law) land in
 * laws[0..returned), in resample order; laws holds `samples`. Returns how
 * many it wrote: 0 for no samples or a one-D best fit (no L(N, D) to
 * resample), -1 when memory runs out.
 */
int fit_bootstrap_laws(const struct fit_run *runs, size_t n, double k, int samples,
                       unsigned long seed, const struct fit_parametric *best, struct law *laws);

/* Percentiles of a value across bootstrap laws. */
struct fit_spread {
	double p10, p50, p90;
};

/*
 * The 10th, 50th and 90th percentiles of N*, D* and L* (optimum_at_compute)
 * across laws[0..n) at `compute` FLOPs; a law without an optimum there is
 * left out; NaN in all three when none has one. Any output may be NULL.
 */
void optimum_spread(const struct law *laws, int n, double compute, struct fit_spread *params,
                    struct fit_spread *tokens, struct fit_spread *loss);

#endif
