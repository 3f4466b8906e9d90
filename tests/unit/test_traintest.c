/*
 * test_traintest.c: the train x test laws' algebra (model/traintest.h):
 * each inverse undoes its function, the cheapest pair is cheaper than its
 * neighbours on the same iso-performance line and trains `exchange` times
 * what it serves, and every form refuses what it cannot answer. The
 * shipped constants are held to their papers in test_traintest_presets.
 */
#include "../../model/traintest.h"
#include "fixtures.h"

/* A log-linear law of Jones's shape; the numbers only need to be plausible here. */
static const struct tt_law plane = {
        .form = TT_LOG_LINEAR, .units = "Elo", .exchange = 1.2, .per_unit = 0.004, .offset = 29};
static const struct tt_law monkeys = {
        .form = TT_COVERAGE, .units = "coverage", .a = -1.33, .b = -0.43};

static void performance_and_test_for_are_inverses(void **state)
{
	(void)state;
	for (double train = 1e12; train <= 1e18; train *= 10)
		for (double p = -1500; p <= 0; p += 250) {
			double test = tt_test_for(&plane, train, p);
			assert_rel(tt_performance(&plane, train, test), p, 1e-9);
		}
}

static void ten_times_the_training_saves_ten_to_the_exchange(void **state)
{
	(void)state;
	assert_rel(tt_exchange_10x(&plane, 1e14, -500), pow(10, 1.2), 1e-9);
	assert_rel(tt_exchange_10x(&plane, 1e16, -1200), pow(10, 1.2), 1e-9);
}

static void the_cheapest_pair_is_cheapest(void **state)
{
	(void)state;
	double train, test;
	for (double q = 1; q <= 1e9; q *= 100) {
		assert_true(tt_cheapest(&plane, -500, q, &train, &test));
		assert_rel(tt_performance(&plane, train, test), -500, 1e-9);
		/* the first-order condition: training is `exchange` times serving */
		assert_rel(train, 1.2 * q * test, 1e-9);
		double best = tt_total(train, test, q);
		for (double f = 0.5; f <= 2; f += 0.25) {
			double t2 = train * f;
			assert_true(tt_total(t2, tt_test_for(&plane, t2, -500), q) >=
			            best * (1 - 1e-12));
		}
	}
}

static void coverage_and_samples_for_are_inverses(void **state)
{
	(void)state;
	for (double k = 1; k <= 1e4; k *= 10)
		assert_rel(tt_samples_for(&monkeys, tt_coverage(&monkeys, k)), k, 1e-9);
	/* more samples, more coverage, below 1 */
	assert_true(tt_coverage(&monkeys, 100) > tt_coverage(&monkeys, 10));
	assert_true(tt_coverage(&monkeys, 1e9) < 1);
}

static void each_form_refuses_what_it_cannot_answer(void **state)
{
	(void)state;
	double train, test;
	assert_true(isnan(tt_performance(&monkeys, 1e15, 1e9)));
	assert_true(isnan(tt_performance(&plane, 0, 1e9)));
	assert_true(isnan(tt_performance(&plane, 1e15, -1)));
	assert_true(isnan(tt_coverage(&plane, 10)));
	assert_true(isnan(tt_coverage(&monkeys, 0.5)));
	assert_true(isnan(tt_samples_for(&monkeys, 1)));
	assert_true(isnan(tt_samples_for(&monkeys, 0)));
	assert_false(tt_cheapest(&monkeys, 0.5, 10, &train, &test));
	assert_false(tt_cheapest(&plane, -500, 0, &train, &test));
	assert_true(isnan(train) && isnan(test));
}

static void ranges(void **state)
{
	(void)state;
	struct tt_range none = {0, 0}, r = {1e12, 1e17};
	assert_true(tt_in_range(none, 1e30));
	assert_true(tt_in_range(r, 1e12) && tt_in_range(r, 1e17));
	assert_false(tt_in_range(r, 2e17));
	assert_false(tt_in_range(r, NAN));
	assert_true(tt_has_plane(&plane));
	assert_false(tt_has_plane(&monkeys));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(performance_and_test_for_are_inverses),
	        cmocka_unit_test(ten_times_the_training_saves_ten_to_the_exchange),
	        cmocka_unit_test(the_cheapest_pair_is_cheapest),
	        cmocka_unit_test(coverage_and_samples_for_are_inverses),
	        cmocka_unit_test(each_form_refuses_what_it_cannot_answer),
	        cmocka_unit_test(ranges),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
