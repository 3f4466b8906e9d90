/*
 * test_fit.c: the fits recover the constants that generated their data.
 * Synthetic iso-FLOP sweeps (8 budgets from 6e18 to 2e22 FLOPs, N from a
 * tenth to ten times the optimum) are drawn from the published constants of
 * Hoffmann et al. 2022 (Eq. 10) and Besiroglu et al. 2024 (their refit),
 * with 0.5% multiplicative noise from a fixed seed.
 */
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "../../model/fit.h"
#include "fixtures.h"

enum { BUDGETS = 8, PER_BUDGET = 8, NRUNS = BUDGETS * PER_BUDGET };

static void sweeps(const struct law *law, double noise, unsigned long seed, struct fit_run *runs)
{
	gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
	double g, a, b;

	gsl_rng_set(rng, seed);
	law_additive_allocation(law, &g, &a, &b);
	for (int c = 0; c < BUDGETS; c++) {
		double compute = 6e18 * pow(10, c * 0.5), n_opt = g * pow(compute / 6, a);
		for (int j = 0; j < PER_BUDGET; j++) {
			double n = n_opt * pow(10, -1 + 2.0 * j / (PER_BUDGET - 1)),
			       d = compute / (6 * n);
			double l =
			        law->E + law->A / pow(n, law->alpha) + law->B / pow(d, law->beta);
			runs[c * PER_BUDGET + j] =
			        (struct fit_run){n, d, l * exp(gsl_ran_gaussian(rng, noise))};
		}
	}
	gsl_rng_free(rng);
}

/* Approach 3 on noiseless data returns the generating law. */
static void parametric_recovers_exact_constants(void **state)
{
	(void)state;
	static const char *const ids[] = {"hoffmann2022", "besiroglu2024"};
	for (int i = 0; i < 2; i++) {
		struct law law = fixture_law(ids[i]);
		struct fit_run runs[NRUNS];
		struct fit_parametric p;
		sweeps(&law, 0, 1, runs);
		assert_int_equal(fit_parametric(runs, NRUNS, &p), MODEL_OK);
		/* E, A and B trade off along a flat valley: the minimiser stops within it */
		assert_rel(p.E, law.E, 5e-3);
		assert_rel(p.A, law.A, 5e-2);
		assert_rel(p.B, law.B, 5e-2);
		assert_abs(p.alpha, law.alpha, 5e-3);
		assert_abs(p.beta, law.beta, 5e-3);
		assert_int_equal(p.starts, FIT_GRID_STARTS);
		assert_true(p.at_best > 0);
	}
}

/*
 * A law far from Chinchilla's (small B, steep alpha) whose minimum the grid
 * starts reach only after hundreds of iterations along a narrow valley:
 * the fit must run all the way, not stop at the first flat stretch.
 */
static void parametric_reaches_a_narrow_minimum(void **state)
{
	(void)state;
	struct law law = fixture_law("besiroglu2024");
	struct fit_run runs[NRUNS];
	struct fit_parametric p;
	law.E = 1.5;
	law.A = 1000;
	law.B = 50;
	law.alpha = 0.5;
	law.beta = 0.2;
	sweeps(&law, 0, 1, runs);
	assert_int_equal(fit_parametric(runs, NRUNS, &p), MODEL_OK);
	/*
	 * noiseless: the minimum is the law itself (a stop at 100 iterations was 1.4e-3 off in A)
	 */
	assert_rel(p.E, law.E, 1e-5);
	assert_rel(p.A, law.A, 1e-4);
	assert_rel(p.B, law.B, 1e-4);
	assert_abs(p.alpha, law.alpha, 1e-5);
	assert_abs(p.beta, law.beta, 1e-5);
	assert_true(p.finished >= 45 && p.finished < p.starts);
}

/* A bootstrap refit from the fit's own optimum: alpha and beta. */
static int refit_exponents(const struct fit_run *sample, size_t n, double *v, const void *ctx)
{
	struct fit_parametric q;
	if (fit_parametric_from(sample, n, ((const struct fit_parametric *)ctx)->theta, &q) !=
	    MODEL_OK)
		return -1;
	v[0] = q.alpha;
	v[1] = q.beta;
	return 0;
}

