/*
 * fit.c: the fits of fit.h. The Approach 3 objective and its gradient are
 * one pass over the runs with two exponentials and a logarithm each; no
 * allocation happens inside the minimiser's loop.
 */
#include <math.h>
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
};

/* theta = (a, b, e, alpha, beta) to the centred coordinates, and back. */
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

/* Huber sum and its gradient in centred theta. */
static double objective(const double *th, const struct fit_data *d, double *g)
{
	const double a = th[0], b = th[1], e = th[2], al = th[3], be = th[4];
	const double delta = FIT_HUBER_DELTA, exp_e = exp(e);
	const bool e_tame = fabs(e) < 700; /* e^e neither overflows nor vanishes */
	double sum = 0, g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0;

	for (size_t i = 0; i < d->n; i++) {
		double u1 = a - al * d->x[i], u2 = b - be * d->y[i], u3 = e;
		double e1, e2, e3, s, r;
		if (e_tame && u1 < 700 && u2 < 700) {
			/* no overflow, and s >= e^u3 > 0: the plain sum, with e^e once per call */
			e1 = exp(u1);
			e2 = exp(u2);
			e3 = exp_e;
			s = e1 + e2 + e3;
			r = log(s) - d->l[i];
		} else {
			/* far from any sensible law: shift by the largest term (log-sum-exp) */
			double m = fmax(u1, fmax(u2, u3));
			e1 = exp(u1 - m);
			e2 = exp(u2 - m);
			e3 = exp(u3 - m);
			s = e1 + e2 + e3;
			r = m + log(s) - d->l[i];
		}
		double dh;
		if (fabs(r) <= delta) {
			sum += 0.5 * r * r;
			dh = r;
		} else {
			sum += delta * (fabs(r) - 0.5 * delta);
			dh = r > 0 ? delta : -delta;
		}
		dh /= s; /* d LSE / d u_k = e_k / s */
		g0 += dh * e1;
		g1 += dh * e2;
		g2 += dh * e3;
		g3 -= dh * e1 * d->x[i];
		g4 -= dh * e2 * d->y[i];
	}
	if (g != NULL) {
		g[0] = g0;
		g[1] = g1;
		g[2] = g2;
		g[3] = g3;
		g[4] = g4;
	}
	return sum;
}

static double f_only(const gsl_vector *v, void *p)
{
	return objective(v->data, p, NULL);
}

static void df_only(const gsl_vector *v, void *p, gsl_vector *g)
{
	objective(v->data, p, g->data);
}

