/*
 * plan.c: an IsoFLOP sweep proposed from a law taken as the truth, and the
 * simulation of fitting it: how far the fits land from the truth the
 * simulation knows, and which extra run would narrow that most per FLOP.
 * See plan.h for the choices (budgets, sizes, noise) and why.
 */
#include "plan.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_statistics_double.h>

#include "optimum.h"
#include "units.h"

/* ---- proposing the sweep ---- */

static void design_defaults(const struct plan_design *in, struct plan_design *out)
{
	*out = in != NULL ? *in : (struct plan_design){0};
	if (out->budgets <= 0)
		out->budgets = PLAN_DEFAULT_BUDGETS;
	if (out->sizes <= 0)
		out->sizes = PLAN_DEFAULT_SIZES;
	if (!(out->spread > 1))
		out->spread = PLAN_SPREAD;
	if (!(out->decades > 0))
		out->decades = PLAN_SPAN_DECADES;
}

/* The ratio of one budget to the next below it. */
static double budget_ratio(const struct plan_design *d)
{
	return d->budgets > 1 ? pow(10, d->decades / (d->budgets - 1)) : 1;
}

/* Sum over k budgets at ratio r of C_i / C_K: a sweep costs S C_K times this. */
static double budget_weight(double r, int k)
{
	double w = 0;

	for (int i = 0; i < k; i++)
		w += pow(r, -i);
	return w;
}

/* The i-th of S sizes around N*: log-spaced over [N* / spread, N* spread]. */
static double size_at(const struct plan_design *d, double nstar, int i)
{
	double t = d->sizes > 1 ? (double)i / (d->sizes - 1) : 0.5;
	return nstar * pow(d->spread, 2 * t - 1);
}

/* The smallest N a run may have: where the truth was fitted, else a floor. */
static double params_floor(const struct law *truth)
{
	return truth->params.lo > 0 ? truth->params.lo : PLAN_MIN_PARAMS;
}

/*
 * A lower bound on the least sweep budget whose smallest run stays at or above
 * the floor, before rounding: where N*(C_1) / spread = floor (rounding only
 * lowers the runs, so the least that works is at or above this).
 */
static double least_estimate(const struct law *truth, const struct plan_design *d, double floor)
{
	struct allocation a;

	if (optimum_for_size(truth, OPTIMUM_PARAMS, floor * d->spread, 0, &a) != MODEL_OK)
		return INFINITY;
	return a.compute * pow(budget_ratio(d), d->budgets - 1) * d->sizes *
	       budget_weight(budget_ratio(d), d->budgets);
}

/* The power of ten of x's third significant digit. */
static double third_digit(double x)
{
	return pow(10, floor(log10(x)) - 2);
}

/*
 * x to three significant digits, down: a scheduler is given 2e23 FLOPs and
 * 10.5B parameters, not 1.999999998e23 and 10513190710. slack: how far
 * below a three-digit value x may be and still be given it (a hair keeps 2e23
 * at 2e23 when it can; 0 when the sum must stay within the money).
 */
static double three_digits_down(double x, double slack)
{
	double unit = third_digit(x);
	return floor(x / unit + slack) * unit;
}

/*
 * The double a user gets typing three-digit x ("4.23e21"): 423 x 1e19 may
 * differ from it in the last bit, and the least budget tested must be the
 * one given back.
 */
static double as_typed(double x)
{
	char buf[32];

	units_format_exact(x, 3, buf, sizeof buf);
	return strtod(buf, NULL);
}

/* The three-digit value next above x: the least's next step up. */
static double three_digits_next(double x)
{
	double unit = third_digit(x);
	return as_typed((floor(x / unit + 1e-6) + 1) * unit);
}

/* x to three significant digits, up (a hair's tolerance keeps 4.23e21 at 4.23e21). */
static double three_digits_up(double x)
{
	double unit = third_digit(x);
	return as_typed(ceil(x / unit - 1e-6) * unit);
}

