/*
 * fit.c: the fits of fit.h. The Approach 3 objective and its gradient are
 * one branch-free pass over contiguous arrays of precomputed logarithms,
 * two exponentials and a logarithm a row; no allocation happens inside the
 * minimiser's loop. Many rows: the starts scout on a sample, and only the
 * distinct minima it finds are refined on all rows.
 */
#include <math.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_fit.h>
#include <gsl/gsl_multifit.h>
#include <gsl/gsl_multimin.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>

#include "fit.h"

/*
 * Runs as the objective sees them: logarithms, computed once, centred and
 * scaled. log N and log D of real runs sit around 20-25 with a spread of
 * one or two, so in raw coordinates a step in alpha moves the model twenty
 * times as far as the same step in a: BFGS starts from the identity as its
 * Hessian and would spend its first iterations learning that scale. With
 * x = (log N - x0) / sx the five directions are alike, and the scouting
 * phase below finds the basin in a few iterations instead of dozens.
 */
struct fit_data {
	size_t n;
	const double *x; /* (log N - x0) / sx */
	const double *y; /* (log D - y0) / sy */
	const double *l; /* log L */
	double x0, sx, y0, sy;
	double xlo, xhi, ylo, yhi; /* the ends of x and y: where a call's exponents peak */
	int dim; /* 5; 3 when D does not vary: (a, e, alpha) free, b = -inf, beta = 0 */
};

/* The entries of theta = (a, b, e, alpha, beta) the minimiser moves. */
static const int free5[5] = {0, 1, 2, 3, 4}, free3[3] = {0, 2, 3};

static const int *free_of(const struct fit_data *d)
{
	return d->dim == 5 ? free5 : free3;
}

/* The minimiser's vector v to a full theta: with one D, the D term is e^-inf = 0. */
static void unpack(const struct fit_data *d, const double *v, double *th)
{
	if (d->dim == 5) {
		memcpy(th, v, sizeof(double) * 5);
		return;
	}
	th[0] = v[0];
	th[1] = -INFINITY;
	th[2] = v[1];
	th[3] = v[2];
	th[4] = 0;
}

/* theta to the centred coordinates, and back (b = -inf stays -inf). */
static void to_centred(const struct fit_data *d, double *th)
{
	th[0] -= th[3] * d->x0;
	th[1] -= th[4] * d->y0;
	th[3] *= d->sx;
	th[4] *= d->sy;
}

static void from_centred(const struct fit_data *d, double *th)
{
	th[3] /= d->sx;
	th[4] /= d->sy;
	th[0] += th[3] * d->x0;
	th[1] += th[4] * d->y0;
}

/*
 * The Huber sum and its gradient when no exponent of the call can
 * overflow: LSE = log(e^u1 + e^u2 + e^e) directly, with e^e once a call.
 * No branch in the loop (the Huber kink is a min and a copysign), so the
 * compiler may vectorise it where the math library has vector exp and log.
 */
static double objective_plain(const double *th, const struct fit_data *d, double *g)
{
	const double a = th[0], b = th[1], al = th[3], be = th[4];
	const double delta = FIT_HUBER_DELTA, exp_e = exp(th[2]);
	const double *x = d->x, *y = d->y, *l = d->l;
	double sum = 0, g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0;

	for (size_t i = 0; i < d->n; i++) {
		double e1 = exp(a - al * x[i]), e2 = exp(b - be * y[i]);
		double s = e1 + e2 + exp_e;
		double r = log(s) - l[i], ar = fabs(r);
		double c = ar < delta ? ar : delta; /* Huber: quadratic inside delta, linear out */
		double w = copysign(c, r) / s;      /* its slope, times d LSE / d u_k = e_k / s */
		sum += c * (ar - 0.5 * c);
		g0 += w * e1;
		g1 += w * e2;
		g2 += w;
		g3 -= w * e1 * x[i];
		g4 -= w * e2 * y[i];
	}
	g[0] = g0;
	g[1] = g1;
	g[2] = g2 * exp_e;
	g[3] = g3;
	g[4] = g4;
	return sum;
}

/* The same far from any sensible law: each row shifted by its largest term (log-sum-exp). */
static double objective_shifted(const double *th, const struct fit_data *d, double *g)
{
	const double a = th[0], b = th[1], e = th[2], al = th[3], be = th[4];
	const double delta = FIT_HUBER_DELTA;
	double sum = 0, g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0;

	for (size_t i = 0; i < d->n; i++) {
		double u1 = a - al * d->x[i], u2 = b - be * d->y[i];
		double m = fmax(u1, fmax(u2, e));
		double e1 = exp(u1 - m), e2 = exp(u2 - m), e3 = exp(e - m);
		double s = e1 + e2 + e3;
		double r = m + log(s) - d->l[i], ar = fabs(r);
		double c = ar < delta ? ar : delta;
		double w = copysign(c, r) / s;
		sum += c * (ar - 0.5 * c);
		g0 += w * e1;
		g1 += w * e2;
		g2 += w * e3;
		g3 -= w * e1 * d->x[i];
		g4 -= w * e2 * d->y[i];
	}
	g[0] = g0;
	g[1] = g1;
	g[2] = g2;
	g[3] = g3;
	g[4] = g4;
	return sum;
}

/*
 * Huber sum and gradient in centred theta. a - alpha x is linear in x, so
 * its largest value over the rows is at xlo or xhi: one test a call picks
 * the plain loop (no overflow, and s >= e^e > 0) or the shifted one.
 */
static double objective(const double *th, const struct fit_data *d, double *g)
{
	double u1 = fmax(th[0] - th[3] * d->xlo, th[0] - th[3] * d->xhi);
	double u2 = fmax(th[1] - th[4] * d->ylo, th[1] - th[4] * d->yhi);

	if (fabs(th[2]) < 700 && u1 < 700 && u2 < 700)
		return objective_plain(th, d, g);
	return objective_shifted(th, d, g);
}

