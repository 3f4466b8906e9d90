/*
 * fit_holdout.c: leave-one-budget-out (fit_holdout.h). The runs are split
 * by fit_isoflop's own budgets (so both methods hold out the same runs),
 * the law is refitted on the rest with fit.h's functions, and the held-out
 * budget is predicted. The interval stated with a prediction comes from the
 * kept runs alone (bootstrap refits, and their scatter about the refit for
 * the noise of a measured mean), never from the runs it predicts.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "fit_holdout.h"
#include "uncertainty.h"

/* A run's k N D. */
static double run_compute(const struct fit_run *r, double k)
{
	return k * r->params * r->tokens;
}

static int by_value(const void *pa, const void *pb)
{
	double a = *(const double *)pa, b = *(const double *)pb;
	return (a > b) - (a < b);
}

/*
 * The budgets of the runs (fit_budgets, as fit_isoflop forms them), and
 * *first and *last, the compute of the largest budget's first and last
 * runs: the held-out runs lie between them. -1 when memory runs out.
 */
static int budgets_of(const struct fit_run *runs, size_t n, double k, double *first, double *last)
{
	double *c = malloc(sizeof *c * n);
	size_t end[FIT_MAX_BUDGETS];

	if (c == NULL)
		return -1;
	for (size_t i = 0; i < n; i++)
		c[i] = run_compute(&runs[i], k);
	qsort(c, n, sizeof *c, by_value);
	int count = fit_budgets(c, n, end);
	if (count > 0) {
		*first = c[count > 1 ? end[count - 2] : 0];
		*last = c[end[count - 1] - 1];
	}
	free(c);
	return count;
}

/*
 * Split runs into the others (kept[0..*nk)) and the largest budget's
 * (held[0..*nh)), and fill out's budgets, compute and runs. -1 when memory
 * runs out; the caller frees *kept (held lies in the same block).
 */
static int split(const struct fit_run *runs, size_t n, double k, struct fit_run **kept, size_t *nk,
                 struct fit_run **held, size_t *nh, struct fit_holdout *out)
{
	double first = 0, last = 0, sum = 0;

	memset(out, 0, sizeof *out);
	*kept = NULL;
	if ((out->budgets = budgets_of(runs, n, k, &first, &last)) < 0 ||
	    (*kept = malloc(sizeof **kept * (n + 1))) == NULL)
		return -1;
	*nk = *nh = 0;
	*held = *kept + n; /* grows down from the end of the block */
	for (size_t i = 0; i < n; i++) {
		double c = run_compute(&runs[i], k);
		if (c > last) /* past fit_budgets' cap: in no budget */
			continue;
		if (c >= first) {
			*held -= 1;
			**held = runs[i];
			(*nh)++;
			sum += run_compute(&runs[i], k);
		} else {
			(*kept)[(*nk)++] = runs[i];
		}
	}
	out->compute = *nh > 0 ? sum / (double)*nh : 0;
	out->runs = (int)*nh;
	return 0;
}

/* A law's loss at a run; NaN when it has none there. */
static double law_at(const struct law *law, const struct fit_run *r)
{
	double loss;

	return law_loss(law, r->params, r->tokens, 0, &loss) == MODEL_OK ? loss : NAN;
}

/* A law's mean loss over runs. */
static double mean_at(const struct law *law, const struct fit_run *runs, size_t n)
{
	double sum = 0;

	for (size_t i = 0; i < n; i++)
		sum += law_at(law, &runs[i]) / (double)n;
	return sum;
}

/* RMS of measured - predicted over runs. */
static double rms_residual(const struct law *p, const struct fit_run *runs, size_t n)
{
	double ss = 0;

	for (size_t i = 0; i < n; i++) {
		double e = runs[i].loss - law_at(p, &runs[i]);
		ss += e * e;
	}
	return sqrt(ss / (double)n);
}

/* Mark the holdout absent for why; MODEL_EDOM. */
static enum model_status absent(struct fit_holdout *out, enum fit_holdout_absence why)
{
	out->absent = why;
	return MODEL_EDOM;
}

/* The refit's predictions of the held-out runs, against what they measured. */
static void predict_held(const struct law *p, const struct fit_run *held, size_t nh,
                         struct fit_holdout *out)
{
	double ss = 0;

	for (size_t i = 0; i < nh; i++) {
		double want = law_at(p, &held[i]);
		out->predicted += want / (double)nh;
		out->measured += held[i].loss / (double)nh;
		ss += (held[i].loss - want) * (held[i].loss - want);
	}
	out->rms_error = sqrt(ss / (double)nh);
}

/*
 * The 2.5-97.5% of where the held-out runs' measured mean loss should land:
 * each bootstrap law of the kept runs (refitted from p) predicts their mean,
 * and a normal draw of sigma / sqrt(nh) adds the noise of a mean of nh runs
 * whose scatter about the law is sigma. -1 when too few refits succeed.
 */
