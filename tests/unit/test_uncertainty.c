/*
 * test_uncertainty.c: bootstrap laws and the optimum's spread against the
 * ground truth of tests/runs/besiroglu-sweeps.csv: 96 runs drawn from the
 * law of Besiroglu et al. 2024 (arXiv:2404.10102; E 1.8172, A 482.01,
 * B 2085.43, alpha 0.3478, beta 0.3658, its header says) with 0.5% noise.
 */
#include <stdlib.h>

#include "../../model/optimum.h"
#include "../../model/uncertainty.h"
#include "../../presets/runs.h"
#include "fixtures.h"

enum { SAMPLES = 200 };

#define SWEEPS "tests/runs/besiroglu-sweeps.csv"
#define AT     1e22 /* past the sweeps' largest budget, 1.9e22: where a band matters */

static struct fit_run *load(size_t *n)
{
	struct fit_run *runs;
	char err[1024];

	if (runs_load(SWEEPS, LAW_K_TRAINING, &runs, n, NULL, err, sizeof err) != 0)
		fail_msg("%s", err);
	return runs;
}

/* The law the sweeps were drawn from, as their header gives it. */
static struct law truth(void)
{
	return (struct law){.family = LAW_ADDITIVE,
	                    .k = LAW_K_TRAINING,
	                    .E = 1.8172,
	                    .A = 482.01,
	                    .B = 2085.43,
	                    .alpha = 0.3478,
	                    .beta = 0.3658};
}

/* The spread of N*, D* and L* at AT from `samples` refits of runs[0..n). */
static void band_of(const struct fit_run *runs, size_t n, struct fit_spread *params,
                    struct fit_spread *tokens, struct fit_spread *loss)
{
	struct fit_parametric best;
	struct law *laws = malloc(sizeof *laws * SAMPLES);

	assert_non_null(laws);
	assert_int_equal(fit_parametric(runs, n, &best), MODEL_OK);
	int got = fit_bootstrap_laws(runs, n, LAW_K_TRAINING, SAMPLES, 1, &best, laws);
	assert_true(got > SAMPLES * 9 / 10);
	optimum_spread(laws, got, AT, params, tokens, loss);
	free(laws);
}

/* The 10-90% band of N* at 1e22 holds the truth's N* (or misses it by little). */
static void band_holds_the_truth(void **state)
{
	(void)state;
	size_t n;
	struct fit_run *runs = load(&n);
	struct fit_spread np, dp, lp;
	struct allocation want;
	struct law law = truth();

	assert_int_equal(n, 96);
	assert_int_equal(optimum_at_compute(&law, AT, 0, &want), MODEL_OK);
	band_of(runs, n, &np, &dp, &lp);
	print_message("N* truth %.4g band %.4g %.4g %.4g\n", want.params, np.p10, np.p50, np.p90);
	print_message("D* truth %.4g band %.4g %.4g %.4g\n", want.tokens, dp.p10, dp.p50, dp.p90);
	print_message("L* truth %.5g band %.5g %.5g %.5g\n", want.loss, lp.p10, lp.p50, lp.p90);
	/* a 10-90% band misses the truth one time in five: "near" is within 5% of it */
	assert_true(np.p10 <= want.params * 1.05 && np.p90 >= want.params / 1.05);
	assert_true(dp.p10 <= want.tokens * 1.05 && dp.p90 >= want.tokens / 1.05);
	assert_true(lp.p10 <= want.loss * 1.005 && lp.p90 >= want.loss / 1.005);
	/* and it is a band: the fit does not pin N* to a point */
	assert_true(np.p90 > np.p10 * 1.01);
	free(runs);
}

/* Percentiles are in order, and each N*, D* pair spends the budget. */
static void percentiles_in_order(void **state)
{
	(void)state;
	size_t n;
	struct fit_run *runs = load(&n);
	struct fit_spread s[3];

	band_of(runs, n, &s[0], &s[1], &s[2]);
	for (int i = 0; i < 3; i++) {
		assert_true(s[i].p10 <= s[i].p50);
		assert_true(s[i].p50 <= s[i].p90);
	}
	/* N* and D* move against each other at one budget: p50 of each spends about C */
	assert_rel(LAW_K_TRAINING * s[0].p50 * s[1].p50, AT, 0.05);
	free(runs);
}

/* Keep every third run of each budget's twelve (32 of 96). */
static size_t thin(const struct fit_run *runs, size_t n, struct fit_run *out)
{
	size_t m = 0;

	for (size_t i = 0; i < n; i += 3)
		out[m++] = runs[i];
	return m;
}