/* The objective of the minimiser's vector v, and its gradient in v's entries. */
static double objective_of(const gsl_vector *v, const struct fit_data *d, gsl_vector *grad)
{
	double th[5], g[5];
	const int *fr = free_of(d);

	unpack(d, v->data, th);
	double f = objective(th, d, g);
	if (grad != NULL)
		for (int k = 0; k < d->dim; k++)
			gsl_vector_set(grad, (size_t)k, g[fr[k]]);
	return f;
}

static double f_only(const gsl_vector *v, void *p)
{
	return objective_of(v, p, NULL);
}

static void df_only(const gsl_vector *v, void *p, gsl_vector *g)
{
	objective_of(v, p, g);
}

static void fdf(const gsl_vector *v, void *p, double *f, gsl_vector *g)
{
	*f = objective_of(v, p, g);
}

/*
 * Iterations of one BFGS run to the end: most fits converge in tens, but a
 * law with a small B or a large alpha can crawl along the Huber sum's
 * kinked floor for hundreds.
 */
#define BFGS_MAX_ITER 1000

/*
 * The line search's curvature condition: 0.9 accepts any step that flattens
 * the slope a little, the usual choice for quasi-Newton methods (Nocedal and
 * Wright, Numerical Optimization, 2nd ed., sec. 3.1). A tighter 0.1 spent
 * four to seven objective calls per iteration on this piecewise objective.
 */
#define LINE_SEARCH_TOL 0.9

/*
 * One BFGS run from th (a full theta, overwritten with the result); returns
 * the objective, *converged says whether the gradient test passed.
 */
static double minimise(gsl_multimin_fdfminimizer *s, gsl_multimin_function_fdf *fn, gsl_vector *x,
                       double *th, int max_iter, int *converged)
{
	const struct fit_data *d = fn->params;
	const int *fr = free_of(d);

	to_centred(d, th);
	for (int i = 0; i < d->dim; i++)
		gsl_vector_set(x, (size_t)i, th[fr[i]]);
	*converged = 0;
	if (gsl_multimin_fdfminimizer_set(s, fn, x, 0.1, LINE_SEARCH_TOL) != GSL_SUCCESS) {
		from_centred(d, th);
		return INFINITY;
	}
	/*
	 * The Huber sum has kinks where a residual crosses delta, so the
	 * gradient need not vanish at the optimum: stop when the objective has
	 * stopped falling (three steps under 1e-10 relative) or the gradient is
	 * flat, whichever comes first.
	 */
	double last = s->f;
	int stalled = 0;
	for (int it = 0; it < max_iter; it++) {
		if (gsl_multimin_fdfminimizer_iterate(s) != GSL_SUCCESS) {
			*converged =
			        1; /* no progress possible: at the optimum to working precision */
			break;
		}
		if (gsl_multimin_test_gradient(s->gradient, 1e-9) == GSL_SUCCESS) {
			*converged = 1;
			break;
		}
		stalled = last - s->f <= 1e-10 * s->f ? stalled + 1 : 0;
		last = s->f;
		if (stalled == 3) {
			*converged = 1;
			break;
		}
	}
	unpack(d, s->x->data, th);
	from_centred(d, th);
	return s->f;
}

/* Logarithms of the runs into three arrays of n; -1 on a value that is not positive. */
static int take_logs(const struct fit_run *runs, size_t n, double *x, double *y, double *l)
{
	for (size_t i = 0; i < n; i++) {
		if (!(runs[i].params > 0) || !(runs[i].tokens > 0) || !(runs[i].loss > 0) ||
		    !isfinite(runs[i].params) || !isfinite(runs[i].tokens) ||
		    !isfinite(runs[i].loss))
			return -1;
		x[i] = log(runs[i].params);
		y[i] = log(runs[i].tokens);
		l[i] = log(runs[i].loss);
	}
	return 0;
}

/* v := (v - mean) / sd in place; a column with no spread is only centred. */
static void centre(double *v, size_t n, double *mean, double *sd)
{
	*mean = gsl_stats_mean(v, 1, n);
	*sd = n > 1 ? gsl_stats_sd_m(v, 1, n, *mean) : 0;
	if (!(*sd > 0))
		*sd = 1;
	for (size_t i = 0; i < n; i++)
		v[i] = (v[i] - *mean) / *sd;
}

static void set_bounds(struct fit_data *d)
{
	gsl_stats_minmax(&d->xlo, &d->xhi, d->x, 1, d->n);
	gsl_stats_minmax(&d->ylo, &d->yhi, d->y, 1, d->n);
}

static void fill_result(const double *th, double f, int dim, struct fit_parametric *out)
{
	memcpy(out->theta, th, sizeof out->theta);
	out->objective = f;
	out->A = exp(th[0]);
	out->B = exp(th[1]);
	out->E = exp(th[2]);
	out->alpha = th[3];
	out->beta = th[4];
	out->one_d = dim == 3;
	out->a = out->one_d ? 0 : th[4] / (th[3] + th[4]);
	out->b = out->one_d ? 0 : th[3] / (th[3] + th[4]);
}

/* A phase's starts done, shared by its threads; the calling thread reports it. */
struct phase_count {
	atomic_int done;
	const struct fit_options *opt;
	struct fit_progress at;
};

static void report_progress(struct phase_count *pc)
{
	if (pc->opt == NULL || pc->opt->progress == NULL)
		return;
	pc->at.done = atomic_load(&pc->done);
	pc->opt->progress(&pc->at, pc->opt->ctx);
}