static int loss_interval(const struct fit_run *kept, size_t nk, const struct fit_run *held,
                         size_t nh, double k, const struct fit_parametric *p, double sigma,
                         int samples, unsigned long seed, struct fit_holdout *out)
{
	struct law *laws = malloc(sizeof *laws * (size_t)samples);
	double *v = malloc(sizeof *v * (size_t)samples);
	gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
	int got = laws && v && rng ? fit_bootstrap_laws(kept, nk, k, samples, seed, p, laws) : -1;
	size_t m = 0;

	if (rng != NULL)
		gsl_rng_set(rng, seed);
	for (int i = 0; i < got; i++) {
		double mean = mean_at(&laws[i], held, nh);
		if (isfinite(mean))
			v[m++] = mean + gsl_ran_gaussian(rng, sigma / sqrt((double)nh));
	}
	if (m >= 2) {
		struct fit_interval iv = fit_interval_of(v, m);
		out->loss_lo = iv.p2_5;
		out->loss_hi = iv.p97_5;
	}
	free(laws);
	free(v);
	gsl_rng_free(rng);
	return m >= 2 ? 0 : -1;
}

enum model_status fit_holdout_parametric(const struct fit_run *runs, size_t n, double k,
                                         const double theta0[5], int samples, unsigned long seed,
                                         struct fit_holdout *out)
{
	struct fit_run *kept, *held;
	size_t nk, nh;
	struct fit_parametric p;

	if (split(runs, n, k, &kept, &nk, &held, &nh, out) < 0) {
		free(kept);
		return MODEL_ENOCONV;
	}
	enum model_status st = MODEL_OK;
	if (out->budgets < FIT_HOLDOUT_MIN_BUDGETS)
		st = absent(out, FIT_HOLDOUT_FEW_BUDGETS);
	else if (nk < FIT_CONSTANTS) /* fit_parametric's least */
		st = absent(out, FIT_HOLDOUT_FEW_RUNS);
	else if (fit_parametric_from(kept, nk, theta0, &p) != MODEL_OK || p.one_d)
		st = absent(out, FIT_HOLDOUT_NO_REFIT);
	if (st == MODEL_OK) {
		struct law law = fit_parametric_law(&p, k);
		out->spread = rms_residual(&law, kept, nk);
		predict_held(&law, held, nh, out);
		if (!isfinite(out->predicted) || !isfinite(out->spread) ||
		    loss_interval(kept, nk, held, nh, k, &p, out->spread, samples, seed, out) < 0)
			st = absent(out, FIT_HOLDOUT_NO_REFIT);
		out->within = out->loss_lo <= out->measured && out->measured <= out->loss_hi;
	}
	free(kept);
	return st;
}

/* exp of the RMS residual in ln N* of the frontier f over its used budgets. */
static double frontier_factor(const struct fit_isoflop *f)
{
	double ss = 0;
	int m = 0;

	for (int i = 0; i < f->nbudgets; i++) {
		const struct fit_budget *b = &f->budgets[i];
		if (!b->fitted || b->at_edge)
			continue;
		double e = log(b->params) - log(f->k_params * pow(b->compute, f->a));
		ss += e * e;
		m++;
	}
	return m > 0 ? exp(sqrt(ss / m)) : 1;
}

/* A parabola's constants: a budget's sweep of no more N than this is fitted exactly. */
#define PARABOLA_CONSTANTS 3

/* What a bootstrap refit predicts at a compute with k FLOPs per parameter-token. */
struct at_compute {
	double k, compute;
};

/* fit_bootstrap's refit: the frontier of the kept runs' resample at the held-out compute. */
static int refit_frontier(const struct fit_run *sample, size_t n, double *values, const void *ctx)
{
	const struct at_compute *at = ctx;
	struct fit_isoflop f;

	if (fit_isoflop(sample, n, at->k, &f) != MODEL_OK)
		return -1;
	values[0] = f.k_params * pow(at->compute, f.a);
	return isfinite(values[0]) ? 0 : -1;
}

/* How many distinct N runs[0..n) hold (n is a budget's runs: a few dozen at most). */
static size_t distinct_params(const struct fit_run *runs, size_t n)
{
	size_t m = 0;

	for (size_t i = 0; i < n; i++) {
		size_t j = 0;
		while (j < i && runs[j].params != runs[i].params)
			j++;
		m += j == i;
	}
	return m;
}

/*
 * fit_bootstrap's refit: the held-out budget's parabola minimum on a
 * resample of its runs. A resample of no more than PARABOLA_CONSTANTS
 * distinct N is not refitted: the parabola would pass through its points.
 */
static int refit_parabola(const struct fit_run *sample, size_t n, double *values, const void *ctx)
{
	const struct at_compute *at = ctx;
	struct fit_isoflop f;

	if (distinct_params(sample, n) <= PARABOLA_CONSTANTS)
		return -1;
	fit_isoflop(sample, n, at->k, &f); /* one budget: MODEL_EDOM, its minimum still found */
	if (f.nbudgets != 1 || f.used != 1)
		return -1;
	values[0] = f.budgets[0].params;
	return 0;
}

