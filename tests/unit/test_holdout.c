/*
 * test_holdout.c: leave-one-budget-out (model/fit_holdout.h) on runs whose
 * truth is known: made here from Chinchilla's published law (Hoffmann et
 * al. 2022, App. D.2: E 1.69, A 406.4, B 410.7, alpha 0.34, beta 0.28) with
 * no noise, so the refit on the smaller budgets must predict the truth at
 * the largest (its mean loss; its N* in closed form) and its interval hold
 * it; and the absence when there are too few budgets.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "../../model/fit_holdout.h"

#define SIZES 9

static double truth(double n, double d)
{
	return 1.69 + 406.4 / pow(n, 0.34) + 410.7 / pow(d, 0.28);
}

/* The truth's N* at c FLOPs in closed form: G (c/6)^(beta/(alpha+beta)). */
static double truth_params(double c)
{
	double g = pow(0.34 * 406.4 / (0.28 * 410.7), 1 / (0.34 + 0.28));
	return g * pow(c / 6, 0.28 / (0.34 + 0.28));
}

/* The truth's mean loss over runs. */
static double truth_mean(const struct fit_run *runs, size_t n)
{
	double sum = 0;

	for (size_t i = 0; i < n; i++)
		sum += truth(runs[i].params, runs[i].tokens) / (double)n;
	return sum;
}

/* lo - tol <= v <= hi + tol */
static int inside(double v, double lo, double hi, double tol)
{
	return lo - tol <= v && v <= hi + tol;
}

/*
 * SIZES runs at each of nb budgets from 1e18 up a decade each, N from a
 * quarter of the truth's N* up 4x: centred, so the parabolas' vertices sit
 * near the curves' minima (fit.h fit_isoflop_biased).
 */
static size_t sweep(struct fit_run *runs, int nb)
{
	size_t n = 0;

	for (int b = 0; b < nb; b++) {
		double c = 1e18 * pow(10, b), mid = truth_params(c);
		for (int i = 0; i < SIZES; i++) {
			double p = mid * pow(2, (i - SIZES / 2) / 2.0);
			double d = c / (6 * p);
			runs[n++] = (struct fit_run){p, d, truth(p, d)};
		}
	}
	return n;
}

/* Approach 3 on noise-free runs: the prediction is the measurement, the spread nothing. */
static void parametric_predicts_the_truth(void **state)
{
	struct fit_run runs[4 * SIZES];
	size_t n = sweep(runs, 4);
	struct fit_parametric p;
	struct fit_holdout h;

	(void)state;
	assert_int_equal(fit_parametric(runs, n, &p), MODEL_OK);
	assert_int_equal(fit_holdout_parametric(runs, n, 6, p.theta, 100, 1, &h), MODEL_OK);
	assert_int_equal(h.absent, FIT_HOLDOUT_DONE);
	assert_int_equal(h.budgets, 4);
	assert_int_equal(h.runs, SIZES);
	assert_true(fabs(h.compute / 1e21 - 1) < 1e-9);
	double want = truth_mean(runs + 3 * SIZES, SIZES); /* the largest budget's */
	assert_true(fabs(h.predicted - want) < 1e-3);
	assert_true(inside(want, h.loss_lo, h.loss_hi, 1e-4));
	assert_true(h.loss_hi - h.loss_lo < 1e-3);
	assert_true(h.within);
	assert_true(h.rms_error < 1e-3);
	assert_true(h.spread < 1e-3);
}

/* Approach 2 on noise-free runs: the others' frontier lands on the largest budget's minimum. */
static void isoflop_predicts_the_minimum(void **state)
{
	struct fit_run runs[4 * SIZES];
	size_t n = sweep(runs, 4);
	struct fit_holdout h;

	(void)state;
	assert_int_equal(fit_holdout_isoflop(runs, n, 6, 100, 1, &h), MODEL_OK);
	assert_int_equal(h.absent, FIT_HOLDOUT_DONE);
	double want = truth_params(1e21);
	/*
	 * A parabola's vertex is not the curve's minimum (fit.h
	 * fit_isoflop_biased): on these centred 16x sweeps both N*s lie 1.4%
	 * above the truth, so 2% holds them and the interval within 1%.
	 */
	assert_true(fabs(h.params_predicted / want - 1) < 2e-2);
	assert_true(fabs(h.params_measured / want - 1) < 2e-2);
	assert_true(inside(want, h.params_lo, h.params_hi, 1e-2 * want));
	assert_true(h.within);
	assert_true(h.params_factor >= 1 && h.params_factor < 1.01);
}

/*
 * Approach 2 with the largest budget's N 1.6x what its runs had (C = 6ND
 * kept, so D / 1.6, the losses as measured): its minimum moves 1.6x up, the
 * others predict what they did, so the ratio is 1/1.6 and its interval,
 * the one the verdict reads, lies below 1: outside.
 */
static void isoflop_shifted_budget_is_outside(void **state)
{
	struct fit_run runs[4 * SIZES];
	size_t n = sweep(runs, 4);
	struct fit_holdout h;

	(void)state;
	for (size_t i = 3 * SIZES; i < n; i++)
		runs[i].params *= 1.6, runs[i].tokens /= 1.6;
	assert_int_equal(fit_holdout_isoflop(runs, n, 6, 100, 1, &h), MODEL_OK);
	assert_true(fabs(h.params_ratio * 1.6 - 1) < 2e-2);
	assert_true(h.params_ratio_hi < 1);
	assert_false(h.within);
}