/* Add budget C's S runs to the sweep, C and N to three digits down (slack: three_digits_down). */
static int add_budget(const struct law *truth, struct plan_sweep *s, double c, double slack)
{
	struct allocation a;

	c = three_digits_down(c, slack);
	if (optimum_at_compute(truth, c, 0, &a) != MODEL_OK) {
		s->unreached = c;
		return -1;
	}
	s->budgets[s->nbudgets] = c;
	for (int i = 0; i < s->design.sizes; i++) {
		struct plan_run *r = &s->runs[s->nruns++];
		r->budget = s->nbudgets;
		r->compute = c;
		r->params = three_digits_down(size_at(&s->design, a.params, i), 1e-6);
		r->tokens = floor(c / (truth->k * r->params)); /* whole tokens, within C */
		r->flops = truth->k * r->params * r->tokens;
		s->cost += r->flops;
		r->cumulative = s->cost;
	}
	s->nbudgets++;
	return 0;
}

/* The budgets' shape is legal: enough sizes for a parabola, within the arrays. */
static bool design_fits(const struct plan_design *d, bool alone)
{
	return d->budgets <= PLAN_MAX_BUDGETS && d->sizes <= PLAN_MAX_SIZES &&
	       d->sizes >= PLAN_MIN_SIZES && (!alone || d->budgets * d->sizes >= PLAN_MIN_RUNS);
}

/*
 * K budgets at ratio r ending at `top`, S runs each, into the sweep: with a
 * hair's slack in the rounding first, and when that spends more than `money`
 * (a budget a hair under a three-digit value rounded up to it), without.
 */
static enum model_status fill_budgets(const struct law *truth, struct plan_sweep *out, double top,
                                      double r, double money)
{
	static const double slacks[2] = {1e-6, 0};

	for (int k = 0; k < 2; k++) {
		out->nbudgets = out->nruns = 0;
		out->cost = 0;
		for (int i = out->design.budgets - 1; i >= 0; i--)
			if (add_budget(truth, out, top / pow(r, i), slacks[k]) != 0)
				return MODEL_EDOM;
		if (out->cost <= money)
			break;
	}
	if (out->cost > money)
		return MODEL_EDOM;
	return out->runs[0].params < out->floor * (1 - 1e-9) ? MODEL_EDOM : MODEL_OK;
}

enum model_status plan_propose(const struct law *truth, double budget,
                               const struct plan_design *design, struct plan_sweep *out,
                               double *least)
{
	return plan_propose_above(truth, budget, 0, design, out, least);
}

/*
 * The sweep for `budget` (design d, defaults filled in): without runs, the
 * design's K budgets; above them (`lowest` = PLAN_ABOVE x their largest C),
 * the most budgets, K down to 1, whose lowest, once rounded, is still at or
 * above `lowest`. On MODEL_EDOM without runs, *out holds the sweep that failed
 * (its smallest run names the floor it fell under).
 */
static enum model_status propose_sweep(const struct law *truth, double budget, double lowest,
                                       const struct plan_design *d, struct plan_sweep *out)
{
	double r = budget_ratio(d);

	memset(out, 0, sizeof *out);
	out->design = *d;
	out->floor = params_floor(truth);
	out->ratio = r;
	for (int k = d->budgets; k >= 1; k--) {
		out->design.budgets = k;
		/* the largest budget the money allows: S C_K sum r^-i = budget */
		double top =
		        budget / (d->sizes * budget_weight(r, k)) * (1 - 1e-9); /* never over */
		if (lowest > 0 && top / pow(r, k - 1) < lowest * (1 - 1e-3))
			continue; /* cannot clear it even before rounding down */
		enum model_status st = fill_budgets(truth, out, top, r, budget);
		if (lowest <= 0)
			return st;
		/* checked after rounding: a rounded budget may land under the bar */
		if (st == MODEL_OK && out->budgets[0] >= lowest)
			return MODEL_OK;
	}
	out->design.budgets = d->budgets;
	return MODEL_EDOM;
}

/* Steps up a least budget takes at most: a three-digit step is 0.1% to 1%. */
#define PLAN_LEAST_STEPS 1000

/*
 * The least sweep budget that proposes a sweep, to three digits: the bound
 * from the formula rounded up, then stepped up one third digit at a time
 * until the sweep's own rounding (of budgets and sizes) passes, so that the
 * budget a refusal names is accepted when given. INFINITY when none does.
 */