/* One thread's share of a phase: the starts idx[from..to), each with its own minimiser. */
struct slice {
	const struct fit_data *d;
	const double (*from_pos)[5]; /* where each start begins */
	const int *idx;
	int from, to;
	int max_iter;
	double *finals;    /* objective where each start ended, INFINITY if unusable */
	double (*ends)[5]; /* and the parameters */
	int *converged;    /* per start */
	struct phase_count *count;
	bool reports; /* this slice runs on the calling thread */
	int failed;   /* the minimiser could not be allocated */
};

static void *run_slice(void *arg)
{
	struct slice *sl = arg;
	gsl_multimin_function_fdf fn = {f_only, df_only, fdf, (size_t)sl->d->dim, (void *)sl->d};
	gsl_multimin_fdfminimizer *s = gsl_multimin_fdfminimizer_alloc(
	        gsl_multimin_fdfminimizer_vector_bfgs2, (size_t)sl->d->dim);
	gsl_vector *x = gsl_vector_alloc((size_t)sl->d->dim);

	if (s == NULL || x == NULL) {
		sl->failed = 1;
	} else {
		for (int i = sl->from; i < sl->to; i++) {
			int k = sl->idx[i];
			double th[5];
			memcpy(th, sl->from_pos[k], sizeof th);
			double f = minimise(s, &fn, x, th, sl->max_iter, &sl->converged[k]);
			memcpy(sl->ends[k], th, sizeof th);
			/* a law needs positive exponents */
			sl->finals[k] = isfinite(f) && th[3] > 0 && (sl->d->dim == 3 || th[4] > 0)
			                        ? f
			                        : INFINITY;
			atomic_fetch_add(&sl->count->done, 1);
			if (sl->reports)
				report_progress(sl->count);
		}
	}
	gsl_vector_free(x);
	gsl_multimin_fdfminimizer_free(s);
	return NULL;
}

/* Threads for the grid: the starts are independent, so the machine's cores share them. */
#define FIT_MAX_THREADS 8

/* Threads for `work` independent jobs: the cores, one for fewer than `least` jobs. */
static int threads_for(int work, int least)
{
	long cores = sysconf(_SC_NPROCESSORS_ONLN);

	if (work < least || cores < 1)
		return 1;
	if (cores > FIT_MAX_THREADS)
		cores = FIT_MAX_THREADS;
	return work < cores ? work : (int)cores;
}

/*
 * fn over nthreads slices of `size` bytes from base, one a thread: this
 * thread takes the first, and a thread that cannot start runs here too.
 */
static void on_cores(void *(*fn)(void *), void *base, size_t size, int nthreads)
{
	pthread_t threads[FIT_MAX_THREADS];
	int started[FIT_MAX_THREADS] = {0};

	for (int t = 1; t < nthreads; t++)
		started[t] =
		        pthread_create(&threads[t], NULL, fn, (char *)base + (size_t)t * size) == 0;
	fn(base);
	for (int t = 1; t < nthreads; t++) {
		if (started[t])
			pthread_join(threads[t], NULL);
		else
			fn((char *)base + (size_t)t * size);
	}
}

/* One phase of a fit: what it runs on, how far, and what it is called. */
struct phase {
	const struct fit_data *d;
	int max_iter;
	int least; /* fewest starts worth a second thread */
	const char *what;
	int number, of; /* for progress */
};

/* Run starts idx[0..count) from from_pos on the machine's cores; -1 if a minimiser failed. */
static int run_phase(const struct phase *ph, const struct fit_options *opt,
                     const double (*from_pos)[5], const int *idx, int count, double *finals,
                     double (*ends)[5], int *converged)
{
	int nthreads = threads_for(count, ph->least), failed = 0;
	struct slice slices[FIT_MAX_THREADS];
	struct phase_count pc = {.opt = opt, .at = {ph->number, ph->of, ph->what, 0, count}};

	atomic_init(&pc.done, 0);
	report_progress(&pc);
	for (int t = 0; t < nthreads; t++) {
		slices[t] = (struct slice){ph->d,
		                           from_pos,
		                           idx,
		                           count * t / nthreads,
		                           count * (t + 1) / nthreads,
		                           ph->max_iter,
		                           finals,
		                           ends,
		                           converged,
		                           &pc,
		                           t == 0,
		                           0};
	}
	on_cores(run_slice, slices, sizeof *slices, nthreads);
	report_progress(&pc);
	for (int t = 0; t < nthreads; t++)
		failed |= slices[t].failed;
	return failed ? -1 : 0;
}

/*
 * The two phases of a grid fit: every start scouts FIT_SCOUT_ITER
 * iterations, then the best 1 in FIT_KEEP_SHARE (at least FIT_KEEP_MIN)
 * run to the end. Measured on 9 synthetic sets (3 laws x 3 noise levels,
 * 225 runs each), this finds the same minimum as running all 4,500 starts
 * to convergence, at a tenth of the cost.
 */
#define FIT_SCOUT_ITER 5
#define FIT_KEEP_SHARE 40
#define FIT_KEEP_MIN   45

/*
 * With a sample, the distinct minima (laws more than 0.01 apart in e,
 * alpha or beta) its best starts reached, best first, that are refined on
 * all rows. A sample of 1,000 rows puts a minimum within a few thousandths
 * of the full data's, so its basin is the full data's basin; refining more
 * than one guards against two minima that the sample's noise reordered.
 */
#define FIT_POLISH_MAX 8

/* The fixed seed of the scouting sample: the same rows, the same fit, every run. */
#define FIT_SAMPLE_SEED 20220329UL

/* A start and where it ended, to rank starts: best first, ties by index (deterministic). */
struct ranked {
	double f;
	int k;
};

static int by_final(const void *pa, const void *pb)
{
	const struct ranked *a = pa, *b = pb;
	if (a->f != b->f)
		return a->f < b->f ? -1 : 1;
	return (a->k > b->k) - (a->k < b->k);
}

