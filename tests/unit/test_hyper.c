/*
 * test_hyper.c: the scaling laws of hyperparameters (model/hyper.h) against
 * the paper that fitted them. DeepSeek LLM (DeepSeek-AI 2024,
 * arXiv:2401.02954) prints Eq. 1, eta_opt = 0.3118 C^-0.1250 and B_opt =
 * 0.2920 C^0.3271, fitted on budgets from 1e17 to 2e19 FLOPs (Sec. 3.1), and
 * Table 2 gives the learning rate and batch it chose for 7B and 67B "based on
 * our findings in Section 3". The budgets come from the paper too: C = M D,
 * M = 72 n_layer d_model^2 + 12 n_layer d_model l_seq (Eq. 2), D = 2.0T.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "../../model/hyper.h"

/* Eq. 1 as printed, with Sec. 3.1's fitted budgets. */
static const struct hyper_law deepseek = {
        .lr = {0.3118, -0.1250},
        .batch = {0.2920, 0.3271},
        .compute = {1e17, 2e19},
        .label = "DeepSeek Eq. 1",
};

/* Eq. 2's M, non-embedding FLOPs per token, times Table 2's 2.0T tokens. */
static double table2_compute(double layers, double width)
{
	double seq = 4096; /* Table 2's context length */
	return (72 * layers * width * width + 12 * layers * width * seq) * 2.0e12;
}

static void assert_near(double got, double want, double rel)
{
	if (!(fabs(got / want - 1) <= rel))
		fail_msg("got %.6g, want %.6g within %g%%", got, want, 100 * rel);
}

/* Eq. 1 itself: the printed power laws at round budgets. */
static void eq1_at_round_budgets(void **state)
{
	struct hyper_point h;

	(void)state;
	assert_int_equal(hyper_at_compute(&deepseek, 1e20, &h), MODEL_OK);
	assert_near(h.lr, 0.3118 * pow(1e20, -0.125), 1e-12);
	assert_near(h.lr, 0.3118 * pow(10, -2.5), 1e-12); /* C^-1/8 of 1e20 */
	assert_near(h.batch, 0.2920 * pow(1e20, 0.3271), 1e-12);
	assert_true(h.extrapolated); /* the paper validates at 1e20, fits up to 2e19 */
	assert_int_equal(hyper_at_compute(&deepseek, 1e18, &h), MODEL_OK);
	assert_false(h.extrapolated);
	assert_int_equal(hyper_at_compute(&deepseek, 2e19, &h), MODEL_OK);
	assert_false(h.extrapolated);
	assert_int_equal(hyper_at_compute(&deepseek, 5e16, &h), MODEL_OK);
	assert_true(h.extrapolated);
}

/* Table 2's 7B: 30 layers, width 4096; learning rate 4.2e-4, batch 2304 x 4096 tokens. */
static void deepseek_7b_follows_eq1(void **state)
{
	struct hyper_point h;

	(void)state;
	assert_int_equal(hyper_at_compute(&deepseek, table2_compute(30, 4096), &h), MODEL_OK);
	assert_near(h.lr, 4.2e-4, 0.02);
	assert_near(h.batch, 2304.0 * 4096, 0.03);
}

/*
 * Table 2's 67B: 95 layers, width 8192; 3.2e-4 and 4608 x 4096 tokens. Eq. 1
 * gives 3.1e-4 and 20.7M: the chosen batch is a round 4608 sequences, 9% below.
 */
static void deepseek_67b_follows_eq1(void **state)
{
	struct hyper_point h;

	(void)state;
	assert_int_equal(hyper_at_compute(&deepseek, table2_compute(95, 8192), &h), MODEL_OK);
	assert_near(h.lr, 3.2e-4, 0.03);
	assert_near(h.batch, 4608.0 * 4096, 0.10);
}

/* No relation, no numbers; a budget out of every law's range is refused. */
static void nothing_without_a_relation(void **state)
{
	struct hyper_law none = {0};
	struct hyper_point h;

	(void)state;
	assert_false(hyper_given(&none));
	assert_int_equal(hyper_at_compute(&none, 1e20, &h), MODEL_ENOFIT);
	assert_int_equal(hyper_at_compute(&deepseek, 0, &h), MODEL_EDOM);
	assert_int_equal(hyper_at_compute(&deepseek, NAN, &h), MODEL_EDOM);
	assert_int_equal(hyper_at_compute(&deepseek, 1e40, &h), MODEL_EDOM);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(eq1_at_round_budgets),
	        cmocka_unit_test(deepseek_7b_follows_eq1),
	        cmocka_unit_test(deepseek_67b_follows_eq1),
	        cmocka_unit_test(nothing_without_a_relation),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