static double least_budget(const struct law *truth, double lowest, const struct plan_design *d)
{
	struct plan_sweep trial;
	double c;

	if (lowest > 0) /* one new budget of S runs at the bar */
		c = fmax(least_estimate(truth, &(struct plan_design){1, d->sizes, d->spread, 1},
		                        params_floor(truth)),
		         d->sizes * lowest);
	else
		c = least_estimate(truth, d, params_floor(truth));
	if (!isfinite(c) || !(c > 0))
		return INFINITY;
	c = three_digits_up(c);
	for (int i = 0; i < PLAN_LEAST_STEPS; i++, c = three_digits_next(c))
		if (propose_sweep(truth, c, lowest, d, &trial) == MODEL_OK)
			return c;
	return INFINITY;
}

/*
 * Above the user's runs: the budgets keep the design's ratio and end at the
 * largest the money allows; the lowest ones that would not be PLAN_ABOVE x `above`
 * are dropped (the money then buys larger ones), down to one new budget.
 */
enum model_status plan_propose_above(const struct law *truth, double budget, double above,
                                     const struct plan_design *design, struct plan_sweep *out,
                                     double *least)
{
	struct plan_design d;

	memset(out, 0, sizeof *out);
	design_defaults(design, &d);
	out->design = d;
	*least = INFINITY;
	if (!law_has_surface(truth))
		return MODEL_ENOSURFACE;
	if (!design_fits(&d, above <= 0))
		return MODEL_EDOM;
	/* a new budget within x2 of one the user has adds little lever arm on the
	   exponent: new budgets start at PLAN_ABOVE times the largest */
	double lowest = above > 0 ? above * PLAN_ABOVE : 0;
	enum model_status st = propose_sweep(truth, budget, lowest, &d, out);
	if (st != MODEL_OK)
		*least = least_budget(truth, lowest, &d);
	return st;
}

/* ---- the truth the simulation knows ---- */

double plan_residual_rms(const struct law *fit, const struct fit_run *runs, size_t n)
{
	double sq = 0;

	if (n <= FIT_CONSTANTS) /* as many constants as runs: no degree of freedom left */
		return NAN;
	for (size_t i = 0; i < n; i++) {
		double l = NAN;
		law_loss(fit, runs[i].params, runs[i].tokens, 0, &l);
		sq += pow(log(runs[i].loss / l), 2);
	}
	return sqrt(sq / (double)(n - FIT_CONSTANTS));
}

/*
 * N*(C) ~ C^a near the target: the slope of ln N* over ln C, by central
 * difference (exact for an additive law, whose frontier is a power law).
 */
static enum model_status truth_exponent(const struct law *truth, double target, double *a)
{
	struct allocation lo, hi;
	const double h = 1.1;

	if (optimum_at_compute(truth, target / h, 0, &lo) != MODEL_OK ||
	    optimum_at_compute(truth, target * h, 0, &hi) != MODEL_OK)
		return MODEL_ENOCONV;
	*a = log(hi.params / lo.params) / (2 * log(h));
	return MODEL_OK;
}

/*
 * The refit's starts: the truth's own theta (a, b, e, alpha, beta) for an
 * additive law, else Chinchilla's fit (Hoffmann et al. 2022 Eq. 10: E 1.69,
 * A 406.4, B 410.7, alpha 0.34, beta 0.28); and two perturbed ones, so that
 * a fit is not simply handed the answer.
 */
static void starts_of(const struct law *truth, double th[PLAN_STARTS][5])
{
	bool additive =
	        truth->family == LAW_ADDITIVE && truth->A > 0 && truth->B > 0 && truth->E > 0;
	double t0[5] = {log(406.4), log(410.7), log(1.69), 0.34, 0.28};

	if (additive) {
		t0[0] = log(truth->A);
		t0[1] = log(truth->B);
		t0[2] = log(truth->E);
		t0[3] = truth->alpha;
		t0[4] = truth->beta;
	}
	static const double scale[PLAN_STARTS] = {1, 0.7, 1.4}, shift[PLAN_STARTS] = {0, -1, 1};
	for (int s = 0; s < PLAN_STARTS; s++) {
		th[s][0] = t0[0] + shift[s];
		th[s][1] = t0[1] + shift[s];
		th[s][2] = t0[2] - 0.2 * fabs(shift[s]);
		th[s][3] = t0[3] * scale[s];
		th[s][4] = t0[4] * scale[s];
	}
}

