/*
 * fit_holdout.h: leave-one-budget-out, the check a researcher trusts before
 * a fit's extrapolation: refit the runs without the largest compute budget
 * and predict that budget from the others. Budgets are fit_isoflop's: runs
 * whose k N D lies within 5% of the smallest of them. Pure functions over
 * arrays; no I/O.
 */
#ifndef ISOFLOP_FIT_HOLDOUT_H
#define ISOFLOP_FIT_HOLDOUT_H

#include <stddef.h>

#include "fit.h"

/* Budgets a leave-one-budget-out needs: one to hold out, two to fit. */
#define FIT_HOLDOUT_MIN_BUDGETS 3

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
	/* Approach 2: the held-out budget's N* */
	double params_predicted; /* k_params C^a of the other budgets' frontier */
	double params_measured;  /* the held-out budget's parabola minimum */
	double params_factor;    /* exp of the frontier's RMS residual in ln N*: x/ this */
};

/*
 * Approach 3 held out: refit E + A/N^alpha + B/D^beta without the largest
 * budget's runs, from theta0 (the full fit's theta: the bootstrap's fast
 * refit), and predict those runs. k is the runs' FLOPs per parameter-token.
 * MODEL_EDOM with out->absent set when it cannot be done.
 */
enum model_status fit_holdout_parametric(const struct fit_run *runs, size_t n, double k,
                                         const double theta0[5], struct fit_holdout *out);

/*
 * Approach 2 held out: the frontier of the other budgets at the largest
 * budget's compute, against that budget's own parabola minimum.
 */
enum model_status fit_holdout_isoflop(const struct fit_run *runs, size_t n, double k,
                                      struct fit_holdout *out);

#endif
