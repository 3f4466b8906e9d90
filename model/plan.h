/*
 * plan.h: planning an IsoFLOP sweep before running it. Given a law taken as
 * the truth, a budget of FLOPs for the whole sweep and a target compute, it
 * proposes the runs (budgets x sizes), simulates fitting them (the truth's
 * loss at each run times log-normal noise, refitted many times on the
 * machine's cores with GSL's MT19937) and reports how far the fitted
 * exponents and N* at the target land from the truth; and it tries candidate
 * extra runs to say which one shrinks that error most per FLOP. Pure: no I/O.
 */
#ifndef ISOFLOP_PLAN_H
#define ISOFLOP_PLAN_H

#include "fit.h"
#include "law.h"

/* Budgets of a sweep (K) and sizes per budget (S) a plan takes at most. */
#define PLAN_MAX_BUDGETS 8
#define PLAN_MAX_SIZES   15
#define PLAN_MIN_SIZES   3 /* a parabola in log N needs three points */
/* the proposed runs plus the largest candidate (a new budget of S runs) */
#define PLAN_MAX_RUNS ((PLAN_MAX_BUDGETS + 1) * PLAN_MAX_SIZES)

/* Starts each simulated Approach 3 fit runs from (plan.c: starts_of). */
#define PLAN_STARTS 3

/* Fewest runs a sweep may have: one per constant Approach 3 fits. */
#define PLAN_MIN_RUNS FIT_CONSTANTS

/*
 * How far above the user's largest budget the lowest new one must be: a
 * budget within x2 of one they have adds little lever arm on the exponent.
 * (A choice of this tool, not a paper's.)
 */
#define PLAN_ABOVE 2.0

/* The defaults: 3 budgets x 5 sizes, the 15-run sweep. */
#define PLAN_DEFAULT_BUDGETS 3
#define PLAN_DEFAULT_SIZES   5

/*
 * Sizes span N*(C)/4 .. 4 N*(C), log-spaced: both sides of the minimum
 * (Approach 2's parabola needs them), yet near enough that the loss there
 * is within a few percent of the minimum, so the curvature is not lost in
 * noise. (A choice of this tool, not a paper's.)
 */
#define PLAN_SPREAD 4.0

/*
 * The budgets span two decades, log-spaced, ending at the largest the money
 * allows: Approach 2 fits a line in log C, and its slope is only as good as
 * the lever arm, while every decade lower costs a tenth as much. (A choice
 * of this tool, not a paper's.)
 */
#define PLAN_SPAN_DECADES 2.0

/*
 * The smallest sensible run when the truth law names no fitted range: below
 * a million parameters the law's form is nowhere tested.
 */
#define PLAN_MIN_PARAMS 1e6

/*
 * The default noise, as a standard deviation of log loss: 0.005 (0.5%).
 * An assumption, not a measured figure (the noise tests/unit/test_fit.c
 * draws its synthetic sweeps with); the user should give the spread of
 * final loss they see between seeds.
 */
#define PLAN_DEFAULT_NOISE 0.005
#define PLAN_MAX_NOISE     0.5 /* beyond this the loss is noise: refused */

/* The shape of a sweep; zeros take the defaults above. */
struct plan_design {
	int budgets;    /* K */
	int sizes;      /* S per budget */
	double spread;  /* sizes from N* / spread to spread N* */
	double decades; /* span of the budgets in log10 C */
};

/* One proposed run. */
struct plan_run {
	int budget;        /* the index of its budget */
	double compute;    /* its budget C, FLOPs */
	double params;     /* N */
	double tokens;     /* D = C / (k N) */
	double flops;      /* k N D: its cost */
	double cumulative; /* cost of this run and every one before it */
};

struct plan_sweep {
	struct plan_design design; /* as used, defaults filled in */
	int nbudgets;
	double budgets[PLAN_MAX_BUDGETS]; /* C of each, ascending */
	int nruns;
	struct plan_run runs[PLAN_MAX_RUNS];
	double cost;      /* sum of k N D over the runs */
	double floor;     /* the smallest N a run may have */
	double unreached; /* a budget tried that gave no N* (past the law's compute range), or 0 */
	double ratio;     /* of one budget to the next below it */
};

/*
 * The sweep that spends at most `budget` FLOPs: K budgets spaced evenly over
 * `decades` in log C, the largest as large as the money allows, S sizes
 * each around the truth's N*(C). MODEL_ENOSURFACE when the truth has no
 * L(N, D); MODEL_EDOM when the smallest run would fall below the floor (the
 * law's fitted N, or PLAN_MIN_PARAMS), with *least the budget that would do.
 */
enum model_status plan_propose(const struct law *truth, double budget,
                               const struct plan_design *design, struct plan_sweep *out,
                               double *least);

/*
 * The same above the user's runs: every budget at least twice `above` (the
 * largest of their runs' C: a budget closer adds little lever arm), keeping the design's ratio
 * between budgets; the lowest that would not be above it are dropped, and the money buys larger
 * ones, down to one new budget (the user's runs give the others). above 0: plan_propose. MODEL_EDOM
 * when not even one budget of S runs fits above it, with *least the sweep budget that would do.
 */
enum model_status plan_propose_above(const struct law *truth, double budget, double above,
                                     const struct plan_design *design, struct plan_sweep *out,
                                     double *least);