/* ---- one replica ---- */

/* What one simulated fit gives; NAN where a fit gave nothing. */
enum { V_A, V_B, V_NSTAR, V_A2, V_NSTAR2, V_COUNT };

struct sim_job {
	const struct law *truth;
	const struct plan_run *runs;
	int n;
	double target, noise;
	double starts[PLAN_STARTS][5];
};

/* Approach 3 from each start: the lowest objective among those that converge. */
static int fit_best(const struct fit_run *runs, size_t n, const double th[PLAN_STARTS][5],
                    struct fit_parametric *best)
{
	int found = 0;

	for (int s = 0; s < PLAN_STARTS; s++) {
		struct fit_parametric p;
		if (fit_parametric_from(runs, n, th[s], &p) != MODEL_OK)
			continue;
		if (!found || p.objective < best->objective)
			*best = p;
		found = 1;
	}
	return found ? 0 : -1;
}

/* Both fits of one noisy copy of the runs into v[V_COUNT]. */
static void fit_replica(const struct sim_job *j, const struct fit_run *runs, double *v)
{
	struct fit_parametric p;
	struct fit_isoflop iso;
	struct allocation at;

	for (int k = 0; k < V_COUNT; k++)
		v[k] = NAN;
	if (fit_best(runs, (size_t)j->n, j->starts, &p) == 0) {
		struct law fitted = fit_parametric_law(&p, j->truth->k);
		v[V_A] = p.a;
		v[V_B] = p.b;
		if (optimum_at_compute(&fitted, j->target, 0, &at) == MODEL_OK)
			v[V_NSTAR] = at.params;
	}
	if (fit_isoflop(runs, (size_t)j->n, j->truth->k, &iso) == MODEL_OK) {
		v[V_A2] = iso.a;
		v[V_NSTAR2] = iso.k_params * pow(j->target, iso.a);
	}
}

/* The runs with the truth's loss times exp(noise z), z from this replica's stream. */
static void noisy_runs(const struct sim_job *j, gsl_rng *rng, struct fit_run *out)
{
	for (int i = 0; i < j->n; i++) {
		double l = NAN;
		law_loss(j->truth, j->runs[i].params, j->runs[i].tokens, 0, &l);
		out[i] = (struct fit_run){j->runs[i].params, j->runs[i].tokens,
		                          l * exp(j->noise * gsl_ran_gaussian_ziggurat(rng, 1))};
	}
}

/* ---- replicas on the machine's cores ---- */

#define PLAN_MAX_THREADS 8

struct sim_slice {
	const struct sim_job *job;
	const unsigned long *seeds;
	int from, to;
	double *values; /* replicas x V_COUNT */
	int failed;
};

static void *sim_slice_run(void *arg)
{
	struct sim_slice *s = arg;
	struct fit_run *runs = malloc(sizeof *runs * (size_t)s->job->n);
	gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);

	if (runs == NULL || rng == NULL) {
		s->failed = 1;
	} else {
		for (int r = s->from; r < s->to; r++) {
			gsl_rng_set(rng, s->seeds[r]);
			noisy_runs(s->job, rng, runs);
			fit_replica(s->job, runs, s->values + (size_t)r * V_COUNT);
		}
	}
	free(runs);
	gsl_rng_free(rng);
	return NULL;
}

static int threads_for(int replicas)
{
	long cores = sysconf(_SC_NPROCESSORS_ONLN);

	if (cores < 1)
		cores = 1;
	if (cores > PLAN_MAX_THREADS)
		cores = PLAN_MAX_THREADS;
	return replicas < cores ? replicas : (int)cores;
}

/* Every replica's values: this thread takes the first slice, as fit_bootstrap does. */
static int run_replicas(const struct sim_job *job, const unsigned long *seeds, int replicas,
                        double *values)
{
	int nthreads = threads_for(replicas), failed = 0;
	struct sim_slice slices[PLAN_MAX_THREADS];
	pthread_t threads[PLAN_MAX_THREADS];
	int started[PLAN_MAX_THREADS] = {0};

	for (int t = 0; t < nthreads; t++)
		slices[t] = (struct sim_slice){
		        job,    seeds, replicas * t / nthreads, replicas * (t + 1) / nthreads,
		        values, 0};
	for (int t = 1; t < nthreads; t++)
		started[t] = pthread_create(&threads[t], NULL, sim_slice_run, &slices[t]) == 0;
	sim_slice_run(&slices[0]);
	for (int t = 1; t < nthreads; t++) {
		if (started[t])
			pthread_join(threads[t], NULL);
		else
			sim_slice_run(&slices[t]);
		failed |= slices[t].failed;
	}
	return failed | slices[0].failed ? -1 : 0;
}

