/*
 * test_units_year.c: a decimal year as the timeline, its view's readout and
 * `isoflop timeline` all print it, from the one helper they share.
 */
#include <string.h>

#include "fixtures.h"

#include "../../model/units.h"

static void year_and_never(void **state)
{
	(void)state;
	char buf[16];

	assert_string_equal(units_format_year(2031.44, buf, sizeof buf), "2031.4");
	assert_string_equal(units_format_year(2027.96, buf, sizeof buf), "2028.0");
	assert_string_equal(units_format_year(INFINITY, buf, sizeof buf), "never");
	assert_string_equal(units_format_year(NAN, buf, sizeof buf), "never");
	assert_ptr_equal(units_format_year(2020, buf, sizeof buf), buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(year_and_never),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
