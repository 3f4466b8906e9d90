/*
 * test_testtime.c: the test-time multiplier against its definition, the
 * FLOPs accounting of Snell et al. 2024 (arXiv:2408.03314): pretraining
 * 6 N D_pre, serving 2 N D_inf per unit of inference compute.
 */
#include "../../model/testtime.h"
#include "fixtures.h"

/* Total FLOPs of an n-parameter model serving d_inf tokens at k times its own compute. */
static double total(double n, double d_pre, double d_inf, double k)
{
	return 6 * n * d_pre + 2 * n * d_inf * k;
}

/* The multiplier makes the small model cost what the larger one costs, at Snell's ratios. */
static void matches_the_larger_model(void **state)
{
	(void)state;
	/* R = D_inf / D_pre in {0.16, 0.79, 22}, the ratios the paper compares at */
	static const double ratios[] = {0.16, 0.79, 22};
	static const double larger[] = {2, 4, 14, 1.5};

	for (int i = 0; i < 3; i++)
		for (int j = 0; j < 4; j++) {
			double n = 8e9, d_pre = 15e12, d_inf = ratios[i] * d_pre, m = larger[j];
			double k = testtime_multiplier(d_pre, d_inf, m);
			assert_rel(total(n, d_pre, d_inf, k), total(m * n, d_pre, d_inf, 1), 1e-12);
		}
	/* a model no larger needs no extra test-time compute */
	assert_rel(testtime_multiplier(1e12, 1e11, 1), 1, 0);
}

static void refuses_nonsense(void **state)
{
	(void)state;
	assert_true(isnan(testtime_multiplier(0, 1e9, 2)));
	assert_true(isnan(testtime_multiplier(1e9, -1, 2)));
	assert_true(isnan(testtime_multiplier(1e9, 1e9, 0.5)));
	assert_true(isnan(testtime_multiplier(1e9, 1e9, NAN)));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(matches_the_larger_model),
	        cmocka_unit_test(refuses_nonsense),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
