/*
 * fit.h: scaling laws fitted to a researcher's own training runs.
 *
 * Approach 3 (Hoffmann et al. 2022, App. D.2; Besiroglu et al. 2024):
 * minimise the Huber loss (delta 1e-3) of log L - LSE(a - alpha log N,
 * b - beta log D, e) over (a, b, e, alpha, beta) with GSL's BFGS, from the
 * paper's grid of 4,500 starts; E = e^e, A = e^a, B = e^b.
 *
 * Approach 2: group runs into compute budgets, fit a parabola of loss in
 * log N per budget, take its minimum, and fit log N* and log D* against
 * log C by least squares.
 *
 * Bootstrap: refit resamples of the rows (GSL's RNG, a seed) and report
 * percentile intervals. Pure functions over arrays; no I/O.
 */
#ifndef ISOFLOP_FIT_H
#define ISOFLOP_FIT_H

#include <stdbool.h>
#include <stddef.h>

#include "law.h"

/* One training run. */
struct fit_run {
	double params; /* N */
	double tokens; /* D */
	double loss;   /* final loss, nats per token */
};

/*
 * Constants Approach 3 fits (E, A, B, alpha, beta): it needs at least as
 * many runs. A bootstrap resample holding no more distinct runs than this
 * is not refitted (the refit would interpolate it): it counts as failed.
 */
#define FIT_CONSTANTS 5

/*
 * The fewest runs --bootstrap takes for Approach 3. A resample of n runs
 * drawn with replacement holds k distinct ones with probability
 * C(n,k) S(n,k) k! / n^n (S: Stirling numbers of the second kind; about
 * 0.63 n distinct on average). P(k <= FIT_CONSTANTS) is 98.5% at n = 6,
 * 61% at 8, 14.6% at 10, 5.2% at 11 and 1.6% at 12: 12 is the least n
 * where fewer than 1 resample in 20 is too small to refit (derived;
 * tests/unit/test_uncertainty.c recomputes it).
 */
#define FIT_BOOTSTRAP_MIN_RUNS 12

/*
 * How many distinct runs (N, D and loss alike) runs[0..n) holds: a
 * bootstrap resample repeats runs. 0 when memory runs out.
 */
size_t fit_distinct_runs(const struct fit_run *runs, size_t n);

/* The Huber threshold of Hoffmann et al. 2022, App. D.2. */
#define FIT_HUBER_DELTA 1e-3

/*
 * Starts on the grid: alpha, beta in {0, .5, .., 2}, e in {-1, -.5, .., 1}, a, b in {0, 5, .., 25}.
 */
#define FIT_GRID_STARTS 4500

struct fit_parametric {
	double E, A, B, alpha, beta;
	double a, b;      /* allocation exponents: N* ~ C^a, a = beta/(alpha+beta); b =
	                     alpha/(alpha+beta) */
	double objective; /* the Huber sum over all runs at the optimum */
	int starts;       /* starts run */
	int finished;     /* of which ran to the end; the rest were dropped after scouting */
	int converged;    /* of which the minimiser converged */
	int at_best;      /* starts that ended at the best fit's law (e, alpha, beta within 0.01) */
	size_t scouted_on;      /* rows the starts scouted and ran on: all, or a sample of them */
	int polished;           /* with a sample: distinct minima then refined on all rows */
	int polished_converged; /* of which the minimiser converged on all rows */
	int one_d;              /* every run has the same D: only L(N) = E + A/N^alpha was fitted
	                           (E holds the floor at that D; B = beta = a = b = 0) */
	double theta[5];        /* (a, b, e, alpha, beta) as fitted */
};

/*
 * Rows the starts scout on when there are more: a fixed-seed sample of
 * them. The distinct minima the sample finds are then refined on all rows.
 */
#define FIT_SCOUT_ROWS 1000

/* Where a fit is: phase 1..phases, done of total starts in it. */
struct fit_progress {
	int phase, phases;
	const char *what; /* "scouting", "refining", "on all runs" */
	int done, total;
};

