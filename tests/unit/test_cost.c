/*
 * test_cost.c: what a run costs (model/hardware.h): dollars, MWh and CO2e
 * against a hand computation from the shipped H100's sourced price and
 * power, the unknowns it refuses, and the accelerator presets' sources.
 */
#include <math.h>
#include <stdbool.h>
#include <string.h>

#include "../../model/hardware.h"
#include "../../presets/preset.h"
#include "fixtures.h"

/*
 * Llama 3.1 405B's budget, 3.8e25 FLOPs (Meta's Llama 3 paper, sec. 3.3.1),
 * on H100 SXM at 989 TFLOP/s and 40% MFU: 3.8e25 / (989e12 x 0.4 x 3,600)
 * = 26,682,395.2 GPU-hours, worked by hand; at AWS's $6.88 an hour
 * (p5.48xlarge's $55.04 / 8) that is $183,574,879; at 700 W, 18,677.7 MWh;
 * on a 0.4 kg/kWh grid, 7,471.1 t CO2e.
 */
static void llama_budget_by_hand(void **state)
{
	(void)state;
	double hours, usd, mwh, t;

	assert_int_equal(hw_hours_for(3.8e25, 989e12, 0.4, &hours), MODEL_OK);
	assert_rel(hours, 26682395.2, 1e-8);
	assert_int_equal(hw_dollars(hours, 6.88, &usd), MODEL_OK);
	assert_rel(usd, 183574879, 1e-8);
	assert_int_equal(hw_energy_mwh(hours, 700, 1, &mwh), MODEL_OK);
	assert_rel(mwh, 18677.68, 1e-6);
	assert_int_equal(hw_energy_mwh(hours, 700, 1.1, &mwh), MODEL_OK);
	assert_rel(mwh, 20545.44, 1e-6);
	assert_int_equal(hw_co2e_tonnes(18677.68, 0.4, &t), MODEL_OK);
	assert_rel(t, 7471.07, 1e-6);
}

/* A plan's cost is its count x days x 24 accelerator-hours at its price and power. */
static void plan_cost(void **state)
{
	(void)state;
	struct hw_plan p = {.peak = 989e12,
	                    .count = 1024,
	                    .mfu = 0.4,
	                    .days = 30,
	                    .price = 2,
	                    .watts = 700,
	                    .pue = 1.2};
	double usd, mwh;

	assert_int_equal(hw_plan_dollars(&p, &usd), MODEL_OK);
	assert_rel(usd, 1024 * 30 * 24 * 2.0, 1e-15);
	assert_int_equal(hw_plan_energy(&p, &mwh), MODEL_OK);
	assert_rel(mwh, 1024 * 30 * 24 * 700 * 1.2 / 1e6, 1e-15);
}

/* Unknown (0), negative, NaN, infinite terms and a PUE below 1: no number, *out untouched. */
static void refuses_unknowns(void **state)
{
	(void)state;
	double out = 42;

	assert_int_equal(hw_dollars(1000, 0, &out), MODEL_EDOM); /* no price: unknown, not $0 */
	assert_int_equal(hw_dollars(1000, -1, &out), MODEL_EDOM);
	assert_int_equal(hw_dollars(NAN, 2, &out), MODEL_EDOM);
	assert_int_equal(hw_dollars(1e300, 1e300, &out), MODEL_EDOM);
	assert_int_equal(hw_energy_mwh(1000, 0, 1, &out), MODEL_EDOM);
	assert_int_equal(hw_energy_mwh(1000, 700, 0.99, &out), MODEL_EDOM);
	assert_int_equal(hw_energy_mwh(1000, 700, INFINITY, &out), MODEL_EDOM);
	assert_int_equal(hw_co2e_tonnes(10, 0, &out), MODEL_EDOM);
	assert_int_equal(hw_hours_for(1e24, 989e12, 1.5, &out), MODEL_EDOM);
	assert_rel(out, 42, 0);
	struct hw_plan p = {.count = 8, .days = 1, .pue = 1}; /* a preset without price or power */
	assert_int_equal(hw_plan_dollars(&p, &out), MODEL_EDOM);
	assert_int_equal(hw_plan_energy(&p, &out), MODEL_EDOM);
}

/*
 * The shipped prices and powers as their sources print them: an instance's
 * hourly price over its 8 GPUs; the datasheet's maximum TDP. Where none
 * could be confirmed the field is absent (0) and the note says so.
 */
static const struct {
	const char *id;
	double instance, gpus; /* USD an hour for the instance, and its GPUs; 0: none */
	double watts;          /* 0: none */
} lists[] = {
        {"a100", 27.44705, 8, 400}, {"h100", 55.04, 8, 700}, {"h200", 63.296, 8, 700},
        {"b200", 0, 0, 1000},       {"tpu-v4", 0, 0, 0},     {"tpu-v5p", 0, 0, 0},
};

static void shipped_prices_are_the_lists(void **state)
{
	(void)state;
	static struct preset p;
	char path[256], err[PRESET_ERR_MAX];

	for (size_t i = 0; i < sizeof lists / sizeof *lists; i++) {
		snprintf(path, sizeof path, "presets/accelerators/%s.yaml", lists[i].id);
		if (preset_load(path, PRESET_ACCELERATOR, &p, err, sizeof err) != 0)
			fail_msg("%s", err);
		if (lists[i].instance > 0) {
			assert_rel(p.price, lists[i].instance / lists[i].gpus, 1e-4);
			if (strstr(p.price_source, "as of 20") == NULL ||
			    strstr(p.price_source, "https://") == NULL)
				fail_msg("%s: the price gives no address or date", path);
		} else {
			assert_true(p.price == 0);
			if (strstr(p.note, "No price") == NULL)
				fail_msg("%s: no price, and the note does not say so", path);
		}
		assert_rel(p.watts, lists[i].watts, 0);
		if (lists[i].watts > 0 && strstr(p.power_source, "https://") == NULL)
			fail_msg("%s: the power gives no address", path);
	}
}

/* A negative price is a file:line:col error; 0 is allowed and means unknown. */
static void negative_price_refused(void **state)
{
	(void)state;
	static struct preset p;
	char err[PRESET_ERR_MAX];
	const char *bad = "id: x\nname: X\nsource: s\npeak_flops: 1e15\nprice: -2\n";
	const char *zero = "id: x\nname: X\nsource: s\npeak_flops: 1e15\nprice: 0\nwatts: 0\n";

	assert_int_equal(preset_parse("x.yaml", (const unsigned char *)bad, strlen(bad),
	                              PRESET_ACCELERATOR, &p, err, sizeof err),
	                 -1);
	assert_non_null(strstr(err, "x.yaml:5:8: 'price' must lie in [0, "));
	assert_int_equal(preset_parse("x.yaml", (const unsigned char *)zero, strlen(zero),
	                              PRESET_ACCELERATOR, &p, err, sizeof err),
	                 0);
	assert_true(p.price == 0 && p.watts == 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(llama_budget_by_hand),
	        cmocka_unit_test(plan_cost),
	        cmocka_unit_test(refuses_unknowns),
	        cmocka_unit_test(shipped_prices_are_the_lists),
	        cmocka_unit_test(negative_price_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
