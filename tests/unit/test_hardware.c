/*
 * test_hardware.c: the hardware identity C = count x peak x MFU x seconds,
 * each solved form against values computed here from the definitions, round
 * trips through hw_solve, the inputs it refuses, and the shipped accelerator
 * presets against the figures their vendors print.
 */
#include <stdbool.h>
#include <string.h>

#include "../../model/hardware.h"
#include "fixtures.h"

/* The example: 1,024 H100 SXM at 989 TFLOP/s dense BF16, 40% MFU, 30 days. */
static void budget_from_the_definition(void **state)
{
	(void)state;
	struct hw_plan p = {.peak = 989e12, .count = 1024, .mfu = 0.4, .days = 30};
	double seconds = 30.0 * 24 * 60 * 60;

	assert_int_equal(hw_solve(&p, HW_BUDGET), MODEL_OK);
	assert_rel(p.budget, 1024 * 989e12 * 0.4 * seconds, 1e-15);
	/*
	 * 1.05e24 FLOPs: the 1.0499e25 quoted with this example in the issue is ten times too large
	 */
	assert_rel(p.budget, 1.05e24, 1e-5);
	/* the other members are left as they were */
	assert_rel(p.count, 1024, 0);
	assert_rel(p.days, 30, 0);
	/* accelerator-hours: every accelerator for every hour of the run */
	assert_rel(hw_gpu_hours(&p), 1024 * 30 * 24, 1e-15);
	/* a PF-day is 1e15 FLOP/s for a day (Kaplan et al. 2020, section 1.3) */
	assert_rel(hw_pf_days(p.budget), p.budget / (1e15 * 86400), 1e-15);
	assert_rel(hw_pf_days(8.64e19), 1, 1e-15);
}

/* Days and count from a budget, each against its own division. */
static void days_and_count_from_the_definition(void **state)
{
	(void)state;
	/* Llama 3 405B's 3.8e25 FLOPs on 16,384 H100s at 40% MFU */
	struct hw_plan p = {.peak = 989e12, .count = 16384, .mfu = 0.4, .budget = 3.8e25};

	assert_int_equal(hw_solve(&p, HW_DAYS), MODEL_OK);
	assert_rel(p.days, 3.8e25 / (16384 * 989e12 * 0.4) / 86400, 1e-15);
	assert_rel(p.days, 67.86, 1e-3);

	struct hw_plan q = {.peak = 275e12, .mfu = 0.5, .days = 10, .budget = 1e24};
	assert_int_equal(hw_solve(&q, HW_COUNT), MODEL_OK);
	assert_rel(q.count, 1e24 / (275e12 * 0.5 * 10 * 86400), 1e-15);
	assert_rel(q.count, 8417.5, 1e-4); /* fractional: rounding is the caller's */
}

/* Solving for any member and then for another gives back what was given. */
static void round_trips(void **state)
{
	(void)state;
	static const double peaks[] = {312e12, 989e12, 2.25e15, 459e12};
	static const double mfus[] = {0.05, 0.38, 1};
	static const double counts[] = {1, 8, 2048, 100000};
	static const double days[] = {0.25, 30, 365};

	for (size_t i = 0; i < 4; i++)
		for (size_t j = 0; j < 3; j++)
			for (size_t k = 0; k < 4; k++)
				for (size_t m = 0; m < 3; m++) {
					struct hw_plan p = {.peak = peaks[i],
					                    .mfu = mfus[j],
					                    .count = counts[k],
					                    .days = days[m]};
					assert_int_equal(hw_solve(&p, HW_BUDGET), MODEL_OK);
					struct hw_plan q = p;
					q.count = -1; /* forgotten, then found again */
					assert_int_equal(hw_solve(&q, HW_COUNT), MODEL_OK);
					assert_rel(q.count, counts[k], 1e-13);
					q = p;
					q.days = 0;
					assert_int_equal(hw_solve(&q, HW_DAYS), MODEL_OK);
					assert_rel(q.days, days[m], 1e-13);
				}
}

/* Outside the domain: MODEL_EDOM, and the plan as it was. */
static void refuses_nonsense(void **state)
{
	(void)state;
	const struct hw_plan good = {
	        .peak = 989e12, .count = 8, .mfu = 0.4, .days = 1, .budget = 1e21};
	struct {
		size_t offset;
		double value;
		enum hw_unknown unknown;
	} bad[] = {
	        {offsetof(struct hw_plan, mfu), 0, HW_BUDGET},
	        {offsetof(struct hw_plan, mfu), 1.0000001, HW_BUDGET},
	        {offsetof(struct hw_plan, mfu), -0.4, HW_DAYS},
	        {offsetof(struct hw_plan, mfu), NAN, HW_COUNT},
	        {offsetof(struct hw_plan, peak), 0, HW_BUDGET},
	        {offsetof(struct hw_plan, peak), INFINITY, HW_DAYS},
	        {offsetof(struct hw_plan, count), 0, HW_BUDGET},
	        {offsetof(struct hw_plan, count), -8, HW_DAYS},
	        {offsetof(struct hw_plan, days), 0, HW_BUDGET},
	        {offsetof(struct hw_plan, days), NAN, HW_COUNT},
	        {offsetof(struct hw_plan, budget), 0, HW_DAYS},
	        {offsetof(struct hw_plan, budget), -1e21, HW_COUNT},
	        {offsetof(struct hw_plan, budget), INFINITY, HW_COUNT},
	        {offsetof(struct hw_plan, count), 1e300, HW_BUDGET},  /* overflows */
	        {offsetof(struct hw_plan, budget), 1e-310, HW_COUNT}, /* underflows to 0 */
	};

	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		struct hw_plan p = good;
		memcpy((char *)&p + bad[i].offset, &bad[i].value, sizeof(double));
		struct hw_plan before = p;
		if (hw_solve(&p, bad[i].unknown) != MODEL_EDOM)
			fail_msg("case %zu: not refused", i);
		assert_memory_equal(&p, &before, sizeof p);
	}
	/* the unknown's own value does not matter: it is what is solved for */
	struct hw_plan p = good;
	p.budget = NAN;
	assert_int_equal(hw_solve(&p, HW_BUDGET), MODEL_OK);
	struct hw_plan q = good;
	assert_int_equal(hw_solve(&q, (enum hw_unknown)7), MODEL_EDOM);
}