struct fit_options {
	size_t scout_rows; /* sample size past which starts scout on a sample; 0: never */
	/* called now and then from the calling thread, never concurrently; may be NULL */
	void (*progress)(const struct fit_progress *at, void *ctx);
	void *ctx;
};

/*
 * Approach 3 from the grid of starts. MODEL_EDOM when fewer than
 * FIT_CONSTANTS runs, a
 * value is not positive and finite, or every run has the same D (see
 * fit_parametric_with); MODEL_ENOCONV when no start ends at positive
 * exponents.
 */
enum model_status fit_parametric(const struct fit_run *runs, size_t n, struct fit_parametric *out);

/*
 * Approach 3 with options (NULL: the defaults of fit_parametric). When every
 * run has the same D, B and beta cannot be identified: it fits L(N) = E +
 * A/N^alpha from the grid's 150 (a, e, alpha) starts and sets out->one_d.
 */
enum model_status fit_parametric_with(const struct fit_run *runs, size_t n,
                                      const struct fit_options *opt, struct fit_parametric *out);

/*
 * A term whose largest share of any run's loss stays under this is one the
 * runs do not move: the fit drove its coefficient to nothing (degenerate
 * data, such as a loss that does not fall with N), and its exponent means
 * nothing.
 */
#define FIT_TERM_MIN_SHARE 1e-6

/*
 * The additive law L = E + A/N^alpha + B/D^beta of a parametric fit, with k
 * FLOPs per parameter-token (the k its runs were read with): no fitted
 * range, which the caller knows from the runs.
 */
struct law fit_parametric_law(const struct fit_parametric *p, double k);

/*
 * Which term of a parametric fit the runs do not move: 'N' (A/N^alpha),
 * 'D' (B/D^beta; not asked of a one-D fit), or 0 when both do.
 */
char fit_parametric_flat_term(const struct fit_parametric *p, const struct fit_run *runs, size_t n);

/*
 * The range n runs cover, min..max of N, D and k N D, into law's fitted
 * range: what `isoflop fit --output` writes as fitted_range and what the
 * explorer's --runs law carries, so both shade and warn alike.
 */
void fit_runs_range(const struct fit_run *runs, size_t n, double k, struct law *law);

/* Approach 3 from one start theta0 (a, b, e, alpha, beta): the bootstrap's refit. */
enum model_status fit_parametric_from(const struct fit_run *runs, size_t n, const double theta0[5],
                                      struct fit_parametric *out);

#define FIT_MAX_BUDGETS 64

/* One compute budget of an iso-FLOP sweep. */
struct fit_budget {
	double compute; /* mean k N D of its runs */
	int runs;
	int fitted;  /* 1 when its parabola has a minimum */
	int at_edge; /* 1 when that minimum lies at or outside the sweep's smallest or largest N */
	double params;     /* N* */
	double tokens;     /* D* = C / (k N*) */
	double loss;       /* the parabola's minimum */
	double n_lo, n_hi; /* the sweep's smallest and largest N */
};

struct fit_isoflop {
	double a, k_params; /* N* = k_params C^a */
	double b, k_tokens; /* D* = k_tokens C^b */
	int nbudgets;       /* budgets found (runs within 5% of each other's compute) */
	int used;           /* budgets whose minimum entered the frontier fit */
	struct fit_budget budgets[FIT_MAX_BUDGETS];
};

/*
 * The budgets of computes sorted ascending, as Approach 2 forms them: from
 * the smallest up, a budget takes every run within 5% of its first, up to
 * FIT_MAX_BUDGETS (runs past the last are in none). Budget i holds
 * sorted[end[i-1]..end[i]) (end[-1] taken as 0); returns how many.
 */
int fit_budgets(const double *sorted, size_t n, size_t end[FIT_MAX_BUDGETS]);