/* With 0.5% noise: close to the truth, and the bootstrap's 95% interval covers it. */
static void parametric_with_noise_and_bootstrap(void **state)
{
	(void)state;
	struct law law = fixture_law("besiroglu2024");
	struct fit_run runs[NRUNS];
	struct fit_parametric p;

	sweeps(&law, 0.005, 7, runs);
	assert_int_equal(fit_parametric(runs, NRUNS, &p), MODEL_OK);
	assert_abs(p.alpha, law.alpha, 0.05);
	assert_abs(p.beta, law.beta, 0.05);
	assert_rel(p.E, law.E, 0.03);
	/* the allocation exponent a = beta/(alpha+beta) is what users act on */
	assert_abs(p.a, law.beta / (law.alpha + law.beta), 0.02);

	enum { SAMPLES = 200 };
	static double alpha[SAMPLES], beta[SAMPLES], again[2][SAMPLES];
	double *draws[2] = {alpha, beta}, *twice[2] = {again[0], again[1]};
	int ok = fit_bootstrap(runs, NRUNS, SAMPLES, 3, 2, refit_exponents, &p, draws);
	assert_true(ok > SAMPLES * 9 / 10);
	/* the same seed, the same draws in the same order, however the threads ran */
	assert_int_equal(fit_bootstrap(runs, NRUNS, SAMPLES, 3, 2, refit_exponents, &p, twice), ok);
	assert_memory_equal(alpha, again[0], sizeof(double) * (size_t)ok);
	assert_memory_equal(beta, again[1], sizeof(double) * (size_t)ok);
	/* another seed, other resamples */
	assert_true(fit_bootstrap(runs, NRUNS, SAMPLES, 4, 2, refit_exponents, &p, twice) > 0);
	assert_true(memcmp(alpha, again[0], sizeof(double) * 10) != 0);
	ok = fit_bootstrap(runs, NRUNS, SAMPLES, 3, 2, refit_exponents, &p, draws);
	struct fit_interval ia = fit_interval_of(alpha, (size_t)ok);
	struct fit_interval ib = fit_interval_of(beta, (size_t)ok);
	if (!(ia.p2_5 <= law.alpha && law.alpha <= ia.p97_5))
		fail_msg("alpha %g outside [%g, %g]", law.alpha, ia.p2_5, ia.p97_5);
	if (!(ib.p2_5 <= law.beta && law.beta <= ib.p97_5))
		fail_msg("beta %g outside [%g, %g]", law.beta, ib.p2_5, ib.p97_5);
	assert_true(ia.p10 <= ia.p90 && ia.p2_5 <= ia.p10 && ia.p90 <= ia.p97_5);
}

/* Approach 2 finds the allocation exponents a = beta/(alpha+beta), b = alpha/(alpha+beta). */
static void isoflop_recovers_exponents(void **state)
{
	(void)state;
	static const char *const ids[] = {"hoffmann2022", "besiroglu2024"};
	for (int i = 0; i < 2; i++) {
		struct law law = fixture_law(ids[i]);
		struct fit_run runs[NRUNS];
		struct fit_isoflop f;
		sweeps(&law, 0.002, 5, runs);
		assert_int_equal(fit_isoflop(runs, NRUNS, 6, &f), MODEL_OK);
		assert_int_equal(f.nbudgets, BUDGETS);
		assert_int_equal(f.used, BUDGETS);
		/* a parabola in log N fits a U that is not one: allow 0.03 */
		assert_abs(f.a, law.beta / (law.alpha + law.beta), 0.03);
		assert_abs(f.b, law.alpha / (law.alpha + law.beta), 0.03);
		assert_abs(f.a + f.b, 1, 1e-9); /* N* D* = C / 6 on every budget */
	}
}

/* Budgets with too few runs or a minimum at the edge are flagged and left out. */
static void isoflop_flags_bad_budgets(void **state)
{
	(void)state;
	struct law law = fixture_law("besiroglu2024");
	struct fit_run runs[NRUNS + 2];
	struct fit_isoflop f;

	sweeps(&law, 0, 1, runs);
	/* budget 0: keep only its small models, whose loss falls all the way */
	for (int j = 4; j < PER_BUDGET; j++)
		runs[j] = runs[PER_BUDGET + j];
	runs[NRUNS] = (struct fit_run){1e9, 1e15, 1.9}; /* a lone run at 6e24 */
	runs[NRUNS + 1] = (struct fit_run){2e9, 5e14, 1.9};
	assert_int_equal(fit_isoflop(runs, NRUNS + 2, 6, &f), MODEL_OK);
	int few = 0, edge = 0;
	for (int i = 0; i < f.nbudgets; i++) {
		few += f.budgets[i].runs < 3;
		edge += f.budgets[i].fitted && f.budgets[i].at_edge;
	}
	assert_int_equal(few, 1);
	assert_int_equal(edge, 1);
	assert_true(f.used < f.nbudgets);
}