/*
 * The scatter of the user's runs about their fit, the noise to simulate
 * them with (the same measure as --noise): sqrt(sum ln(loss / fitted)^2 /
 * (n - FIT_CONSTANTS)), the fit's constants taking as many degrees of
 * freedom (over n, a fit that nearly interpolates its runs would call them
 * noiseless). NAN when n <= FIT_CONSTANTS (no degree of freedom left) or a
 * run has no fitted loss.
 */
double plan_residual_rms(const struct law *fit, const struct fit_run *runs, size_t n);

/* How far an estimate lands from the truth over the replicas: relative errors. */
struct plan_error {
	double truth;         /* the value the truth law gives */
	double p10, p50, p90; /* percentiles of (estimate - truth) / truth */
	double bias;          /* their mean */
	double rms;           /* their root mean square */
	int n;                /* replicas whose fit gave one */
};

struct plan_summary {
	int replicas;
	double noise;                  /* sigma of log loss */
	struct plan_error a, b, nstar; /* Approach 3: N* ~ C^a, D* ~ C^b, N* at the target */
	struct plan_error a2, nstar2;  /* Approach 2 (fit_isoflop): n 0 when it fits nothing */
};

/*
 * Simulate `replicas` fits of runs[0..n): the truth's loss times
 * exp(noise z), z standard normal (one stream per replica from the seed,
 * so the answer does not depend on the threads), fitted by Approach 3 from
 * a few starts (the truth's own theta and perturbed ones; not the
 * 4,500-start grid, for speed) and by Approach 2. 0, or -1 when memory runs
 * out or the truth has no N* at the target.
 */
int plan_simulate(const struct law *truth, const struct plan_run *runs, int n, double target,
                  double noise, int replicas, unsigned long seed, struct plan_summary *out);

/*
 * The same, with each replica's squared relative error of N* at the target
 * in e2[0..replicas) (NAN where its fit gave none): two sweeps simulated
 * with the same seed share their replicas' noise on the runs they share, so
 * their errors pair replica by replica (plan_candidate's drop).
 */
int plan_simulate_paired(const struct law *truth, const struct plan_run *runs, int n, double target,
                         double noise, int replicas, unsigned long seed, struct plan_summary *out,
                         double *e2);

/* A candidate next step: one more run, or a new budget of S runs. */
struct plan_candidate {
	int budget; /* the budget it adds to; nbudgets: a new one */
	int nruns;  /* runs it adds */
	struct plan_run runs[PLAN_MAX_SIZES];
	double cost; /* their FLOPs */
	double rms;  /* N* at the target: rms relative error with it */
	double gain; /* (rms before - rms with it) / cost, per FLOP */
	/* paired over the replicas where both fits gave N*: the squared error's mean fall */
	double drop;    /* mean of e2 before - e2 with it */
	double drop_se; /* its standard error: sd / sqrt(paired); NAN under 2 */
	int paired;     /* replicas in the pairing */
	/*
	 * The same fall for the best candidate only, on fresh replicas (the
	 * seed + 1: plan_confirm): chosen as the best on the replicas above,
	 * its drop there is biased up (the most of many noisy falls), so the
	 * test of whether it narrows N* at all reads these. NAN/0 for the rest.
	 */
	double fresh_drop, fresh_se;
	int fresh_paired;
};

/*
 * The best candidate c re-simulated with the base runs on fresh replicas,
 * seed + 1 (a stream of replica seeds of its own, so for a given seed the
 * answer is the same), and the base alone on the same: the paired fall of
 * N*'s squared error into c->fresh_drop, fresh_se, fresh_paired, free of
 * the selection that picked c. 0, or -1 (memory, or no N* to compare).
 */
int plan_confirm(const struct law *truth, const struct plan_run *base, int nbase, double target,
                 double noise, int replicas, unsigned long seed, struct plan_candidate *c);
#define PLAN_MAX_CANDIDATES (3 * PLAN_MAX_BUDGETS) /* >= 2 K + 1 of plan_suggest */

/*
 * Candidates: one size beyond each end of every budget (above the largest N,
 * below the smallest while at or over the floor) and a new budget one step
 * above the largest (below the target), each re-simulated with the same
 * noise draws as the sweep (common random numbers, so differences are the
 * run's, not the dice's). *best: the one whose N* error falls most per
 * FLOP, or -1 when none lowers it. e2_before: the sweep's own per-replica
 * errors (plan_simulate_paired, same seed), which each candidate's drop is
 * paired with; given, the best is then re-tested on fresh replicas
 * (plan_confirm). Returns the count, or -1 (memory).
 */
int plan_suggest(const struct law *truth, const struct plan_sweep *sweep, double target,
                 double noise, int replicas, unsigned long seed, double rms_before,
                 const double *e2_before, struct plan_candidate *out, int *best);

/*
 * With the user's runs: which one of the sweep's runs to train first. Each
 * budget's smallest, middle and largest run is tried alone with the existing
 * runs (which come first, so they see the same noise in every trial) and
 * *best is the one whose N* error at the target falls most per FLOP below
 * rms_before (the existing runs' alone, with per-replica errors e2_before),
 * or -1; given e2_before, the best is re-tested as plan_suggest's. Returns
 * the count, or -1.
 */
int plan_suggest_first(const struct law *truth, const struct plan_run *existing, int nexisting,
                       const struct plan_sweep *sweep, double target, double noise, int replicas,
                       unsigned long seed, double rms_before, const double *e2_before,
                       struct plan_candidate *out, int *best);

#endif
