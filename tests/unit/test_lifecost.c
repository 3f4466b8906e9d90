/*
 * test_lifecost.c: lifetime dollars (training plus serving, each at its own
 * MFU and price) against sums done here from the H100 preset's sourced AWS
 * price, the identity that makes the dollar optimum Sardana's FLOP optimum at
 * a scaled T, its direction and its optimality along the iso-loss curve, and
 * the terms it refuses.
 */
#include <stdbool.h>

#include <gsl/gsl_errno.h>

#include "../../model/law.h"
#include "../../model/lifecost.h"
#include "../../model/profile.h"
#include "fixtures.h"

/* The shipped H100 at the given MFUs, at its preset's price for both. */
static struct lifecost h100(double train_mfu, double serve_mfu)
{
	static struct preset p;
	char err[PRESET_ERR_MAX];

	if (preset_load("presets/accelerators/h100.yaml", PRESET_ACCELERATOR, &p, err,
	                sizeof err) != 0)
		fail_msg("%s", err);
	/* AWS p5.48xlarge, $55.04 an hour for 8 GPUs, as of 2026-11-09 (the preset's price_source)
	 */
	assert_rel(p.price, 55.04 / 8, 1e-12);
	return (struct lifecost){p.peak_flops, train_mfu, p.price, serve_mfu, p.price};
}

/* Chinchilla's 70B on 1.4T tokens serving 10T tokens, priced by hand. */
static void dollars_by_hand(void **state)
{
	(void)state;
	struct lifecost c = h100(0.4, 0.2);
	double usd;

	assert_int_equal(lifecost_dollars(&c, 6 * 70e9 * 1.4e12, 70e9, 1e13, &usd), MODEL_OK);
	/* 5.88e23 FLOPs / (989e12 x 0.4 x 3,600 s) = 412,874.6 h at $6.88: $2,840,577 */
	double train = 5.88e23 / (989e12 * 0.4 * 3600) * 6.88;
	/* 1.4e24 FLOPs / (989e12 x 0.2 x 3,600 s) = 1,966,070.1 h at $6.88: $13,526,562 */
	double serve = 1.4e24 / (989e12 * 0.2 * 3600) * 6.88;
	assert_rel(usd, train + serve, 1e-12);
	assert_rel(usd, 16.367e6, 1e-4);
	/* serving nothing: the training run alone */
	assert_int_equal(lifecost_dollars(&c, 5.88e23, 70e9, 0, &usd), MODEL_OK);
	assert_rel(usd, train, 1e-12);
}

/* a k N D + b 2 N T = a (k N D + 2 N (b/a) T): the scale is b/a. */
static void scale_is_the_price_and_mfu_ratio(void **state)
{
	(void)state;
	struct lifecost c = h100(0.45, 0.15);
	double scale, usd;

	c.serve_price = 2.5;
	assert_int_equal(lifecost_token_scale(&c, &scale), MODEL_OK);
	assert_rel(scale, (2.5 / 6.88) * (0.45 / 0.15), 1e-15);
	assert_int_equal(lifecost_dollars(&c, 3e23, 5e10, 2e12, &usd), MODEL_OK);
	double a = 6.88 / (c.peak * 0.45 * 3600);
	assert_rel(usd, a * (3e23 + 2 * 5e10 * scale * 2e12), 1e-12);
	/* the map's terms: dollars per training FLOP and per serving FLOP, their ratio the scale */
	double train, serve;
	assert_int_equal(lifecost_per_flop(&c, &train, &serve), MODEL_OK);
	assert_rel(train, a, 1e-12);
	assert_rel(serve, 2.5 / (c.peak * 0.15 * 3600), 1e-12);
	assert_rel(serve / train, scale, 1e-12);
}

/* The dollar optimum is optimum_inference at the scaled T, and Sardana's at equal terms. */
static void optimum_is_sardana_at_scaled_tokens(void **state)
{
	(void)state;
	struct law law = fixture_law("hoffmann2022");
	struct lifecost c = h100(0.4, 0.2);
	struct lifecost_plan plan;
	struct inference_plan twice;

	assert_int_equal(optimum_lifecost(&law, 2.0, 0, 1e13, &c, &plan), MODEL_OK);
	assert_int_equal(optimum_inference(&law, 2.0, 0, 2e13, &twice), MODEL_OK);
	assert_rel(plan.token_scale, 2, 1e-15);
	assert_rel(plan.dollar.params, twice.aware.params, 1e-12);
	assert_rel(plan.dollar.tokens, twice.aware.tokens, 1e-12);

	struct lifecost same = h100(0.4, 0.4);
	assert_int_equal(optimum_lifecost(&law, 2.0, 0, 1e13, &same, &plan), MODEL_OK);
	assert_rel(plan.dollar.params, plan.flops.aware.params, 1e-12);
	assert_rel(plan.dollar_usd, plan.aware_usd, 1e-12);
}

