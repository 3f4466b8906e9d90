/*
 * test_units.c: the short units people type and read.
 */
#include <string.h>

#include <stdlib.h>

#include "fixtures.h"

#include "../../model/law.h"
#include "../../model/units.h"

static void parses_what_people_write(void **state)
{
	(void)state;
	static const struct {
		const char *s;
		enum units_kind kind;
		double want;
	} cases[] = {
	        {"70e9", UNITS_COUNT, 70e9},
	        {"70B", UNITS_COUNT, 70e9},
	        {"70b", UNITS_COUNT, 70e9},
	        {"1.4T", UNITS_COUNT, 1.4e12},
	        {"300M", UNITS_COUNT, 300e6},
	        {"768", UNITS_COUNT, 768},
	        {"2.5K", UNITS_COUNT, 2500},
	        {"5.76e23", UNITS_COMPUTE, 5.76e23},
	        {"3.64e3pfd", UNITS_COMPUTE, 3.64e3 * LAW_PF_DAY},
	        {"1PFD", UNITS_COMPUTE, LAW_PF_DAY},
	        {"+2", UNITS_PLAIN, 2},
	        {".5", UNITS_PLAIN, 0.5},
	        {"1E-3", UNITS_PLAIN, 1e-3},
	        {"-0.25", UNITS_SIGNED, -0.25},
	        {"0", UNITS_SIGNED, 0},
	};

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		double x = 0;
		const char *why = NULL;
		if (!units_parse(cases[i].s, cases[i].kind, &x, &why))
			fail_msg("'%s' refused: %s", cases[i].s, why);
		assert_rel(x, cases[i].want, 1e-15);
	}
}

static void refuses_what_is_not_a_number(void **state)
{
	(void)state;
	static const struct {
		const char *s;
		enum units_kind kind;
		const char *why;
	} cases[] = {
	        {"", UNITS_COUNT, "empty number"},
	        {"abc", UNITS_COUNT, "not a number"},
	        {"nan", UNITS_PLAIN, "not a number"},
	        {"inf", UNITS_COMPUTE, "not a number"},
	        {"0x10", UNITS_COUNT, "unknown unit (use K, M, B or T)"},
	        {" 7", UNITS_COUNT, "blanks around the number (write it without spaces)"},
	        {"7 B", UNITS_COUNT, "unknown unit (use K, M, B or T)"},
	        {"70BB", UNITS_COUNT, "unknown unit (use K, M, B or T)"},
	        {"-5", UNITS_COUNT, "must be positive"},
	        {"0", UNITS_COUNT, "must be positive"},
	        {"0e5", UNITS_PLAIN, "must be positive"},
	        {"1e999", UNITS_COMPUTE, "out of range"},
	        {"3pfd", UNITS_COUNT, "unknown unit (use K, M, B or T)"},
	        {"3B", UNITS_COMPUTE,
	         "unknown unit (use FLOPs like 5.76e23, or PF-days like 3.64e3pfd)"},
	        {"1.2.3", UNITS_PLAIN, "not a number"},
	        {"e5", UNITS_PLAIN, "not a number"},
	};

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		double x = 42;
		const char *why = NULL;
		if (units_parse(cases[i].s, cases[i].kind, &x, &why))
			fail_msg("'%s' accepted as %g", cases[i].s, x);
		assert_string_equal(why, cases[i].why);
		assert_true(x == 42); /* nothing written on failure */
	}
}

static void formats_short_units(void **state)
{
	(void)state;
	static const struct {
		double x;
		const char *count;
		const char *compute;
	} cases[] = {
	        {70e9, "70B", "7e10"},           {1.4e12, "1.4T", "1.4e12"},
	        {174.6e9, "175B", "1.75e11"},    {999.6e9, "1T", "1e12"},
	        {5.76e23, "5.76e23", "5.76e23"}, {768, "768", "7.68e2"},
	        {12e6, "12M", "1.2e7"},          {2.5e3, "2.5K", "2.5e3"},
	        {999.4e12, "999T", "9.99e14"},   {1.2e15, "1.2e15", "1.2e15"},
	};
	char buf[32];

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		units_format_count(cases[i].x, buf, sizeof buf);
		assert_string_equal(buf, cases[i].count);
		units_format_compute(cases[i].x, buf, sizeof buf);
		assert_string_equal(buf, cases[i].compute);
	}
}

/* A stock of tokens reads in T up to 9990T: Villalobos et al. 2024's 100T-1000T. */
static void formats_a_stock_in_t(void **state)
{
	(void)state;
	static const struct {
		double x;
		const char *want;
	} cases[] = {
	        {3e14, "300T"},     {1e14, "100T"},     {1e15, "1000T"},  {1.234e15, "1230T"},
	        {9.99e15, "9990T"}, {9.996e15, "1e16"}, {1.4e12, "1.4T"}, {70e9, "70B"},
	};
	char buf[32];

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		units_format_tokens(cases[i].x, buf, sizeof buf);
		assert_string_equal(buf, cases[i].want);
	}
}