/* Too few runs, or a value that is not positive, is refused. */
static void refuses_bad_input(void **state)
{
	(void)state;
	struct fit_run runs[5] = {
	        {1e8, 1e9, 3}, {2e8, 1e9, 2.9}, {4e8, 1e9, 2.8}, {8e8, 1e9, 2.7}, {1.6e9, 1e9, -1}};
	struct fit_parametric p;

	assert_int_equal(fit_parametric(runs, 4, &p), MODEL_EDOM);
	assert_int_equal(fit_parametric(runs, 5, &p), MODEL_EDOM);
}

/* The reference path: every start on every row. */
static const struct fit_options reference = {0, NULL, NULL};

/*
 * The same minimum: the Huber sum to 1e-6 relative (or 1e-12 absolute on
 * noiseless data, where both are rounding noise), the law to parts in 1e3.
 */
static void assert_same_minimum(const struct fit_parametric *p, const struct fit_parametric *q)
{
	assert_abs(p->objective, q->objective, 1e-6 * q->objective + 1e-12);
	assert_rel(p->E, q->E, 1e-3);
	assert_rel(p->A, q->A, 1e-2);
	assert_rel(p->B, q->B, 1e-2);
	assert_abs(p->alpha, q->alpha, 1e-3);
	assert_abs(p->beta, q->beta, 1e-3);
}

/*
 * On the sweeps above (two laws, the narrow one; with and without noise),
 * scouting on a sample of 24 of the 64 rows and refining on all of them
 * finds the minimum that running every start on every row finds.
 */
static void sampled_fit_finds_the_reference_minimum(void **state)
{
	(void)state;
	static const char *const ids[] = {"hoffmann2022", "besiroglu2024", "narrow"};
	static const double noises[] = {0, 0.005};
	for (int i = 0; i < 3; i++)
		for (int j = 0; j < 2; j++) {
			struct law law = fixture_law(i < 2 ? ids[i] : "besiroglu2024");
			if (i == 2) { /* the law of parametric_reaches_a_narrow_minimum */
				law.E = 1.5;
				law.A = 1000;
				law.B = 50;
				law.alpha = 0.5;
				law.beta = 0.2;
			}
			struct fit_run runs[NRUNS];
			struct fit_parametric ref, fast;
			struct fit_options sample = {24, NULL, NULL};
			sweeps(&law, noises[j], 11, runs);
			assert_int_equal(fit_parametric_with(runs, NRUNS, &reference, &ref),
			                 MODEL_OK);
			assert_int_equal(fit_parametric_with(runs, NRUNS, &sample, &fast),
			                 MODEL_OK);
			assert_int_equal(ref.scouted_on, NRUNS);
			assert_int_equal(fast.scouted_on, 24);
			assert_true(fast.polished >= 1 && fast.polished <= 8);
			assert_same_minimum(&fast, &ref);
		}
}

/* Runs spread over N and D (log-uniform) from a known law with 1% log-normal noise. */
static void scattered(const struct law *law, size_t n, unsigned long seed, struct fit_run *runs)
{
	gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);

	gsl_rng_set(rng, seed);
	for (size_t i = 0; i < n; i++) {
		double N = 1e7 * pow(1e4, gsl_rng_uniform(rng)),
		       D = 1e9 * pow(1e4, gsl_rng_uniform(rng));
		double l = law->E + law->A / pow(N, law->alpha) + law->B / pow(D, law->beta);
		runs[i] = (struct fit_run){N, D, l * exp(gsl_ran_gaussian(rng, 0.01))};
	}
	gsl_rng_free(rng);
}

/* Progress as a test sees it: phases in order, done never past total. */
struct seen {
	int calls, last_phase, phases, bad;
};