/* idx[0..count) reordered by finals, best first; -1 when out of memory. */
static int rank_starts(const double *finals, int *idx, int count)
{
	struct ranked *rank = malloc(sizeof *rank * (size_t)count);

	if (rank == NULL)
		return -1;
	for (int i = 0; i < count; i++)
		rank[i] = (struct ranked){isfinite(finals[idx[i]]) ? finals[idx[i]] : INFINITY,
		                          idx[i]};
	qsort(rank, (size_t)count, sizeof *rank, by_final);
	for (int i = 0; i < count; i++)
		idx[i] = rank[i].k;
	free(rank);
	return 0;
}

/* Whether two ends are the same law: e, alpha and beta within 0.01. */
static bool same_law(const double *p, const double *q)
{
	return fabs(p[2] - q[2]) < 0.01 && fabs(p[3] - q[3]) < 0.01 && fabs(p[4] - q[4]) < 0.01;
}

/* Everything a fit from many starts allocates, in one place to free. */
struct work {
	double *logs;             /* x, y, l of all rows: 3n */
	double *sample;           /* x, y, l of the scouting sample: 3m */
	double *finals, *pfinals; /* per start: on the data scouted, and refined on all rows */
	double (*ends)[5], (*pends)[5];
	int *idx, *converged, *pconverged, *reps;
};

static void work_free(struct work *w)
{
	free(w->logs);
	free(w->sample);
	free(w->finals);
	free(w->pfinals);
	free(w->ends);
	free(w->pends);
	free(w->idx);
	free(w->converged);
	free(w->pconverged);
	free(w->reps);
}

static int work_alloc(struct work *w, size_t n, size_t m, int nstarts)
{
	size_t s = (size_t)nstarts;

	memset(w, 0, sizeof *w);
	w->logs = malloc(sizeof(double) * 3 * n);
	w->sample = m > 0 ? malloc(sizeof(double) * 3 * m) : NULL;
	w->finals = malloc(sizeof(double) * s);
	w->pfinals = malloc(sizeof(double) * s);
	w->ends = malloc(sizeof *w->ends * s);
	w->pends = malloc(sizeof *w->pends * s);
	w->idx = malloc(sizeof(int) * s);
	w->converged = calloc(s, sizeof(int));
	w->pconverged = calloc(s, sizeof(int));
	w->reps = calloc(s, sizeof(int));
	return w->logs && (m == 0 || w->sample) && w->finals && w->pfinals && w->ends && w->pends &&
	                       w->idx && w->converged && w->pconverged && w->reps
	               ? 0
	               : -1;
}

/* m of the n rows of d, drawn without replacement in their order (GSL, a fixed seed). */
static int draw_sample(const struct fit_data *d, size_t m, double *buf, struct fit_data *s)
{
	size_t *all = malloc(sizeof *all * d->n), *pick = malloc(sizeof *pick * m);
	gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
	double *x = buf, *y = buf + m, *l = buf + 2 * m;

	/* more than there are is an error gsl_ran_choose raises through GSL's handler */
	if (m > d->n || all == NULL || pick == NULL || rng == NULL) {
		free(all);
		free(pick);
		gsl_rng_free(rng);
		return -1;
	}
	for (size_t i = 0; i < d->n; i++)
		all[i] = i;
	gsl_rng_set(rng, FIT_SAMPLE_SEED);
	gsl_ran_choose(rng, pick, m, all, d->n, sizeof *all);
	for (size_t i = 0; i < m; i++) {
		x[i] = d->x[pick[i]];
		y[i] = d->y[pick[i]];
		l[i] = d->l[pick[i]];
	}
	*s = *d;
	s->n = m;
	s->x = x;
	s->y = y;
	s->l = l;
	set_bounds(s);
	free(all);
	free(pick);
	gsl_rng_free(rng);
	return 0;
}

/*
 * Cluster the starts that ran to the end (idx[0..keep), best first) by the
 * law they reached, and put the best start of each of the first
 * FIT_POLISH_MAX clusters in reps; returns their count.
 */
static int distinct_minima(const struct work *w, int keep, int *reps)
{
	int nreps = 0;

	for (int i = 0; i < keep && nreps < FIT_POLISH_MAX; i++) {
		int k = w->idx[i];
		bool seen = false;
		if (!isfinite(w->finals[k]))
			break;
		for (int j = 0; j < nreps && !seen; j++)
			seen = same_law(w->ends[k], w->ends[reps[j]]);
		if (!seen)
			reps[nreps++] = k;
	}
	return nreps;
}

/*
 * A fit from many starts as it runs: the starts, the rows they run on (all
 * of them in d; in s, the sample they scout on, which is d without one) and
 * what each start reached.
 */
struct search {
	const double (*starts)[5];
	int nstarts;
	const struct fit_options *opt;
	bool sampled; /* the starts scout on a sample of the rows */
	int phases;   /* for progress */
	struct fit_data d, s;
	struct work w;
};

/*
 * The rows' logarithms, centred and scaled, so that the minimiser's steps
 * mean the same whatever the runs' sizes; and the sample the starts scout
 * on. MODEL_EDOM when a run has no logarithm.
 */
static enum model_status load_rows(const struct fit_run *runs, size_t n, struct search *f)
{
	double *logs = f->w.logs;

	f->d = (struct fit_data){n, logs, logs + n, logs + 2 * n, 0, 1, 0, 1, 0, 0, 0, 0, 5};
	if (take_logs(runs, n, logs, logs + n, logs + 2 * n) < 0)
		return MODEL_EDOM;
	set_bounds(&f->d);
	f->d.dim = f->d.ylo == f->d.yhi ? 3 : 5; /* one D: its term is a constant E absorbs */
	centre(logs, n, &f->d.x0, &f->d.sx);
	centre(logs + n, n, &f->d.y0, &f->d.sy);
	set_bounds(&f->d);
	f->s = f->d;
	if (f->sampled && draw_sample(&f->d, f->opt->scout_rows, f->w.sample, &f->s) != 0)
		return MODEL_ENOCONV;
	return MODEL_OK;
}

