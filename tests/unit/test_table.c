/*
 * test_table.c: records, the one-row reports (fit's) that table.c prints
 * for scripts beside its tables.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../../tui/plot/table.h"
#include "fixtures.h"

/* What table_print_record writes, as a string the caller frees. */
static char *printed(const struct record *r, enum table_format format)
{
	char *text = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&text, &len);

	assert_non_null(fp);
	table_print_record(r, format, fp);
	assert_int_equal(fclose(fp), 0);
	return text;
}

/* CSV: a header and a line; a missing value is an empty field, a text is quoted as RFC 4180. */
static void record_as_csv(void **state)
{
	(void)state;
	static const struct column cols[] = {
	        {"method", "method", COL_TEXT, false},
	        {"points", "points", COL_NUMBER, false},
	        {"a", "a", COL_NUMBER, false},
	};
	const struct cell cells[] = {cell_text("iso,flop"), cell_num(96), cell_none()};
	struct record r = {cols, cells, 3};
	char *text = printed(&r, FORMAT_CSV);

	assert_string_equal(text, "method,points,a\n\"iso,flop\",96,\n");
	free(text);
}

/* JSON: one object on a line, with objects, arrays of strings and true nested in it. */
static void record_as_json(void **state)
{
	(void)state;
	static const struct column inner_cols[] = {{"p10", "p10", COL_NUMBER, false}};
	const struct cell inner_cells[] = {cell_num(0.25)};
	struct record inner = {inner_cols, inner_cells, 1};
	static const struct column cols[] = {
	        {"one_d", "one_d", COL_BOOL, false},  {"B", "B", COL_NUMBER, false},
	        {"E", "E", COL_OBJECT, false},        {"warnings", "warnings", COL_STRINGS, false},
	        {"none", "none", COL_STRINGS, false},
	};
	const char *const warnings[] = {"say \"why\"", "two"};
	const struct cell cells[] = {cell_bool(true), cell_none(), cell_object(&inner),
	                             cell_strings(warnings, 2), cell_strings(NULL, 0)};
	struct record r = {cols, cells, 5};
	char *text = printed(&r, FORMAT_JSON);

	assert_string_equal(text, "{\"one_d\": true, \"B\": null, \"E\": {\"p10\": 0.25}, "
	                          "\"warnings\": [\"say \\\"why\\\"\", \"two\"], \"none\": []}\n");
	free(text);
}

/* A spread with no value (NAN, an rms over no fits; inf) prints "?", not log10 of it. */
static void spread_not_finite(void **state)
{
	(void)state;
	static const double xs[] = {NAN, INFINITY, -INFINITY};
	char buf[32];

	for (size_t i = 0; i < sizeof xs / sizeof *xs; i++) {
		table_format_spread(xs[i], buf, sizeof buf);
		assert_string_equal(buf, "?");
	}
	table_format_spread(0.065, buf, sizeof buf);
	assert_string_equal(buf, "6.5%");
}

/*
 * For scripts: a run's whole counts (COL_RUNS) in full, past 2^53 in the
 * fewest digits that give the double back; an estimate (COL_COUNT) to 10
 * significant digits, whatever its size.
 */
static void run_counts_in_full(void **state)
{
	(void)state;
	static const struct column cols[] = {
	        {"n", "n", COL_RUNS, false},        {"d", "d", COL_RUNS, false},
	        {"big", "big", COL_RUNS, false},    {"est", "est", COL_COUNT, false},
	        {"huge", "huge", COL_COUNT, false}, {"typed", "typed", COL_COUNT, false},
	};
	/* a count's estimate (not whole), one past 1e15 (whole by chance), one typed (whole) */
	const struct cell cells[] = {
	        cell_num(10500000000),   cell_num(35650623880),         cell_num(1e23),
	        cell_num(35650623880.4), cell_num(41722812066829984.0), cell_num(35650623881)};
	struct record r = {cols, cells, 6};
	char *text = printed(&r, FORMAT_CSV);

	assert_string_equal(text, "n,d,big,est,huge,typed\n10500000000,35650623880,1e23,"
	                          "3.565062388e+10,4.172281207e+16,35650623881\n");
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(record_as_csv),
	        cmocka_unit_test(record_as_json),
	        cmocka_unit_test(spread_not_finite),
	        cmocka_unit_test(run_counts_in_full),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