static void count_progress(const struct fit_progress *at, void *ctx)
{
	struct seen *s = ctx;
	s->calls++;
	s->bad += at->phase < s->last_phase || at->done < 0 || at->done > at->total ||
	          at->phase < 1 || at->phase > at->phases;
	s->last_phase = at->phase;
	s->phases = at->phases;
}

/*
 * 1,200 scattered noisy rows: a sample of 200 finds the reference minimum,
 * and the recovered law is the one that made the data; progress comes in
 * three phases, in order.
 */
static void sampled_fit_on_many_rows(void **state)
{
	(void)state;
	enum { ROWS = 1200 };
	static struct fit_run runs[ROWS];
	struct law law = fixture_law("besiroglu2024");
	struct fit_parametric ref, fast;
	struct seen seen = {0, 0, 0, 0};
	struct fit_options sample = {200, count_progress, &seen};

	scattered(&law, ROWS, 5, runs);
	assert_int_equal(fit_parametric_with(runs, ROWS, &reference, &ref), MODEL_OK);
	assert_int_equal(fit_parametric_with(runs, ROWS, &sample, &fast), MODEL_OK);
	assert_same_minimum(&fast, &ref);
	assert_abs(fast.alpha, law.alpha, 0.02);
	assert_abs(fast.beta, law.beta, 0.02);
	assert_true(seen.calls >= 6 && seen.bad == 0);
	assert_int_equal(seen.last_phase, 3);
	assert_int_equal(seen.phases, 3);
}

/*
 * Runs at one D: the D term is a constant, so only L(N) = E' + A/N^alpha is
 * fitted, E' = E + B/D^beta; fit_parametric, which promises a full law,
 * refuses.
 */
static void one_d_fits_the_n_term(void **state)
{
	(void)state;
	struct law law = fixture_law("besiroglu2024");
	struct fit_run runs[20];
	struct fit_parametric p;
	const double D = 2e10;

	for (int i = 0; i < 20; i++) {
		double N = 1e7 * pow(10, i * 0.2);
		runs[i] = (struct fit_run){
		        N, D, law.E + law.A / pow(N, law.alpha) + law.B / pow(D, law.beta)};
	}
	assert_int_equal(fit_parametric_with(runs, 20, NULL, &p), MODEL_OK);
	assert_true(p.one_d);
	assert_int_equal(p.starts, 150);
	assert_rel(p.E, law.E + law.B / pow(D, law.beta), 1e-3);
	assert_rel(p.A, law.A, 2e-2);
	assert_abs(p.alpha, law.alpha, 2e-3);
	assert_true(p.B == 0 && p.beta == 0);
	assert_int_equal(fit_parametric(runs, 20, &p), MODEL_EDOM);
	/* the bootstrap's refit keeps to the N term too */
	struct fit_parametric q;
	assert_int_equal(fit_parametric_from(runs, 20, p.theta, &q), MODEL_OK);
	assert_true(q.one_d);
	assert_rel(q.E, p.E, 1e-6);
}

/* Percentiles of 1..100 and a perfect correlation. */
static void interval_and_correlation(void **state)
{
	(void)state;
	double v[100], w[100];
	for (int i = 0; i < 100; i++) {
		v[99 - i] = i + 1;
		w[99 - i] = 2 * (i + 1);
	}
	assert_rel(fit_correlation(v, w, 100), 1, 1e-12);
	struct fit_interval iv = fit_interval_of(v, 100);
	assert_rel(iv.p10, 10.9, 1e-12); /* GSL's interpolated quantile: 1 + 0.1 * 99 */
	assert_rel(iv.p97_5, 97.525, 1e-12);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(parametric_recovers_exact_constants),
	        cmocka_unit_test(parametric_reaches_a_narrow_minimum),
	        cmocka_unit_test(parametric_with_noise_and_bootstrap),
	        cmocka_unit_test(isoflop_recovers_exponents),
	        cmocka_unit_test(isoflop_flags_bad_budgets),
	        cmocka_unit_test(refuses_bad_input),
	        cmocka_unit_test(interval_and_correlation),
	        cmocka_unit_test(sampled_fit_finds_the_reference_minimum),
	        cmocka_unit_test(sampled_fit_on_many_rows),
	        cmocka_unit_test(one_d_fits_the_n_term),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