/* ---- summaries ---- */

/* The relative errors of column k against the truth. */
static void error_of(const double *values, int replicas, int k, double truth, double *buf,
                     struct plan_error *e)
{
	int n = 0;
	double sum = 0, sq = 0;

	for (int r = 0; r < replicas; r++) {
		double v = values[(size_t)r * V_COUNT + (size_t)k];
		if (!isfinite(v))
			continue;
		buf[n] = (v - truth) / truth;
		sum += buf[n];
		sq += buf[n] * buf[n];
		n++;
	}
	*e = (struct plan_error){.truth = truth,
	                         .n = n,
	                         .p10 = NAN,
	                         .p50 = NAN,
	                         .p90 = NAN,
	                         .bias = NAN,
	                         .rms = NAN};
	if (n == 0)
		return;
	struct fit_interval iv = fit_interval_of(buf, (size_t)n);
	e->p10 = iv.p10;
	e->p90 = iv.p90;
	e->p50 = gsl_stats_median_from_sorted_data(buf, 1, (size_t)n);
	e->bias = sum / n;
	e->rms = sqrt(sq / n);
}

/* The seeds of each replica's stream, from the seed's own stream. */
static unsigned long *replica_seeds(unsigned long seed, int replicas)
{
	unsigned long *seeds = malloc(sizeof *seeds * (size_t)replicas);
	gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);

	if (seeds != NULL && rng != NULL) {
		gsl_rng_set(rng, seed);
		for (int r = 0; r < replicas; r++)
			seeds[r] = gsl_rng_get(rng);
	} else {
		free(seeds);
		seeds = NULL;
	}
	gsl_rng_free(rng);
	return seeds;
}

static void summarise(const double *values, int replicas, double a, double nstar, double *buf,
                      struct plan_summary *out)
{
	error_of(values, replicas, V_A, a, buf, &out->a);
	error_of(values, replicas, V_B, 1 - a, buf, &out->b);
	error_of(values, replicas, V_NSTAR, nstar, buf, &out->nstar);
	error_of(values, replicas, V_A2, a, buf, &out->a2);
	error_of(values, replicas, V_NSTAR2, nstar, buf, &out->nstar2);
}

/* Each replica's squared relative error of N* (column V_NSTAR) against the truth. */
static void squared_errors(const double *values, int replicas, double truth, double *e2)
{
	for (int r = 0; r < replicas; r++) {
		double v = values[(size_t)r * V_COUNT + V_NSTAR];
		e2[r] = isfinite(v) ? pow((v - truth) / truth, 2) : NAN;
	}
}

int plan_simulate_paired(const struct law *truth, const struct plan_run *runs, int n, double target,
                         double noise, int replicas, unsigned long seed, struct plan_summary *out,
                         double *e2)
{
	struct sim_job job = {truth, runs, n, target, noise, {{0}}};
	struct allocation at;
	double a;

	memset(out, 0, sizeof *out);
	out->replicas = replicas;
	out->noise = noise;
	if (replicas < 1 || n < PLAN_MIN_RUNS || optimum_at_compute(truth, target, 0, &at) ||
	    truth_exponent(truth, target, &a))
		return -1;
	starts_of(truth, job.starts);
	unsigned long *seeds = replica_seeds(seed, replicas);
	double *values = malloc(sizeof *values * (size_t)replicas * V_COUNT);
	double *buf = malloc(sizeof *buf * (size_t)replicas);
	int rc = -1;

	if (seeds != NULL && values != NULL && buf != NULL &&
	    run_replicas(&job, seeds, replicas, values) == 0) {
		summarise(values, replicas, a, at.params, buf, out);
		if (e2 != NULL)
			squared_errors(values, replicas, at.params, e2);
		rc = 0;
	}
	free(seeds);
	free(values);
	free(buf);
	return rc;
}

