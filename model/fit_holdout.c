/*
 * fit_holdout.c: leave-one-budget-out (fit_holdout.h). The runs are split
 * by fit_isoflop's own budgets (so both methods hold out the same runs),
 * the law is refitted on the rest with fit.h's functions, and the held-out
 * budget is predicted. The spread stated with a prediction comes from the
 * refit alone, never from the runs it predicts: how far the law leaves the
 * runs it was fitted on.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fit_holdout.h"

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
 * The budgets of the runs, as fit_isoflop forms them (from the smallest
 * compute up, a budget takes every run within 5% of its first), and *first,
 * the compute of the largest budget's first run: the held-out runs are those
 * at or above it. -1 when memory runs out.
 */
static int budgets_of(const struct fit_run *runs, size_t n, double k, double *first)
{
	double *c = malloc(sizeof *c * n);
	int count = 0;

	if (c == NULL)
		return -1;
	for (size_t i = 0; i < n; i++)
		c[i] = run_compute(&runs[i], k);
	qsort(c, n, sizeof *c, by_value);
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && c[j] <= c[i] * 1.05)
			j++;
		*first = c[i];
		count++;
		i = j;
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
	double first = 0, sum = 0;

	memset(out, 0, sizeof *out);
	*kept = NULL;
	if ((out->budgets = budgets_of(runs, n, k, &first)) < 0 ||
	    (*kept = malloc(sizeof **kept * (n + 1))) == NULL)
		return -1;
	*nk = *nh = 0;
	*held = *kept + n; /* grows down from the end of the block */
	for (size_t i = 0; i < n; i++) {
		if (run_compute(&runs[i], k) >= first) {
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

/* The additive law's loss at a run. */
static double law_at(const struct fit_parametric *p, const struct fit_run *r)
{
	return p->E + p->A / pow(r->params, p->alpha) + p->B / pow(r->tokens, p->beta);
}

/* RMS of measured - predicted over runs. */
static double rms_residual(const struct fit_parametric *p, const struct fit_run *runs, size_t n)
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
static void predict_held(const struct fit_parametric *p, const struct fit_run *held, size_t nh,
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

enum model_status fit_holdout_parametric(const struct fit_run *runs, size_t n, double k,
                                         const double theta0[5], struct fit_holdout *out)
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
	else if (nk < 5) /* fit_parametric's least: five constants */
		st = absent(out, FIT_HOLDOUT_FEW_RUNS);
	else if (fit_parametric_from(kept, nk, theta0, &p) != MODEL_OK || p.one_d)
		st = absent(out, FIT_HOLDOUT_NO_REFIT);
	if (st == MODEL_OK) {
		out->spread = rms_residual(&p, kept, nk);
		predict_held(&p, held, nh, out);
		if (!isfinite(out->predicted) || !isfinite(out->spread))
			st = absent(out, FIT_HOLDOUT_NO_REFIT);
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

enum model_status fit_holdout_isoflop(const struct fit_run *runs, size_t n, double k,
                                      struct fit_holdout *out)
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
		out->params_factor = frontier_factor(&rest);
	}
	free(kept);
	return st;
}