/*
 * The largest budget with 3 runs: a parabola through 3 points has no
 * scatter to resample (every resample that refits is the same 3 points, the
 * same minimum), so its interval is no interval: the holdout says the runs
 * are too few (NaN) and judges by the prediction's interval, which on these
 * noise-free runs holds the measured minimum.
 */
static void three_held_runs_are_not_resampled(void **state)
{
	struct fit_run runs[4 * SIZES];
	size_t n = sweep(runs, 4);
	struct fit_holdout h;

	(void)state;
	/* keep the largest budget's middle 3 sizes (N* / 1.4 .. 1.4 N*) */
	for (int i = 0; i < 3; i++)
		runs[3 * SIZES + i] = runs[3 * SIZES + SIZES / 2 - 1 + i];
	n = 3 * SIZES + 3;
	assert_int_equal(fit_holdout_isoflop(runs, n, 6, 100, 1, &h), MODEL_OK);
	assert_int_equal(h.runs, 3);
	assert_true(isnan(h.params_measured_lo) && isnan(h.params_measured_hi));
	assert_true(isnan(h.params_ratio_lo) && isnan(h.params_ratio_hi));
	assert_true(h.params_lo < h.params_hi);
	assert_true(h.within);
}

/*
 * P(a resample of n runs, drawn with replacement, holds no more than 3
 * distinct N: a parabola's constants), by the occupancy chain, not
 * fit_holdout.h's Stirling formula: after each draw the count of distinct
 * runs stays (k/n) or grows by one ((n - k)/n).
 */
static double few_distinct(int n)
{
	double p[64] = {1}; /* p[k]: k distinct so far; none before the first draw */

	for (int draw = 0; draw < n; draw++) {
		for (int k = draw + 1; k >= 1; k--)
			p[k] = p[k] * k / n + p[k - 1] * (n - k + 1) / n;
		p[0] = 0; /* a draw always holds a run */
	}
	return p[1] + p[2] + p[3];
}

/* FIT_HOLDOUT_PARABOLA_MIN_RUNS is the least n where under 5% of resamples are dropped. */
static void parabola_min_runs_is_the_least_below_one_in_twenty(void **state)
{
	(void)state;
	/* the figures fit_holdout.h quotes */
	assert_true(fabs(few_distinct(5) / 0.5776 - 1) < 1e-3);
	assert_true(fabs(few_distinct(7) / 0.0800 - 1) < 1e-2);
	assert_true(fabs(few_distinct(8) / 0.0199 - 1) < 2e-2);
	for (int n = 4; n < FIT_HOLDOUT_PARABOLA_MIN_RUNS; n++)
		assert_true(few_distinct(n) >= 0.05);
	assert_true(few_distinct(FIT_HOLDOUT_PARABOLA_MIN_RUNS) < 0.05);
}

/*
 * The largest budget with 5 runs (plan's default) and with 8: with 5, 58%
 * of resamples hold 3 distinct N or fewer and are dropped, so the rest are
 * a biased subset: too few to resample, judged by the prediction's
 * interval; with 8 the minimum has its interval and the ratio its own.
 */
static void held_runs_below_the_minimum_are_not_resampled(void **state)
{
	struct fit_run runs[4 * SIZES];
	struct fit_holdout h;

	(void)state;
	for (int keep = 5; keep <= 8; keep += 3) {
		size_t n = sweep(runs, 4), from = 3 * SIZES + (size_t)(SIZES - keep) / 2;
		for (int i = 0; i < keep; i++) /* the largest budget's middle keep sizes */
			runs[3 * SIZES + i] = runs[from + (size_t)i];
		n = 3 * SIZES + (size_t)keep;
		assert_int_equal(fit_holdout_isoflop(runs, n, 6, 100, 1, &h), MODEL_OK);
		assert_int_equal(h.runs, keep);
		if (keep < FIT_HOLDOUT_PARABOLA_MIN_RUNS) {
			assert_true(isnan(h.params_measured_lo) && isnan(h.params_ratio_lo));
		} else {
			assert_true(isfinite(h.params_measured_lo) && isfinite(h.params_ratio_lo));
		}
		assert_true(h.params_lo < h.params_hi);
	}
}

/* Two budgets: one to hold out leaves one to fit, so there is no prediction. */
static void two_budgets_are_too_few(void **state)
{
	struct fit_run runs[2 * SIZES];
	size_t n = sweep(runs, 2);
	struct fit_parametric p;
	struct fit_holdout h;

	(void)state;
	assert_int_equal(fit_parametric(runs, n, &p), MODEL_OK);
	assert_int_equal(fit_holdout_parametric(runs, n, 6, p.theta, 100, 1, &h), MODEL_EDOM);
	assert_int_equal(h.absent, FIT_HOLDOUT_FEW_BUDGETS);
	assert_int_equal(h.budgets, 2);
	assert_int_equal(fit_holdout_isoflop(runs, n, 6, 100, 1, &h), MODEL_EDOM);
	assert_int_equal(h.absent, FIT_HOLDOUT_FEW_BUDGETS);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(parametric_predicts_the_truth),
	        cmocka_unit_test(isoflop_predicts_the_minimum),
	        cmocka_unit_test(isoflop_shifted_budget_is_outside),
	        cmocka_unit_test(three_held_runs_are_not_resampled),
	        cmocka_unit_test(parabola_min_runs_is_the_least_below_one_in_twenty),
	        cmocka_unit_test(held_runs_below_the_minimum_are_not_resampled),
	        cmocka_unit_test(two_budgets_are_too_few),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
