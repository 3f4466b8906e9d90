/*
 * test_testtime_load.c: what the loader makes of a test-time law (the kind
 * of issue 16), from the test files in tests/testtime-presets/testtime/ (made-up
 * numbers, one file per form), and how the catalog finds them. The bad files
 * are in tests/bad/testtime-*.yaml, checked through the binary by tests/bad.sh.
 */
#include <string.h>

#include "../../presets/catalog.h"
#include "fixtures.h"

#define DIR "tests/testtime-presets"

static void load(const char *name, enum preset_kind want, struct preset *p)
{
	char path[256], err[PRESET_ERR_MAX];

	snprintf(path, sizeof path, DIR "/testtime/%s.yaml", name);
	if (preset_load(path, want, p, err, sizeof err) != 0)
		fail_msg("%s", err);
}

/* A log-linear law: its three constants, units, task and ranges, FLOPs in either unit. */
static void log_linear_fills_the_law(void **state)
{
	(void)state;
	static struct preset p;

	load("loglinear", PRESET_TESTTIME, &p);
	assert_int_equal(p.kind, PRESET_TESTTIME);
	assert_string_equal(p.id, "test-loglinear");
	assert_int_equal(p.tt.form, TT_LOG_LINEAR);
	assert_string_equal(p.tt.units, "Elo");
	assert_string_equal(p.task, "Hex, 9x9 board");
	assert_rel(p.tt.exchange, 1.2, 0);
	assert_rel(p.tt.per_unit, 0.004, 0);
	assert_rel(p.tt.offset, 29, 0);
	assert_rel(p.tt.train.lo, 1e12, 0);
	assert_rel(p.tt.train.hi, 1e17, 0);
	assert_rel(p.tt.test.lo, 1e8, 0);
	assert_rel(p.tt.test.hi, 3e3 * 8.64e19, 1e-15); /* PF-days, as compute ranges take */
	assert_rel(p.tt.performance.lo, -1500, 0);      /* Elo below perfect play: negative */
	assert_abs(p.tt.performance.hi, 0, 0);
	assert_abs(p.tt.samples.hi, 0, 0); /* not given */
	assert_true(tt_has_plane(&p.tt));
}

/* A coverage law: a, b < 0, samples with a count suffix. */
static void coverage_fills_the_law(void **state)
{
	(void)state;
	static struct preset p;

	load("coverage", PRESET_ANY, &p); /* `form` alone tells the kind */
	assert_int_equal(p.kind, PRESET_TESTTIME);
	assert_int_equal(p.tt.form, TT_COVERAGE);
	assert_string_equal(p.tt.units, "coverage");
	assert_rel(p.tt.a, -2.5, 0);
	assert_rel(p.tt.b, -0.4, 0);
	assert_rel(p.tt.samples.lo, 1, 0);
	assert_rel(p.tt.samples.hi, 1e4, 0);
	assert_false(tt_has_plane(&p.tt));
	assert_rel(tt_coverage(&p.tt, 1), exp(-2.5), 1e-15);
}

/* A flops-match law: how much larger, and its list of loads in order. */
static void flops_match_fills_the_law(void **state)
{
	(void)state;
	static struct preset p;

	load("flopsmatch", PRESET_TESTTIME, &p);
	assert_int_equal(p.tt.form, TT_FLOPS_MATCH);
	assert_string_equal(p.tt.units, "");
	assert_rel(p.tt.larger, 14, 0);
	assert_int_equal(p.tt.nloads, 3);
	assert_rel(p.tt.loads[0], 0.16, 0);
	assert_rel(p.tt.loads[1], 0.79, 0);
	assert_rel(p.tt.loads[2], 22, 0);
}

/* A test-time law where a loss law is expected is refused at its first test-time key. */
static void kind_is_enforced(void **state)
{
	(void)state;
	static struct preset p;
	char err[PRESET_ERR_MAX];

	assert_int_equal(
	        preset_load(DIR "/testtime/loglinear.yaml", PRESET_LAW, &p, err, sizeof err), -1);
	assert_string_equal(err,
	                    DIR "/testtime/loglinear.yaml:4:1: 'form' does not belong in a law "
	                        "preset");
	assert_string_equal(preset_kind_name(PRESET_TESTTIME), "test-time law");
	assert_string_equal(preset_tt_form_name(TT_FLOPS_MATCH), "flops-match");
}

/* DIR/testtime/ loads sorted by id; the shipped tree without one loads as before. */
static void catalog_finds_them(void **state)
{
	(void)state;
	static struct catalog cat;
	char err[PRESET_ERR_MAX];
	const char *dirs[] = {DIR};
	struct catalog_options with = {.dirs = dirs, .ndirs = 1};
	struct catalog_options none = {.beside_dir = DIR "/testtime"}; /* no testtime/ in it */

	if (catalog_load(&cat, &with, err, sizeof err) != 0)
		fail_msg("%s", err);
	assert_int_equal(cat.ntesttimes, 3);
	assert_string_equal(cat.testtimes[0].preset.id, "test-coverage");
	assert_string_equal(cat.testtimes[2].preset.id, "test-loglinear");
	assert_non_null(catalog_testtime(&cat, "test-flopsmatch"));
	assert_null(catalog_testtime(&cat, "hoffmann2022"));
	assert_null(catalog_law(&cat, "test-loglinear"));
	assert_int_equal(cat.nbroken, 0);
	catalog_free(&cat);

	if (catalog_load(&cat, &none, err, sizeof err) != 0)
		fail_msg("%s", err);
	assert_int_equal(cat.ntesttimes, 0);
	assert_null(catalog_testtime(&cat, "test-loglinear"));
	catalog_free(&cat);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(log_linear_fills_the_law),
	        cmocka_unit_test(coverage_fills_the_law),
	        cmocka_unit_test(flops_match_fills_the_law),
	        cmocka_unit_test(kind_is_enforced),
	        cmocka_unit_test(catalog_finds_them),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
