/*
 * test_gsl.c: model/ returns a status under GSL's default error handler,
 * which calls abort(). The other unit tests and the program turn the handler
 * off; these tests leave it on, as a program embedding model/ might, and run
 * the numerical routes over hard inputs: a data-constrained law with U
 * within rounding of D (once abort() from the explorer's readout), and
 * constants at the ends of the ranges the preset loader accepts. Any
 * abort() ends the test binary, and so fails it.
 */
#include <float.h>
#include <math.h>
#include <string.h>

#include <gsl/gsl_errno.h>

#include "../../model/fit.h"
#include "../../model/optimum.h"
#include "../../model/profile.h"
#include "fixtures.h"

/* A status model/ knows, and with MODEL_OK a finite, positive value; `what` names the call. */
static void check(const char *what, enum model_status st, double value)
{
	if (!(st == MODEL_OK || st == MODEL_EDOM || st == MODEL_ENOSURFACE || st == MODEL_ENOCONV ||
	      st == MODEL_EPLATEAU))
		fail_msg("%s: status %d", what, (int)st);
	if (st == MODEL_OK && !(isfinite(value) && value > 0))
		fail_msg("%s: MODEL_OK with %g", what, value);
}

/* the call first: it writes the value checked */
#define assert_status(call, value)                                                                 \
	do {                                                                                       \
		enum model_status st_ = (call);                                                    \
		check(#call, st_, (value));                                                        \
	} while (0)

/* Every route of optimum.h and profile.h at budget c, point (n, d), u unique tokens. */
static void run_everything(const struct law *law, double c, double n, double d, double u)
{
	struct allocation a, opt;
	struct inference_plan plan;
	double v = 0, eff = 0, n_out = 0, d_out = 0;

	assert_status(law_loss(law, n, d, u, &v), v);
	assert_status(profile_loss(law, c, n, u, &v), v);
	enum model_status st = profile_slope(law, c, n, u, &v);
	assert_status(st, st == MODEL_OK ? fabs(v) + 1 : 1); /* a slope may be any sign */
	assert_status(optimum_at_compute(law, c, u, &a), a.params);
	assert_status(optimum_search(law, c, u, &a), a.params);
	assert_status(optimum_point(law, 0, 0, c, u, &n_out, &d_out), n_out);
	assert_status(optimum_efficiency(law, n, d, u, &eff, &opt), eff);
	if (law_loss(law, n, d, u, &v) == MODEL_OK) {
		double d_iso = 0;
		assert_status(profile_isoloss_tokens(law, v, n, u, &d_iso), d_iso);
		assert_status(optimum_for_loss(law, v, u, &a), a.compute);
		st = optimum_inference(law, v, u, 1e12, &plan);
		assert_status(st, 1);
	}
	/* a loss at or below the floor and one far above anything reachable */
	assert_status(optimum_for_loss(law, law->E, u, &a), a.compute);
	assert_status(optimum_for_loss(law, 19.9, u, &a), a.compute);
	assert_status(profile_isoloss_tokens(law, law->E * (1 + 1e-12), n, u, &v), v);
}

/* U at D and within a few ulps of it, over budgets 1e10 to 1e35 and splits around 20 D/N. */
static void sweep_unique_near_tokens(const struct law *law)
{
	static const double rel[] = {0, 1e-15, -1e-15, 4 * DBL_EPSILON, -4 * DBL_EPSILON, 1e-9};

	for (double lc = 10; lc <= 35; lc += 2.5) {
		double c = pow(10, lc);
		for (double ratio = 0.01; ratio <= 1e5; ratio *= 100) {
			double n = sqrt(c / (law->k * ratio)), d = c / (law->k * n);
			for (size_t i = 0; i < sizeof rel / sizeof *rel; i++)
				run_everything(law, c, n, d, d * (1 + rel[i]));
		}
	}
}

/* Muennighoff et al. 2023's law, as shipped, with U = D to within rounding. */
static void data_constrained_unique_at_tokens(void **state)
{
	(void)state;
	struct law law = fixture_law("muennighoff2023");

	sweep_unique_near_tokens(&law);
}

/*
 * The data-constrained law at the loader's extremes: E 1e-3 and 20 nats,
 * A and B 1e-3 and 1e18, exponents 0.01 and 2, R* 0.01 and 1000
 * (presets/preset.c's bounds).
 */
static void data_constrained_extreme_constants(void **state)
{
	(void)state;
	const struct law base = fixture_law("muennighoff2023");
	static const double E[] = {1e-3, 20}, coef[] = {1e-3, 1e18}, expo[] = {0.01, 2},
	                    star[] = {0.01, 1000};

	for (int i = 0; i < 16; i++) {
		struct law law = base;
		law.E = E[i & 1];
		law.A = coef[(i >> 1) & 1];
		law.B = coef[!((i >> 1) & 1)];
		law.alpha = expo[(i >> 2) & 1];
		law.beta = expo[!((i >> 2) & 1)];
		law.rd_star = star[(i >> 3) & 1];
		law.rn_star = star[!((i >> 3) & 1)];
		sweep_unique_near_tokens(&law);
	}
}

/* Additive and Kaplan laws at the loader's extremes, without unique tokens. */
static void other_families_extreme_constants(void **state)
{
	(void)state;
	struct law add = fixture_law("hoffmann2022"), kap = fixture_law("kaplan2020");
	static const double expo[] = {0.01, 2}, crit[] = {1e3, 1e20};

	for (int i = 0; i < 4; i++) {
		struct law a = add, k = kap;
		a.alpha = expo[i & 1];
		a.beta = expo[(i >> 1) & 1];
		a.A = i & 1 ? 1e18 : 1e-3;
		k.alpha_n = expo[i & 1];
		k.alpha_d = expo[(i >> 1) & 1];
		k.nc = crit[i & 1];
		k.dc = crit[(i >> 1) & 1];
		for (double lc = 10; lc <= 35; lc += 5) {
			double c = pow(10, lc), n = sqrt(c / 120), d = c / (6 * n);
			run_everything(&a, c, n, d, 0);
			run_everything(&k, c, n, d, 0);
		}
	}
}

/* Fits of runs that no law describes: flat, rising and nearly identical losses. */
static void fits_of_degenerate_runs(void **state)
{
	(void)state;
	struct fit_run runs[12];
	struct fit_parametric p;
	struct fit_isoflop iso;

	for (int shape = 0; shape < 3; shape++) {
		for (int i = 0; i < 12; i++) {
			runs[i].params = 1e7 * pow(10, i % 4);
			runs[i].tokens = 1e9 * pow(10, i / 4);
			runs[i].loss = shape == 0 ? 3 : shape == 1 ? 2 + 0.1 * i : 3 + 1e-15 * i;
		}
		enum model_status st = fit_parametric(runs, 12, &p);
		assert_status(st, 1);
		st = fit_isoflop(runs, 12, 6, &iso);
		assert_status(st, 1);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(data_constrained_unique_at_tokens),
	        cmocka_unit_test(data_constrained_extreme_constants),
	        cmocka_unit_test(other_families_extreme_constants),
	        cmocka_unit_test(fits_of_degenerate_runs),
	};

	gsl_set_error_handler(NULL); /* GSL's default: abort() on any error */
	return cmocka_run_group_tests(tests, NULL, NULL);
}