/* What is printed parses back to within the printed precision. */
static void round_trips(void **state)
{
	(void)state;
	char buf[32];
	const char *why;

	for (double x = 1.234; x < 1e17; x *= 7.3) {
		double y;
		units_format_count(x, buf, sizeof buf);
		assert_true(units_parse(buf, UNITS_COUNT, &y, &why));
		assert_rel(y, x, 5e-3);
		units_format_compute(x, buf, sizeof buf);
		assert_true(units_parse(buf, UNITS_COMPUTE, &y, &why));
		assert_rel(y, x, 5e-3);
	}
}

/* Blanks around a number are refused, with a reason that says so. */
static void refuses_blanks_around_a_number(void **state)
{
	(void)state;
	const char *bad[] = {" 70B", "70B ", "\t5", "5\n", " 1e23"};
	const char *why;
	double x;

	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		assert_false(units_parse(bad[i], UNITS_COUNT, &x, &why));
		assert_non_null(strstr(why, "blanks"));
	}
}

/* Every formatter stays within 10 characters for any double, and never says nan or inf. */
static void formats_are_bounded(void **state)
{
	(void)state;
	const double xs[] = {1e308,           -1e308, 4.9e-324, 1e-320,    0,
	                     123456789012.0,  1e-7,   INFINITY, -INFINITY, NAN,
	                     952922825955e105};
	char buf[64];

	for (size_t i = 0; i < sizeof xs / sizeof *xs; i++) {
		for (int dec = 0; dec <= 4; dec++) {
			units_format_fixed(xs[i], dec, buf, sizeof buf);
			if (strlen(buf) > UNITS_FIXED_MAX || strstr(buf, "nan") ||
			    strstr(buf, "inf"))
				fail_msg("fixed(%g, %d) = '%s'", xs[i], dec, buf);
		}
		units_format_count(xs[i], buf, sizeof buf);
		if (strlen(buf) > UNITS_FIXED_MAX || strstr(buf, "nan") || strstr(buf, "inf"))
			fail_msg("count(%g) = '%s'", xs[i], buf);
		units_format_compute(xs[i], buf, sizeof buf);
		if (strlen(buf) > UNITS_FIXED_MAX || strstr(buf, "nan") || strstr(buf, "inf"))
			fail_msg("compute(%g) = '%s'", xs[i], buf);
	}
	units_format_fixed(2.01234567, 4, buf, sizeof buf);
	assert_string_equal(buf, "2.0123");
	units_format_fixed(1e-7, 4, buf, sizeof buf); /* not 0.0000 */
	assert_string_equal(buf, "1e-7");
	units_format_fixed(3e12, 1, buf, sizeof buf);
	assert_string_equal(buf, "3e12");
}

/*
 * As a user types it: the fewest digits that give the double back (1e23, not
 * 9.9999999999999992e22), at most `digits`; rounded up, a bound given back
 * is at or above it (3.7947e22 -> 3.8e22, never 3.79e22).
 */
static void formats_as_typed(void **state)
{
	(void)state;
	static const struct {
		double x;
		int digits;
		const char *want;
	} cases[] = {
	        {1e23, 17, "1e23"},
	        {4.229e21, 17, "4.229e21"},
	        {1.00999999596e22, 17, "1.00999999596e22"},
	        {423 * 1e19, 3, "4.23e21"},
	        {3.7947e22, 3, "3.79e22"},
	        {2e-5, 17, "2e-5"},
	};
	char buf[64];

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		units_format_exact(cases[i].x, cases[i].digits, buf, sizeof buf);
		assert_string_equal(buf, cases[i].want);
		if (cases[i].digits == 17)
			assert_true(strtod(buf, NULL) == cases[i].x);
	}
	assert_true(units_round_up(3.7947e22, 3) == 3.8e22);
	assert_true(units_round_up(3.79e22, 3) == 3.79e22);
	assert_true(units_round_up(nextafter(3.79e22, INFINITY), 3) == 3.8e22);
	assert_true(units_round_up(9.991e21, 3) == 1e22);
	for (double x = 1.234567e20; x < 1e24; x *= 1.37)
		assert_true(units_round_up(x, 3) >= x && units_round_up(x, 3) < x * 1.01);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(parses_what_people_write),
	        cmocka_unit_test(refuses_what_is_not_a_number),
	        cmocka_unit_test(formats_short_units),
	        cmocka_unit_test(formats_a_stock_in_t),
	        cmocka_unit_test(round_trips),
	        cmocka_unit_test(refuses_blanks_around_a_number),
	        cmocka_unit_test(formats_are_bounded),
	        cmocka_unit_test(formats_as_typed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
