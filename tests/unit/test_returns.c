/*
 * test_returns.c: the loss along the compute-optimal frontier and what the
 * next decade of compute buys, against the papers' closed forms evaluated
 * with the shipped presets' constants.
 */
#include <stdlib.h>

#include <gsl/gsl_errno.h>

#include "fixtures.h"

#include "../../model/returns.h"

/*
 * Hoffmann et al. 2022 (arXiv:2203.15556) Eq. 4 / App. D: at the optimum,
 * L*(C) - E = (A G^-alpha + B G^beta) (C/6)^-a with a = alpha beta /
 * (alpha + beta). So each decade takes the same share 1 - 10^-a of what is
 * left, whatever C: with Eq. 10's alpha = 0.34, beta = 0.28, a = 0.15355
 * and the share 29.77%.
 */
static void chinchilla_share_per_decade(void **state)
{
	(void)state;
	struct law law = fixture_law("hoffmann2022");
	double a = 0.34 * 0.28 / (0.34 + 0.28);
	struct returns r;

	assert_rel(law.alpha, 0.34, 1e-12);
	assert_rel(law.beta, 0.28, 1e-12);
	for (double c = 1e18; c <= 1e30; c *= 1000) {
		assert_int_equal(returns_at_compute(&law, c, 0, &r), MODEL_OK);
		assert_rel(r.share, 1 - pow(10, -a), 1e-9);
		assert_rel(r.floor, 1.69, 1e-12);
		assert_rel(r.gain, r.at.loss - r.next.loss, 1e-12);
		assert_rel(r.at.params * r.at.tokens * 6, c, 1e-12);
	}
	assert_rel(1 - pow(10, -a), 0.2977, 1e-3);
}

/*
 * The same power in absolute terms: the reducible loss at 1e24 over that at
 * 1e21 is 1000^-a (Eq. 4), and L*(C) itself is E plus the closed form.
 */
static void chinchilla_reducible_power(void **state)
{
	(void)state;
	struct law law = fixture_law("hoffmann2022");
	double a = 0.34 * 0.28 / (0.34 + 0.28), g, ea, eb, l21, l24;

	assert_int_equal(returns_loss(&law, 1e21, 0, &l21), MODEL_OK);
	assert_int_equal(returns_loss(&law, 1e24, 0, &l24), MODEL_OK);
	assert_rel((l24 - 1.69) / (l21 - 1.69), pow(1000, -a), 1e-9);
	law_additive_allocation(&law, &g, &ea, &eb);
	double n = g * pow(1e24 / 6, ea), d = pow(1e24 / 6, eb) / g;
	assert_rel(l24, 1.69 + 406.4 / pow(n, 0.34) + 410.7 / pow(d, 0.28), 1e-12);
}

/*
 * Kaplan et al. 2020 (arXiv:2001.08361) Eq. 1.5 has no irreducible term, so
 * the floor is 0 and the share is of the whole loss. Minimising it at
 * C = 6ND gives L* proportional to C^-(aN aD / (aN + aD)) (the additive
 * closed form applied to L^(1/aD)): with Table 2's aN = 0.076, aD = 0.103 the
 * share per decade is 1 - 10^-0.04373. Kaplan's own frontier (Table 6)
 * fits the allocation only, so it has no L*(C).
 */
static void kaplan_share_and_frontier(void **state)
{
	(void)state;
	struct law law = fixture_law("kaplan2020");
	struct law frontier = fixture_law("kaplan2020-frontier");
	double a = 0.076 * 0.103 / (0.076 + 0.103), l;
	struct returns r;

	assert_int_equal(returns_at_compute(&law, 1e24, 0, &r), MODEL_OK);
	assert_true(r.floor == 0);
	assert_rel(r.share, 1 - pow(10, -a), 1e-6);
	assert_int_equal(returns_at_compute(&frontier, 1e24, 0, &r), MODEL_ENOSURFACE);
	assert_int_equal(returns_loss(&frontier, 1e24, 0, &l), MODEL_ENOSURFACE);
}

/* Beyond the last budget model/ takes, no next decade. */
static void no_decade_past_the_range(void **state)
{
	(void)state;
	struct law law = fixture_law("besiroglu2024");
	struct returns r;

	assert_int_equal(returns_at_compute(&law, LAW_COMPUTE_MAX, 0, &r), MODEL_EDOM);
	assert_int_equal(returns_at_compute(&law, LAW_COMPUTE_MAX / 10, 0, &r), MODEL_OK);
	assert_int_equal(returns_at_compute(&law, 0, 0, &r), MODEL_EDOM);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(chinchilla_share_per_decade),
	        cmocka_unit_test(chinchilla_reducible_power),
	        cmocka_unit_test(kaplan_share_and_frontier),
	        cmocka_unit_test(no_decade_past_the_range),
	};

	gsl_set_error_handler_off();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