/*
 * Bootstrap both N*s: the frontier of the kept runs at the held-out compute
 * (params_lo..hi), the held-out parabola's minimum (params_measured_lo..
 * hi), and whether the 2.5-97.5% of their ratio over independent resamples
 * (params_ratio_lo..hi) holds 1. When the held-out runs are too few to
 * resample (fewer than FIT_HOLDOUT_PARABOLA_MIN_RUNS: too many resamples
 * dropped, the rest a biased subset; or every refit of them lands on one
 * minimum: an interval of zero width would call it
 * exact), NaN for its interval and the ratio's, and whether the
 * prediction's holds the minimum. -1 when too few refits of the frontier
 * succeed or memory runs out.
 */
static int params_interval(const struct fit_run *kept, size_t nk, const struct fit_run *held,
                           size_t nh, double k, int samples, unsigned long seed,
                           struct fit_holdout *out)
{
	double *v = malloc(sizeof *v * (size_t)samples * 3);
	struct at_compute at = {k, out->compute};
	int a = -1, b = -1, rc = -1;

	if (v == NULL) /* before any arithmetic on v: NULL + n is undefined */
		return -1;
	double *w = v + samples, *q = w + samples;
	a = fit_bootstrap(kept, nk, samples, seed, 1, refit_frontier, &at, &v);
	b = nh >= FIT_HOLDOUT_PARABOLA_MIN_RUNS
	            ? fit_bootstrap(held, nh, samples, seed + 1, 1, refit_parabola, &at, &w)
	            : 0;
	int m = a < b ? a : b;
	for (int i = 0; i < m; i++) /* matched up before fit_interval_of sorts v and w */
		q[i] = v[i] / w[i];
	if (m >= 2) { /* every refit at one minimum: as good as none */
		double w_lo = w[0], w_hi = w[0];
		for (int i = 1; i < b; i++)
			w_lo = fmin(w_lo, w[i]), w_hi = fmax(w_hi, w[i]);
		if (!(w_lo < w_hi))
			m = 0;
	}
	if (a >= 2) {
		struct fit_interval iv = fit_interval_of(v, (size_t)a);
		out->params_lo = iv.p2_5;
		out->params_hi = iv.p97_5;
		/* too few runs for its parabolas to refit: judged by the prediction's interval
		 * alone */
		out->params_measured_lo = out->params_measured_hi = NAN;
		out->within = iv.p2_5 <= out->params_measured && out->params_measured <= iv.p97_5;
		rc = 0;
	}
	out->params_ratio_lo = out->params_ratio_hi = NAN;
	if (a >= 2 && m >= 2) {
		struct fit_interval iv = fit_interval_of(q, (size_t)m);
		out->params_ratio_lo = iv.p2_5;
		out->params_ratio_hi = iv.p97_5;
		out->within = iv.p2_5 <= 1 && 1 <= iv.p97_5;
		iv = fit_interval_of(w, (size_t)b);
		out->params_measured_lo = iv.p2_5;
		out->params_measured_hi = iv.p97_5;
	}
	free(v);
	return rc;
}

enum model_status fit_holdout_isoflop(const struct fit_run *runs, size_t n, double k, int samples,
                                      unsigned long seed, struct fit_holdout *out)
{
	struct fit_run *kept, *held;
	size_t nk, nh;
	struct fit_isoflop all, rest;

	if (split(runs, n, k, &kept, &nk, &held, &nh, out) < 0) {
		free(kept);
		return MODEL_ENOCONV;
	}
	enum model_status st = MODEL_OK;
	const struct fit_budget *top = NULL;
	if (out->budgets < FIT_HOLDOUT_MIN_BUDGETS) {
		st = absent(out, FIT_HOLDOUT_FEW_BUDGETS);
	} else {
		fit_isoflop(held, nh, k, &all); /* the held-out runs alone: one budget */
		top = all.nbudgets == 1 && all.used == 1 ? &all.budgets[0] : NULL;
		if (top == NULL)
			st = absent(out, FIT_HOLDOUT_NO_MINIMUM);
		else if (fit_isoflop(kept, nk, k, &rest) != MODEL_OK)
			st = absent(out, FIT_HOLDOUT_FEW_MINIMA);
	}
	if (st == MODEL_OK) {
		out->params_measured = top->params;
		out->params_predicted = rest.k_params * pow(top->compute, rest.a);
		out->params_ratio = out->params_predicted / out->params_measured;
		out->params_factor = frontier_factor(&rest);
		if (params_interval(kept, nk, held, nh, k, samples, seed, out) < 0)
			st = absent(out, FIT_HOLDOUT_NO_REFIT);
	}
	free(kept);
	return st;
}
