/*
 * test_power.c: the one-variable family (model/law.h, LAW_POWER): L(x) =
 * floor + (scale / x)^exponent over N or C, N_opt(C) from its frontier fit,
 * and what it cannot answer (MODEL_ENOFIT, not a made-up number). The
 * constants are written out here, by hand from Eq. 1.1 of Henighan et al.
 * 2020 (arXiv:2010.14701): the shipped presets are held to the paper's
 * tables elsewhere.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "../../model/law.h"
#include "../../model/optimum.h"
#include "../../model/returns.h"

static void assert_rel(double got, double want, double tol)
{
	if (!(fabs(got - want) <= tol * fabs(want)))
		fail_msg("got %.17g, want %.17g", got, want);
}

/* Image 8x8's shape (Table 1): L(N) = 3.12 + (80 / N)^0.24, L(C) = 3.13 + (C / C0)^-0.19. */
static struct law image8(void)
{
	struct law law = {.family = LAW_POWER, .k = 6};

	law.by_params = (struct law_single){3.12, 80, 0.24};
	law.by_compute = (struct law_single){3.13, 1.8e-8 * 8.64e19, 0.19};
	/* N_opt = (C / C_N)^beta, C_N = 5.3e-14 PF-days: coef C_N^-beta with C in FLOPs */
	law.frontier.unit = 1;
	law.frontier.params = (struct law_power){pow(5.3e-14 * 8.64e19, -0.64), 0.64};
	return law;
}

static void loss_is_floor_plus_the_power(void **state)
{
	struct law law = image8();
	double l;

	(void)state;
	assert_int_equal(law_single_loss(&law.by_params, 1e6, &l), MODEL_OK);
	assert_rel(l, 3.12 + pow(80 / 1e6, 0.24), 1e-15);
	assert_int_equal(law_single_loss(&law.by_params, 0, &l), MODEL_EDOM);
	assert_int_equal(law_single_loss(&law.by_params, -5, &l), MODEL_EDOM);
	assert_false(law_has_surface(&law));
	assert_int_equal(law_loss(&law, 1e6, 1e9, 0, &l), MODEL_ENOSURFACE);
}

/* The optimum at C: N_opt(C), D = C / (6 N), and L(C) as its loss. */
static void optimum_is_nopt_and_the_compute_law(void **state)
{
	struct law law = image8();
	struct allocation a;
	double c = 1 * 8.64e19; /* one PF-day */

	(void)state;
	assert_int_equal(optimum_at_compute(&law, c, 0, &a), MODEL_OK);
	assert_rel(a.params, pow(1 / 5.3e-14, 0.64), 1e-12);
	assert_rel(6 * a.params * a.tokens, c, 1e-12);
	assert_true(a.has_loss);
	assert_rel(a.loss, 3.13 + pow(1 / 1.8e-8, -0.19), 1e-12);
}

/* L(C) without N_opt still gives the frontier's loss and its returns; the optimum says ENOFIT. */
static void returns_follow_the_compute_law(void **state)
{
	struct law law = image8();
	struct allocation a;
	struct returns r;
	double l;

	(void)state;
	law.frontier.params = (struct law_power){0, 0};
	assert_int_equal(optimum_at_compute(&law, 1e21, 0, &a), MODEL_ENOFIT);
	assert_int_equal(returns_loss(&law, 1e21, 0, &l), MODEL_OK);
	assert_rel(l, 3.13 + pow(1e21 / (1.8e-8 * 8.64e19), -0.19), 1e-12);
	assert_int_equal(returns_at_compute(&law, 1e21, 0, &r), MODEL_OK);
	assert_rel(r.floor, 3.13, 0);
	/* each decade takes the same share of what is left: 1 - 10^-0.19 */
	assert_rel(r.share, 1 - pow(10, -0.19), 1e-12);
}

/* L(N) alone: no loss at a compute, no optimum; the floor is L(N)'s. */
static void params_only_law_answers_params_only(void **state)
{
	struct law law = {.family = LAW_POWER, .k = 6};
	struct allocation a;
	double l;

	(void)state;
	law.by_params = (struct law_single){0, 5.6e8, 0.037}; /* a pure power: no floor */
	assert_int_equal(law_single_loss(&law.by_params, 5.6e8, &l), MODEL_OK);
	assert_rel(l, 1, 1e-15);
	assert_int_equal(law_single_loss(&law.by_compute, 1e20, &l), MODEL_ENOFIT);
	assert_int_equal(returns_loss(&law, 1e20, 0, &l), MODEL_ENOSURFACE);
	assert_int_equal(optimum_at_compute(&law, 1e20, 0, &a), MODEL_ENOFIT);
	assert_rel(returns_floor(&law, 0), 0, 0);
	/* what it fits, read from its constants alike everywhere */
	assert_true(law_fits_params(&law));
	assert_false(law_fits_compute(&law));
	assert_false(law_fits_allocation(&law));
	assert_false(law_exponents_only(&law));
}

/* An exponent printed without its coefficient (Table A2's N_opt ~ C^0.53): no allocation. */
static void exponent_only_frontier_gives_no_allocation(void **state)
{
	struct law law = {.family = LAW_FRONTIER, .k = 6};
	struct allocation a;

	(void)state;
	law.frontier.unit = 1;
	law.frontier.params = (struct law_power){0, 0.53};
	law.frontier.tokens = (struct law_power){0, 0.47};
	assert_int_equal(optimum_at_compute(&law, 1e21, 0, &a), MODEL_ENOFIT);
	assert_true(law_exponents_only(&law));
	assert_false(law_fits_allocation(&law));
	law.frontier.params.coef = 1; /* with a coefficient it answers */
	assert_false(law_exponents_only(&law));
	assert_true(law_fits_allocation(&law));
	assert_int_equal(optimum_at_compute(&law, 1e21, 0, &a), MODEL_OK);
	assert_rel(a.params, pow(1e21, 0.53), 1e-12);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(loss_is_floor_plus_the_power),
	        cmocka_unit_test(optimum_is_nopt_and_the_compute_law),
	        cmocka_unit_test(returns_follow_the_compute_law),
	        cmocka_unit_test(params_only_law_answers_params_only),
	        cmocka_unit_test(exponent_only_frontier_gives_no_allocation),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
