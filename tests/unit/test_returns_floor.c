/*
 * test_returns_floor.c: the floor a data-constrained law levels off at with
 * U unique tokens, against Muennighoff et al. 2023 (arXiv:2305.16264)
 * Eq. 5-7 evaluated by hand with the fitted constants of the authors'
 * repository (huggingface/datablations README, as shipped in the preset).
 */
#include <stdlib.h>

#include <gsl/gsl_errno.h>

#include "fixtures.h"

#include "../../model/returns.h"

/* The fit's constants as printed: log E, log A, log B, alpha = beta, R_D*, R_N*. */
#define LOG_E   0.6254804
#define LOG_A   6.255414
#define LOG_B   7.3049974
#define ALPHA   0.3526596
#define RD_STAR 15.387756
#define RN_STAR 5.309743

/*
 * As repetitions grow D' -> U (1 + R_D*) and N' -> U_N (1 + R_N*), with U_N
 * the compute-optimal N for U tokens. With alpha = beta, G = (A / B)^(1 /
 * (2 alpha)) and U_N = G (U G)^(beta / alpha) = G^2 U = (A / B)^(1 / alpha) U.
 */
static double hand_floor(double u)
{
	double e = exp(LOG_E), a = exp(LOG_A), b = exp(LOG_B);
	double un = pow(a / b, 1 / ALPHA) * u;

	return e + a / pow(un * (1 + RN_STAR), ALPHA) + b / pow(u * (1 + RD_STAR), ALPHA);
}

static void data_constrained_floor_is_saturated_loss(void **state)
{
	(void)state;
	struct law law = fixture_law("muennighoff2023");
	struct returns r;

	assert_rel(returns_floor(&law, 1e10), hand_floor(1e10), 1e-9);
	assert_rel(returns_floor(&law, 1e12), hand_floor(1e12), 1e-9);
	assert_true(returns_floor(&law, 1e10) > exp(LOG_E) + 0.3);
	/* unlimited data: the floor is E again */
	assert_rel(returns_floor(&law, 0), exp(LOG_E), 1e-9);
	/* what the readout divides by: the loss left above the real floor */
	assert_int_equal(returns_at_compute(&law, 1e22, 1e10, &r), MODEL_OK);
	assert_rel(r.floor, hand_floor(1e10), 1e-9);
	assert_true(r.at.loss >= r.floor && r.share > 0.01);
}

/* L*(C) never passes the floor and reaches it as C grows. */
static void frontier_reaches_the_floor(void **state)
{
	(void)state;
	struct law law = fixture_law("muennighoff2023");
	double f = hand_floor(1e10), l;

	for (double c = 1e20; c <= 1e30; c *= 10)
		if (returns_loss(&law, c, 1e10, &l) == MODEL_OK)
			assert_true(l >= f * (1 - 1e-12));
	assert_int_equal(returns_loss(&law, 1e28, 1e10, &l), MODEL_OK);
	assert_rel(l, f, 1e-6);
}

int main(void)
{
	gsl_set_error_handler_off();
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(data_constrained_floor_is_saturated_loss),
	        cmocka_unit_test(frontier_reaches_the_floor),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