/*
 * Many starts: every start scouts for FIT_SCOUT_ITER iterations, and only
 * the best share of them (still finite) runs to the end, since most of the
 * grid's starts crawl along the flat floor. *kept says how many ran on.
 */
static int scout_then_refine(struct search *f, int *kept)
{
	struct work *w = &f->w;
	struct phase scout = {&f->s, FIT_SCOUT_ITER, 64, "scouting", 1, f->phases};
	struct phase refine = {&f->s, BFGS_MAX_ITER, 2, "refining", 2, f->phases};
	int rc = run_phase(&scout, f->opt, f->starts, w->idx, f->nstarts, w->finals, w->ends,
	                   w->converged);
	int keep = f->nstarts / FIT_KEEP_SHARE < FIT_KEEP_MIN ? FIT_KEEP_MIN
	                                                      : f->nstarts / FIT_KEEP_SHARE;

	if (rc == 0)
		rc = rank_starts(w->finals, w->idx, f->nstarts);
	while (keep > 0 && !isfinite(w->finals[w->idx[keep - 1]]))
		keep--;
	if (rc == 0 && keep > 0)
		rc = run_phase(&refine, f->opt, (const double(*)[5])w->ends, w->idx, keep,
		               w->finals, w->ends, w->converged);
	*kept = keep;
	return rc;
}

/*
 * With a sample: the distinct minima the kept starts (idx[0..keep), best
 * first) found on it run again on all rows, so the law is finished on every
 * run while the grid's cost stayed with the sample.
 */
static int polish_on_all_rows(struct search *f, int keep, struct fit_parametric *out)
{
	struct work *w = &f->w;
	struct phase polish = {&f->d, BFGS_MAX_ITER, 2, "on all runs", 3, f->phases};

	out->polished = distinct_minima(w, keep, w->reps);
	for (int k = 0; k < f->nstarts; k++)
		w->pfinals[k] = INFINITY;
	return run_phase(&polish, f->opt, (const double(*)[5])w->ends, w->reps, out->polished,
	                 w->pfinals, w->pends, w->pconverged);
}

/*
 * Run the starts in one phase (few of them) or the two or three above;
 * *finished says how many ran to the end.
 */
static int run_phases(struct search *f, int *finished, struct fit_parametric *out)
{
	struct work *w = &f->w;
	int rc;

	*finished = f->nstarts;
	if (f->nstarts < 64) {
		struct phase all = {&f->d, BFGS_MAX_ITER, 64, "fitting", 1, f->phases};
		return run_phase(&all, f->opt, f->starts, w->idx, f->nstarts, w->finals, w->ends,
		                 w->converged);
	}
	rc = scout_then_refine(f, finished);
	if (rc == 0 && f->sampled && (rc = rank_starts(w->finals, w->idx, *finished)) == 0)
		rc = polish_on_all_rows(f, *finished, out);
	return rc;
}

/* Where start k ended, and its objective: with a sample, after its run on all rows. */
static const double *end_of(const struct search *f, int k)
{
	return f->sampled ? f->w.pends[k] : f->w.ends[k];
}

static double final_of(const struct search *f, int k)
{
	return f->sampled ? f->w.pfinals[k] : f->w.finals[k];
}

/* The first best start in start order, so the result does not depend on the threads; -1: none. */
static int best_start(const struct search *f)
{
	int best = -1;

	for (int k = 0; k < f->nstarts; k++)
		if (final_of(f, k) < (best < 0 ? INFINITY : final_of(f, best)))
			best = k;
	return best;
}

/*
 * The Huber sum is flat and kinked near its minimum, so starts that find
 * the same minimum stop at slightly different objectives: count those that
 * ended at the same law as start best (on the data they ran on: the
 * sample's starts against the sample's end of the winner).
 */
static int starts_at_best(const struct search *f, int best)
{
	int at_best = 0;

	for (int k = 0; k < f->nstarts; k++)
		if (isfinite(f->w.finals[k]) && same_law(f->w.ends[k], f->w.ends[best]))
			at_best++;
	return at_best;
}

/* The law start best reached, and how the starts ran, in out. */
static void report_fit(const struct search *f, int best, int finished, struct fit_parametric *out)
{
	int conv = 0;

	for (int k = 0; k < f->nstarts; k++)
		conv += f->w.converged[k];
	fill_result(end_of(f, best), final_of(f, best), f->d.dim, out);
	out->starts = f->nstarts;
	out->converged = conv;
	out->finished = finished;
	out->at_best = starts_at_best(f, best);
	out->scouted_on = f->sampled ? f->s.n : f->d.n;
	/* converged says how the starts ran on the sample; this, how the law was finished */
	for (int i = 0; f->sampled && i < out->polished; i++)
		out->polished_converged += f->w.pconverged[f->w.reps[i]];
}

/*
 * Fit from each of nstarts starts; the best start with positive exponents
 * wins. With many starts, two phases (see FIT_SCOUT_ITER): the grid's starts
 * mostly crawl along the Huber sum's flat, kinked floor; this keeps every
 * start and spends the iterations where the minimum is. With more rows than
 * opt->scout_rows, both phases run on a sample and a third refines the
 * distinct minima it found on all rows: the cost of the grid then no longer
 * grows with the rows, and the rows' pass is paid only near the minimum.
 */
