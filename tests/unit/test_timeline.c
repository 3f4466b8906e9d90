/*
 * test_timeline.c: the growth fit against a synthetic line whose growth is
 * known, the data-wall year solved by hand from Chinchilla's closed form
 * (Hoffmann et al. 2022, arXiv:2203.15556, Eq. 4), and the refusals.
 */
#include "../../model/timeline.h"
#include "fixtures.h"

/* Points on C = 1e20 * 4^(year - 2015) exactly: the fit returns 4x a year, a zero-width interval.
 */
static void fit_recovers_a_known_growth(void **state)
{
	(void)state;
	double year[5] = {2015, 2016.5, 2018, 2019.25, 2022}, c[5];
	struct timeline_fit f;

	for (int i = 0; i < 5; i++)
		c[i] = 1e20 * pow(4, year[i] - 2015);
	assert_int_equal(timeline_fit(year, c, 5, 0.9, &f), MODEL_OK);
	assert_rel(f.growth, 4, 1e-9);
	assert_rel(f.growth_low, 4, 1e-6);
	assert_rel(f.growth_high, 4, 1e-6);
	assert_rel(f.intercept + f.slope * 2015, 20, 1e-12);
}

/*
 * With scatter the interval is slope +- t(0.95, n - 2) sd. By hand, for
 * years 0, 1, 2 and log10 C = 0, 2, 1: slope 0.5, residuals -0.5, 1, -0.5,
 * sumsq 1.5, s^2 = 1.5 / 1, var(slope) = s^2 / 2 = 0.75, t(0.95, 1) = 6.3138.
 */
static void interval_by_hand(void **state)
{
	(void)state;
	double year[3] = {0, 1, 2}, c[3] = {1, 100, 10};
	struct timeline_fit f;

	assert_int_equal(timeline_fit(year, c, 3, 0.9, &f), MODEL_OK);
	assert_rel(f.slope, 0.5, 1e-12);
	assert_rel(f.sumsq, 1.5, 1e-12);
	double half = 6.313751514675 * sqrt(0.75);
	assert_rel(f.growth_low, pow(10, 0.5 - half), 1e-9);
	assert_rel(f.growth_high, pow(10, 0.5 + half), 1e-9);
}

static void fewer_than_three_points_refused(void **state)
{
	(void)state;
	double year[3] = {2020, 2021, 2022}, c[3] = {1e23, 1e24, 1e25};
	struct timeline_fit f;

	assert_int_equal(timeline_fit(year, c, 2, 0.9, &f), MODEL_EDOM);
	assert_int_equal(timeline_fit(year, c, 0, 0.9, &f), MODEL_EDOM);
	c[1] = 0; /* no published compute */
	assert_int_equal(timeline_fit(year, c, 3, 0.9, &f), MODEL_EDOM);
	double same[3] = {2020, 2020, 2020};
	c[1] = 1e24;
	assert_int_equal(timeline_fit(same, c, 3, 0.9, &f), MODEL_EDOM);
	assert_int_equal(timeline_fit(year, c, 3, 1, &f), MODEL_EDOM);
}

static void decimal_years(void **state)
{
	(void)state;
	assert_rel(timeline_year("2022-03"), 2022 + 2 / 12.0, 1e-15);
	assert_rel(timeline_year("2024-07-23"), 2024.5, 1e-15);
	assert_rel(timeline_year("2020"), 2020.5, 1e-15);
	assert_true(isnan(timeline_year("2020-13")));
	assert_true(isnan(timeline_year("May 2020")));
	assert_true(isnan(timeline_year("")));
}

/*
 * Chinchilla's Eq. 4: D_opt = G^-1 (C/6)^b, so the C that makes D_opt = S is
 * 6 (G S)^(1/b), G = (alpha A / (beta B))^(1/(alpha+beta)), b = alpha/(alpha+beta).
 * From 1e25 FLOPs in 2024 at 4x a year, the year is 2024 + log(C/1e25)/log 4.
 */
static void wall_year_by_hand(void **state)
{
	(void)state;
	struct law law = fixture_law("hoffmann2022");
	double s = 3e14,
	       g = pow(law.alpha * law.A / (law.beta * law.B), 1 / (law.alpha + law.beta));
	double b = law.alpha / (law.alpha + law.beta);
	double c_wall = law.k * pow(g * s, 1 / b);
	double stock[3] = {s, 1e14, 1e15}, growth[3] = {4, 3, 5};
	struct timeline_origin from = {2024, 1e25};
	struct timeline_wall w;

	assert_int_equal(timeline_wall(&law, stock, from, growth, &w), MODEL_OK);
	assert_rel(w.compute, c_wall, 1e-9);
	assert_rel(w.year, 2024 + log(c_wall / 1e25) / log(4), 1e-9);
	assert_rel(w.year_early, 2024 + log(law.k * pow(g * 1e14, 1 / b) / 1e25) / log(5), 1e-9);
	assert_rel(w.year_late, 2024 + log(law.k * pow(g * 1e15, 1 / b) / 1e25) / log(3), 1e-9);
	assert_true(w.year_early < w.year && w.year < w.year_late);
}

static void wall_refuses_disordered_intervals(void **state)
{
	(void)state;
	struct law law = fixture_law("hoffmann2022");
	double stock[3] = {3e14, 5e14, 1e15}, growth[3] = {4, 3, 5};
	struct timeline_origin from = {2024, 1e25};
	struct timeline_wall w;

	assert_int_equal(timeline_wall(&law, stock, from, growth, &w), MODEL_EDOM);
	stock[1] = 1e14;
	growth[1] = 0; /* not a growth */
	assert_int_equal(timeline_wall(&law, stock, from, growth, &w), MODEL_EDOM);
	growth[1] = 0.9; /* shrinking at its slowest: the latest year is never */
	assert_int_equal(timeline_wall(&law, stock, from, growth, &w), MODEL_OK);
	assert_true(isnan(w.year_late) && isfinite(w.year));
	assert_true(isnan(timeline_year_reaching(from, 0.5, 1e26)));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(fit_recovers_a_known_growth),
	        cmocka_unit_test(interval_by_hand),
	        cmocka_unit_test(fewer_than_three_points_refused),
	        cmocka_unit_test(decimal_years),
	        cmocka_unit_test(wall_year_by_hand),
	        cmocka_unit_test(wall_refuses_disordered_intervals),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