/*
 * Whether all n runs form one budget by that rule (every k N D within 5% of
 * the smallest), *compute the smallest: along one iso-FLOP line N and D move
 * together, so no fit can tell A/N^alpha from B/D^beta (or find N* ~ C^a).
 */
bool fit_one_budget(const struct fit_run *runs, size_t n, double k, double *compute);

/*
 * Approach 2 with k FLOPs per parameter-token. Budgets with fewer than 3 runs
 * or no minimum are kept in out->budgets but not used. MODEL_EDOM when fewer
 * than two budgets can be used.
 */
enum model_status fit_isoflop(const struct fit_run *runs, size_t n, double k,
                              struct fit_isoflop *out);

/*
 * Where a fitted budget's minimum N* sits in its sweep, in log N: -1 at the
 * smallest size, 0 at the sweep's (geometric) centre, 1 at the largest.
 */
double fit_budget_position(const struct fit_budget *b);

/*
 * Whether Approach 2's N* is likely biased by its sweeps' design
 * ("Problems with Chinchilla Approach 2: Systematic Biases in IsoFLOP
 * Parabola Fits", arXiv:2603.22339, 2026: grid width, uncentred sampling,
 * the surface's asymmetry). An IsoFLOP curve is not a parabola
 * in log N: the surface's two terms make it asymmetric, so a parabola's
 * vertex is off the curve's minimum, the more so the farther that minimum
 * sits from the sweep's centre (the parabola is fitted mostly on one side
 * of it). Sweeps centred alike at every budget are off alike and the
 * frontier through them keeps nearly the right slope; minima that sit off
 * centre, or drift across the sweeps from budget to budget (the same sizes
 * at every budget, say), tilt the fitted exponent, and the error grows
 * with every decade of extrapolation. True when a used budget's
 * fit_budget_position lies past +-FIT_POSITION_MAX, or the positions
 * spread over more than it; *lo and *hi get the positions' range. Noise
 * adds to this; --bootstrap resamples the same biased parabolas and
 * cannot show it.
 */
bool fit_isoflop_biased(const struct fit_isoflop *f, double *lo, double *hi);

/*
 * The farthest a budget's minimum may sit from its sweep's centre, and the
 * most the minima may drift across sweeps, before Approach 2 is said to be
 * biased: a quarter of the sweep's width (the position runs -1..1; the
 * minimum then sits in the outer quarter). A noise-free 3 x 5 sweep of
 * Besiroglu et al.'s law on the same sizes 1e7..1e9 at 1e18, 1e19, 1e20
 * FLOPs has its minima at -0.10..+0.82 and puts N* at 1e24 at half the
 * truth; tests/runs/besiroglu-sweeps.csv, centred on each budget's N*,
 * stays within 0.1.
 */
#define FIT_POSITION_MAX 0.5

/* Percentile interval of a bootstrap sample. */
struct fit_interval {
	double p2_5, p10, p90, p97_5;
};

/* The interval of v[0..n) (sorted in place). */
struct fit_interval fit_interval_of(double *v, size_t n);

/* Pearson correlation of x and y over n samples. */
double fit_correlation(const double *x, const double *y, size_t n);

/* The most values one bootstrap refit may report. */
#define FIT_BOOT_VALUES 16

/*
 * Resample the n runs with replacement `samples` times (GSL's MT19937: the
 * seed's stream gives each resample a seed of its own, so the resamples do
 * not depend on the threads) and refit each on the machine's cores: refit(sample, n,
 * values, ctx) returns 0 and writes nvalues values, or -1. It runs
 * concurrently and must only read ctx. The values of the refits that
 * succeeded land in draws[k][0..ok) in resample order; returns ok, or -1
 * when memory runs out.
 */
int fit_bootstrap(const struct fit_run *runs, size_t n, int samples, unsigned long seed,
                  int nvalues,
                  int (*refit)(const struct fit_run *sample, size_t n, double *values,
                               const void *ctx),
                  const void *ctx, double **draws);

#endif