static enum model_status fit_from_starts(const struct fit_run *runs, size_t n,
                                         const double (*starts)[5], int nstarts,
                                         const struct fit_options *opt, struct fit_parametric *out)
{
	struct search f = {.starts = starts,
	                   .nstarts = nstarts,
	                   .opt = opt,
	                   .sampled = opt->scout_rows > 0 && n > opt->scout_rows && nstarts >= 64};
	enum model_status st;
	int finished, best;

	memset(out, 0, sizeof *out);
	if (n < FIT_CONSTANTS)
		return MODEL_EDOM;
	f.phases = (nstarts < 64 ? 1 : 2) + f.sampled;
	if (work_alloc(&f.w, n, f.sampled ? opt->scout_rows : 0, nstarts) != 0)
		st = MODEL_ENOCONV;
	else if ((st = load_rows(runs, n, &f)) == MODEL_OK) {
		for (int k = 0; k < nstarts; k++)
			f.w.idx[k] = k;
		int rc = run_phases(&f, &finished, out);
		out->starts = nstarts;
		best = best_start(&f);
		if (rc != 0 || best < 0 || !isfinite(final_of(&f, best)))
			st = MODEL_ENOCONV;
		else
			report_fit(&f, best, finished, out);
	}
	work_free(&f.w);
	return st;
}

/* The grid of Hoffmann et al. 2022, App. D.2, as Besiroglu et al. 2024 reran it. */
static int grid5(double (*grid)[5])
{
	int k = 0;

	for (int ia = 0; ia <= 5; ia++)
		for (int ib = 0; ib <= 5; ib++)
			for (int ie = 0; ie <= 4; ie++)
				for (int ial = 0; ial <= 4; ial++)
					for (int ibe = 0; ibe <= 4; ibe++) {
						grid[k][0] = 5.0 * ia;
						grid[k][1] = 5.0 * ib;
						grid[k][2] = -1 + 0.5 * ie;
						grid[k][3] = 0.5 * ial;
						grid[k][4] = 0.5 * ibe;
						k++;
					}
	return k;
}

/* The same grid without the D term, for runs at one D: 150 (a, e, alpha) starts. */
static int grid3(double (*grid)[5])
{
	int k = 0;

	for (int ia = 0; ia <= 5; ia++)
		for (int ie = 0; ie <= 4; ie++)
			for (int ial = 0; ial <= 4; ial++) {
				grid[k][0] = 5.0 * ia;
				grid[k][1] = -INFINITY;
				grid[k][2] = -1 + 0.5 * ie;
				grid[k][3] = 0.5 * ial;
				grid[k][4] = 0;
				k++;
			}
	return k;
}

/* Whether every run has the same D (and so the D term is a constant). */
static bool one_d(const struct fit_run *runs, size_t n)
{
	for (size_t i = 1; i < n; i++)
		if (runs[i].tokens != runs[0].tokens)
			return false;
	return true;
}

enum model_status fit_parametric_with(const struct fit_run *runs, size_t n,
                                      const struct fit_options *opt, struct fit_parametric *out)
{
	static const struct fit_options defaults = {FIT_SCOUT_ROWS, NULL, NULL};
	double(*grid)[5] = malloc(sizeof *grid * FIT_GRID_STARTS);

	memset(out, 0, sizeof *out);
	if (grid == NULL)
		return MODEL_ENOCONV;
	int k = n > 0 && one_d(runs, n) ? grid3(grid) : grid5(grid);
	enum model_status st = fit_from_starts(runs, n, (const double(*)[5])grid, k,
	                                       opt != NULL ? opt : &defaults, out);
	free(grid);
	return st;
}

enum model_status fit_parametric(const struct fit_run *runs, size_t n, struct fit_parametric *out)
{
	enum model_status st = fit_parametric_with(runs, n, NULL, out);
	return st == MODEL_OK && out->one_d ? MODEL_EDOM : st;
}

char fit_parametric_flat_term(const struct fit_parametric *p, const struct fit_run *runs, size_t n)
{
	double n_term = 0, d_term = 0;

	/* each term's largest share of a run's loss */
	for (size_t i = 0; i < n; i++) {
		n_term = fmax(n_term, p->A / pow(runs[i].params, p->alpha) / runs[i].loss);
		if (!p->one_d)
			d_term = fmax(d_term, p->B / pow(runs[i].tokens, p->beta) / runs[i].loss);
	}
	if (!(n_term >= FIT_TERM_MIN_SHARE))
		return 'N';
	if (!p->one_d && !(d_term >= FIT_TERM_MIN_SHARE))
		return 'D';
	return 0;
}

enum model_status fit_parametric_from(const struct fit_run *runs, size_t n, const double theta0[5],
                                      struct fit_parametric *out)
{
	static const struct fit_options plain = {0, NULL, NULL};
	return fit_from_starts(runs, n, (const double(*)[5])theta0, 1, &plain, out);
}

/* ---- Approach 2 ---- */

static int by_compute(const void *pa, const void *pb)
{
	const double *a = pa, *b = pb;
	return (a[0] > b[0]) - (a[0] < b[0]);
}

/* Least-squares parabola y = c0 + c1 x + c2 x^2 through m points. */
static int parabola(const double *x, const double *y, size_t m, double c[3])
{
	/* fewer points than coefficients: an error GSL raises through its handler */
	if (m < 3)
		return -1;
	gsl_matrix *X = gsl_matrix_alloc(m, 3);
	gsl_vector *Y = gsl_vector_alloc(m), *C = gsl_vector_alloc(3);
	gsl_matrix *cov = gsl_matrix_alloc(3, 3);
	gsl_multifit_linear_workspace *w = gsl_multifit_linear_alloc(m, 3);
	double chisq;
	int rc = -1;

	if (X && Y && C && cov && w) {
		for (size_t i = 0; i < m; i++) {
			gsl_matrix_set(X, i, 0, 1);
			gsl_matrix_set(X, i, 1, x[i]);
			gsl_matrix_set(X, i, 2, x[i] * x[i]);
			gsl_vector_set(Y, i, y[i]);
		}
		if (gsl_multifit_linear(X, Y, C, cov, &chisq, w) == GSL_SUCCESS) {
			for (int k = 0; k < 3; k++)
				c[k] = gsl_vector_get(C, (size_t)k);
			rc = 0;
		}
	}
	gsl_multifit_linear_free(w);
	gsl_matrix_free(cov);
	gsl_vector_free(C);
	gsl_vector_free(Y);
	gsl_matrix_free(X);
	return rc;
}

