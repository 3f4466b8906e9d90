/*
 * test_contour.c: the choice of contour levels at the edges of a double's
 * precision, where a level loop that adds its step can stop advancing.
 * Each call runs under alarm(): a loop that never ends kills the test
 * with SIGALRM, which tests/run.sh reports, instead of hanging the suite.
 */
#include <unistd.h>

#include "fixtures.h"

#include "../../model/contour.h"

/* Levels are within (lo, hi), strictly ascending, and at most the room given. */
static void assert_levels_sane(const double *lv, int n, double lo, double hi)
{
	assert_in_range(n, 0, CONTOUR_MAX_LEVELS);
	for (int i = 0; i < n; i++) {
		if (!(lv[i] > lo && lv[i] < hi))
			fail_msg("level %d = %.17g outside (%.17g, %.17g)", i, lv[i], lo, hi);
		if (i > 0 && !(lv[i] > lv[i - 1]))
			fail_msg("level %d = %.17g not above level %d = %.17g", i, lv[i], i - 1,
			         lv[i - 1]);
	}
}

static void linear_levels_of_a_plain_span(void **state)
{
	(void)state;
	double lv[CONTOUR_MAX_LEVELS];
	int dec;

	alarm(10);
	int n = contour_levels_linear(-0.3, 0.45, 5, lv, &dec);
	alarm(0);
	/* a step of 0.1: -0.2 .. 0.4, and an exact 0 among them */
	assert_int_equal(n, 7);
	assert_int_equal(dec, 1);
	assert_true(lv[2] == 0 && !signbit(lv[2]));
	assert_levels_sane(lv, n, -0.3, 0.45);
}

/*
 * Differences near 1e16 (a user law with E = 1e16 against a real one) span
 * a few units where one unit is below a double's spacing (2 at 1e16): the
 * old loop's v += step left v where it was and never ended.
 */
static void linear_levels_below_the_precision_end(void **state)
{
	(void)state;
	static const double spans[][2] = {
	        {1e16 - 3, 1e16 + 3}, {1e16, 1e16 + 2},    {1e16 - 0.5, 1e16 + 6},
	        {5e14, 5e14 + 0.25},  {-1e17 - 40, -1e17}, {1e300, 1.0000000000001e300},
	        {4.9e-324, 1.5e-323}, {-1e308, 1e308},
	};

	for (size_t i = 0; i < sizeof spans / sizeof *spans; i++) {
		double lv[CONTOUR_MAX_LEVELS], lo = spans[i][0], hi = spans[i][1];
		int dec;
		for (int want = 1; want <= 9; want++) {
			alarm(10);
			int n = contour_levels_linear(lo, hi, want, lv, &dec);
			alarm(0);
			assert_levels_sane(lv, n, lo, hi);
			assert_in_range(dec, 0, 400);
		}
	}
}

/* The log-spaced levels near a base of 1e16 end too, and stay in range. */
static void log_levels_near_a_huge_base(void **state)
{
	(void)state;
	double lv[9];
	int dec[9];

	alarm(10);
	int n = contour_levels(1e16 + 2, 1e16 + 8, 1e16, 9, lv, dec);
	alarm(0);
	assert_levels_sane(lv, n, 1e16 + 2, 1e16 + 8);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(linear_levels_of_a_plain_span),
	        cmocka_unit_test(linear_levels_below_the_precision_end),
	        cmocka_unit_test(log_levels_near_a_huge_base),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