/*
 * What each vendor's sheet prints for one accelerator, in FLOP/s, and whether
 * it is the figure with 2:4 structured sparsity, which dense training does not
 * get: the presets hold half of it then, and their source must say so.
 */
static const struct {
	const char *id;
	double printed;
	bool sparse;
	double peak; /* what the preset must hold */
} sheets[] = {
        /* NVIDIA A100 datasheet, A100 80GB SXM, BFLOAT16 Tensor Core: 312 | 624 sparse */
        {"a100", 312e12, false, 312e12},
        /* NVIDIA H100 page, H100 SXM, BFLOAT16 Tensor Core: 1,979 with sparsity */
        {"h100", 1979e12, true, 989e12},
        /* NVIDIA H200 page, H200 SXM, BFLOAT16 Tensor Core: 1,979 with sparsity */
        {"h200", 1979e12, true, 989e12},
        /* NVIDIA HGX page, HGX B200: FP16/BF16 Tensor Core 36 PFLOPS for 8 GPUs, with sparsity */
        {"b200", 36e15 / 8, true, 2.25e15},
        /* Google Cloud TPU v4 page: peak compute per chip 275 teraflops (bf16 or int8) */
        {"tpu-v4", 275e12, false, 275e12},
        /* Google Cloud TPU v5p page: peak compute per chip (bf16) 459 TFLOPs */
        {"tpu-v5p", 459e12, false, 459e12},
};

/* Every shipped accelerator holds its vendor's dense figure, read by the real loader. */
static void shipped_peaks_are_the_vendors(void **state)
{
	(void)state;
	static struct preset p;
	char path[256], err[PRESET_ERR_MAX];

	for (size_t i = 0; i < sizeof sheets / sizeof *sheets; i++) {
		snprintf(path, sizeof path, "presets/accelerators/%s.yaml", sheets[i].id);
		if (preset_load(path, PRESET_ACCELERATOR, &p, err, sizeof err) != 0)
			fail_msg("%s", err);
		assert_string_equal(p.id, sheets[i].id);
		assert_rel(p.peak_flops, sheets[i].peak, 0);
		/* the dense figure is the printed one, or half the sparse one to its digits */
		double dense = sheets[i].sparse ? sheets[i].printed / 2 : sheets[i].printed;
		assert_rel(p.peak_flops, dense, 1e-3);
		if (sheets[i].sparse && strstr(p.source, "halved") == NULL)
			fail_msg("%s: the source does not say the sparse figure was halved", path);
		if (strstr(p.source, "https://") == NULL)
			fail_msg("%s: the source gives no address", path);
	}
}

/* Whole accelerators: up, except a count a float's hair above a whole number. */
static void whole_count_rounds_up(void **state)
{
	(void)state;
	assert_true(hw_whole_count(3) == 3);
	assert_true(hw_whole_count(3.01) == 4);
	assert_true(hw_whole_count(0.2) == 1);
	assert_true(hw_whole_count(3 * (1 + 1e-15)) == 3);     /* rounding in hw_solve */
	assert_true(hw_whole_count(1e6 * (1 + 1e-13)) == 1e6); /* relative, not absolute */
	assert_true(hw_whole_count(1e6 * (1 + 1e-9)) == 1e6 + 1);
	/* a count solved from days that are its own days comes back whole */
	struct hw_plan p = {.peak = 989e12, .count = 1024, .mfu = 0.4, .days = 30};
	assert_int_equal(hw_solve(&p, HW_BUDGET), MODEL_OK);
	assert_int_equal(hw_solve(&p, HW_COUNT), MODEL_OK);
	assert_true(hw_whole_count(p.count) == 1024);
}

/* After the budget moved: the days follow, or the count in whole accelerators and then the days. */
static void follow_takes_up_the_budget(void **state)
{
	(void)state;
	struct hw_plan p = {.peak = 989e12, .count = 1024, .mfu = 0.4, .days = 30}, q;

	assert_int_equal(hw_follow(&p, 1e24, HW_DAYS), MODEL_OK);
	assert_true(p.count == 1024);
	assert_rel(p.days, 1e24 / (1024 * 989e12 * 0.4 * 86400), 1e-15);
	p.days = 30;
	assert_int_equal(hw_follow(&p, 1e24, HW_COUNT), MODEL_OK);
	assert_true(p.count == 976); /* 975.1 accelerators for 30 days: 976 */
	assert_rel(p.days, 1e24 / (976 * 989e12 * 0.4 * 86400), 1e-15);
	q = p;
	assert_int_equal(hw_follow(&p, -1, HW_DAYS), MODEL_EDOM);
	assert_memory_equal(&p, &q, sizeof p); /* untouched */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(budget_from_the_definition),
	        cmocka_unit_test(days_and_count_from_the_definition),
	        cmocka_unit_test(round_trips),
	        cmocka_unit_test(refuses_nonsense),
	        cmocka_unit_test(shipped_peaks_are_the_vendors),
	        cmocka_unit_test(whole_count_rounds_up),
	        cmocka_unit_test(follow_takes_up_the_budget),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
