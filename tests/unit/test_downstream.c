/*
 * test_downstream.c: Gadre et al. 2024's loss-to-error form (arXiv:2403.08540,
 * Err(L) = epsilon - k exp(-gamma L)), its inverse, and its fit. The
 * constants here are made up for the test (the paper's fitted constants
 * could not be read in its primary text: see presets/downstream/): the fit
 * must recover them from noise-free pairs, and the inverse must undo the map.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "../../model/downstream.h"

static void assert_near(double got, double want, double tol)
{
	if (!(fabs(got - want) <= tol))
		fail_msg("got %.17g, want %.17g", got, want);
}

static const struct downstream truth = {0.85, 2.0, 0.75, {0, 0}};

static void error_is_the_closed_form(void **state)
{
	(void)state;
	/* at L = 0 the error is epsilon - k; as L grows it rises to epsilon */
	assert_near(downstream_error(&truth, 0), 0.85 - 2.0, 1e-15);
	assert_near(downstream_error(&truth, 4), 0.85 - 2.0 * exp(-3.0), 1e-15);
	assert_near(downstream_error(&truth, 1e3), 0.85, 1e-15);
}

static void loss_inverts_error(void **state)
{
	(void)state;
	for (double l = 1.5; l < 6; l += 0.25) {
		double back;

		assert_int_equal(downstream_loss(&truth, downstream_error(&truth, l), &back),
		                 MODEL_OK);
		assert_near(back, l, 1e-12);
	}
}

static void no_loss_reaches_the_ceiling(void **state)
{
	double l = -1;

	(void)state;
	assert_int_equal(downstream_loss(&truth, 0.85, &l), MODEL_EDOM);
	assert_int_equal(downstream_loss(&truth, 0.9, &l), MODEL_EDOM);
	assert_near(l, -1, 0);
}

static void fit_recovers_noise_free_constants(void **state)
{
	double loss[12], err[12], rms;
	struct downstream got;

	(void)state;
	for (int i = 0; i < 12; i++) {
		loss[i] = 2.4 + 0.2 * i;
		err[i] = downstream_error(&truth, loss[i]);
	}
	assert_int_equal(downstream_fit(loss, err, 12, &got, &rms), MODEL_OK);
	assert_near(got.epsilon, 0.85, 1e-6);
	assert_near(got.k, 2.0, 1e-5);
	assert_near(got.gamma, 0.75, 1e-6);
	assert_near(got.loss.lo, 2.4, 1e-15);
	assert_near(got.loss.hi, 4.6, 1e-12);
	assert_true(rms < 1e-9);
}

static void fit_refuses_what_it_cannot_fit(void **state)
{
	double loss[5] = {3, 3, 3, 3, 3}, err[5] = {0.5, 0.6, 0.7, 0.6, 0.5};
	double rising[5] = {2, 3, 4, 5, 6}, falls[5] = {0.8, 0.7, 0.6, 0.5, 0.4};
	struct downstream got;
	double rms;

	(void)state;
	assert_int_equal(downstream_fit(loss, err, 3, &got, &rms), MODEL_EDOM);
	assert_int_equal(downstream_fit(loss, err, 5, &got, &rms), MODEL_EDOM);
	/* error falling as loss rises: no k > 0 */
	assert_int_equal(downstream_fit(rising, falls, 5, &got, &rms), MODEL_ENOFIT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(error_is_the_closed_form),
	        cmocka_unit_test(loss_inverts_error),
	        cmocka_unit_test(no_loss_reaches_the_ceiling),
	        cmocka_unit_test(fit_recovers_noise_free_constants),
	        cmocka_unit_test(fit_refuses_what_it_cannot_fit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