int fit_budgets(const double *sorted, size_t n, size_t end[FIT_MAX_BUDGETS])
{
	int count = 0;

	for (size_t i = 0; i < n && count < FIT_MAX_BUDGETS;) {
		size_t j = i;
		while (j < n && sorted[j] <= sorted[i] * 1.05)
			j++;
		end[count++] = j;
		i = j;
	}
	return count;
}

bool fit_one_budget(const struct fit_run *runs, size_t n, double k, double *compute)
{
	double lo = HUGE_VAL, hi = 0;

	for (size_t i = 0; i < n; i++) {
		double c = k * runs[i].params * runs[i].tokens;
		lo = fmin(lo, c);
		hi = fmax(hi, c);
	}
	*compute = lo;
	return n > 1 && hi <= lo * 1.05; /* fit_budgets' rule: within 5% of the smallest */
}

enum model_status fit_isoflop(const struct fit_run *runs, size_t n, double k,
                              struct fit_isoflop *out)
{
	double(*r)[4] = malloc(sizeof *r * n); /* compute, log N, loss, tokens */
	double *lx = malloc(sizeof *lx * n * 3), *ly = lx ? lx + n : NULL,
	       *cs = lx ? lx + 2 * n : NULL;
	size_t end[FIT_MAX_BUDGETS];
	double lc[FIT_MAX_BUDGETS], ln[FIT_MAX_BUDGETS], ld[FIT_MAX_BUDGETS];
	enum model_status status = MODEL_OK;

	memset(out, 0, sizeof *out);
	if (r == NULL || lx == NULL) {
		free(r);
		free(lx);
		return MODEL_ENOCONV;
	}
	for (size_t i = 0; i < n; i++) {
		r[i][0] = k * runs[i].params * runs[i].tokens;
		r[i][1] = log(runs[i].params);
		r[i][2] = runs[i].loss;
		r[i][3] = runs[i].tokens;
	}
	qsort(r, n, sizeof *r, by_compute);
	for (size_t i = 0; i < n; i++)
		cs[i] = r[i][0];

	int nb = fit_budgets(cs, n, end);
	for (size_t i = 0; out->nbudgets < nb;) {
		size_t j = i, last = end[out->nbudgets];
		double sum = 0, lo = INFINITY, hi = -INFINITY;
		while (j < last) {
			lx[j - i] = r[j][1];
			ly[j - i] = r[j][2];
			sum += r[j][0];
			lo = fmin(lo, r[j][1]);
			hi = fmax(hi, r[j][1]);
			j++;
		}
		struct fit_budget *b = &out->budgets[out->nbudgets++];
		double c[3];
		b->compute = sum / (double)(j - i);
		b->runs = (int)(j - i);
		b->n_lo = exp(lo);
		b->n_hi = exp(hi);
		if (b->runs >= 3 && parabola(lx, ly, j - i, c) == 0 && c[2] > 0) {
			double xm = -c[1] / (2 * c[2]);
			b->fitted = 1;
			b->at_edge = xm <= lo || xm >= hi;
			b->params = exp(xm);
			b->tokens = b->compute / (k * b->params);
			b->loss = c[0] + c[1] * xm + c[2] * xm * xm;
			if (!b->at_edge) {
				lc[out->used] = log(b->compute);
				ln[out->used] = xm;
				ld[out->used] = log(b->tokens);
				out->used++;
			}
		}
		i = j;
	}
	if (out->used < 2) {
		status = MODEL_EDOM;
	} else {
		double c0, c1, cov00, cov01, cov11, sumsq;
		gsl_fit_linear(lc, 1, ln, 1, (size_t)out->used, &c0, &c1, &cov00, &cov01, &cov11,
		               &sumsq);
		out->a = c1;
		out->k_params = exp(c0);
		gsl_fit_linear(lc, 1, ld, 1, (size_t)out->used, &c0, &c1, &cov00, &cov01, &cov11,
		               &sumsq);
		out->b = c1;
		out->k_tokens = exp(c0);
	}
	free(r);
	free(lx);
	return status;
}

double fit_budget_position(const struct fit_budget *b)
{
	double half = (log(b->n_hi) - log(b->n_lo)) / 2;

	return half > 0 ? (log(b->params) - (log(b->n_hi) + log(b->n_lo)) / 2) / half : 0;
}

bool fit_isoflop_biased(const struct fit_isoflop *f, double *lo, double *hi)
{
	*lo = INFINITY;
	*hi = -INFINITY;
	for (int i = 0; i < f->nbudgets; i++) {
		const struct fit_budget *b = &f->budgets[i];
		if (!b->fitted || b->at_edge)
			continue; /* only the budgets the frontier is fitted to */
		*lo = fmin(*lo, fit_budget_position(b));
		*hi = fmax(*hi, fit_budget_position(b));
	}
	if (!(*hi >= *lo))
		return false;
	return *hi - *lo > FIT_POSITION_MAX || fabs(*lo) > FIT_POSITION_MAX ||
	       fabs(*hi) > FIT_POSITION_MAX;
}

/* ---- bootstrap ---- */

struct fit_interval fit_interval_of(double *v, size_t n)
{
	struct fit_interval iv = {NAN, NAN, NAN, NAN};