int plan_simulate(const struct law *truth, const struct plan_run *runs, int n, double target,
                  double noise, int replicas, unsigned long seed, struct plan_summary *out)
{
	return plan_simulate_paired(truth, runs, n, target, noise, replicas, seed, out, NULL);
}

/*
 * The fall of the squared N* error from before to after, paired replica by
 * replica (the same noise draws on the shared runs) over those where both
 * fits gave N*: its mean and standard error. Paired, the dice's part of the
 * two errors cancels, and a gain is resolved far finer than two rms from
 * independent draws would allow.
 */
static void paired_drop(const double *before, const double *after, int replicas, double *diff,
                        struct plan_candidate *c)
{
	int n = 0;

	for (int r = 0; r < replicas; r++)
		if (isfinite(before[r]) && isfinite(after[r]))
			diff[n++] = before[r] - after[r];
	c->paired = n;
	c->drop = n > 0 ? gsl_stats_mean(diff, 1, (size_t)n) : NAN;
	c->drop_se = n > 1 ? gsl_stats_sd(diff, 1, (size_t)n) / sqrt((double)n) : NAN;
}

int plan_confirm(const struct law *truth, const struct plan_run *base, int nbase, double target,
                 double noise, int replicas, unsigned long seed, struct plan_candidate *c)
{
	struct plan_run *runs = malloc(sizeof *runs * (size_t)(nbase + PLAN_MAX_SIZES));
	double *e2 = malloc(sizeof *e2 * (size_t)replicas * 3);
	struct plan_summary s;
	int rc = -1;

	c->fresh_drop = c->fresh_se = NAN;
	c->fresh_paired = 0;
	if (runs != NULL && e2 != NULL) {
		double *before = e2 + replicas, *diff = before + replicas;
		struct plan_candidate fresh = *c;
		memcpy(runs, base, sizeof *runs * (size_t)nbase);
		memcpy(runs + nbase, c->runs, sizeof *runs * (size_t)c->nruns);
		/* seed + 1: replicas the choice never saw, the same for a given seed */
		if (plan_simulate_paired(truth, base, nbase, target, noise, replicas, seed + 1, &s,
		                         before) == 0 &&
		    plan_simulate_paired(truth, runs, nbase + c->nruns, target, noise, replicas,
		                         seed + 1, &s, e2) == 0) {
			paired_drop(before, e2, replicas, diff, &fresh);
			c->fresh_drop = fresh.drop;
			c->fresh_se = fresh.drop_se;
			c->fresh_paired = fresh.paired;
			rc = 0;
		}
	}
	free(runs);
	free(e2);
	return rc;
}

/* ---- the next run ---- */

/*
 * One run of budget b near N, rounded as the sweep's are (N to three digits
 * down, whole tokens D = floor(C / (k N))), so that it costs no more than C.
 */
static struct plan_run one_run(const struct law *truth, int b, double c, double n)
{
	n = three_digits_down(n, 1e-6);
	double d = floor(c / (truth->k * n));
	return (struct plan_run){b, c, n, d, truth->k * n * d, 0};
}

/* One size beyond each end of every budget, the lower only at or above the floor. */
static int size_candidates(const struct law *truth, const struct plan_sweep *s,
                           struct plan_candidate *out)
{
	double step = pow(s->design.spread, 2.0 / (s->design.sizes - 1));
	int m = 0;

	for (int b = 0; b < s->nbudgets; b++) {
		const struct plan_run *lo = &s->runs[b * s->design.sizes];
		const struct plan_run *hi = lo + s->design.sizes - 1;
		out[m] = (struct plan_candidate){.budget = b, .nruns = 1};
		out[m].runs[0] = one_run(truth, b, hi->compute, hi->params * step);
		m++;
		struct plan_run below = one_run(truth, b, lo->compute, lo->params / step);
		if (below.params >= s->floor * (1 - 1e-9)) {
			out[m] = (struct plan_candidate){.budget = b, .nruns = 1};
			out[m].runs[0] = below;
			m++;
		}
	}
	return m;
}

/* A new budget one step above the largest, S sizes as the others; 0 when past the target. */
static int budget_candidate(const struct law *truth, const struct plan_sweep *s, double target,
                            struct plan_candidate *out)
{
	struct plan_sweep more = *s;
	double c = s->budgets[s->nbudgets - 1] * s->ratio;