static void fdf(const gsl_vector *v, void *p, double *f, gsl_vector *g)
{
	*f = objective(v->data, p, g->data);
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
 * One BFGS run from th (overwritten with the result); returns the objective,
 * *converged says whether the gradient test passed.
 */
static double minimise(gsl_multimin_fdfminimizer *s, gsl_multimin_function_fdf *fn, gsl_vector *x,
                       double *th, int max_iter, int *converged)
{
	const struct fit_data *d = fn->params;

	to_centred(d, th);
	for (int i = 0; i < 5; i++)
		gsl_vector_set(x, (size_t)i, th[i]);
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
	for (int i = 0; i < 5; i++)
		th[i] = gsl_vector_get(s->x, (size_t)i);
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

static void fill_result(const double *th, double f, struct fit_parametric *out)
{
	memcpy(out->theta, th, sizeof out->theta);
	out->objective = f;
	out->A = exp(th[0]);
	out->B = exp(th[1]);
	out->E = exp(th[2]);
	out->alpha = th[3];
	out->beta = th[4];
	out->a = th[4] / (th[3] + th[4]);
	out->b = th[3] / (th[3] + th[4]);
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
	int failed;        /* the minimiser could not be allocated */
};

static void *run_slice(void *arg)
{
	struct slice *sl = arg;
	gsl_multimin_function_fdf fn = {f_only, df_only, fdf, 5, (void *)sl->d};
	gsl_multimin_fdfminimizer *s =
	        gsl_multimin_fdfminimizer_alloc(gsl_multimin_fdfminimizer_vector_bfgs2, 5);
	gsl_vector *x = gsl_vector_alloc(5);

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
			sl->finals[k] = isfinite(f) && th[3] > 0 && th[4] > 0 ? f : INFINITY;
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

/* Run starts idx[0..count) from from_pos on the machine's cores; -1 if a minimiser failed. */
static int run_phase(const struct fit_data *d, const double (*from_pos)[5], const int *idx,
                     int count, int max_iter, double *finals, double (*ends)[5], int *converged)
{
	int nthreads = threads_for(count, 64), failed = 0;
	struct slice slices[FIT_MAX_THREADS];

	for (int t = 0; t < nthreads; t++) {
		slices[t] = (struct slice){d,
		                           from_pos,
		                           idx,
		                           count * t / nthreads,
		                           count * (t + 1) / nthreads,
		                           max_iter,
		                           finals,
		                           ends,
		                           converged,
		                           0};
	}
	on_cores(run_slice, slices, sizeof *slices, nthreads);
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

/*
 * Fit from each of nstarts starts; the best start with positive exponents
 * wins. With many starts, two phases (see FIT_SCOUT_ITER): the grid's starts
 * mostly crawl along the Huber sum's flat, kinked floor; this keeps every
 * start and spends the iterations where the minimum is.
 */
static enum model_status fit_from_starts(const struct fit_run *runs, size_t n,
                                         const double (*starts)[5], int nstarts,
                                         struct fit_parametric *out)
{
	double *buf, best = INFINITY, best_th[5] = {0};

	memset(out, 0, sizeof *out);
	if (n < 5)
		return MODEL_EDOM;
	buf = malloc(sizeof *buf * (3 * n + 6 * (size_t)nstarts));
	int *idx = malloc(sizeof *idx * 2 * (size_t)nstarts);
	if (buf == NULL || idx == NULL) {
		free(buf);
		free(idx);
		return MODEL_ENOCONV;
	}
	int *converged = idx + nstarts;
	struct fit_data d = {n, buf, buf + n, buf + 2 * n, 0, 1, 0, 1};
	double *finals = buf + 3 * n;
	double(*ends)[5] = (double(*)[5])(finals + nstarts); /* where each start ended */
	if (take_logs(runs, n, buf, buf + n, buf + 2 * n) < 0) {
		free(buf);
		free(idx);
		return MODEL_EDOM;
	}
	centre(buf, n, &d.x0, &d.sx);
	centre(buf + n, n, &d.y0, &d.sy);
	for (int k = 0; k < nstarts; k++) {
		idx[k] = k;
		converged[k] = 0;
	}
	int rc, finished = nstarts;
	if (nstarts < 64) {
		rc = run_phase(&d, starts, idx, nstarts, BFGS_MAX_ITER, finals, ends, converged);
	} else {
		rc = run_phase(&d, starts, idx, nstarts, FIT_SCOUT_ITER, finals, ends, converged);
		struct ranked *rank = malloc(sizeof *rank * (size_t)nstarts);
		if (rank == NULL) {
			free(buf);
			free(idx);
			return MODEL_ENOCONV;
		}
		for (int k = 0; k < nstarts; k++)
			rank[k] = (struct ranked){isfinite(finals[k]) ? finals[k] : INFINITY, k};
		qsort(rank, (size_t)nstarts, sizeof *rank, by_final);
		for (int k = 0; k < nstarts; k++)
			idx[k] = rank[k].k;
		free(rank);
		int keep = nstarts / FIT_KEEP_SHARE < FIT_KEEP_MIN ? FIT_KEEP_MIN
		                                                   : nstarts / FIT_KEEP_SHARE;
		while (keep > 0 && !isfinite(finals[idx[keep - 1]]))
			keep--;
		for (int i = 0; i < keep; i++)
			converged[idx[i]] = 0;
		if (rc == 0 && keep > 0)
			rc = run_phase(&d, (const double(*)[5])ends, idx, keep, BFGS_MAX_ITER,
			               finals, ends, converged);
		finished = keep;
	}
	out->starts = nstarts;
	for (int k = 0; k < nstarts; k++)
		out->converged += converged[k];
	/* the first best in start order, so the result does not depend on the threads */
	for (int k = 0; k < nstarts; k++)
		if (finals[k] < best) {
			best = finals[k];
			memcpy(best_th, ends[k], sizeof best_th);
		}
	if (rc != 0 || !isfinite(best)) {
		free(buf);
		free(idx);
		return MODEL_ENOCONV;
	}
	/*
	 * The Huber sum is flat and kinked near its minimum, so starts that find
	 * the same minimum stop at slightly different objectives: count those
	 * that ended at the same law (e, alpha, beta within 0.01).
	 */
	int at_best = 0;
	for (int k = 0; k < nstarts; k++)
		if (isfinite(finals[k]) && fabs(ends[k][2] - best_th[2]) < 0.01 &&
		    fabs(ends[k][3] - best_th[3]) < 0.01 && fabs(ends[k][4] - best_th[4]) < 0.01)
			at_best++;
	int conv = out->converged;
	fill_result(best_th, best, out);
	out->starts = nstarts;
	out->converged = conv;
	out->finished = finished;
	out->at_best = at_best;
	free(buf);
	free(idx);
	return MODEL_OK;
}

enum model_status fit_parametric(const struct fit_run *runs, size_t n, struct fit_parametric *out)
{
	double(*grid)[5] = malloc(sizeof *grid * FIT_GRID_STARTS);
	int k = 0;

	if (grid == NULL)
		return MODEL_ENOCONV;
	/* the grid of Hoffmann et al. 2022, App. D.2, as Besiroglu et al. 2024 reran it */
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
	enum model_status st = fit_from_starts(runs, n, (const double(*)[5])grid, k, out);
	free(grid);
	return st;
}

enum model_status fit_parametric_from(const struct fit_run *runs, size_t n, const double theta0[5],
                                      struct fit_parametric *out)
{
	return fit_from_starts(runs, n, (const double(*)[5])theta0, 1, out);
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

enum model_status fit_isoflop(const struct fit_run *runs, size_t n, double k,
                              struct fit_isoflop *out)
{
	double(*r)[4] = malloc(sizeof *r * n); /* compute, log N, loss, tokens */
	double *lx = malloc(sizeof *lx * n * 2), *ly = lx ? lx + n : NULL;
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

	/* a budget: runs whose compute is within 5% of the budget's first (smallest) */
	for (size_t i = 0; i < n && out->nbudgets < FIT_MAX_BUDGETS;) {
		size_t j = i;
		double sum = 0, lo = INFINITY, hi = -INFINITY;
		while (j < n && r[j][0] <= r[i][0] * 1.05) {
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
