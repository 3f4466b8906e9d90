/*
 * fit_holdout.h: leave-one-budget-out, the check a researcher trusts before
 * a fit's extrapolation: refit the runs without the largest compute budget
 * and predict that budget from the others. Budgets are fit_isoflop's
 * (fit_budgets). The interval stated with a prediction is a prediction
 * interval: bootstrap refits of the other budgets' runs (GSL's MT19937 from
 * a seed: the same seed, the same interval), each predicting the held-out
 * budget, plus the noise of what that budget measured. Pure functions over
 * arrays; no I/O.
 */
#ifndef ISOFLOP_FIT_HOLDOUT_H
#define ISOFLOP_FIT_HOLDOUT_H

#include <stddef.h>

#include "fit.h"

/* Budgets a leave-one-budget-out needs: one to hold out, two to fit. */
#define FIT_HOLDOUT_MIN_BUDGETS 3

/*
 * The fewest runs at the held-out budget whose parabola the bootstrap
 * resamples (Approach 2). A resample of no more than 3 distinct N (a
 * parabola's constants) is not refitted, for the parabola would pass
 * through it; a resample of n runs drawn with replacement holds k distinct
 * ones with probability C(n,k) S(n,k) k! / n^n (S: Stirling numbers of the
 * second kind). P(k <= 3) is 57.8% at n = 5 (plan's default runs a
 * budget), 25.1% at 6, 8.0% at 7 and 2.0% at 8: 8 is the least n where
 * fewer than 1 resample in 20 is dropped, so the interval is not that of
 * a biased subset (derived, as fit.h FIT_BOOTSTRAP_MIN_RUNS;
 * tests/unit/test_holdout.c recomputes it). Below it the verdict reads
 * the prediction's interval alone.
 */
#define FIT_HOLDOUT_PARABOLA_MIN_RUNS 8

/* Bootstrap refits behind a holdout's interval: ~0.1-0.3 s on two cores. */
#define FIT_HOLDOUT_SAMPLES 200

/* Why there is no prediction (the status says the kind, this the detail). */
enum fit_holdout_absence {
	FIT_HOLDOUT_DONE = 0,
	FIT_HOLDOUT_FEW_BUDGETS, /* fewer than FIT_HOLDOUT_MIN_BUDGETS budgets */
	FIT_HOLDOUT_FEW_RUNS,    /* the others hold fewer runs than a fit needs */
	FIT_HOLDOUT_NO_REFIT,    /* the refit on the others failed */
	FIT_HOLDOUT_NO_MINIMUM,  /* Approach 2: the held-out budget has no minimum inside */
	FIT_HOLDOUT_FEW_MINIMA,  /* Approach 2: fewer than two other budgets have one */
	FIT_HOLDOUT_ONE_D,       /* Approach 3: every run has one D, the law no D term */
};

struct fit_holdout {
	enum fit_holdout_absence absent; /* FIT_HOLDOUT_DONE when the numbers below hold */
	int budgets;                     /* budgets the runs form */
	double compute;                  /* the held-out (largest) budget: mean k N D */
	int runs;                        /* its runs */
	/* Approach 3: the refit's loss at each held-out run */
	double predicted; /* mean predicted loss over the held-out runs */
	double measured;  /* mean measured loss over them */
	double spread;    /* RMS residual of the refit on the runs it was fitted on */
	double rms_error; /* RMS of measured - predicted over the held-out runs */
	/*
	 * 2.5-97.5% of where the measured mean should land: each bootstrap refit's
	 * predicted mean plus a normal draw of spread / sqrt(runs), the noise
	 * of a mean of that many runs about the law
	 */
	double loss_lo, loss_hi;
	/* Approach 2: the held-out budget's N* */
	double params_predicted;     /* k_params C^a of the other budgets' frontier */
	double params_measured;      /* the held-out budget's parabola minimum */
	double params_factor;        /* exp of the frontier's RMS residual in ln N*: x/ this */
	double params_lo, params_hi; /* 2.5-97.5% of the predicted N* over bootstrap refits */
	/* 2.5-97.5% of the held-out parabola's minimum over resamples of its runs */
	double params_measured_lo, params_measured_hi;
	/*
	 * params_predicted / params_measured, and the 2.5-97.5% of that ratio
	 * over independent resamples of the two: the interval the verdict reads
	 * (NaN when the held-out runs are too few to resample: fewer than
	 * FIT_HOLDOUT_PARABOLA_MIN_RUNS, or every resample's parabola at one
	 * minimum; then params_lo..hi is)
	 */
	double params_ratio, params_ratio_lo, params_ratio_hi;
	/* both methods: the measurement lies within what the others predict */
	int within;
};

/*
 * Approach 3 held out: refit E + A/N^alpha + B/D^beta without the largest
 * budget's runs, from theta0 (the full fit's theta: the bootstrap's fast
 * refit), and predict those runs. k is the runs' FLOPs per parameter-token.
 * The interval: `samples` bootstrap refits of the kept runs from the refit
 * (uncertainty.h fit_bootstrap_laws), each predicting the held-out runs'
 * mean loss, plus the noise of a measured mean (loss_lo above); within
 * when the measured mean lies in it. MODEL_EDOM with out->absent set when
 * it cannot be done.
 */
enum model_status fit_holdout_parametric(const struct fit_run *runs, size_t n, double k,
                                         const double theta0[5], int samples, unsigned long seed,
                                         struct fit_holdout *out);

/*
 * Approach 2 held out: the frontier of the other budgets at the largest
 * budget's compute, against that budget's own parabola minimum. Both are
 * bootstrapped `samples` times (the kept runs refitted by fit_isoflop, the
 * held-out runs' parabola refitted on resamples of 4 or more distinct N);
 * within when the 2.5-97.5% of the ratio predicted / measured over
 * independent resamples (params_ratio_lo..hi) contains 1, or, when the
 * held-out runs cannot be resampled (fewer than
 * FIT_HOLDOUT_PARABOLA_MIN_RUNS, or their refits all at one minimum),
 * params_lo..hi holds the measured N*.
 */
enum model_status fit_holdout_isoflop(const struct fit_run *runs, size_t n, double k, int samples,
                                      unsigned long seed, struct fit_holdout *out);

#endif