	if (n == 0)
		return iv;
	gsl_sort(v, 1, n);
	iv.p2_5 = gsl_stats_quantile_from_sorted_data(v, 1, n, 0.025);
	iv.p10 = gsl_stats_quantile_from_sorted_data(v, 1, n, 0.10);
	iv.p90 = gsl_stats_quantile_from_sorted_data(v, 1, n, 0.90);
	iv.p97_5 = gsl_stats_quantile_from_sorted_data(v, 1, n, 0.975);
	return iv;
}

double fit_correlation(const double *x, const double *y, size_t n)
{
	return n < 3 ? NAN : gsl_stats_correlation(x, 1, y, 1, n);
}

/* Runs ordered by N, then D, then loss: equal runs fall together. */
static int by_run(const void *pa, const void *pb)
{
	const struct fit_run *a = pa, *b = pb;

	if (a->params != b->params)
		return (a->params > b->params) - (a->params < b->params);
	if (a->tokens != b->tokens)
		return (a->tokens > b->tokens) - (a->tokens < b->tokens);
	return (a->loss > b->loss) - (a->loss < b->loss);
}

size_t fit_distinct_runs(const struct fit_run *runs, size_t n)
{
	struct fit_run *s = n > 0 ? malloc(sizeof *s * n) : NULL;
	size_t m = 0;

	if (s == NULL)
		return 0;
	memcpy(s, runs, sizeof *s * n);
	qsort(s, n, sizeof *s, by_run);
	for (size_t i = 0; i < n; i++)
		m += i == 0 || by_run(&s[i - 1], &s[i]) != 0;
	free(s);
	return m;
}

/* One thread's share of the bootstrap: resamples [from, to). */
struct boot_slice {
	const struct fit_run *runs;
	size_t n;
	const unsigned long *seeds; /* one per resample, from the seed's stream */
	int from, to, nvalues;
	int (*refit)(const struct fit_run *, size_t, double *, const void *);
	const void *ctx;
	double *values; /* samples x nvalues */
	unsigned char *ok;
	int failed; /* no memory for a resample */
};

static void *boot_slice_run(void *arg)
{
	struct boot_slice *b = arg;
	struct fit_run *sample = malloc(sizeof *sample * b->n);
	gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);

	if (sample == NULL || rng == NULL) {
		free(sample);
		gsl_rng_free(rng);
		b->failed = 1;
		return NULL;
	}
	for (int s = b->from; s < b->to; s++) {
		gsl_rng_set(rng, b->seeds[s]);
		for (size_t i = 0; i < b->n; i++)
			sample[i] = b->runs[gsl_rng_uniform_int(rng, b->n)];
		b->ok[s] = b->refit(sample, b->n, b->values + (size_t)s * (size_t)b->nvalues,
		                    b->ctx) == 0;
	}
	free(sample);
	gsl_rng_free(rng);
	return NULL;
}

int fit_bootstrap(const struct fit_run *runs, size_t n, int samples, unsigned long seed,
                  int nvalues,
                  int (*refit)(const struct fit_run *sample, size_t n, double *values,
                               const void *ctx),
                  const void *ctx, double **draws)
{
	if (samples <= 0 || n == 0 || nvalues < 1 || nvalues > FIT_BOOT_VALUES)
		return 0;
	gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
	unsigned long *seeds = malloc(sizeof *seeds * (size_t)samples);
	double *values = malloc(sizeof *values * (size_t)samples * (size_t)nvalues);
	unsigned char *ok = calloc((size_t)samples, 1);
	int good = -1;

	if (rng == NULL || seeds == NULL || values == NULL || ok == NULL)
		goto out;
	gsl_rng_set(rng, seed);
	for (int s = 0; s < samples; s++)
		seeds[s] = gsl_rng_get(rng);

	int nthreads = threads_for(samples, 1);
	struct boot_slice slices[FIT_MAX_THREADS];
	int failed = 0;
	for (int t = 0; t < nthreads; t++) {
		slices[t] = (struct boot_slice){runs,
		                                n,
		                                seeds,
		                                samples * t / nthreads,
		                                samples * (t + 1) / nthreads,
		                                nvalues,
		                                refit,
		                                ctx,
		                                values,
		                                ok,
		                                0};
	}
	on_cores(boot_slice_run, slices, sizeof *slices, nthreads);
	for (int t = 0; t < nthreads; t++)
		failed |= slices[t].failed;
	if (failed)
		goto out;
	good = 0;
	for (int s = 0; s < samples; s++) {
		if (!ok[s])
			continue;
		for (int k = 0; k < nvalues; k++)
			draws[k][good] = values[(size_t)s * (size_t)nvalues + (size_t)k];
		good++;
	}
out:
	gsl_rng_free(rng);
	free(seeds);
	free(values);
	free(ok);
	return good;
}

void fit_runs_range(const struct fit_run *runs, size_t n, double k, struct law *law)
{
	struct law_range *rn = &law->params, *rd = &law->tokens, *rc = &law->compute;

	*rn = *rd = *rc = (struct law_range){INFINITY, 0};
	for (size_t i = 0; i < n; i++) {
		double c = k * runs[i].params * runs[i].tokens;
		rn->lo = fmin(rn->lo, runs[i].params);
		rn->hi = fmax(rn->hi, runs[i].params);
		rd->lo = fmin(rd->lo, runs[i].tokens);
		rd->hi = fmax(rd->hi, runs[i].tokens);
		rc->lo = fmin(rc->lo, c);
		rc->hi = fmax(rc->hi, c);
	}
}

struct law fit_parametric_law(const struct fit_parametric *p, double k)
{
	return (struct law){.family = LAW_ADDITIVE,
	                    .k = k,
	                    .E = p->E,
	                    .A = p->A,
	                    .B = p->B,
	                    .alpha = p->alpha,
	                    .beta = p->beta};
}