/* Fewer runs, less known: the band of N* widens. */
static void band_widens_with_fewer_runs(void **state)
{
	(void)state;
	size_t n;
	struct fit_run *runs = load(&n), fewer[96];
	struct fit_spread all, some;

	band_of(runs, n, &all, NULL, NULL);
	size_t m = thin(runs, n, fewer);
	band_of(fewer, m, &some, NULL, NULL);
	print_message("N* band: %zu runs x%.4f, %zu runs x%.4f\n", n, all.p90 / all.p10, m,
	              some.p90 / some.p10);
	assert_true(some.p90 / some.p10 > all.p90 / all.p10);
	free(runs);
}

/* The same seed gives the same laws; none gives no spread. */
static void seeded_and_empty(void **state)
{
	(void)state;
	size_t n;
	struct fit_run *runs = load(&n);
	struct fit_parametric best;
	struct law a[20], b[20];
	struct fit_spread s;

	assert_int_equal(fit_parametric(runs, n, &best), MODEL_OK);
	int na = fit_bootstrap_laws(runs, n, LAW_K_TRAINING, 20, 7, &best, a);
	int nb = fit_bootstrap_laws(runs, n, LAW_K_TRAINING, 20, 7, &best, b);
	assert_int_equal(na, nb);
	for (int i = 0; i < na; i++) {
		assert_true(a[i].E == b[i].E && a[i].alpha == b[i].alpha);
		assert_true(a[i].family == LAW_ADDITIVE && a[i].k == LAW_K_TRAINING);
	}
	assert_int_equal(fit_bootstrap_laws(runs, n, LAW_K_TRAINING, 0, 7, &best, a), 0);
	optimum_spread(a, 0, AT, &s, NULL, NULL);
	assert_true(isnan(s.p10) && isnan(s.p50) && isnan(s.p90));
	free(runs);
}

/*
 * P(a resample of n runs, drawn with replacement, holds no more than
 * FIT_CONSTANTS distinct runs), by the occupancy chain: after each draw the
 * count of distinct runs stays (k/n) or grows by one ((n - k)/n).
 */
static double few_distinct(int n)
{
	double p[64] = {1}; /* p[k]: k distinct so far; none before the first draw */

	for (int draw = 0; draw < n; draw++) {
		for (int k = draw + 1; k >= 1; k--)
			p[k] = p[k] * k / n + p[k - 1] * (n - k + 1) / n;
		p[0] = 0; /* a draw always holds a run */
	}
	double sum = 0;
	for (int k = 1; k <= FIT_CONSTANTS; k++)
		sum += p[k];
	return sum;
}

/* FIT_BOOTSTRAP_MIN_RUNS is the least n where under 5% of resamples are too small to refit. */
static void min_runs_is_the_least_below_one_in_twenty(void **state)
{
	(void)state;
	/* the figures fit.h quotes */
	assert_rel(few_distinct(6), 0.98457, 1e-4);
	assert_rel(few_distinct(12), 0.015531, 1e-3);
	for (int n = FIT_CONSTANTS + 1; n < FIT_BOOTSTRAP_MIN_RUNS; n++)
		assert_true(few_distinct(n) >= 0.05);
	assert_true(few_distinct(FIT_BOOTSTRAP_MIN_RUNS) < 0.05);
}

/* Distinct runs are counted by value: a resample's repeats count once. */
static void distinct_runs_counted(void **state)
{
	(void)state;
	const struct fit_run r[5] = {
	        {1e8, 1e9, 3}, {1e8, 1e9, 3}, {1e8, 2e9, 3}, {1e8, 1e9, 2.9}, {1e8, 2e9, 3}};

	assert_int_equal(fit_distinct_runs(r, 5), 3);
	assert_int_equal(fit_distinct_runs(r, 1), 1);
}

/*
 * Six runs: 98.5% of their resamples hold 5 distinct runs or fewer, which
 * are not refitted, so about 3 of 200 refit (a binomial's 15 is far out).
 */
static void six_runs_rarely_refit(void **state)
{
	(void)state;
	size_t n;
	struct fit_run *runs = load(&n), six[6];
	struct fit_parametric best;
	struct law laws[SAMPLES];

	for (size_t i = 0; i < 6; i++)
		six[i] = runs[i * 16 + 5];
	assert_int_equal(fit_parametric(six, 6, &best), MODEL_OK);
	int got = fit_bootstrap_laws(six, 6, LAW_K_TRAINING, SAMPLES, 1, &best, laws);
	print_message("six runs: %d of %d resamples refitted\n", got, SAMPLES);
	assert_true(got >= 0 && got <= 15);
	free(runs);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(band_holds_the_truth),
	        cmocka_unit_test(percentiles_in_order),
	        cmocka_unit_test(band_widens_with_fewer_runs),
	        cmocka_unit_test(seeded_and_empty),
	        cmocka_unit_test(min_runs_is_the_least_below_one_in_twenty),
	        cmocka_unit_test(distinct_runs_counted),
	        cmocka_unit_test(six_runs_rarely_refit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