	if (c >= target || s->nbudgets >= PLAN_MAX_BUDGETS)
		return 0;
	more.nruns = 0;
	more.nbudgets = s->nbudgets;
	if (add_budget(truth, &more, c, 1e-6) != 0)
		return 0;
	*out = (struct plan_candidate){.budget = s->nbudgets, .nruns = more.nruns};
	memcpy(out->runs, more.runs, sizeof *more.runs * (size_t)more.nruns);
	return 1;
}

/*
 * Each candidate simulated with the base runs: its rms of N*, narrowing per
 * FLOP and, paired with e2_before, the fall of the squared error.
 */
static int score(const struct law *truth, const struct plan_run *base, int nbase, double target,
                 double noise, int replicas, unsigned long seed, double rms_before,
                 const double *e2_before, struct plan_candidate *out, int m, int *best)
{
	struct plan_run *runs = malloc(sizeof *runs * (size_t)(nbase + PLAN_MAX_SIZES));
	double *e2 = malloc(sizeof *e2 * (size_t)replicas);
	double *diff = malloc(sizeof *diff * (size_t)replicas);
	int rc = m;

	*best = -1;
	if (runs == NULL || e2 == NULL || diff == NULL)
		rc = -1;
	for (int i = 0; i < m && rc >= 0; i++) {
		struct plan_summary s;
		memcpy(runs, base, sizeof *runs * (size_t)nbase);
		memcpy(runs + nbase, out[i].runs, sizeof *runs * (size_t)out[i].nruns);
		out[i].cost = 0;
		for (int k = 0; k < out[i].nruns; k++)
			out[i].cost += out[i].runs[k].flops;
		/* the same seed: the base runs see the same noise, the new ones draw after */
		if (plan_simulate_paired(truth, runs, nbase + out[i].nruns, target, noise, replicas,
		                         seed, &s, e2) != 0) {
			rc = -1;
			break;
		}
		out[i].rms = s.nstar.rms;
		out[i].gain = (rms_before - s.nstar.rms) / out[i].cost;
		out[i].drop = out[i].drop_se = NAN;
		out[i].paired = 0;
		if (e2_before != NULL)
			paired_drop(e2_before, e2, replicas, diff, &out[i]);
		out[i].fresh_drop = out[i].fresh_se = NAN;
		out[i].fresh_paired = 0;
		if (out[i].gain > 0 && (*best < 0 || out[i].gain > out[*best].gain))
			*best = i;
	}
	/* the best was chosen on these replicas: test it on fresh ones (a failure leaves NAN) */
	if (rc >= 0 && *best >= 0 && e2_before != NULL)
		plan_confirm(truth, base, nbase, target, noise, replicas, seed, &out[*best]);
	free(runs);
	free(e2);
	free(diff);
	return rc;
}

int plan_suggest(const struct law *truth, const struct plan_sweep *sweep, double target,
                 double noise, int replicas, unsigned long seed, double rms_before,
                 const double *e2_before, struct plan_candidate *out, int *best)
{
	int m = size_candidates(truth, sweep, out);

	m += budget_candidate(truth, sweep, target, out + m);
	return score(truth, sweep->runs, sweep->nruns, target, noise, replicas, seed, rms_before,
	             e2_before, out, m, best);
}

int plan_suggest_first(const struct law *truth, const struct plan_run *existing, int nexisting,
                       const struct plan_sweep *sweep, double target, double noise, int replicas,
                       unsigned long seed, double rms_before, const double *e2_before,
                       struct plan_candidate *out, int *best)
{
	int m = 0, sizes = sweep->design.sizes;

	/* each budget's smallest, middle and largest run: the shapes a choice is between */
	for (int b = 0; b < sweep->nbudgets; b++)
		for (int k = 0; k < 3; k++) {
			int i = b * sizes + (k == 0 ? 0 : k == 1 ? sizes / 2 : sizes - 1);
			out[m] = (struct plan_candidate){.budget = b, .nruns = 1};
			out[m++].runs[0] = sweep->runs[i];
		}
	return score(truth, existing, nexisting, target, noise, replicas, seed, rms_before,
	             e2_before, out, m, best);
}