/* Lifetime dollars of the model of `loss` with n parameters, on the iso-loss curve. */
static double dollars_at(const struct law *law, double loss, double n, double t,
                         const struct lifecost *c)
{
	double d, usd;

	assert_int_equal(profile_isoloss_tokens(law, loss, n, 0, &d), MODEL_OK);
	assert_int_equal(lifecost_dollars(c, law_compute(law, n, d), n, t, &usd), MODEL_OK);
	return usd;
}

/*
 * Serving at half the training MFU makes a served token dearer, so the
 * dollar-optimal model is smaller than the FLOP-optimal one, and cheaper than
 * it and its neighbours along the iso-loss curve.
 */
static void slower_serving_means_a_smaller_model(void **state)
{
	(void)state;
	struct law law = fixture_law("hoffmann2022");
	struct lifecost c = h100(0.4, 0.2);
	struct lifecost_plan plan;

	assert_int_equal(optimum_lifecost(&law, 2.0, 0, 1e13, &c, &plan), MODEL_OK);
	assert_true(plan.dollar.params < plan.flops.aware.params);
	assert_true(plan.flops.aware.params < plan.flops.chinchilla.params);
	assert_true(plan.dollar.tokens > plan.flops.aware.tokens);
	assert_rel(plan.dollar.loss, 2.0, 1e-9);
	assert_true(plan.dollar_usd < plan.aware_usd);
	assert_true(plan.aware_usd < plan.chinchilla_usd);
	assert_rel(plan.savings, 1 - plan.dollar_usd / plan.chinchilla_usd, 1e-12);
	double n = plan.dollar.params;
	assert_rel(plan.dollar_usd, dollars_at(&law, 2.0, n, 1e13, &c), 1e-9);
	assert_true(plan.dollar_usd < dollars_at(&law, 2.0, n * 0.98, 1e13, &c));
	assert_true(plan.dollar_usd < dollars_at(&law, 2.0, n * 1.02, 1e13, &c));
}

static void refuses_nonsense(void **state)
{
	(void)state;
	struct law law = fixture_law("hoffmann2022");
	struct lifecost_plan plan;
	double x = 7;
	static const double bad[] = {0, -0.2, 1.01, NAN, INFINITY};

	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		struct lifecost c = h100(0.4, bad[i]);
		assert_int_equal(lifecost_token_scale(&c, &x), MODEL_EDOM);
		assert_int_equal(lifecost_dollars(&c, 1e23, 1e10, 1e12, &x), MODEL_EDOM);
		assert_int_equal(optimum_lifecost(&law, 2.0, 0, 1e13, &c, &plan), MODEL_EDOM);
		c = h100(0.4, 0.3);
		c.serve_price = bad[i] == 1.01 ? -1.01 : bad[i]; /* any price above 0 is one */
		assert_int_equal(lifecost_token_scale(&c, &x), MODEL_EDOM);
	}
	struct lifecost c = h100(0.4, 0.3);
	assert_int_equal(lifecost_dollars(&c, 1e23, 1e10, -1, &x), MODEL_EDOM);
	assert_rel(x, 7, 0);
}

/*
 * Whatever the prices, the dollar optimum is the cheapest of the three
 * models priced: never dearer than Sardana's or Chinchilla's by the
 * searches' tolerance (a negative saving), also where serving costs what
 * training does and the three nearly meet.
 */
static void dollar_optimum_is_the_cheapest(void **state)
{
	(void)state;
	struct law law = fixture_law("hoffmann2022");
	struct lifecost_plan plan;
	static const double serve[] = {0.4, 0.39999999, 0.40000001, 0.4000001, 0.399999, 0.3, 0.5};
	static const double tokens[] = {1e9, 1e11, 1e12, 1e13, 1e14};

	for (size_t i = 0; i < sizeof serve / sizeof *serve; i++)
		for (size_t j = 0; j < sizeof tokens / sizeof *tokens; j++)
			for (double loss = 1.9; loss < 2.6; loss += 0.05) {
				struct lifecost c = h100(0.4, serve[i]);
				if (optimum_lifecost(&law, loss, 0, tokens[j], &c, &plan) !=
				    MODEL_OK)
					continue;
				assert_true(plan.dollar_usd <= plan.aware_usd);
				assert_true(plan.dollar_usd <= plan.chinchilla_usd);
				assert_true(plan.savings >= 0);
			}
}

int main(void)
{
	gsl_set_error_handler_off();
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(dollars_by_hand),
	        cmocka_unit_test(scale_is_the_price_and_mfu_ratio),
	        cmocka_unit_test(optimum_is_sardana_at_scaled_tokens),
	        cmocka_unit_test(slower_serving_means_a_smaller_model),
	        cmocka_unit_test(refuses_nonsense),
	        cmocka_unit_test(dollar_optimum_is_the_cheapest),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
